"""Write one document's batch to Neo4j: all of it in one transaction, or nothing.

Idempotent by construction: every write is a ``MERGE`` on a content-derived key, and a
document's old facts are removed in the same transaction before its new ones are written.

Why four transactions per document: Neo4j reads at read-committed isolation and applies a
commit record by record, so a read statement running while a document's transaction commits
can see part of it — a measure matched before its deletion and read after it has no ``doc``
any more, an organisation whose mentions are gone looks like one no document names. A
document is therefore announced first: created hidden (``Document.revision`` negative), or
hidden when it is loaded already, in a transaction of its own (:func:`announce`,
:func:`hide`), so a reader that meets any of its new facts finds the document hidden; its
facts follow in one transaction, which also counts the change (``document_changes``,
:func:`count_change`), so a reader that met that commit half-applied finds the count moved
when it looks again and reads again; then a transaction of its own counts the change once
more (a reader whose first look already saw the first count), and a single property write
shows the document (:func:`publish`; a removal deletes it instead). Readers that must see
whole documents skip hidden ones and check the count, or the revisions they used, and read
what a half-applied commit leaves (a measure without ``doc``, an entity nothing links) as
gone (docs/reliability.md, "Whole documents during a load").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import neo4j

from queries import db
from queries.errors import DatabaseUnavailable, NotFound, VielfaltError, printable
from queries.folding import refresh_search_text
from queries.schema import LINK_TYPES, Label
from queries.settings import Settings
from queries.statements import statement

from .batch import GraphBatch

__all__ = [
    "WriteResult",
    "write_batch",
    "write_rows",
    "check_vocabulary",
    "stored_hash",
    "same_content",
    "remove_document",
    "announce",
    "forget_unwritten",
    "hide",
    "publish",
    "count_change",
]

log = logging.getLogger(__name__)

_TYPES = [str(t) for t in LINK_TYPES]
_LABELS = {str(Label.ORGANISATION), str(Label.PROGRAMME)}
_DOCUMENT_HASH = statement("document_hash")
_SAME_CONTENT = statement("documents_with_hash")
_REMOVE_ALIASES = statement("remove_document_aliases")
_REMOVE_FACTS = statement("remove_document_facts")
_REMOVE_LINK_EVIDENCE = statement("remove_document_link_evidence")
_DELETE_DOCUMENT = statement("delete_document")
_MERGE_DOCUMENTS = statement("merge_documents")
_MERGE_ORGS = statement("merge_organisations")
_MERGE_PROGRAMMES = statement("merge_programmes")
_MERGE_ORG_MENTIONS = statement("merge_organisation_mentions")
_MERGE_PROGRAMME_MENTIONS = statement("merge_programme_mentions")
_MERGE_BLOCKS = statement("merge_blocks")
_MERGE_MEASURES = statement("merge_measures")
_MERGE_LINKS = statement("merge_links")
_DELETE_ORPHANS = statement("delete_orphan_entities")
_HIDE = statement("hide_document")
_ANNOUNCE = statement("announce_documents")
_DELETE_UNWRITTEN = statement("delete_unwritten_documents")
_COUNT_CHANGE = statement("count_document_change")
_PUBLISH = statement("publish_documents")


@dataclass(frozen=True)
class WriteResult:
    doc: str
    skipped: bool
    organisations: int = 0
    programmes: int = 0
    measures: int = 0
    links: int = 0


def stored_hash(doc: str, settings: Settings | None = None) -> str | None:
    """The content hash of the loaded document; None when it is not loaded or hidden (its
    last write was interrupted, so it must be written again)."""
    rows = db.read(_DOCUMENT_HASH, settings, id=doc)
    return rows[0]["sha256"] if rows and rows[0]["visible"] else None


def announce(docs: list[str], settings: Settings | None = None) -> list[str]:
    """Create documents hidden, or hide loaded ones, before their facts are written (a commit
    of its own): a reader that meets a fact of theirs then finds them hidden. Returns the
    documents it created (:func:`forget_unwritten` takes them back if the write fails)."""
    return [r["id"] for r in db.write(_ANNOUNCE, settings, ids=docs) if r["created"]]


def forget_unwritten(docs: list[str], settings: Settings | None = None) -> None:
    """After a failed first write: delete the announced documents again (best effort; a
    hidden document without facts is invisible anyway and written again by the next load)."""
    if not docs:
        return
    try:
        db.write(_DELETE_UNWRITTEN, settings, ids=docs)
    except VielfaltError as exc:
        log.warning("announced documents not taken back (%s): %s", exc, ", ".join(docs))


def hide(doc: str, settings: Settings | None = None) -> None:
    """Hide a loaded document from readers before its facts change (its own commit)."""
    db.write(_HIDE, settings, doc=doc)


def publish(docs: list[str], settings: Settings | None = None) -> None:
    """Show documents whose facts (and their change count) are committed: the change
    counted once more in a commit of its own, then one property write per document."""
    db.write(_COUNT_CHANGE, settings)
    db.write(_PUBLISH, settings, ids=docs)


def count_change(tx: neo4j.ManagedTransaction) -> None:
    """Count a change of documents' facts in the transaction that makes it (module
    docstring): a reader whose statements overlapped its commit sees the count moved."""
    tx.run(_COUNT_CHANGE).consume()


def same_content(doc: str, sha256: str, settings: Settings | None = None) -> list[str]:
    """Other loaded documents with this content: the same report under another name."""
    return [r["id"] for r in db.read(_SAME_CONTENT, settings, sha256=sha256, id=doc)]


def check_vocabulary(batch: GraphBatch) -> None:
    """Labels and types reach Cypher as values: only the closed enums may pass."""
    for row in batch.links:
        if row["type"] not in _TYPES or {row["source_label"], row["target_label"]} - _LABELS:
            raise ValueError(f"link outside the schema vocabulary: {row}")


def write_rows(
    tx: neo4j.ManagedTransaction, documents: list[dict[str, Any]], batch: GraphBatch
) -> None:
    """The MERGE statements of a load, in order: documents, entities, then what refers to
    them. ``batch`` may hold the rows of several documents (each row names its own)."""
    tx.run(_MERGE_DOCUMENTS, rows=documents).consume()
    tx.run(_MERGE_ORGS, rows=batch.organisations).consume()
    tx.run(_MERGE_PROGRAMMES, rows=batch.programmes).consume()
    refresh_search_text(tx, [r["id"] for r in batch.organisations + batch.programmes])
    tx.run(_MERGE_ORG_MENTIONS, rows=batch.org_mentions).consume()
    tx.run(_MERGE_PROGRAMME_MENTIONS, rows=batch.programme_mentions).consume()
    tx.run(_MERGE_BLOCKS, rows=batch.blocks).consume()
    tx.run(_MERGE_MEASURES, rows=batch.measures).consume()
    tx.run(_MERGE_LINKS, rows=batch.links).consume()


def _remove(tx: neo4j.ManagedTransaction, doc: str) -> None:
    refresh_search_text(tx, [r["id"] for r in tx.run(_REMOVE_ALIASES, doc=doc)])
    tx.run(_REMOVE_FACTS, doc=doc).consume()
    tx.run(_REMOVE_LINK_EVIDENCE, doc=doc, types=_TYPES).consume()


def write_batch(
    batch: GraphBatch, settings: Settings | None = None, force: bool = False
) -> WriteResult:
    """Replace the document's facts by the batch; skip it when its content hash is unchanged."""
    doc = batch.document["id"]
    if not force and stored_hash(doc, settings) == batch.document["sha256"]:
        log.info("%s unchanged: skipped", doc)
        return WriteResult(doc, skipped=True)
    check_vocabulary(batch)

    def work(tx: neo4j.ManagedTransaction) -> None:
        _remove(tx, doc)
        write_rows(tx, [batch.document], batch)
        tx.run(_DELETE_ORPHANS).consume()
        count_change(tx)

    created = announce([doc], settings)
    try:
        db.execute(work, settings)
    except VielfaltError as exc:
        if not isinstance(exc, DatabaseUnavailable):  # refused: take the announcement back
            forget_unwritten(created, settings)
        raise
    publish([doc], settings)
    log.info(
        "%s loaded: %d organisations, %d programmes, %d measures, %d links",
        doc,
        len(batch.organisations),
        len(batch.programmes),
        len(batch.measures),
        len(batch.links),
    )
    return WriteResult(
        doc,
        skipped=False,
        organisations=len(batch.organisations),
        programmes=len(batch.programmes),
        measures=len(batch.measures),
        links=len(batch.links),
    )


def remove_document(doc: str, settings: Settings | None = None) -> None:
    """Take a document and everything it contributed out of the graph (one transaction).

    Its mentions, report blocks, measures, link evidence and the aliases only it gave an
    entity go; entities and links nothing else supports go with them. Raises
    :class:`NotFound` (and changes nothing) when no document of that id is loaded. Hidden
    first, the facts removed and the change counted, then the document node deleted (each a
    commit of its own), as a load shows a document (module docstring).
    """

    def work(tx: neo4j.ManagedTransaction) -> bool:
        if tx.run(_DOCUMENT_HASH, id=doc).single(strict=True)["sha256"] is None:
            return False
        _remove(tx, doc)
        tx.run(_DELETE_ORPHANS).consume()
        count_change(tx)
        return True

    hide(doc, settings)
    if db.execute(work, settings):
        db.write(_COUNT_CHANGE, settings)
        db.write(_DELETE_DOCUMENT, settings, doc=doc)
    else:
        raise NotFound(
            f"{printable(doc)}: kein geladenes Dokument mit diesem Namen, nichts entfernt "
            "(der Name ist der Dateiname, z. B. bericht.txt)"
        )
