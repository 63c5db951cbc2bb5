"""``eia reach`` (who responded to a consultation) and ``eia baselines`` (what to compare with)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from eia_app.cli.app import cli, command_steps
from eia_app.domain.publication import DEFAULT_MIN_COUNT, SUPPRESSION_PRESETS, resolve_min_count

if TYPE_CHECKING:
    from eia_app.domain.reach import ReachResult

FORMATS = ("table", "json", "csv", "xlsx")


def parse_maps(values: tuple[str, ...]) -> dict[str, str]:
    """Turn ``--map "HEADER=CHARACTERISTIC"`` options into overrides.

    Args:
        values: The option values as typed.

    Returns:
        Header -> target.

    Raises:
        click.BadParameter: If a value has no ``=`` or an empty side.
    """
    overrides = {}
    for value in values:
        header, sep, target = value.rpartition("=")
        if not sep or not header.strip() or not target.strip():
            raise click.BadParameter(
                f"'{value}' should look like \"HEADER=CHARACTERISTIC\", for example "
                '"What is your ethnic group?=race".',
                param_hint="--map",
            )
        overrides[header.strip()] = target.strip()
    return overrides


def parse_assignments(values: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Turn ``--assign "CHARACTERISTIC:RAW=CATEGORY"`` options into assignments.

    Args:
        values: The option values as typed.

    Returns:
        Characteristic -> raw answer -> category id.

    Raises:
        click.BadParameter: If a value is not of that shape.
    """
    assignments: dict[str, dict[str, str]] = {}
    for value in values:
        characteristic, colon, rest = value.partition(":")
        raw, equals, category = rest.rpartition("=")
        if not (colon and equals and characteristic.strip() and raw and category.strip()):
            raise click.BadParameter(
                f"'{value}' should look like \"CHARACTERISTIC:RAW ANSWER=CATEGORY\", for "
                'example "race:Welsh Traveller=white".',
                param_hint="--assign",
            )
        assignments.setdefault(characteristic.strip(), {})[raw] = category.strip()
    return assignments


def choose_min_count(min_count: int | None, preset: str | None) -> int:
    """The suppression threshold from ``--min-count`` or ``--preset`` (not both).

    Args:
        min_count: Value of ``--min-count``, if given.
        preset: Value of ``--preset``, if given.

    Returns:
        The smallest count to show.

    Raises:
        click.UsageError: If both options are given.
        click.BadParameter: If the preset is not one of the suppression presets.
    """
    if min_count is not None and preset is not None:
        raise click.UsageError("Use either --min-count or --preset, not both.")
    if preset is not None:
        try:
            return resolve_min_count(preset)
        except ValueError as bad:
            raise click.BadParameter(str(bad), param_hint="--preset") from None
    return DEFAULT_MIN_COUNT if min_count is None else min_count


def reach_json(result: ReachResult) -> str:
    """The result as the ``eia.reach/1`` JSON document (the only place it is serialised)."""
    return result.model_dump_json(indent=2) + "\n"


def emit(document: ReachResult, output_format: str, out: Path | None) -> None:
    """Print or write the result in the chosen format.

    Args:
        document: The reach result.
        output_format: One of ``FORMATS``.
        out: File to write, or None for the terminal.

    Raises:
        click.UsageError: If ``xlsx`` is asked for without ``-o``.
    """
    from eia_app.cli.reach_view import render_table
    from eia_app.export.reach_spreadsheet import render_csv, write_csv, write_xlsx

    if output_format == "xlsx":
        if out is None:
            raise click.UsageError(
                "--format xlsx needs -o FILE.xlsx (a workbook cannot be printed)."
            )
        write_xlsx(document, out)
    elif output_format == "csv" and out is not None:
        write_csv(document, out)
    else:
        text = {
            "table": render_table,
            "json": reach_json,
            "csv": render_csv,
        }[output_format](document)
        if out is None:
            click.echo(text, nl=False)
        else:
            out.write_text(text, encoding="utf-8")
    if out is not None:
        click.echo(f"Wrote {output_format} to {out}", err=True)


def parse_thresholds(values: tuple[str, ...]) -> dict[str, float | bool | int]:
    """Read ``--threshold NAME=VALUE`` options into the service's threshold overrides.

    Args:
        values: The options as typed.

    Returns:
        Name -> number (or true/false for require_ci_excludes_population).

    Raises:
        click.BadParameter: If one is not NAME=VALUE with a number or true/false.
    """
    chosen: dict[str, float | bool | int] = {}
    for value in values:
        name, sep, text = value.partition("=")
        name, text = name.strip(), text.strip().casefold()
        if not sep or not name:
            raise click.BadParameter(f"'{value}' is not NAME=VALUE.", param_hint="--threshold")
        if text in ("true", "false", "yes", "no"):
            chosen[name] = text in ("true", "yes")
            continue
        try:
            chosen[name] = int(text) if name == "small_group" else float(text)
        except ValueError:
            raise click.BadParameter(
                f"'{value}': {text!r} is not a number.", param_hint="--threshold"
            ) from None
    return chosen


@cli.command()
# The reader checks the path itself (missing, a folder, too big): one line, status 1.
@click.argument("survey", type=click.Path(path_type=Path))
@click.option("--sheet", metavar="NAME", help="Sheet of a workbook (default: the first).")
@click.option(
    "--baseline",
    metavar="ID|PATH|NAME",
    help="Population to compare with (default: Leicestershire, Census 2021). See `eia baselines`.",
)
@click.option(
    "--cohort",
    metavar="ID|PATH",
    help="A service cohort (for example ehcp2025-e10000018, children with EHC plans): "
    "questions about the child are compared with it, the respondents' own with --baseline.",
)
@click.option(
    "--map",
    "maps",
    multiple=True,
    metavar='"HEADER=CHARACTERISTIC"',
    help="Say which question a column asks (repeatable); CHARACTERISTIC may be 'none'.",
)
@click.option(
    "--mapping-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Reuse a mapping saved with --save-mapping.",
)
@click.option(
    "--save-mapping",
    "mapping_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Save the recognised columns to reuse next time.",
)
@click.option(
    "--assign",
    "assigns",
    multiple=True,
    metavar='"CHARACTERISTIC:RAW=CATEGORY"',
    help="Place an unrecognised answer in a category (repeatable).",
)
@click.option("--split-by", metavar="HEADER", help="Also analyse each answer of this column.")
@click.option(
    "--min-count",
    type=click.IntRange(min=0),
    help=f"Suppress counts below N (default {DEFAULT_MIN_COUNT}); 0 turns suppression off "
    "for internal analysis.",
)
@click.option(
    "--preset",
    type=click.Choice(list(SUPPRESSION_PRESETS)),
    help="Suppression preset: "
    + ", ".join(f"{name} ({count})" for name, count in SUPPRESSION_PRESETS.items())
    + ".",
)
@click.option(
    "--children-invited",
    is_flag=True,
    help="The consultation invited children under 16: compare age over all ages "
    "(otherwise age is compared with residents aged 16 and over, like the rest).",
)
@click.option(
    "--threshold",
    "threshold_values",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change the flagging rule (repeatable): rr_under (0.8), rr_over (1.25), "
    "min_gap_pp (2), require_ci_excludes_population (true), small_group (30).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of the terminal (needed for xlsx).",
)
def reach(
    survey: Path,
    sheet: str | None,
    baseline: str | None,
    cohort: str | None,
    maps: tuple[str, ...],
    mapping_file: Path | None,
    mapping_out: Path | None,
    assigns: tuple[str, ...],
    split_by: str | None,
    min_count: int | None,
    preset: str | None,
    children_invited: bool,
    threshold_values: tuple[str, ...],
    output_format: str,
    out: Path | None,
) -> None:
    """Compare who responded to a consultation SURVEY with the population.

    SURVEY is an export (CSV or Excel) from Citizen Space, SmartSurvey,
    SurveyMonkey, Qualtrics, Microsoft Forms, Google Forms or a plain table.
    Only counts are shown or written, never a respondent's row; small counts
    are suppressed.
    """
    # Imported here so that other commands (and --help) start without the survey engine.
    from eia_app.services.reach import analyse_survey, save_mapping
    from eia_app.settings import load_settings

    document = analyse_survey(
        survey,
        sheet=sheet,
        baseline=baseline,
        mapping=parse_maps(maps),
        mapping_file=mapping_file,
        assignments=parse_assignments(assigns),
        split_by=split_by,
        min_count=choose_min_count(min_count, preset),
        limits=load_settings().survey_limits,
        thresholds=parse_thresholds(threshold_values),
        children_invited=children_invited,
        cohort=cohort,
        steps=command_steps(),
    )
    if output_format != "table" or out is not None:
        # The table shows them in its header; elsewhere they must not enter the file.
        for warning in document.warnings:
            click.echo(f"Warning: {warning}", err=True)
    if mapping_out is not None:
        save_mapping(document, mapping_out)
        click.echo(f"Saved the column mapping to {mapping_out}", err=True)
    emit(document, output_format, out)


@cli.command()
@click.argument("query", nargs=-1)
def baselines(query: tuple[str, ...]) -> None:
    """List the population baselines (optionally those matching QUERY)."""
    from eia_app.services.reach_baselines import baseline_rows

    rows = baseline_rows(" ".join(query) or None)
    if not rows:
        raise click.ClickException(
            f"No baseline matches '{' '.join(query)}'; try an area name such as Leicestershire."
        )
    for row in rows:
        click.echo(f"{row['id']:<24} {row['label']}")
        click.echo(f"{'':<24} {row['tables']}")
