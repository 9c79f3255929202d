"""Links: resolved entities and their sentences -> typed :class:`~loaders.models.Link`
records with the sentence as evidence.

* :mod:`.sentences` - :func:`~loaders.links.sentences.find_links`, links from sentence cues
* :mod:`.context` - links that need more than one sentence: reference facts, back references
* :mod:`.lists` - a link stated once for every member of a list
"""
