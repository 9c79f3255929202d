"""The analytics notebooks run top to bottom against the real Neo4j (nbclient).

A failing cell fails the test. Each notebook prints control values in its last cell,
which the test compares with the same computation done here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from queries.analytics.synergy import synergies
from queries.projection import measure_profiles, project
from queries.settings import REPO_ROOT, Settings
from tests.graphs import write_graph
from tests.integration.analytics.example_graph import example_graph

pytestmark = pytest.mark.integration
NOTEBOOKS = REPO_ROOT / "notebooks"


@pytest.fixture()
def synergy_graph(graph: Settings) -> Settings:
    """A clean graph holding :func:`example_graph`."""
    write_graph(example_graph(), graph)
    return graph


def run(name: str) -> dict[str, str]:
    """Execute a notebook in the venv's kernel; the control values of its last cell."""
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        book, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(REPO_ROOT)}}
    )
    km = client.kernel_manager_class(kernel_name="python3")
    km.kernel_spec.argv[0] = sys.executable  # this venv's python, not the first on PATH
    client.km = km
    client.execute()
    text = "".join(o.get("text", "") for o in book.cells[-1].outputs)
    return dict(re.findall(r"(\w+)=(\S+)", text))


@pytest.mark.parametrize("fixture", ["graph", "synergy_graph"])
def test_centrality_notebook(fixture: str, request: pytest.FixtureRequest) -> None:
    settings: Settings = request.getfixturevalue(fixture)
    G = project(settings)
    values = run("centrality_report.ipynb")
    assert values["KNOTEN"] == str(G.number_of_nodes())
    assert values["KANTEN"] == str(G.number_of_edges())


@pytest.mark.parametrize("fixture", ["graph", "synergy_graph"])
def test_synergy_notebook(fixture: str, request: pytest.FixtureRequest) -> None:
    settings: Settings = request.getfixturevalue(fixture)
    expected = synergies(project(settings), measure_profiles(settings), first=15)
    values = run("synergy_explorer.ipynb")
    assert values["PAARE"] == str(len(expected))
    if fixture == "synergy_graph":
        assert values["ORG"] == "stadt-duisburg"  # the organisation with most links
        assert values["VORSCHLAEGE"] == "1"
    else:
        assert values["ORG"] == "None"


def test_notebooks_on_the_corpus(corpus_graph: Settings) -> None:
    G = project(corpus_graph)
    values = run("centrality_report.ipynb")
    assert values["KNOTEN"] == str(G.number_of_nodes()) and G.number_of_nodes() > 0
    values = run("synergy_explorer.ipynb")
    assert values["PAARE"] == str(len(synergies(G, measure_profiles(corpus_graph), first=15)))


def two_years(settings: Settings) -> None:
    """Report 2020 names A and B (cooperating) and A in IQ; report 2022 adds C, A–C and
    B, C in IQ. Report years come from the years of each report's measures."""
    from tests.graphs import SampleGraph

    g = SampleGraph().document("r20.txt", "Bericht 2020").document("r22.txt", "Bericht 2022")
    for i, name in (("a", "Verein A"), ("b", "Verein B"), ("c", "Verein C")):
        g.organisation(i, name, "Verein")
    g.programme("iq", "Integration durch Qualifizierung (IQ)", "Foerderprogramm")
    g.measure("m1", "a", "Schulung", ("r20.txt", 2, -1, "A schult."), year=2020)
    g.measure("m2", "c", "Tag der Vielfalt", ("r22.txt", 2, -1, "C feiert."), year=2022)
    g.mention("r20.txt", "a", (1, -1, "A")).mention("r20.txt", "b", (1, -1, "B"))
    g.mention("r22.txt", "a", (1, -1, "A")).mention("r22.txt", "c", (1, -1, "C"))
    g.mention("r20.txt", "iq", (3, -1, "IQ"))
    g.link("a", "COOPERATES_WITH", "b", ("r20.txt", 5, -1, "A und B."))
    g.link("a", "COOPERATES_WITH", "c", ("r22.txt", 5, -1, "A und C."))
    g.link("a", "PARTICIPATES_IN", "iq", ("r20.txt", 6, -1, "A in IQ."))
    g.link("b", "PARTICIPATES_IN", "iq", ("r22.txt", 6, -1, "B in IQ."))
    g.link("c", "SIGNED", "iq", ("r22.txt", 7, -1, "C in IQ."))
    write_graph(g, settings)


def test_network_change_notebook_on_two_report_years(graph: Settings) -> None:
    from queries.analytics.change import change_inputs, network_change, programme_growth

    two_years(graph)
    entities, links, years = change_inputs(graph)
    assert years == {"r20.txt": 2020, "r22.txt": 2022}
    changes = network_change(entities, links, years)
    assert [(c.year, c.new_organisations) for c in changes] == [
        (2020, ("Verein A", "Verein B")),
        (2022, ("Verein C",)),
    ]
    assert [c.new_cooperations for c in changes] == [
        (("Verein A", "Verein B"),),
        (("Verein A", "Verein C"),),
    ]
    names = {e["id"]: e["name"] for e in entities}
    assert programme_growth(links, years, names) == {
        "Integration durch Qualifizierung (IQ)": {2020: 1, 2022: 3}
    }
    values = run("network_change.ipynb")
    assert values == {"JAHRE": "2", "NEUE_ORGS": "3", "NEUE_KOOPS": "2", "PROGRAMME": "1"}


def test_network_change_notebook_on_an_empty_graph(graph: Settings) -> None:
    assert run("network_change.ipynb")["JAHRE"] == "0"


def test_nbconvert_executes_the_notebooks_from_their_folder(
    corpus_graph: Settings, tmp_path: Path
) -> None:
    """`jupyter nbconvert --execute` as the README shows it: run in notebooks/, the
    repository's .env still decides which Neo4j is read."""
    from queries.analytics.change import change_inputs, network_change

    jupyter = Path(sys.executable).parent / "jupyter"
    for name in ("network_change.ipynb", "centrality_report.ipynb", "synergy_explorer.ipynb"):
        done = subprocess.run(
            [str(jupyter), "nbconvert", "--execute", "--to", "notebook",
             "--output-dir", str(tmp_path), name],
            cwd=NOTEBOOKS, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
    book = nbformat.read(tmp_path / "network_change.ipynb", as_version=4)
    text = "".join(o.get("text", "") for o in book.cells[-1].outputs)
    changes = network_change(*change_inputs(corpus_graph))
    assert f"JAHRE={len(changes)} " in text and len(changes) > 1
