"""The command line is assembled by plain imports: every command group is there, and the
app needs neither the driver nor the web stack until a command runs."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from vielfalt.cli import app

COMMANDS = {"up", "down", "extract", "load", "serve", "viz", "export", "eval", "train"}
GROUPS = {"neo4j", "db", "report"}


def test_every_command_is_registered() -> None:
    names = {c.name for c in app.registered_commands}
    groups = {g.name for g in app.registered_groups}
    assert COMMANDS <= names and GROUPS <= groups


def test_help_lists_the_commands() -> None:
    done = CliRunner().invoke(app, ["--help"])
    assert done.exit_code == 0
    assert all(name in done.output for name in COMMANDS | GROUPS)


def test_importing_the_cli_loads_neither_the_driver_nor_the_web_app() -> None:
    probe = (
        "import sys, vielfalt.cli\n"
        "print(sorted(m for m in ('queries.db', 'graph_api.app', 'uvicorn', 'neo4j')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_export_help_names_every_export_format() -> None:
    from queries.export import EXPORT_FORMATS
    from vielfalt.report_commands import EXPORT_HELP

    assert EXPORT_HELP == ", ".join(EXPORT_FORMATS)


def test_kept_fold_models_without_leaving_out_is_a_german_error(tmp_path) -> None:
    done = CliRunner().invoke(app, ["eval", "--faltmodelle", str(tmp_path)])
    assert done.exit_code == 2
    assert "--faltmodelle gilt nur zusammen mit --auslassen" in done.output
    assert "Traceback" not in done.output
