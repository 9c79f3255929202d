"""The GraphQL schema: queries, curation mutations and the limits as schema extensions.

Resolvers are thin: check the arguments, call one ``queries`` function through the context,
map the rows. Limits (depth, tokens, page size, database timeout) answer with a GraphQL
error that says which limit was hit; unexpected errors are masked, never a stack trace.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterator
from typing import Annotated, Any, TypeVar

import strawberry
from graphql import FieldNode, GraphQLError
from graphql.validation import ASTValidationRule, ValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.permission import BasePermission
from strawberry.types import ExecutionContext, Info

from queries import curation_writes, network, read, read_links, read_search
from queries.db import counts
from queries.documents import document_infos
from queries.settings import get_settings

from .analysis_slots import analysis_slot
from .auth import CanRead, CanWrite
from .context import ApiContext
from .execution import FastExecution
from .limits import RequestLimits
from .limits.items import ItemBudget
from .public_errors import INTERNAL, is_public_graphql, log_graphql_errors
from .types.category import Category, category_of
from .types.connection import Connection, check_first, decode_cursor, to_connection, wants_total
from .types.curation import CurationResult, EvidenceInput
from .types.document import Document
from .types.filters import MeasureFilterInput, OrganisationFilterInput, ProgrammeFilterInput
from .types.links import LinkType
from .types.measure import Measure
from .types.network import CooperationPath, Network
from .types.organisation import Organisation
from .types.organisation import prefetch as prefetch_organisation
from .types.programme import Programme
from .types.search import SearchHit
from .types.stats import Stats
from .types.stats import counts as count_list
from .types.synergy import Synergy

__all__ = ["schema", "build_schema", "Query", "Mutation"]

log = logging.getLogger(__name__)
EGO_MAX_NODES = 500  # an ego network stops growing here, so a hub cannot return the graph
Ctx = Info[ApiContext, None]
READ: list[type[BasePermission]] = [CanRead]
T = TypeVar("T")


async def _connection(
    info: Ctx,
    flt: read.OrganisationFilter | read.ProgrammeFilter | read.MeasureFilter,
    first: int,
    after: str | None,
    from_row: Callable[[Any], T],
) -> Connection[T]:
    """One page of a filtered list (the filter's type says which) as a Relay connection."""
    check_first(first, info.context.settings.graphql_max_page_size)
    spec = read.filtered_page(
        flt, first=first, after=decode_cursor(after), with_total=wants_total(info)
    )
    page = await info.context.fetch(spec)
    return to_connection(page, [from_row(r) for r in page.rows], after=after)


@strawberry.type
class Query:
    @strawberry.field(permission_classes=READ, description="Eine Organisation nach Kennung")
    async def organisation(self, info: Ctx, id: strawberry.ID) -> Organisation | None:
        prefetch_organisation(info, str(id))
        row = await info.context.loaders.organisation.load(str(id))
        return Organisation.from_row(row) if row else None

    @strawberry.field(permission_classes=READ, description="Ein Programm nach Kennung")
    async def programme(self, info: Ctx, id: strawberry.ID) -> Programme | None:
        row = await info.context.loaders.programme.load(str(id))
        return Programme.from_row(row) if row else None

    @strawberry.field(permission_classes=READ, description="Organisationen, seitenweise")
    async def organisations(
        self,
        info: Ctx,
        filter: OrganisationFilterInput | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Organisation]:
        flt = (filter or OrganisationFilterInput()).to_query()
        return await _connection(info, flt, first, after, Organisation.from_row)

    @strawberry.field(permission_classes=READ, description="Programme, seitenweise")
    async def programmes(
        self,
        info: Ctx,
        filter: ProgrammeFilterInput | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Programme]:
        flt = (filter or ProgrammeFilterInput()).to_query()
        return await _connection(info, flt, first, after, Programme.from_row)

    @strawberry.field(permission_classes=READ, description="Maßnahmen, seitenweise")
    async def measures(
        self,
        info: Ctx,
        filter: MeasureFilterInput | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[Measure]:
        flt = (filter or MeasureFilterInput()).to_query()
        return await _connection(info, flt, first, after, Measure.from_row)

    @strawberry.field(permission_classes=READ, description="Die sechs Handlungsfelder")
    def categories(self) -> list[Category]:
        return [c for c in (category_of(i) for i in range(1, 7)) if c is not None]

    @strawberry.field(
        permission_classes=READ, description="Namenssuche (Umlaute egal, Wortanfänge genügen)"
    )
    async def search(self, info: Ctx, text: str, first: int = 10) -> list[SearchHit]:
        check_first(first, info.context.settings.graphql_max_page_size)
        rows = await info.context.fetch(read_search.search_entities(text, first=first))
        return [SearchHit.from_row(r) for r in rows]

    @strawberry.field(permission_classes=READ, description="Ego-Netzwerk bis Tiefe 3")
    async def ego_network(self, info: Ctx, id: strawberry.ID, depth: int = 1) -> Network:
        # a process: a depth-3 network of a hub is shaped for long, see analysis_processes
        view = await info.context.run_in_process(
            network.ego_network,
            str(id),
            depth,
            max_nodes=EGO_MAX_NODES,
            evidence=None,  # every quote, as on the links of an organisation
            citations=False,  # GraphQL's evidence leads to its document by id
            depth_name="depth",
        )
        return Network.from_view(view)

    @strawberry.field(
        permission_classes=READ,
        description="Kürzester Weg zwischen zwei Organisationen (null: keiner)",
    )
    async def cooperation_path(
        self,
        info: Ctx,
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
    ) -> CooperationPath | None:
        view = await info.context.run_in_process(read_links.cooperation_path, str(from_), str(to))
        return CooperationPath.from_view(view) if view else None

    @strawberry.field(permission_classes=READ, description="Synergie-Vorschläge")
    async def synergies(self, info: Ctx, id: strawberry.ID, first: int = 10) -> list[Synergy]:
        check_first(first, info.context.settings.graphql_max_page_size)
        from queries.analytics.synergy import synergies_for

        settings = info.context.settings
        slots = settings.graphql_analysis_slots
        async with analysis_slot(slots, settings.neo4j_query_timeout):
            rows = await info.context.run_in_process(synergies_for, str(id), first=first)
        return [Synergy.from_row(r) for r in rows]

    @strawberry.field(
        permission_classes=READ,
        description="Die geladenen Berichte mit Titel, Herausgeber und Jahr; mit `year` nur "
        "die Berichte dieses Jahres",
    )
    async def documents(self, info: Ctx, year: int | None = None) -> list[Document]:
        infos = await info.context.run(document_infos)
        ids = sorted(k for k, d in infos.items() if year is None or d.year == year)
        rows = await info.context.loaders.document.load_many(ids)
        return [Document.from_row(r) for r in rows if r is not None]

    @strawberry.field(permission_classes=READ, description="Umfang des Graphen")
    async def stats(self, info: Ctx) -> Stats:
        graph = await info.context.run(counts)
        types = await info.context.run(read.organisation_type_counts)
        return Stats(
            nodes=count_list(graph["nodes"]),
            relationships=count_list(graph["relationships"]),
            organisation_types=count_list(types),
        )


WRITE: list[type[BasePermission]] = [CanWrite]
# `source` is taken by Strawberry's permission machinery; the GraphQL name stays `source`
SourceArg = Annotated[strawberry.ID, strawberry.argument(name="source")]


def _result(info: Ctx, message: str) -> CurationResult:
    return CurationResult(
        ok=True, message=message, recorded_in=str(info.context.settings.corrections_file)
    )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        permission_classes=WRITE,
        description="Führt `remove` in `keep` zusammen (Graph und Korrekturdatei)",
    )
    async def merge_organisations(
        self, info: Ctx, keep: strawberry.ID, remove: strawberry.ID
    ) -> CurationResult:
        moved = await info.context.run(curation_writes.curate_merge, str(keep), str(remove))
        return _result(info, f"{remove} in {keep} zusammengeführt ({moved} Verbindungen)")

    @strawberry.mutation(permission_classes=WRITE, description="Ergänzt eine Verbindung mit Beleg")
    async def add_link(
        self,
        info: Ctx,
        source_: SourceArg,
        target: strawberry.ID,
        type: LinkType,
        evidence: EvidenceInput,
    ) -> CurationResult:
        spec = await info.context.run(
            curation_writes.curate_add_link,
            str(source_),
            str(target),
            type.value,
            quote=evidence.quote,
            doc=evidence.doc or curation_writes.CURATION_DOC,
            line=evidence.line if evidence.line is not None else -1,
            page=evidence.page if evidence.page is not None else -1,
        )
        return _result(info, f"Verbindung {spec.source} -[{spec.type}]-> {spec.target} ergänzt")

    @strawberry.mutation(permission_classes=WRITE, description="Verwirft eine Verbindung")
    async def reject_link(
        self, info: Ctx, source_: SourceArg, target: strawberry.ID, type: LinkType
    ) -> CurationResult:
        removed = await info.context.run(
            curation_writes.curate_reject_link, str(source_), str(target), type.value
        )
        return _result(info, f"Verbindung verworfen ({removed} im Graphen gelöscht)")

    @strawberry.mutation(permission_classes=WRITE, description="Benennt eine Organisation um")
    async def rename_organisation(self, info: Ctx, id: strawberry.ID, name: str) -> CurationResult:
        old = await info.context.run(curation_writes.curate_rename, str(id), name)
        return _result(info, f"{old!r} heißt jetzt {name.strip()!r}")


def _should_mask(error: GraphQLError) -> bool:
    """Mask everything that is not a deliberate, user-facing error (logged before masking)."""
    return not is_public_graphql(error)


class RoundTrips(SchemaExtension):
    """Reports the database round trips of a request in ``extensions.dbRoundTrips``."""

    def on_operation(self) -> Iterator[None]:
        yield

    def get_results(self) -> dict[str, int]:
        ctx = self.execution_context.context
        return {"dbRoundTrips": getattr(ctx, "round_trips", 0)}


@functools.cache
def _depth_rule(max_depth: int) -> type[ASTValidationRule]:
    """One rule class per depth: a fresh class per request would defeat ValidationCache."""
    return QueryDepthLimiter(max_depth=max_depth).validation_rules[0]


def _depth_limiter() -> AddValidationRules:
    return AddValidationRules([_depth_rule(get_settings().graphql_max_depth)])


def _token_limiter() -> MaxTokensLimiter:
    return MaxTokensLimiter(max_token_count=get_settings().graphql_max_tokens)


def _masker() -> MaskErrors:
    return MaskErrors(should_mask_error=_should_mask, error_message=INTERNAL)


class _NoIntrospection(ValidationRule):
    """Refuses ``__schema`` and ``__type`` (``__typename`` stays), with a German message."""

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        if node.name.value in {"__schema", "__type"}:
            self.report_error(
                GraphQLError(
                    "Introspektion ist auf diesem Server abgeschaltet (GRAPHQL_INTROSPECTION)",
                    node,
                )
            )


def _introspection() -> AddValidationRules:
    """No extra rule while introspection is on (local use), the refusing rule when off."""
    return AddValidationRules([] if get_settings().graphql_introspection else [_NoIntrospection])


class _Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log each error once: a line for user errors, a traceback only for internal ones
        (Strawberry's default writes a traceback for every refused query)."""
        log_graphql_errors(errors)


def build_schema(*, fast_execution: bool = True) -> strawberry.Schema:
    """The schema; limits are factories so they read the settings of each request.

    ``fast_execution=False`` completes every field through graphql-core alone (the
    executor before :mod:`.execution`; the benchmark's baseline).

    :class:`RequestLimits` comes first: its check runs right after parsing, before the
    validation that a fragment bomb or a cost explosion would otherwise run into.

    Parsing and validating a document cost more than resolving a typical page, so both are
    cached (bounded LRU, keyed by the query text and the token limit resp. the parsed
    document and the rules, the depth limit among them): a client that repeats its query
    with new variables pays them once. The limits still apply, as part of the cache keys.
    """
    return _Schema(
        query=Query,
        mutation=Mutation,
        execution_context_class=FastExecution if fast_execution else ItemBudget,
        extensions=[
            RequestLimits,  # first: it must see the document before anything validates it
            _depth_limiter,
            _introspection,
            _token_limiter,
            ParserCache,
            ValidationCache,
            RoundTrips,
            _masker,
        ],
    )


schema = build_schema()
