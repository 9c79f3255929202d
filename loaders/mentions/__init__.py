"""Mentions: a :class:`~loaders.clean.textstream.TextStream` -> the
:class:`~loaders.mentions.model.Mention` spans of organisations and programmes.

* :mod:`.model` - the mention record and the word shapes of every naming pattern
* :mod:`.gazetteer`, :mod:`.patterns`, :mod:`.legal_forms`, :mod:`.programmes`,
  :mod:`.acronyms`, :mod:`.org_types` - known names, German naming patterns, legal forms,
  programme cues, names spelt by their abbreviation
* :mod:`.find` - :func:`~loaders.mentions.find.find_mentions`, the rules combined
* :mod:`.roles`, :mod:`.unit_names`, :mod:`.shared_heads`, :mod:`.list_members` - people
  out, genitive units, plural heads and list members complete the mentions
"""
