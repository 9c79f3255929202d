"""Every named Cypher statement compiles against the real Neo4j (EXPLAIN plans, runs nothing)."""

from __future__ import annotations

import pytest

from queries import db
from queries.settings import Settings
from queries.statements import all_statements

pytestmark = pytest.mark.integration

_QUERIES = {k: v for k, v in all_statements().items() if not k.startswith("schema_")}


@pytest.mark.parametrize("name", sorted(_QUERIES))
def test_statement_compiles(name: str, neo4j_server: Settings) -> None:
    db.read("EXPLAIN " + _QUERIES[name], neo4j_server)


def test_every_statement_documents_its_params() -> None:
    for name, text in all_statements().items():
        assert text.lstrip().startswith("//"), f"{name}.cypher lacks its header comment"
        assert "params" in text.split("\n\n")[0], f"{name}.cypher: header must list params"


@pytest.mark.parametrize("name", sorted(n for n, t in _QUERIES.items() if t.columns))
def test_declared_columns_are_the_result_columns(name: str, neo4j_server: Settings) -> None:
    """``// returns:`` is what lets a statement run inside a combined read: it must be true."""
    driver = db.get_driver(neo4j_server)
    with driver.session(database=neo4j_server.neo4j_database) as session:
        keys = session.run("EXPLAIN " + _QUERIES[name]).keys()
    assert tuple(keys) == _QUERIES[name].columns


def test_combined_reads_answer_like_separate_reads(graph: Settings) -> None:
    """Each read of a combined statement gets its own rows, in its own order; a read
    without rows does not drop the others."""
    from queries import read, read_links
    from queries.read_batch import combined
    from tests.graphs import SampleGraph, write_graph

    ev = ("d.pdf", 1, -1, "Beleg")
    g = SampleGraph().document("d.pdf", "D").organisation("a", "A").organisation("b", "B")
    g.link("a", "COOPERATES_WITH", "b", ev)
    for year in (2023, 2019, 2021):
        g.measure(f"m{year}", "a", f"Maßnahme {year}", ev, category=1, year=year)
    write_graph(g, graph)
    reads = [
        read.organisations_by_ids(["a", "b", "fehlt"]),
        read_links.measures_of([("a", None), ("b", None)]),
        read_links.mentions_of(["niemand"]),
        read_links.links_for([read_links.LinkQuery("a")]),
    ]
    together = db.fetch(combined(reads), graph)
    assert together == [db.fetch(r, graph) for r in reads]
    assert [m.year for m in together[1][("a", None)]] == [2019, 2021, 2023]
    assert together[2] == {} and set(together[0]) == {"a", "b"}
