"""What every command shares: the app objects, options, clean failures."""
from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.text import Text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from newsfacts.settings import Settings
from storage.db import DatabaseURLError, SchemaOutdatedError, create_db_and_tables, display_url, make_engine

if TYPE_CHECKING:
    from spacy.language import Language

app = typer.Typer(
    help="Crawl tech news, extract who and what it is about, and query the facts.",
    no_args_is_help=True,
    add_completion=False,
)
query_app = typer.Typer(help="Query the stored facts.\n\nExample: newsfacts query claims --subject CN --item LLM --year 2023", no_args_is_help=True)
export_app = typer.Typer(help="Export stored facts to files.\n\nExample: newsfacts export claims --format xlsx --output claims.xlsx", no_args_is_help=True)
app.add_typer(query_app, name="query")
app.add_typer(export_app, name="export")

err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="NEWSFACTS_DB", help="Database URL or SQLite file path (default: newsfacts.sqlite)."),
]


def fail(message: str, code: int = 2) -> NoReturn:
    """One clear error line on stderr, a non-zero exit, no traceback."""
    # Text, not markup: messages quote user input, which may hold "[...]".
    err.print(Text.assemble(("Error:", "bold red"), " ", message), highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def open_engine(settings: Settings) -> Engine:
    """Engine with the schema in place, or a clean failure."""
    try:
        engine = make_engine(settings.db_url)
        create_db_and_tables(engine)
    except DatabaseURLError as exc:
        fail(f"bad --db: {exc}")
    except SchemaOutdatedError as exc:
        fail(str(exc))
    except SQLAlchemyError as exc:
        fail(f"cannot open database {display_url(settings.db_url)}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}")
    return engine


def load_nlp() -> Language:
    """The full NLP pipeline, or a clean failure naming the missing model."""
    from nlp.model import ModelNotInstalledError
    from nlp.pipeline import build_pipeline

    try:
        return build_pipeline()
    except ModelNotInstalledError as exc:
        fail(str(exc))
