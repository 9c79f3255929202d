"""The package layering and the public names, read from the source (no database).

Layers (docs/architecture.md): ``queries`` at the bottom; ``loaders`` and ``graph_api`` on
it, never importing each other, not even as a module name in a string; ``vielfalt``, the
command line, on top, the only package that wires loaders and graph_api together.
Each package's ``__init__.__all__`` names what the other packages and the notebooks import.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from queries.settings import REPO_ROOT

PACKAGES = ("queries", "loaders", "graph_api", "vielfalt")
FORBIDDEN = {
    "queries": {"loaders", "graph_api", "vielfalt"},
    "loaders": {"graph_api", "vielfalt"},
    "graph_api": {"loaders", "vielfalt"},
    "vielfalt": set(),
}
# a string that is nothing but a module path, e.g. "graph_api.app:create_app"
_MODULE_STRING = re.compile(r"^(?P<top>[a-z_]+)(\.[A-Za-z_]\w*)*(:[A-Za-z_]\w*)?$")


def references(source: str) -> Iterator[tuple[str, str]]:
    """(top-level package, how) for every import and every module-path string in ``source``.

    Imports inside functions and ``TYPE_CHECKING`` blocks count too.

    >>> sorted(references("import graph_api.app\\nx = 'loaders.cli:main'"))
    [('graph_api', 'import graph_api.app'), ('loaders', "string 'loaders.cli:main'")]
    """
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0], f"from {node.module} import ..."
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found = _MODULE_STRING.match(node.value)
            if found and ("." in node.value or ":" in node.value):
                yield found.group("top"), f"string {node.value!r}"


def modules(package: str) -> list[Path]:
    return sorted((REPO_ROOT / package).rglob("*.py"))


def notebook_code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return "\n".join(line for line in code.splitlines() if not line.lstrip().startswith("%"))


def layer_violations(package: str, source: str) -> list[str]:
    return [how for top, how in references(source) if top in FORBIDDEN[package]]


def test_the_scan_sees_imports_in_functions_and_back_doors_in_strings() -> None:
    source = (
        "def f():\n"
        "    from graph_api.render_pages import standalone_html\n"
        "    import importlib\n"
        "    importlib.import_module('graph_api.commands')\n"
        "    uvicorn.run('graph_api.app:create_app', factory=True)\n"
        "'''Docstring naming graph_api in prose is fine.'''\n"
    )
    assert sorted(layer_violations("loaders", source)) == [
        "from graph_api.render_pages import ...",
        "string 'graph_api.app:create_app'",
        "string 'graph_api.commands'",
    ]
    assert layer_violations("vielfalt", source) == []


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_imports_only_the_layers_below_it(package: str) -> None:
    bad = [
        f"{path.relative_to(REPO_ROOT)}: {how}"
        for path in modules(package)
        for how in layer_violations(package, path.read_text(encoding="utf-8"))
    ]
    assert bad == [], f"{package} must not reach {sorted(FORBIDDEN[package])}"


def test_only_vielfalt_imports_both_loaders_and_graph_api() -> None:
    both = [
        package
        for package in PACKAGES
        if {"loaders", "graph_api"}
        <= {top for path in modules(package) for top, _ in references(path.read_text())}
    ]
    assert both == ["vielfalt"]


def imported_names() -> Iterator[tuple[str, str, str]]:
    """(package, module, name) for each ``from <package>.<module> import name`` written in
    another package or a notebook, where ``name`` is not itself a module."""
    sources = [(p, path.read_text(encoding="utf-8")) for p in PACKAGES for path in modules(p)]
    sources += [
        ("notebooks", notebook_code(nb)) for nb in sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
    ]
    for owner, source in sources:
        for node in ast.walk(ast.parse(source)):
            if not (isinstance(node, ast.ImportFrom) and node.module and node.level == 0):
                continue
            top = node.module.split(".")[0]
            if top not in PACKAGES or top == owner:
                continue
            for alias in node.names:
                folder = REPO_ROOT.joinpath(*node.module.split("."))
                if (folder / f"{alias.name}.py").exists() or (folder / alias.name).is_dir():
                    continue  # a module, not a name
                yield top, node.module, alias.name


def test_the_scan_finds_names_other_packages_import() -> None:
    found = set(imported_names())
    assert ("queries", "queries.settings", "get_settings") in found
    assert ("graph_api", "graph_api.app", "create_app") in found
    assert ("vielfalt", "vielfalt.report_render", "plots") in found  # from a notebook
    assert not any(name == "db" for _, _, name in found)  # `from queries import db`: a module


@pytest.mark.parametrize("package", PACKAGES)
def test_all_lists_every_name_other_packages_import(package: str) -> None:
    exported = set(importlib.import_module(package).__all__)
    missing = sorted(
        {
            f"{module}.{name}"
            for top, module, name in imported_names()
            if top == package
            if name not in exported
        }
    )
    assert missing == [], f"add to {package}/__init__.py _EXPORTS: {missing}"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_name_in_all_exists_where_it_says(package: str) -> None:
    pkg = importlib.import_module(package)
    assert pkg.__all__ == sorted(set(pkg.__all__))
    shadowing = [n for n in pkg.__all__ if (REPO_ROOT / package / f"{n}.py").exists()]
    assert shadowing == [], "a public name must not hide a module of the same name"
    for name in pkg.__all__:
        defining = importlib.import_module(f"{package}.{pkg._EXPORTS[name]}")
        assert getattr(pkg, name) is getattr(defining, name), name


def test_an_unknown_name_is_an_attribute_error() -> None:
    import queries

    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        _ = queries.no_such_name  # type: ignore[attr-defined]


# The stages of ``loaders`` in the order a document passes them (docs/architecture.md): a
# module imports only its own stage and earlier ones. ``learn`` (the trained models) is
# consulted by several stages and trains on the whole extraction, so it stands outside.
LOADER_STAGES: tuple[tuple[str, ...], ...] = (
    ("errors", "models", "names", "scan"),  # the shared records and helpers
    ("reference",),
    ("source",),
    ("clean",),
    ("sections",),
    ("mentions",),
    ("resolve",),
    ("links", "measures"),  # siblings: neither imports the other
    ("extract",),
    ("parallel",),
    ("load",),
    ("scorer_prefilter",),
    ("evaluation",),
)
OUTSIDE_THE_STAGES = {"__init__", "learn"}


def loader_imports(module: str, source: str) -> set[str]:
    """The parts of ``loaders`` (a top-level module or subpackage) that ``source`` imports;
    ``module`` is its dotted name (``pkg.__init__`` for a package), to resolve relative imports.

    >>> sorted(loader_imports("loaders.load.pipeline", "from ..models import X\\n"
    ...     "from .batch import to_batch\\nfrom loaders import scorer_prefilter"))
    ['load', 'models', 'scorer_prefilter']
    """
    package = module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, node.module] if node.module else base)
            names = (
                [f"{target}.{alias.name}" for alias in node.names]
                if target == "loaders"
                else [target]
            )
        found |= {n.split(".")[1] for n in names if n.startswith("loaders.")}
    return found


def test_the_loader_stages_import_only_earlier_stages() -> None:
    tier = {part: i for i, parts in enumerate(LOADER_STAGES) for part in parts}
    parts = {
        p.relative_to(REPO_ROOT / "loaders").parts[0].removesuffix(".py")
        for p in modules("loaders")
    }
    assert parts - OUTSIDE_THE_STAGES == set(tier), "place each module of loaders/ in LOADER_STAGES"
    bad = []
    for path in modules("loaders"):
        relative = path.relative_to(REPO_ROOT).with_suffix("").parts
        own = relative[1]
        if own in OUTSIDE_THE_STAGES:
            continue
        module = ".".join(relative)  # a package's __init__ too: relative imports start there
        for part in loader_imports(module, path.read_text(encoding="utf-8")) - OUTSIDE_THE_STAGES:
            if part != own and tier[part] >= tier[own]:
                bad.append(f"{path.relative_to(REPO_ROOT)} imports loaders.{part}")
    assert bad == []
