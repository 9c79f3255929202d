"""The `vielfalt` command line: local Neo4j, schema, extraction, loading, serving.

This package is the composition root: the only one that imports both ``loaders``
(extraction and loading) and ``graph_api`` (the web app), so neither has to know the other.

Every project error is printed as one line and exits with status 1; tracebacks are for
bugs only. Commands import the database driver and the analytics stack when they run, so
a command that needs neither (`extract`, `--help`) starts fast.
"""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer
from rich.console import Console

from queries.errors import VielfaltError
from queries.settings import get_settings

from . import commands, eval_commands, report_commands, viz_commands

__all__ = ["app", "main"]

app = typer.Typer(
    help="vielfalt-graph: Netzwerke der interkulturellen Öffnung als Graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
neo4j_app = typer.Typer(help="The local Neo4j server (no Docker needed).", no_args_is_help=True)
db_app = typer.Typer(help="Schema and contents of the graph database.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(db_app, name="db")

console = Console()
err = Console(stderr=True)


@neo4j_app.command("install")
def neo4j_install() -> None:
    """Fetch Neo4j Community from Maven Central into NEO4J_HOME."""
    from . import neo4j_local

    home = neo4j_local.install(get_settings())
    console.print(f"Neo4j {get_settings().neo4j_version} installed in {home}")


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j (or reuse the running one) and wait until Bolt answers."""
    from . import neo4j_local

    st = neo4j_local.start(get_settings())
    who = f"pid {st.pid}" if st.pid else "an existing server"
    console.print(f"Neo4j answers at {st.uri} ({who})")


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the Neo4j process this project started."""
    from . import neo4j_local

    stopped = neo4j_local.stop(get_settings())
    console.print("Neo4j stopped" if stopped else "no local Neo4j was running")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Show whether the local Neo4j is installed, running and answering."""
    from . import neo4j_local

    st = neo4j_local.status(get_settings())
    console.print(f"installed: {st.installed}  pid: {st.pid}  bolt answers: {st.bolt}  ({st.uri})")
    if not st.bolt:
        raise typer.Exit(3)


@db_app.command("init")
def db_init() -> None:
    """Create constraints, indexes and categories (idempotent)."""
    from queries import db

    db.apply_schema()
    console.print("schema ready")


@db_app.command("reset")
def db_reset(yes: Annotated[bool, typer.Option("--yes", help="really delete")] = False) -> None:
    """Delete every node and relationship."""
    if not yes:
        raise VielfaltError("refusing to delete the graph without --yes")
    from queries import db

    db.clear_database()
    console.print("graph emptied")


@db_app.command("remove")
def db_remove(doc: Annotated[str, typer.Argument(help="document id: the file's name")]) -> None:
    """Take a document and everything only it supported out of the graph."""
    from loaders.load.writer import remove_document

    remove_document(doc)
    console.print(f"{doc}: aus dem Graphen entfernt")


@db_app.command("counts")
def db_counts() -> None:
    """Nodes per label and relationships per type."""
    from queries import db

    from .summary import counts_table

    console.print(counts_table(db.counts()))


@app.command("serve")
def serve(
    host: Annotated[str | None, typer.Option(help="default: API_HOST")] = None,
    port: Annotated[int | None, typer.Option(help="default: API_PORT")] = None,
) -> None:
    """Serve the API, GraphQL and the network pages."""
    from . import api_process

    api_process.serve(get_settings(), host, port)


for _module in (commands, eval_commands, report_commands, viz_commands):
    _module.register(app)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.ERROR)  # its retries are reported by us
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a broken PDF is reported by us
    try:
        app()
    except VielfaltError as exc:
        err.print(f"[red]Fehler:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
    finally:
        if "queries.db" in sys.modules:  # only a command that used the database has a driver
            sys.modules["queries.db"].close_driver()


if __name__ == "__main__":  # pragma: no cover
    main()
