"""Resolve: mentions -> entities, one canonical organisation or programme per real one.

* :mod:`.entities` - per document: names to entities (reference data, generic heads)
* :mod:`.across` - across documents: one id and one canonical name everywhere
* :mod:`.curation` - coordinator corrections applied to an extraction, on every load
"""
