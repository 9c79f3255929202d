"""The grouping key of an organisation name that no reference entry knows.

Shared by the resolution inside a document (:mod:`loaders.resolve.entities`) and across
documents (:mod:`loaders.resolve.across`), so that what is one organisation in one text
is one node of the graph too.
"""

from __future__ import annotations

import re

from loaders.mentions.legal_forms import LEGAL_FORM
from loaders.names import name_key
from loaders.reference import state_names, state_short_forms
from loaders.resolve.heads import head_short_forms

__all__ = ["entity_key", "spelled_out", "without_legal_form"]

_HEAD_SYNONYMS = [
    (re.compile(r"^(?:Polizei|PP)\s+(?=[A-ZÄÖÜ])"), "Polizeipräsidium "),
    (re.compile(r"^Uni\s+"), "Universität "),
    # a chamber by its standard short form: "IHK zu Essen" = "Industrie- und Handelskammer zu Essen"
    (re.compile(r"^IHK\s+(?=(?:zu\s+|für\s+)?[A-ZÄÖÜ])"), "Industrie- und Handelskammer "),
    (re.compile(r"^HWK\s+(?=(?:zu\s+|für\s+)?[A-ZÄÖÜ])"), "Handwerkskammer "),
] + [  # a generic head's short form before its owner: "KI des Kreises Soest", "Arbeitsagentur X"
    (re.compile(rf"^{re.escape(short)}\s+(?=(?:des\s+|der\s+)?[A-ZÄÖÜ])"), f"{head} ")
    for short, head in head_short_forms().items()
]

_LEGAL_FORM_END = re.compile(rf"\s*,?\s+{LEGAL_FORM}\s*$")
# a Land in a name, by its short form or as "des Landes …": "Justizakademie NRW" is the
# "Justizakademie des Landes Nordrhein-Westfalen"
_STATE_SHORT = re.compile(
    rf"(?<![\w.-])({'|'.join(map(re.escape, state_short_forms()))})(?![\w.-])"
)
_OF_THE_STATE = re.compile(
    rf"\s+des\s+(?:Landes|Freistaates?)\s+(?=(?:{'|'.join(map(re.escape, state_names()))})\b)"
)


def entity_key(name: str) -> str:
    """Grouping key of an organisation name without a reference entry. A text names an
    association or firm with and without its legal form ("Aufbauwerk Region Leipzig GmbH",
    "… koordiniert vom Aufbauwerk Region Leipzig"): one organisation.

    >>> entity_key("Aufbauwerk Region Leipzig GmbH") == entity_key("Aufbauwerk Region Leipzig")
    True

    A head written in its standard short form is the head ("Uni", "IHK", "HWK", a generic
    head's short form):

    >>> entity_key("IHK zu Essen") == entity_key("Industrie- und Handelskammer zu Essen")
    True
    >>> entity_key("KI des Kreises Soest") == entity_key(
    ...     "Kommunales Integrationszentrum des Kreises Soest")
    True

    A Land is one by its short form and its name, with "des Landes" or without:

    >>> entity_key("Justizakademie NRW") == entity_key(
    ...     "Justizakademie des Landes Nordrhein-Westfalen")
    True
    >>> entity_key("Landesamt für Besoldung NRW") == entity_key(
    ...     "Landesamt für Besoldung Nordrhein-Westfalen")
    True
    """
    for pattern, repl in _HEAD_SYNONYMS:
        name = pattern.sub(repl, name, count=1)
    return "org:" + name_key(without_legal_form(spelled_out(name)))


def spelled_out(name: str) -> str:
    """The name with its Land spelled out and without "des Landes": one form for
    "Justizakademie NRW" and "Justizakademie des Landes Nordrhein-Westfalen".

    >>> spelled_out("Bau- und Liegenschaftsbetrieb des Landes Nordrhein-Westfalen")
    'Bau- und Liegenschaftsbetrieb Nordrhein-Westfalen'
    >>> spelled_out("Landesamt NRW"), spelled_out("IT.NRW"), spelled_out("Land NRW")
    ('Landesamt Nordrhein-Westfalen', 'IT.NRW', 'Land Nordrhein-Westfalen')
    """
    name = _OF_THE_STATE.sub(" ", name)
    return _STATE_SHORT.sub(lambda m: state_short_forms()[m[1]], name)


def without_legal_form(name: str) -> str:
    """The name without the legal form it ends with ("Forum Lünen e. V." -> "Forum Lünen");
    a name that is only a legal form stays as it is."""
    return _LEGAL_FORM_END.sub("", name) or name
