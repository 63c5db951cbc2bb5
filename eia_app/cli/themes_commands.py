"""``eia themes``: the themes of a survey's free-text answers, by protected characteristic."""

from __future__ import annotations

from pathlib import Path

import click

from eia_app.cli.app import cli
from eia_app.domain.publication import DEFAULT_MIN_COUNT
from eia_app.domain.themes_defaults import DEFAULT_MAX_THEMES, DEFAULT_MIN_THEMES

FORMATS = ("table", "json", "xlsx")


@cli.command()
@click.argument("survey", type=click.Path(path_type=Path))
@click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="HEADER",
    help="A free-text question to theme (repeatable); all found when omitted.",
)
@click.option(
    "--exclude", multiple=True, metavar="HEADER", help="A column not to theme (repeatable)."
)
@click.option("--themes", "k", type=click.IntRange(min=1), help="A fixed number of themes.")
@click.option(
    "--min-themes",
    type=click.IntRange(min=1),
    default=DEFAULT_MIN_THEMES,
    show_default=True,
    help="Fewest themes to consider.",
)
@click.option(
    "--max-themes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_THEMES,
    show_default=True,
    help="Most themes to consider.",
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Seed: the same file and seed give the same themes.",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=0),
    default=DEFAULT_MIN_COUNT,
    show_default=True,
    help="Suppress counts below N.",
)
@click.option(
    "--edits",
    type=click.Path(path_type=Path),
    help="Saved splits, merges, renames and approved quotes (a JSON list), reapplied by "
    "theme id in that order.",
)
@click.option(
    "--approve",
    multiple=True,
    metavar="QUOTE_ID",
    help="Publish this quote (an id listed by --internal); repeatable.",
)
@click.option(
    "--internal",
    is_flag=True,
    help="List unapproved, redacted quote candidates (not for publication).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file.")
@click.option("--sheet", metavar="NAME", help="Sheet of a workbook (default: the first).")
def themes(
    survey: Path,
    columns: tuple[str, ...],
    exclude: tuple[str, ...],
    k: int | None,
    min_themes: int,
    max_themes: int,
    seed: int,
    min_count: int,
    approve: tuple[str, ...],
    edits: Path | None,
    internal: bool,
    fmt: str,
    output: Path | None,
    sheet: str | None,
) -> None:
    """Themes of the free-text answers in SURVEY, and which groups raised each more often.

    Published output holds theme names, key phrases, counts by group and approved,
    redacted quotes only; comments themselves are never written out.
    """
    from eia_app.cli.themes_view import themes_table
    from eia_app.services.themes import (
        analyse_themes,
        publishable,
        read_edits,
        write_themes_xlsx,
    )

    saved = read_edits(edits) if edits is not None else None
    result = analyse_themes(
        survey, columns=columns, exclude=exclude, k=k, low=min_themes, high=max_themes,
        seed=seed, min_count=min_count, sheet=sheet, edits=saved,
    )  # fmt: skip
    if not internal:
        result = publishable(result, approve)
    if fmt == "xlsx":
        if output is None:
            raise click.UsageError("--format xlsx needs -o FILE.xlsx.")
        write_themes_xlsx(result, output)
        click.echo(f"Wrote {output}", err=True)
        return
    text = result.model_dump_json(indent=2, by_alias=True) + "\n" if fmt == "json" else None
    text = text or themes_table(result)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
