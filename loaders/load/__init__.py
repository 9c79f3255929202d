"""Load: :class:`~loaders.models.DocumentExtraction` -> rows -> Neo4j.

* :mod:`.batch` - :func:`~loaders.load.batch.to_batch`, the rows the statements UNWIND
* :mod:`.writer` - one document per transaction, idempotent, stale evidence removed
* :mod:`.bulk` - many new documents per transaction
* :mod:`.pipeline` - :func:`~loaders.load.pipeline.load_paths`: files -> extractions ->
  corrections -> batches -> Neo4j
"""
