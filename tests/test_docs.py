"""Docs can't drift: every CLI command has help with an example and appears in the README."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
import typer.main
from typer.testing import CliRunner

from newsfacts.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        paths.append(path)
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, path))
    return paths


COMMANDS = command_paths(typer.main.get_command(app))  # type: ignore[arg-type]


def test_the_command_tree_is_complete() -> None:
    tops = {path[0] for path in COMMANDS}
    assert {"crawl", "process", "extract", "query", "export", "chart", "schedule", "status", "db", "demo", "runs", "sources"} <= tops


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_command_appears_in_the_readme(path: tuple[str, ...]) -> None:
    assert f"newsfacts {' '.join(path)}" in README
