"""The composition root: the ``vielfalt`` command line and the processes it manages."""
