"""read_source and iter_source_files: encodings, formats and refused inputs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from loaders.errors import InputError
from loaders.source.files import decode_text, iter_source_files, read_source
from queries.settings import get_settings
from tests.generated import blank_pdf, make_pdf

CORPUS = Path(__file__).parents[3].parent / "shared" / "corpus"


def test_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeffStadt Köln\r\nKreis Unna\r\n\r\nEnde".encode())
    src = read_source(path)
    assert src.lines == ("Stadt Köln", "Kreis Unna", "", "Ende")
    assert src.pages == (None, None, None, None)
    assert src.name == "a.txt"
    assert src.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_line_numbers_follow_universal_newlines(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"eins\rzwei\ndrei\r\nvier")
    assert read_source(path).lines == ("eins", "zwei", "drei", "vier")


def test_cp1252_and_latin1_fallbacks() -> None:
    assert decode_text("Öffnung – „Vielfalt“".encode("cp1252")) == "Öffnung – „Vielfalt“"
    # 0x81 is undefined in cp1252, so only latin-1 can read it
    assert decode_text(b"Gr\xfc\xdfe \x81") == "Grüße \x81"


def test_utf16_with_bom_is_read() -> None:
    assert decode_text("Behörde".encode("utf-16")) == "Behörde"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "leere Datei"),
        (b"  \n\t\n", "leere Datei"),
        (b"PK\x03\x04\x00\x00binary", "Binärdatei (enthält NUL-Bytes)"),
        (bytes(range(1, 9)) * 50, "Binärdatei (überwiegend Steuerzeichen)"),
    ],
)
def test_unusable_text_files_are_refused(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_source(path)
    assert problem in info.value.problem
    assert info.value.source == str(path)


def test_oversized_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_MAX_BYTES", "10")
    get_settings.cache_clear()
    path = tmp_path / "big.txt"
    path.write_text("x" * 11, encoding="utf-8")
    try:
        with pytest.raises(InputError, match="Datei zu groß .*SOURCE_MAX_BYTES"):
            read_source(path)
        path.write_text("x" * 10, encoding="utf-8")
        assert read_source(path).lines == ("x" * 10,)
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_pdf_text_layer_keeps_pages(tmp_path: Path) -> None:
    path = tmp_path / "b.pdf"
    path.write_bytes(make_pdf([["Stadt Köln", "Kreis Unna (NRW)"], ["Zweite Seite"]]))
    src = read_source(path)
    assert src.lines == ("Stadt Köln", "Kreis Unna (NRW)", "Zweite Seite")
    assert src.pages == (1, 1, 2)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (blank_pdf(), "PDF ohne Textebene"),
        (blank_pdf(password="geheim"), "PDF ist verschlüsselt"),
        (b"%PDF-1.4\nkaputt", "PDF beschädigt oder unvollständig"),
    ],
)
def test_unusable_pdfs_are_refused(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "c.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_source(path)
    assert problem in info.value.problem


def test_html_blocks_become_lines(tmp_path: Path) -> None:
    path = tmp_path / "d.html"
    path.write_text(
        "<html><head><title>T</title><style>p {}</style></head><body>"
        "<h1>Partner\n  der Initiative</h1><p>Stadt <b>Köln</b><br>Kreis Unna</p>"
        "<script>var x = 1;</script><ul><li>eins</li><li>zwei</li></ul></body></html>",
        encoding="utf-8",
    )
    lines = [line for line in read_source(path).lines if line]
    assert lines == ["Partner der Initiative", "Stadt Köln", "Kreis Unna", "eins", "zwei"]


def test_iter_source_files_recurses_sorts_and_filters(tmp_path: Path) -> None:
    (tmp_path / "sub" / ".hidden").mkdir(parents=True)
    for name in ("b.txt", "a.PDF", "sub/c.htm", "sub/d.md", "sub/e.docx", "sub/.hidden/f.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = iter_source_files([tmp_path, tmp_path / "b.txt"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.PDF",
        "b.txt",
        "sub/c.htm",
        "sub/d.md",
    ]


def test_iter_source_files_names_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Datei oder Ordner nicht gefunden"):
        iter_source_files([tmp_path / "missing"])
    other = tmp_path / "x.docx"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="Dateityp nicht unterstützt"):
        iter_source_files([other])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")
def test_corpus_reads_with_one_entry_per_line() -> None:
    files = iter_source_files([CORPUS])
    assert files
    for path in files:
        src = read_source(path)
        raw = path.read_bytes().decode("utf-8")
        assert len(src.lines) == len(raw.splitlines())
        assert "\ufffd" not in "".join(src.lines)
