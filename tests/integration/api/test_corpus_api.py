"""The API on the loaded corpus, answer by answer against independent Cypher or networkx.

Nothing here names a corpus fact: every expectation is read from the database (or the
projection) in the test itself, so the tests hold for whatever the loaders extract.
"""

from __future__ import annotations

import networkx as nx
import pytest

from queries import db
from queries.projection import project
from queries.settings import Settings

from .conftest import GQL

pytestmark = pytest.mark.integration

ORGS = """query($first: Int!, $after: String) { organisations(first: $first, after: $after) {
  totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }"""
ONE = """query($id: ID!) { organisation(id: $id) { id name
  partners(first: 100) { organisation { id } evidence { docId line quote } }
  programmes { type programme { id } } measures { id } } }"""


def _cypher(query: str, settings: Settings, **params: object) -> list[dict]:
    return db.read(query, settings, **params)


def test_pages_cover_every_organisation_once(corpus_graph: Settings, gql: GQL) -> None:
    expected = [
        r["id"]
        for r in _cypher("MATCH (o:Organisation) RETURN o.id AS id ORDER BY id", corpus_graph)
    ]
    assert len(expected) > 100
    seen, after = [], None
    while True:
        conn = gql(ORGS, first=37, after=after)["data"]["organisations"]
        assert conn["totalCount"] == len(expected)
        seen += [e["node"]["id"] for e in conn["edges"]]
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert seen == expected


def test_organisations_answer_like_cypher(corpus_graph: Settings, gql: GQL) -> None:
    """The 25 organisations with most partners: partners, programmes, measures and the
    evidence of each partner link as stored, in one round trip each."""
    busiest = _cypher(
        """MATCH (o:Organisation) WITH o, COUNT { (o)-[:COOPERATES_WITH]-(:Organisation) } AS n
           WHERE n > 0 RETURN o.id AS id ORDER BY n DESC, id LIMIT 25""",
        corpus_graph,
    )
    assert len(busiest) == 25
    for row in busiest:
        body = gql(ONE, id=row["id"])
        assert "errors" not in body and body["extensions"]["dbRoundTrips"] == 1, body
        org = body["data"]["organisation"]
        partners = _cypher(
            """MATCH (:Organisation {id: $id})-[r:COOPERATES_WITH]-(p:Organisation)
               RETURN p.id AS id, r.ev_docs AS docs, r.ev_lines AS lines""",
            corpus_graph,
            id=row["id"],
        )
        assert sorted(p["organisation"]["id"] for p in org["partners"]) == sorted(
            p["id"] for p in partners
        )
        stored = {p["id"]: list(zip(p["docs"], p["lines"], strict=True)) for p in partners}
        for p in org["partners"]:
            got = [(e["docId"], e["line"]) for e in p["evidence"]]
            assert got == stored[p["organisation"]["id"]]
            assert all(e["quote"] for e in p["evidence"])
        programmes = _cypher(
            "MATCH (:Organisation {id: $id})-[r]-(p:Programme) RETURN p.id AS id, type(r) AS t",
            corpus_graph,
            id=row["id"],
        )
        assert sorted((p["programme"]["id"], p["type"]) for p in org["programmes"]) == sorted(
            (p["id"], p["t"]) for p in programmes
        )
        measures = _cypher(
            "MATCH (:Organisation {id: $id})-[:REPORTS]->(m:Measure) RETURN m.id AS id",
            corpus_graph,
            id=row["id"],
        )
        assert sorted(m["id"] for m in org["measures"]) == sorted(m["id"] for m in measures)


def test_paths_and_ego_networks_agree_with_networkx(corpus_graph: Settings, gql: GQL) -> None:
    """Shortest cooperation paths have the length networkx finds on the projection, and the
    depth-1 ego network holds exactly the projection's neighbours."""
    G = project(corpus_graph)
    orgs = [(n, d) for n, d in G.degree if G.nodes[n]["label"] == "Organisation"]
    hubs = sorted(orgs, key=lambda nd: (-nd[1], nd[0]))[:6]
    pairs = [(a, b) for (a, _), (b, _) in zip(hubs, hubs[1:], strict=False)]
    for a, b in pairs:
        body = gql(
            """query($a: ID!, $b: ID!) { cooperationPath(from: $a, to: $b) {
               length nodes { id } hops { source target evidence { docId } } } }""",
            a=a,
            b=b,
        )
        path = body["data"]["cooperationPath"]
        if not nx.has_path(G, a, b):
            assert path is None
            continue
        assert path["length"] == nx.shortest_path_length(G, a, b)
        ids = [n["id"] for n in path["nodes"]]
        assert (ids[0], ids[-1]) == (a, b)
        assert all(G.has_edge(u, v) for u, v in zip(ids, ids[1:], strict=False))
    for node, _ in hubs:
        net = gql(
            "query($id: ID!) { egoNetwork(id: $id, depth: 1) { truncated nodes { id } } }",
            id=node,
        )["data"]["egoNetwork"]
        if not net["truncated"]:
            assert {n["id"] for n in net["nodes"]} == {node, *G[node]}


def test_search_finds_names_with_umlauts_and_prefixes(corpus_graph: Settings, gql: GQL) -> None:
    """For organisations whose name has an umlaut: a folded prefix of that word finds it."""
    names = _cypher(
        """MATCH (o:Organisation) WHERE o.name =~ '.*[äöüÄÖÜ].*'
           RETURN o.id AS id, o.name AS name ORDER BY id LIMIT 10""",
        corpus_graph,
    )
    assert names
    for row in names:
        word = next(w for w in row["name"].split() if any(c in w for c in "äöüÄÖÜ"))
        prefix = word[: max(4, len(word) - 2)]
        folded = prefix.translate(str.maketrans("äöüÄÖÜ", "aouAOU"))
        for text in (prefix, folded.lower()):
            hits = gql("query($t: String!) { search(text: $t, first: 100) { id } }", t=text)[
                "data"
            ]["search"]
            assert row["id"] in {h["id"] for h in hits}, (text, row["name"])


def test_stats_match_the_database(corpus_graph: Settings, gql: GQL) -> None:
    stats = gql("{ stats { nodes { key count } relationships { key count } } }")["data"]
    counts = db.counts(corpus_graph)
    assert {n["key"]: n["count"] for n in stats["stats"]["nodes"]} == counts["nodes"]
    assert {r["key"]: r["count"] for r in stats["stats"]["relationships"]} == counts[
        "relationships"
    ]


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [
        ("koeln", "Köln"),
        ("duesseldorf", "Düsseldorf"),
        ("muenster", "Münster"),
        ("paritaetische", "Paritätische"),
    ],
)
def test_search_without_umlauts_finds_the_umlaut_names(
    corpus_graph: Settings, gql: GQL, typed: str, spelled: str
) -> None:
    """Typed with ae/oe/ue, the search finds what the umlaut spelling finds, and names the
    entity with the umlaut first (expected names come from the database)."""
    query = "query($t: String!) { search(text: $t, first: 20) { id name } }"
    hits = gql(query, t=typed)["data"]["search"]
    with_umlaut = gql(query, t=spelled)["data"]["search"]
    assert hits and spelled.lower() in hits[0]["name"].lower()
    assert {h["id"] for h in hits} == {h["id"] for h in with_umlaut}
    named = _cypher(
        "MATCH (n) WHERE (n:Organisation OR n:Programme) AND n.name CONTAINS $s RETURN n.id AS id",
        corpus_graph,
        s=spelled,
    )
    if len(named) <= 20:
        assert {r["id"] for r in named} <= {h["id"] for h in hits}
