"""Commands for analysts: query and export."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from newsfacts.cli.common import DbOption, export_app, fail, open_engine, query_app
from newsfacts.output import OutputFormat, print_rows
from newsfacts.settings import Settings
from storage.exports import EXPORT_FORMATS, UnknownFormatError, export_claims
from storage.queries import CLAIM_COLUMNS, ENTITY_COLUMNS, ClaimFilter, query_claims, query_entities

# The readable table leaves out the long columns (sentence, title); csv and json keep all.
TABLE_CLAIM_COLUMNS = ("subject", "subject_code", "count", "qualifier", "item", "year_start", "year_end", "published", "source", "article_url")


@query_app.command("claims")
def query_claims_command(
    subject: Annotated[str | None, typer.Option(help="Subject name or ISO country code.")] = None,
    item: Annotated[str | None, typer.Option(help="Counted item, e.g. 'large language model'.")] = None,
    year: Annotated[int | None, typer.Option(help="Claims whose period includes this year.")] = None,
    format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List count claims, oldest article first.

    Example: newsfacts query claims --subject CN --item "large language model" --year 2023
    """
    engine = open_engine(Settings.from_options(db))
    with Session(engine) as session:
        rows = query_claims(session, ClaimFilter(subject=subject, item=item, year=year))
    columns = TABLE_CLAIM_COLUMNS if format is OutputFormat.table else CLAIM_COLUMNS
    print_rows(rows, columns, format, title="claims")


@query_app.command("entities")
def query_entities_command(
    label: Annotated[str | None, typer.Option(help="Only this label: PERSON, ORG, COUNTRY, …")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List entities, most mentioned first.

    Example: newsfacts query entities --label ORG --limit 20
    """
    engine = open_engine(Settings.from_options(db))
    with Session(engine) as session:
        rows = query_entities(session, label=label, limit=limit)
    print_rows(rows, ENTITY_COLUMNS, format, title="entities")


@export_app.command("claims")
def export_claims_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    format: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(EXPORT_FORMATS)}.")] = "csv",
    db: DbOption = None,
) -> None:
    """Export the claim table with provenance (article URL, source, published, sentence).

    Example: newsfacts export claims --format csv --output claims.csv
    """
    if format not in EXPORT_FORMATS:
        fail(f"unknown format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if not output.parent.is_dir():
        fail(f"folder does not exist: {output.parent}")
    engine = open_engine(Settings.from_options(db))
    with Session(engine) as session:
        try:
            count = export_claims(session, format, output)
        except UnknownFormatError as exc:
            fail(str(exc))
    typer.echo(f"wrote {count} claims to {output}")
