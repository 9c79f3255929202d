"""Category: one of the six fields of action (Handlungsfelder)."""

from __future__ import annotations

import strawberry

from queries.schema import CATEGORIES

__all__ = ["Category", "category_of"]


@strawberry.type(description="Handlungsfeld (1-6)")
class Category:
    id: int
    name: str


def category_of(cid: int | None) -> Category | None:
    """The category with id ``cid`` (None for unknown or missing ids)."""
    if cid is None or cid not in CATEGORIES:
        return None
    return Category(id=cid, name=CATEGORIES[cid])
