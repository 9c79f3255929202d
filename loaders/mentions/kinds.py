"""Names the mention model reads as an organisation's that are a programme's by their head.

A law, a round table, an alliance or a plan is no body that acts: the references list them as
programmes (on the dev references 72 of 73 names headed by "-gesetz", 20 of 21 by "Tisch",
all by "-richtlinie", "-allianz", "-konvention"). The head is the name's first word that ends
in a head word, an organisation's (``organisation_words.yaml``) or a programme's
(``programme_heads.yaml``): "Fachkräfteallianz Landkreis Görlitz" is an alliance,
"Landkreis Görlitz" a county.

>>> names = ("Runder Tisch Integration", "Landkreis Görlitz", "Runder Tisch Marxloh e. V.")
>>> found = [Mention("org", n, n, 0, len(n), "") for n in names]
>>> [m.kind for m in as_programmes(found)]
['programme', 'org', 'org']
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from loaders.errors import InputError
from loaders.mentions.legal_forms import LEGAL_FORM_RE
from loaders.mentions.model import Mention
from loaders.reference import REFERENCE_DIR, load_organisation_words, read_yaml

__all__ = ["PROGRAMME_HEADS_FILE", "as_programmes", "programme_heads"]

PROGRAMME_HEADS_FILE = REFERENCE_DIR / "programme_heads.yaml"
_WORD = re.compile(r"[A-ZÄÖÜ][\wäöüß-]*")
_OWN_END = re.compile(r"\s(?:für|der|des|zur|zum|von|vom)\s")  # the name's own words end


@lru_cache(maxsize=4)
def programme_heads(path: Path = PROGRAMME_HEADS_FILE) -> dict[str, str]:
    """Programme head words and the kind each gives (reference data), validated."""
    data = read_yaml(path)
    heads = data.get("heads") if isinstance(data, dict) else None
    if (
        not isinstance(heads, dict)
        or not heads
        or not all(
            isinstance(k, str) and k == k.lower() and isinstance(v, str) for k, v in heads.items()
        )
    ):
        raise InputError(str(path), "erwartet 'heads': Kopfwort (klein) -> Programmart")
    return dict(heads)


def as_programmes(mentions: list[Mention]) -> list[Mention]:
    """Organisation mentions headed by a programme's head word, as programmes."""
    out = []
    for m in mentions:
        kind = _programme_head(m.name) if m.kind == "org" and m.ref_id is None else None
        out.append(m if kind is None else m.with_(kind="programme", type=kind))
    return out


def _programme_head(name: str) -> str | None:
    """The programme kind of the name's first head word, None if that is an
    organisation's, if there is none, or if a legal form makes the name a club's or a
    firm's ("Runder Tisch Marxloh e. V.")."""
    if LEGAL_FORM_RE.search(name):
        return None
    own = _OWN_END.split(name, maxsplit=1)[0]
    org_heads = load_organisation_words()
    heads = programme_heads()
    for word in _WORD.findall(own):
        low = word.lower()
        kind = next((k for h, k in heads.items() if low.endswith(h)), None)
        if kind is not None:
            return kind
        if low.endswith(org_heads):
            return None
    return None
