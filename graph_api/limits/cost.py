"""What a GraphQL document would cost, estimated on its syntax tree before validation.

graphql-core validates a document by walking every fragment spread it expands; 29 fragments
that each spread the previous one twice (1.4 KB) made that walk 2^29 steps and froze the app
for half an hour. So the document is measured here first, in one pass that visits each
fragment once (its cost is memoised by name), and refused if it is too expensive, before
validation and before any database call.

The estimate: every field costs 1; a list field multiplies the cost of its selection by its
size — its ``first`` argument (capped at the page size limit, as the resolver caps it) or,
for a list without one, the default page size. ``edges`` of a connection are already counted
by the connection's ``first``. Introspection (``__schema``, ``__type``) is counted without
multipliers: it reads the schema in memory and the depth limit bounds its nesting.

>>> from graphql import build_schema, parse
>>> s = build_schema("type Query { a(first: Int = 20): [A] }  type A { b: [A] x: Int }")
>>> estimate(parse("{ a(first: 3) { x } }"), s).cost
4
>>> estimate(parse("{ a { b { x } } }"), s).cost
421
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
)

__all__ = ["Estimate", "TooDeep", "estimate", "longest_string", "nesting"]

DEFAULT_LIST_SIZE = 20
"""The multiplier of a list without ``first``: the schema's default page size."""

MAX_NESTING = 100
"""Selection sets nested deeper than this are refused outright (the depth limit is lower)."""

CEILING = 10**12
"""Costs saturate here: big enough to exceed any budget, small enough to print."""


class TooDeep(Exception):
    """The document nests selections deeper than :data:`MAX_NESTING`."""


@dataclass
class Estimate:
    """The measured document: estimated cost and the syntactic counts that are capped."""

    cost: int = 0
    fragments: int = 0
    spreads: int = 0
    aliases: int = 0


class _Walker:
    def __init__(
        self,
        document: DocumentNode,
        schema: GraphQLSchema,
        variables: Mapping[str, Any],
        max_page_size: int,
    ) -> None:
        self.schema = schema
        self.variables = variables
        self.max_page_size = max_page_size
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.memo: dict[str, int] = {}
        self.in_progress: set[str] = set()

    def fragment(self, name: str, depth: int) -> int:
        """The cost of a fragment, computed once (a cycle counts 0; validation refuses it)."""
        if name in self.memo:
            return self.memo[name]
        definition = self.fragments.get(name)
        if definition is None or name in self.in_progress:
            return 0
        self.in_progress.add(name)
        type_name = definition.type_condition.name.value
        parent = self.schema.get_type(type_name)
        cost = self.selections(
            definition.selection_set, parent, depth, introspection=type_name.startswith("__")
        )
        self.in_progress.discard(name)
        self.memo[name] = cost
        return cost

    def selections(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLNamedType | None,
        depth: int,
        *,
        introspection: bool,
    ) -> int:
        if selection_set is None:
            return 0
        if depth > MAX_NESTING:
            raise TooDeep
        total = 0
        for sel in selection_set.selections:
            if isinstance(sel, FieldNode):
                total += self.field(sel, parent, depth, introspection)
            elif isinstance(sel, InlineFragmentNode):
                inner = parent
                if sel.type_condition is not None:
                    inner = self.schema.get_type(sel.type_condition.name.value)
                total += self.selections(
                    sel.selection_set, inner, depth + 1, introspection=introspection
                )
            elif isinstance(sel, FragmentSpreadNode):
                total += self.fragment(sel.name.value, depth + 1)
        return min(total, CEILING)

    def field(
        self, node: FieldNode, parent: GraphQLNamedType | None, depth: int, introspection: bool
    ) -> int:
        name = node.name.value
        introspection = introspection or name.startswith("__")
        paged, first_default = False, None
        if name == "__schema":
            field_type: Any = self.schema.get_type("__Schema")
        elif name == "__type":
            field_type = self.schema.get_type("__Type")
        elif isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) and (
            definition := parent.fields.get(name)
        ):
            field_type = get_nullable_type(definition.type)
            if (first_arg := definition.args.get("first")) is not None:
                paged, first_default = True, first_arg.default_value
        else:
            return 1  # unknown field: validation will refuse it
        size = 1
        if introspection:
            pass
        elif paged:
            size = self.first(node, first_default)
        elif isinstance(field_type, GraphQLList) and not (
            parent is not None and parent.name.endswith("Connection")
        ):
            size = DEFAULT_LIST_SIZE
        inner = self.selections(
            node.selection_set, get_named_type(field_type), depth + 1, introspection=introspection
        )
        return min(1 + size * inner, CEILING)

    def first(self, node: FieldNode, default: Any) -> int:
        """The page size a field asks for: literal, variable or default, within the limit."""
        value: Any = default if isinstance(default, int) else DEFAULT_LIST_SIZE
        for arg in node.arguments or ():
            if arg.name.value != "first":
                continue
            if isinstance(arg.value, IntValueNode):
                value = int(arg.value.value)
            elif isinstance(arg.value, VariableNode):
                given = self.variables.get(arg.value.name.value)
                if isinstance(given, int):
                    value = given
        return max(0, min(int(value), self.max_page_size))


_KEYS: dict[type, tuple[str, ...]] = {}


def _nodes(node: Node) -> Iterator[Node]:
    """Every node of a syntax tree, without recursion (a deep document cannot overflow)."""
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        yield current
        kind = type(current)
        keys = _KEYS.get(kind)
        if keys is None:  # graphql-core computes ``keys`` from the dataclass fields each time
            keys = _KEYS[kind] = tuple(current.keys)
        for key in keys:
            child = getattr(current, key, None)
            if isinstance(child, Node):
                stack.append(child)
            elif isinstance(child, tuple | list):
                stack.extend(c for c in child if isinstance(c, Node))


def estimate(
    document: DocumentNode,
    schema: GraphQLSchema,
    variables: Mapping[str, Any] | None = None,
    *,
    max_page_size: int = 100,
) -> Estimate:
    """Cost and counts of ``document``: the most expensive operation or fragment.

    Raises :class:`TooDeep` for selections nested deeper than :data:`MAX_NESTING`.
    """
    result = Estimate()
    for node in _nodes(document):
        if isinstance(node, FragmentDefinitionNode):
            result.fragments += 1
        elif isinstance(node, FragmentSpreadNode):
            result.spreads += 1
        elif isinstance(node, FieldNode) and node.alias is not None:
            result.aliases += 1
    walker = _Walker(document, schema, variables or {}, max_page_size)
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            root = schema.get_root_type(definition.operation)
            cost = walker.selections(definition.selection_set, root, 1, introspection=False)
        elif isinstance(definition, FragmentDefinitionNode):
            cost = walker.fragment(definition.name.value, 1)
        else:
            continue
        result.cost = max(result.cost, cost)
    return result


def longest_string(document: DocumentNode, variables: Mapping[str, Any] | None) -> int:
    """The length of the longest string literal or string variable value (nested too).

    >>> from graphql import parse
    >>> longest_string(parse('{ s(text: "abc") }'), {"x": ["hello", {"y": "hi"}]})
    5
    """
    longest = 0
    for node in _nodes(document):
        if isinstance(node, StringValueNode):
            longest = max(longest, len(node.value))
    stack: list[Any] = list((variables or {}).values())
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            longest = max(longest, len(value))
        elif isinstance(value, dict):
            stack.extend(value.values())
            stack.extend(k for k in value if isinstance(k, str))
        elif isinstance(value, list):
            stack.extend(value)
    return longest


_TOKENS = re.compile(r'"""[\s\S]*?(?:"""|$)|"(?:\\.|[^"\\\n])*"?|#[^\n]*|[{}()\[\]]')


def nesting(text: str) -> int:
    """How deep ``{``, ``(`` and ``[`` nest in a GraphQL text, outside strings and comments.

    Checked before parsing: graphql-core's parser recurses per level, and a document of a
    few thousand braces would end in a RecursionError instead of a clear refusal.

    >>> nesting('{ a(x: "{{{{") { b { c } } }  # {{{{')
    3
    """
    depth = deepest = 0
    for match in _TOKENS.finditer(text):
        c = match.group(0)
        if c in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif c in "})]":
            depth -= 1
    return deepest
