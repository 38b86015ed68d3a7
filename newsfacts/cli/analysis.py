"""Commands for analysts: query, export and chart."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy.engine import Engine
from sqlmodel import Session

from newsfacts.cli.common import DbOption, app, err, export_app, fail, open_engine, query_app
from newsfacts.output import OutputFormat, print_rows
from newsfacts.settings import Settings
from storage.exports import EXPORT_COLUMNS, EXPORT_FORMATS, TooManyRowsError, UnknownFormatError, export_table
from storage.filters import ITEM_ALIASES, BadFilterError, ClaimFilter, parse_year_range
from storage.queries import (
    ARTICLE_COLUMNS,
    CLAIM_COLUMNS,
    ENTITY_COLUMNS,
    GROUP_COLUMNS,
    query_articles,
    query_claims,
    query_conflicts,
    query_entities,
    query_groups,
    unknown_entity,
    unknown_names,
)

CHART_SUFFIXES = (".png", ".svg", ".pdf")
chart_app = typer.Typer(
    help="Draw charts of the stored facts.\n\nExample: newsfacts chart claims --item LLM --subject CN --subject US --output chart.png",
    no_args_is_help=True,
)
app.add_typer(chart_app, name="chart")

# The readable tables leave out long columns (sentence, title); csv and json keep all.
TABLE_CLAIM_COLUMNS = ("subject", "subject_code", "count", "qualifier", "item", "year_start", "year_end", "published", "source", "article_url")
TABLE_GROUP_COLUMNS = ("subject", "item", "year_start", "year_end", "count", "qualifier", "independent_sources", "sources", "first_published", "first_source", "conflict")
TABLE_ARTICLE_COLUMNS = ("article_id", "published", "source", "title", "article_url")


class Qualifier(str, Enum):
    exact = "exact"
    more_than = "more_than"
    at_least = "at_least"
    about = "about"
    less_than = "less_than"
    at_most = "at_most"


class EntitySort(str, Enum):
    mentions = "mentions"
    articles = "articles"


ExportFormat = Enum("ExportFormat", {name: name for name in EXPORT_FORMATS}, type=str)  # type: ignore[misc]

SubjectOpt = Annotated[str | None, typer.Option("--subject", help="Subject: a name or ISO country code (any case).")]
ItemOpt = Annotated[str | None, typer.Option("--item", help="Counted item, e.g. 'large language model' or LLM.")]
YearOpt = Annotated[str | None, typer.Option("--year", help="Claims whose period overlaps this year or range (2023, 2021-2023).")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Only articles of this source.")]
DateFormats = ["%Y-%m-%d"]
SinceOpt = Annotated[datetime | None, typer.Option("--since", formats=DateFormats, help="Published on or after this day (UTC).")]
UntilOpt = Annotated[datetime | None, typer.Option("--until", formats=DateFormats, help="Published on or before this day (UTC).")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", help="Output format.")]
OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="File to write.")]
ExportFormatOpt = Annotated[ExportFormat, typer.Option("--format", help="File format.")]


def claim_filter(
    subject: str | None = None, item: str | None = None, year: str | None = None, source: str | None = None,
    since: datetime | None = None, until: datetime | None = None, **more: Any,
) -> ClaimFilter:
    """A ClaimFilter from command-line values, or a clean failure for a bad year."""
    first = last = None
    if year:
        try:
            first, last = parse_year_range(year)
        except BadFilterError as exc:
            fail(str(exc))
    return ClaimFilter(subject=subject, item=item, year=first, year_to=last, source=source,
                       published_from=since.date() if since else None, published_to=until.date() if until else None, **more)


def _engine(db: str | None) -> Engine:
    return open_engine(Settings.from_options(db))


def _explain_empty(rows: Sequence[Any], session: Session, filters: ClaimFilter) -> None:
    if not rows:
        for name in unknown_names(session, filters):
            err.print(f"note: {name}", markup=False, highlight=False)


@query_app.command("claims")
def query_claims_command(
    subject: SubjectOpt = None, item: ItemOpt = None, year: YearOpt = None, source: SourceOpt = None,
    since: SinceOpt = None, until: UntilOpt = None,
    qualifier: Annotated[Qualifier | None, typer.Option(help="Only claims with this qualifier.")] = None,
    min_sources: Annotated[int | None, typer.Option("--min-sources", min=1, help="Only figures reported by at least N independent sources.")] = None,
    grouped: Annotated[bool, typer.Option("--grouped", help="Show corroboration groups instead of single claims.")] = False,
    conflicts: Annotated[bool, typer.Option("--conflicts", help="Show only disputed figures, each side with its sources.")] = False,
    format: FormatOpt = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List count claims (oldest article first), their corroboration groups, or conflicts.

    Example: newsfacts query claims --subject CN --item LLM --year 2021-2023 --min-sources 2
    """
    filters = claim_filter(subject, item, year, source, since, until,
                           qualifier=qualifier.value if qualifier else None, min_sources=min_sources)
    with Session(_engine(db)) as session:
        if grouped or conflicts:
            rows = (query_conflicts if conflicts else query_groups)(session, filters)
            columns, title = (TABLE_GROUP_COLUMNS, "conflicting figures" if conflicts else "claim groups")
            columns = columns if format is OutputFormat.table else GROUP_COLUMNS
        else:
            rows, title = query_claims(session, filters), "claims"
            columns = TABLE_CLAIM_COLUMNS if format is OutputFormat.table else CLAIM_COLUMNS
        _explain_empty(rows, session, filters)
    print_rows(rows, columns, format, title=title)


@query_app.command("entities")
def query_entities_command(
    label: Annotated[str | None, typer.Option(help="Only this label: PERSON, ORG, COUNTRY, …")] = None,
    by: Annotated[EntitySort, typer.Option("--by", help="Rank by mentions or by articles.")] = EntitySort.mentions,
    since: SinceOpt = None, until: UntilOpt = None,
    with_: Annotated[str | None, typer.Option("--with", help="Entities most often in the same articles as this one.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    format: FormatOpt = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List the top entities by mentions or articles, or those co-occurring with one entity.

    Example: newsfacts query entities --label ORG --since 2024-01-01 --with "Elon Musk"
    """
    with Session(_engine(db)) as session:
        rows = query_entities(session, label=label, limit=limit, by=by.value, since=since.date() if since else None,
                              until=until.date() if until else None, with_entity=with_)
        unknown = unknown_entity(session, with_) if with_ and not rows else None
    if unknown is not None:
        err.print(f"note: {unknown}", markup=False, highlight=False)
    print_rows(rows, ENTITY_COLUMNS, format, title="entities")


@query_app.command("articles")
def query_articles_command(
    entity: Annotated[str | None, typer.Option("--entity", help="Articles mentioning this entity (name or code).")] = None,
    subject: SubjectOpt = None, item: ItemOpt = None, year: YearOpt = None, source: SourceOpt = None,
    since: SinceOpt = None, until: UntilOpt = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many rows.")] = None,
    format: FormatOpt = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """List articles mentioning an entity and/or having claims that match a filter, oldest first.

    Example: newsfacts query articles --entity "Elon Musk" --item LLM --year 2023
    """
    filters = claim_filter(subject, item, year, source, since, until)
    with Session(_engine(db)) as session:
        rows = query_articles(session, filters, entity=entity, limit=limit)
        _explain_empty(rows, session, filters)
        unknown = unknown_entity(session, entity) if entity and not rows else None
    if unknown is not None:
        err.print(f"note: {unknown}", markup=False, highlight=False)
    print_rows(rows, TABLE_ARTICLE_COLUMNS if format is OutputFormat.table else ARTICLE_COLUMNS, format, title="articles")


def _export(table: str, output: Path, fmt: str, filters: ClaimFilter, db: str | None) -> None:
    if not output.parent.is_dir():
        fail(f"folder does not exist: {output.parent}")
    with Session(_engine(db)) as session:
        try:
            count = export_table(session, table, fmt, output, filters)
        except (UnknownFormatError, TooManyRowsError) as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
    typer.echo(f"wrote {count} {table} to {output}")


def _filtered_export(table: str, example: str) -> Callable[..., None]:
    def command(
        output: OutputOpt, format: ExportFormatOpt = ExportFormat.csv,  # type: ignore[attr-defined]
        subject: SubjectOpt = None, item: ItemOpt = None, year: YearOpt = None, source: SourceOpt = None,
        since: SinceOpt = None, until: UntilOpt = None, db: DbOption = None,
    ) -> None:
        _export(table, output, format.value, claim_filter(subject, item, year, source, since, until), db)

    command.__doc__ = _export_doc(table, example)
    return command


def _whole_export(table: str, example: str) -> Callable[..., None]:
    def command(output: OutputOpt, format: ExportFormatOpt = ExportFormat.csv, db: DbOption = None) -> None:  # type: ignore[attr-defined]
        _export(table, output, format.value, ClaimFilter(), db)

    command.__doc__ = _export_doc(table, example)
    return command


def _export_doc(table: str, example: str) -> str:
    return (
        f"Export {table} with provenance, columns in this order: {', '.join(EXPORT_COLUMNS[table])}.\n\n"
        "CSV and XLSX keep formula-like text (=, +, -, @) as text.\n\n"
        f"Example: {example}"
    )


for _table, _example in (
    ("claims", "newsfacts export claims --item LLM --format xlsx --output claims.xlsx"),
    ("groups", "newsfacts export groups --subject CN --format csv --output groups.csv"),
    ("articles", "newsfacts export articles --since 2024-01-01 --format jsonl --output articles.jsonl"),
):
    export_app.command(_table)(_filtered_export(_table, _example))
for _table, _example in (
    ("entities", "newsfacts export entities --format parquet --output entities.parquet"),
    ("mentions", "newsfacts export mentions --format parquet --output mentions.parquet"),
):
    export_app.command(_table)(_whole_export(_table, _example))


@chart_app.command("claims")
def chart_claims_command(
    item: Annotated[str, typer.Option("--item", help="Counted item to chart, e.g. LLM.")],
    output: OutputOpt,
    subject: Annotated[list[str] | None, typer.Option("--subject", help="Subject to chart (repeatable) [default: all].")] = None,
    year: YearOpt = None,
    title: Annotated[str | None, typer.Option(help="Chart title.")] = None,
    db: DbOption = None,
) -> None:
    """Draw counts per period per subject as grouped bars, labelled with their sources.

    Each bar is the figure reported by most independent sources; '*' marks
    a figure that other reports dispute. The suffix of --output picks the
    format (png, svg, pdf).

    Example: newsfacts chart claims --item LLM --subject CN --subject US --output chart.png
    """
    from newsfacts.charts import NothingToChartError, draw_counts
    from storage.corroboration import best_figures

    if not output.parent.is_dir():
        fail(f"folder does not exist: {output.parent}")
    if output.suffix.lower() not in CHART_SUFFIXES:
        fail(f"cannot draw a chart as {output.name}: use a name ending in {', '.join(CHART_SUFFIXES)}")
    figures = []
    with Session(_engine(db)) as session:
        for name in subject or [None]:
            filters = claim_filter(name, item, year)
            found = best_figures(session, filters)
            _explain_empty(found, session, filters)
            figures.extend(found)
    try:
        draw_counts(figures, item=ITEM_ALIASES.get(item.strip().lower(), item), path=output, title=title)
    except NothingToChartError as exc:
        fail(str(exc), code=1)
    typer.echo(f"wrote a chart of {len(figures)} figures to {output}")

