"""The analytics notebooks run top to bottom against the real Neo4j (nbclient).

A failing cell fails the test. Each notebook prints control values in its last cell,
which the test compares with the same computation done here.
"""

from __future__ import annotations

import re
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from queries.analytics.synergy import synergies
from queries.projection import measure_profiles, project
from queries.sample_graph import write_sample_graph
from queries.settings import REPO_ROOT, Settings
from tests.integration.analytics.example_graph import example_graph

pytestmark = pytest.mark.integration
NOTEBOOKS = REPO_ROOT / "notebooks"


@pytest.fixture()
def synergy_graph(graph: Settings) -> Settings:
    """A clean graph holding :func:`example_graph`."""
    write_sample_graph(example_graph(), graph)
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
