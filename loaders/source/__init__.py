"""Source: a file -> :class:`~loaders.models.SourceText` (numbered lines, pages), and what the
document says about itself (title, publisher, report year).

* :mod:`.files` - read ``.txt``, ``.md``, ``.pdf``, ``.html`` into lines; refuse what is not text
* :mod:`.document_meta` - title, publisher and year from the title page and imprint
"""
