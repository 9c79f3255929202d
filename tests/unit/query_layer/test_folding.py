"""The one folding rule of names and queries (no database)."""

from __future__ import annotations

import pytest

from queries.folding import fold, fold_plain, search_text
from queries.read_search import lucene_query


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("koeln", "Köln"),
        ("duesseldorf", "Düsseldorf"),
        ("muenster", "Münster"),
        ("paritaetische", "Der Paritätische"),
        ("strasse", "Straße"),
        ("cafe", "Café"),
        ("diversitytag", "Deutscher Diversity-Tag"),
        ("koln", "Köln"),
    ],
)
def test_every_spelling_meets_a_stored_variant(typed: str, name: str) -> None:
    words = {w for part in search_text(name).split(" | ") for w in part.replace("-", " ").split()}
    assert fold(typed) in words


def test_decomposed_umlauts_fold_like_composed_ones() -> None:
    assert fold("Ko\u0308ln") == fold("Köln") == "koeln"
    assert fold_plain("Ko\u0308ln") == "koln"


def test_search_text_lists_each_variant_once_and_covers_aliases() -> None:
    text = search_text("Stadt Köln", ["Köln", "Stadt Köln"])
    parts = text.split(" | ")
    assert len(parts) == len(set(parts))
    assert {"stadt koeln", "stadt koln", "koeln", "koln"} == set(parts)


def test_query_terms_are_folded_and_fuzzy_from_four_letters() -> None:
    assert lucene_query("Köln") == "(koeln^3 OR koeln*^2 OR koeln~1^0.5)"
    assert "~" not in lucene_query("IQ AWO")
    assert lucene_query("Jobcenter-Köln").count(" AND ") == 1
