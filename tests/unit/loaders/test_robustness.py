"""No text stops its extraction: reference texts, cut and broken the way PDF extraction and
OCR break them (words hyphenated at line ends, lines broken anywhere, full stops lost, lines
in capitals, the text cut off), are each extracted without an error.

Two documents had stopped with an exception a user sees as "unerwarteter Fehler": a text
without any name, and a unit whose adjective stood on the line before.
"""

import random
from pathlib import Path

import pytest

from loaders.extract import extract_document, to_contract

TEXTS = sorted((Path(__file__).parents[3] / "bench" / "extraction_texts").glob("u*.txt"))


def _broken(text: str, how: int, rng: random.Random) -> str:
    if how == 0:  # lines broken at any space
        return "".join("\n" if c == " " and rng.random() < 0.2 else c for c in text)
    if how == 1:  # words hyphenated at line ends
        words = text.split(" ")
        for i, w in enumerate(words):
            if len(w) > 8 and rng.random() < 0.2:
                k = rng.randint(2, len(w) - 2)
                words[i] = w[:k] + "-\n" + w[k:]
        return " ".join(words)
    if how == 2:  # full stops lost, some lines in capitals
        lines = text.split("\n")
        return "\n".join(
            line.upper() if rng.random() < 0.1 else line.replace(".", "") for line in lines
        )
    cut = rng.randint(1, max(1, len(text) - 1))  # cut off, and on one line
    return text[:cut].replace("\n", " ") if how == 3 else text[:cut]


@pytest.mark.parametrize("how", range(5))
def test_broken_reference_texts_are_extracted_without_error(tmp_path, how):
    rng = random.Random(how)
    for source in TEXTS[how::5]:  # a fifth of the texts per way of breaking them
        broken = _broken(source.read_text(encoding="utf-8"), how, rng)
        if not broken.strip():
            continue
        path = tmp_path / source.name
        path.write_text(broken, encoding="utf-8")
        data = to_contract(extract_document(path))
        assert data["doc"] == source.name
