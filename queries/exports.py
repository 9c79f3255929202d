"""Lazy public names for a package's ``__init__`` (PEP 562).

Why lazy: each package lists its public surface in ``__init__.__all__``, but importing
``queries.errors`` must not load the driver, networkx and scipy with it (``vielfalt
extract`` and ``--help`` start fast because commands import the heavy stacks only when
they run). So ``__init__`` keeps a table *name -> defining module* and imports the module
on first access of the name.

>>> import types
>>> pkg = types.ModuleType("queries")
>>> pkg.__getattr__ = lazy_getattr("queries", {"number_de": "tables"})
>>> pkg.number_de(1234.5, 2)
'1.234,50'
>>> pkg.nothing
Traceback (most recent call last):
    ...
AttributeError: module 'queries' has no attribute 'nothing'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["lazy_getattr"]


def lazy_getattr(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that resolves ``exports`` (name -> module under ``package``)."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{module}"), name)

    return __getattr__
