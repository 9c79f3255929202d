"""The searchable stream: noise and bylines stay out of sentences, quotes stay short."""

from loaders.clean.textstream import build_stream, quote, split_sentences
from loaders.models import CleanText, SourceText


def _stream(lines: list[str], noise: list[bool] | None = None):
    src = SourceText("x.txt", "x.txt", tuple(lines), (None,) * len(lines), "0")
    flags = tuple(noise) if noise else (False,) * len(lines)
    return build_stream(CleanText(src, src.lines, flags))


def test_noise_lines_never_enter_sentences():
    stream = _stream(
        ["Die Stadt Musterhausen", "Jahresbericht 2030 | Seite 4", "kooperiert mit dem Verein."],
        [False, True, False],
    )
    (sentence,) = split_sentences(stream)
    assert "Seite" not in sentence.text
    assert stream.line_at(stream.text.index("kooperiert")) == 3


def test_byline_with_pipe_is_cut_out_of_the_next_sentence():
    stream = _stream(
        [
            "Netzwerk Beispiel",
            "Land | Musterbehörde Nord",
            "Mit dem Leitbild wurde in Kooperation mit dem Verein X gearbeitet.",
        ]
    )
    texts = [s.text for s in split_sentences(stream)]
    assert any(t.startswith("Mit dem Leitbild") for t in texts)
    assert not any("|" in t for t in texts)


def test_pipe_inside_a_running_sentence_is_kept():
    stream = _stream(["Auf der Seite (Thema | Musterbehörde (web.de)) finden", "sich Infos."])
    assert [s.text for s in split_sentences(stream)] == [stream.text]


def test_a_paragraph_mark_starts_a_sentence_and_a_legal_abbreviation_does_not_end_one():
    """Contracts and statutes number their paragraphs: "§ 1", "(2)" begin a sentence; "Abs."
    and "Nr." before a number end none."""
    stream = _stream(
        [
            "Der Verein arbeitet im IQ Netzwerk mit.",
            "§ 1 Gegenstand",
            "(1) Die Partner führen das Projekt gemeinsam durch.",
            "(2) Die Kurse nach § 2 Abs. 2 zahlt die Stadt Gera.",
        ]
    )
    texts = [s.text for s in split_sentences(stream)]
    assert texts == [
        "Der Verein arbeitet im IQ Netzwerk mit.",
        "§ 1 Gegenstand\n(1) Die Partner führen das Projekt gemeinsam durch.",
        "(2) Die Kurse nach § 2 Abs. 2 zahlt die Stadt Gera.",
    ]


def test_an_item_after_a_dash_and_a_heading_line_are_sentences_of_their_own():
    """Minutes list their items after en dashes, and a short line without a full stop over
    a paragraph is its heading: neither runs into the sentence beside it."""
    stream = _stream(
        [
            "TOP 5  Verschiedenes",
            "– Die Bezirksregierung Detmold fördert die Koordination beim Kreis Lippe aus",
            "  dem Landesprogramm KOMM-IN NRW.",
            "– Die Stadt Lemgo möchte dem Netzwerk beitreten; alle Anwesenden stimmen zu",
            "TOP 6  Termine",
            "Die nächste Sitzung findet im Juni im Kreishaus statt, wie in der Sitzung",
            "im März besprochen wurde.",
        ]
    )
    texts = [" ".join(s.text.split()) for s in split_sentences(stream)]
    assert texts == [
        "TOP 5 Verschiedenes",
        "– Die Bezirksregierung Detmold fördert die Koordination beim Kreis Lippe aus dem "
        "Landesprogramm KOMM-IN NRW.",
        "– Die Stadt Lemgo möchte dem Netzwerk beitreten; alle Anwesenden stimmen zu",
        "TOP 6 Termine",
        "Die nächste Sitzung findet im Juni im Kreishaus statt, wie in der Sitzung im März "
        "besprochen wurde.",
    ]


def test_a_name_broken_over_two_lines_of_prose_stays_in_its_sentence():
    stream = _stream(
        [
            "Seit dem Frühjahr 2024 arbeiten wir in allen Fragen der Ausbildung mit der",
            "Stadt Detmold zusammen, die uns bei der Suche nach Betrieben unterstützt.",
            "Gemeinsam mit dem Jobcenter Lippe",
            "Beratung",
        ]
    )
    assert [s.text for s in split_sentences(stream)][0] == "\n".join(stream.text.split("\n")[:2])


def test_quote_is_one_trimmed_line_cut_at_a_word():
    assert quote("• **Partner:**  die Stadt\nKöln ") == "Partner: die Stadt Köln"
    long = quote("Wort " * 100)
    assert len(long) <= 300
    assert long.endswith("Wort")
