"""The `newsfacts` command line: thin wrappers over crawler, nlp and storage.

Each module registers its commands on the shared Typer app when imported.
"""
from newsfacts.cli import analysis, crawling, demo, ops, processing  # noqa: F401  (registers commands)
from newsfacts.cli.common import app

__all__ = ["app"]
