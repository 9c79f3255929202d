"""One exception tree for the whole project.

    VielfaltError
    ├── ConfigError          settings or environment unusable (Java missing, port taken, ...)
    ├── DatabaseError        Neo4j could not answer
    │   ├── DatabaseUnavailable   not running / not reachable
    │   └── AuthError             wrong user or password
    ├── NotFound             an id that is not in the graph
    ├── QueryLimitError      a request exceeds a configured limit
    └── InputError           a source file, YAML file or argument cannot be used
                             (loaders add file, line and problem)

Library errors (neo4j, pydantic) are translated where they enter, with ``raise ... from``.
"""

from __future__ import annotations

import re

__all__ = [
    "VielfaltError",
    "ConfigError",
    "DatabaseError",
    "DatabaseUnavailable",
    "AuthError",
    "NotFound",
    "QueryLimitError",
    "InputError",
    "printable",
]


class VielfaltError(Exception):
    """Base of every error the project raises on purpose; its message is for users."""


class ConfigError(VielfaltError):
    pass


class DatabaseError(VielfaltError):
    pass


class DatabaseUnavailable(DatabaseError):
    pass


class AuthError(DatabaseError):
    pass


class NotFound(VielfaltError):
    pass


class QueryLimitError(VielfaltError):
    pass


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def printable(name: str) -> str:
    r"""A file name as one line: control characters (a newline in a name) as escapes.

    >>> printable("bericht\n2024.txt")
    'bericht\\n2024.txt'
    """
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], name)


class InputError(VielfaltError):
    """A file or argument that cannot be used: names the input, the line and the problem.

    The message is one line even when the file name holds a newline.
    """

    def __init__(self, source: str, problem: str, line: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.line = line
        where = f"{printable(source)}:{line}" if line is not None else printable(source)
        super().__init__(f"{where}: {printable(problem)}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, int | None]]:
        """Pickle by the constructor's arguments (an analysis in a worker process raises it).

        >>> import pickle
        >>> str(pickle.loads(pickle.dumps(InputError("text", "zu lang", 3))))
        'text:3: zu lang'
        """
        return (type(self), (self.source, self.problem, self.line))
