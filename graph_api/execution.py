"""A faster way to complete the plain parts of an answer, inside graphql-core's executor.

Why: a page of 20 organisations with partners and programmes is ~1,800 fields, and
graphql-core spends ~10 µs on each (a resolve-info tuple, argument handling, awaitable
checks, a type dispatch per value) although almost all of them only read an attribute of a
dataclass we built ourselves (``OrganisationLink.organisation.name``, ``Evidence.line``).
That executor work was the page query's bottleneck.

So when an object is completed whose selected fields are all *plain* — Strawberry fields
without a resolver, arguments or permissions, of a scalar/enum type or of a (list of) plain
object type, recursively — the object is built by a plan compiled once per selection and
request: read the attribute, coerce the scalar, recurse. Everything else (fields with
resolvers, arguments, abstract types, ``@defer``, field middleware) takes graphql-core's
path unchanged.

What stays the same: the answer (names, aliases, fragments, ``@skip``/``@include`` come
from graphql-core's own field collection), the list-item budget of :mod:`.limits.items`
(a plan counts its list entries and is only used if they fit), and every error: a plan
that meets anything unusual (``None`` in a non-null field, a value a scalar refuses, any
exception) is dropped for that object and graphql-core completes it again, so the error
and its path are exactly graphql-core's. Plans read attributes only, so running one
twice has no effect.

    >>> from graphql import GraphQLString
    >>> _plain_type(GraphQLNonNull(GraphQLList(GraphQLString)))
    (True, True, False, <GraphQLScalarType 'String'>)
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    is_leaf_type,
)

from .limits.items import ItemBudget

__all__ = ["FastExecution"]

# how a plan entry turns an attribute into its answer
_LEAF, _OBJECT, _LEAF_LIST, _OBJECT_LIST, _TYPENAME = range(5)

# (response name, reader, kind, non-null, items non-null, coercer | sub-plan | type name)
Entry = tuple[str, Callable[[Any], Any], int, bool, bool, Any]
Plan = tuple[Entry, ...]


class _Fallback(Exception):
    """The plan cannot complete this object; graphql-core does it instead."""


def _plain_type(t: Any) -> tuple[bool, bool, bool, Any] | None:
    """(non-null, list, items non-null, named type) of an output type; None if nested lists."""
    non_null = isinstance(t, GraphQLNonNull)
    if non_null:
        t = t.of_type
    if not isinstance(t, GraphQLList):
        return non_null, False, False, t
    item = t.of_type
    item_non_null = isinstance(item, GraphQLNonNull)
    if item_non_null:
        item = item.of_type
    if isinstance(item, GraphQLList):
        return None
    return non_null, True, item_non_null, item


def _reader(field: GraphQLField, details: Any) -> Callable[[Any], Any] | None:
    """How to read a plain field from its parent: a Strawberry field without resolver or
    arguments (directives other than skip/include are arguments too), read with the
    default ``getattr`` of its Python name (what its resolver would do, minus two calls)."""
    if not getattr(field.resolve, "_is_default", False) or field.args:
        return None
    if any(d.node.arguments for d in details):
        return None
    definition = (field.extensions or {}).get("strawberry-definition")
    if definition is None or definition.base_resolver is not None:
        return None
    if definition.default_resolver is getattr:
        return attrgetter(definition.python_name)
    resolve = field.resolve
    return lambda source: resolve(source, None)  # type: ignore[misc]


def _run(plan: Plan, source: Any, items: list[int]) -> dict[str, Any]:
    """The answer for ``source``; counts list entries into ``items[0]``."""
    out: dict[str, Any] = {}
    for name, read, kind, non_null, items_non_null, arg in plan:
        if kind == _TYPENAME:
            out[name] = arg
            continue
        value = read(source)
        if value is None:
            if non_null:
                raise _Fallback
            out[name] = None
        elif kind == _LEAF:
            coerced = arg(value)
            if coerced is None:
                raise _Fallback
            out[name] = coerced
        elif kind == _OBJECT:
            out[name] = _run(arg, value, items)
        else:
            if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
                raise _Fallback  # graphql-core's error for a non-list
            entries = list(value)
            items[0] += len(entries)
            done: list[Any] = []
            for entry in entries:
                if entry is None:
                    if items_non_null:
                        raise _Fallback
                    done.append(None)
                elif kind == _LEAF_LIST:
                    coerced = arg(entry)
                    if coerced is None:
                        raise _Fallback
                    done.append(coerced)
                else:
                    done.append(_run(arg, entry, items))
            out[name] = done
    return out


class FastExecution(ItemBudget):
    """graphql-core's execution (with the item budget) plus plans for plain objects."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (type, id(field details)) -> (field details kept alive, plan or None)
        self._plans: dict[tuple[Any, int], tuple[Any, Plan | None]] = {}
        manager = self.middleware_manager
        self._fast = manager is None or not manager.middlewares

    def _plan(self, return_type: GraphQLObjectType, details: Any) -> Plan | None:
        key = (return_type, id(details))
        cached = self._plans.get(key)
        if cached is None:
            cached = self._plans[key] = (details, self._compile(return_type, details))
        return cached[1]

    def _compile(self, return_type: GraphQLObjectType, details: Any) -> Plan | None:
        """The plan of one selection on ``return_type``, or None if a field is not plain."""
        if return_type.is_type_of is not None:
            return None
        fields, defers, _ = self.collect_subfields(return_type, details)
        if defers:
            return None
        plan: list[Entry] = []
        for response_name, sub_details in fields.items():
            field_name = sub_details[0].node.name.value
            if field_name == "__typename":
                plan.append((response_name, _noop, _TYPENAME, True, True, return_type.name))
                continue
            field = return_type.fields.get(field_name)
            read = _reader(field, sub_details) if field is not None else None
            if field is None or read is None:
                return None
            shape = _plain_type(field.type)
            if shape is None:
                return None
            non_null, is_list, items_non_null, named = shape
            arg: Any
            if is_leaf_type(named):
                kind, arg = (_LEAF_LIST if is_list else _LEAF), named.coerce_output_value
            elif isinstance(named, GraphQLObjectType):
                sub = self._plan(named, sub_details)
                if sub is None:
                    return None
                kind, arg = (_OBJECT_LIST if is_list else _OBJECT), sub
            else:
                return None  # interfaces and unions: graphql-core resolves the type
            plan.append((response_name, read, kind, non_null, items_non_null, arg))
        return tuple(plan)

    def complete_list_value(
        self,
        return_type: Any,
        field_details_list: Any,
        info: Any,
        path: Any,
        result: Any,
        *rest: Any,
    ) -> Any:
        """A list of plain objects in one go: no per-item path, dispatch or awaitable check."""
        item = return_type.of_type
        item_non_null = isinstance(item, GraphQLNonNull)
        if item_non_null:
            item = item.of_type
        if (
            self._fast
            and isinstance(item, GraphQLObjectType)
            and isinstance(result, list | tuple)
            and not self.stopped
        ):
            plan = self._plan(item, field_details_list)
            if plan is not None:
                counted = [len(result)]
                try:
                    answer = [
                        _run(plan, entry, counted)
                        if entry is not None
                        else _raise_if(item_non_null)
                        for entry in result
                    ]
                except Exception:  # noqa: BLE001 - graphql-core completes it and reports
                    answer = None
                if answer is not None and self.items + counted[0] <= self.max_items:
                    self.items += counted[0]
                    return answer
        return super().complete_list_value(
            return_type, field_details_list, info, path, result, *rest
        )

    def complete_object_value(
        self,
        return_type: GraphQLObjectType,
        field_details_list: Any,
        info: Any,
        path: Any,
        result: Any,
        *rest: Any,
    ) -> Any:
        plan = self._plan(return_type, field_details_list) if self._fast else None
        if plan is not None and not self.stopped:
            counted = [0]
            try:
                answer = _run(plan, result, counted)
            except Exception:  # noqa: BLE001 - graphql-core completes it and reports the error
                answer = None
            if answer is not None and self.items + counted[0] <= self.max_items:
                self.items += counted[0]
                return answer
        return super().complete_object_value(
            return_type, field_details_list, info, path, result, *rest
        )


def _noop(*_: Any) -> None:
    return None


def _raise_if(non_null: bool) -> Any:
    """The answer for a ``None`` list entry: null, or graphql-core's error if non-null."""
    if non_null:
        raise _Fallback
    return None
