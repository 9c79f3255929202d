"""Input errors of the loaders (re-exported from the project's one exception tree)."""

from queries.errors import InputError, VielfaltError

__all__ = ["InputError", "VielfaltError"]
