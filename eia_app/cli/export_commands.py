"""The ``eia export`` command: a Word report (or Cabinet summary) from an assessment."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from eia_app.cli.app import cli, command_steps
from eia_app.cli.assessment_commands import open_repository, user_errors

if TYPE_CHECKING:
    from eia_app.domain.assessment import Assessment
    from eia_app.domain.reach import ReachResult


def load_reach(
    survey: Path | None,
    reach: Path | None,
    baseline: str | None = None,
    cohort: str | None = None,
) -> ReachResult | None:
    """Analyse a survey export, or read reach results saved as JSON.

    Args:
        survey: A survey export to analyse (a ``.json`` file is read as saved results).
        reach: Reach results saved with ``eia reach --format json``.
        baseline: The area to compare a survey's respondents with (as ``eia reach``).
        cohort: The cohort to compare questions about the child with (as ``eia reach``).

    Returns:
        The reach result, or None without either.

    Raises:
        click.UsageError: If both are given.
        ReachError: If the results file is not a valid ``eia.reach/1`` document.
    """
    # Imported here: the survey engine (pandas) loads only for the commands using it.
    from eia_app.services import reach as reach_service
    from eia_app.settings import load_settings

    if survey is not None and reach is not None:
        raise click.UsageError("Give either --survey or --reach, not both.")
    if survey is not None and survey.suffix.lower() == ".json":
        reach, survey = survey, None
    if reach is not None:
        if baseline is not None or cohort is not None:
            raise click.UsageError(
                "--baseline and --cohort apply to --survey; saved results keep the "
                "populations they were compared with."
            )
        return reach_service.read_reach_file(reach, load_settings().json_limits)
    if survey is None:
        return None
    return reach_service.analyse_survey(
        survey,
        baseline=baseline,
        cohort=cohort,
        limits=load_settings().survey_limits,
        steps=command_steps(),
    )


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as bad:
        raise click.ClickException(
            f"Cannot write {path}: {bad.strerror or bad}. Choose another file with -o."
        ) from None


def _report_timings(result: Any) -> None:
    timings = result.timings
    if result.chart_seconds:
        click.echo(
            f"{len(result.chart_seconds)} chart(s) in {timings['charts']:.2f} s "
            f"(browser start {timings['browser_start']:.2f} s); "
            f"document {timings['document']:.2f} s; total {timings['total']:.2f} s."
        )


def check_before_export(assessment: Assessment, ignore: bool) -> None:
    """List on stderr the facts that disagree; stop on an error unless told to ignore it.

    Args:
        assessment: The assessment about to be exported.
        ignore: Whether to write the document in spite of errors.

    Raises:
        click.exceptions.Exit: With status 1 when there is an error and ``ignore`` is false.
    """
    from eia_app.services.export_checks import consistency_lines

    lines, errors = consistency_lines(assessment)
    for line in lines:
        click.echo(line, err=True)
    if errors and not ignore:
        click.echo(
            f"Nothing was written: {errors} fact(s) of the assessment contradict each other, "
            "and the document would state both. Correct them (eia validate lists them), or "
            "add --ignore-consistency for a draft to check.",
            err=True,
        )
        raise click.exceptions.Exit(1)


@cli.command("export")
@click.argument("assessment")
@click.option(
    "--survey",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Survey export to analyse (compared with --baseline, by default Leicestershire).",
)
@click.option(
    "--baseline",
    metavar="ID|PATH|NAME",
    help="With --survey: the area to compare respondents with (as `eia reach`).",
)
@click.option(
    "--cohort",
    metavar="ID",
    help="With --survey: the cohort to compare questions about the child with "
    "(as `eia reach --cohort`).",
)
@click.option(
    "--reach",
    "reach_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="Reach results saved with `eia reach --format json` (checked against the schema).",
)
@click.option(
    "--themes",
    "themes_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help='Free-text themes saved with `eia themes --format json`, for "What people told '
    'us" (approved quotes only).',
)
@click.option(
    "--compare-with",
    "compare_with",
    metavar="VERSION",
    help="Version number (or JSON file) to compare with [default: for a final "
    "assessment in the library, its latest consultation-stage version].",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Your organisation's .docx template [default: the built-in one].",
)
@click.option(
    "--council-template",
    metavar="NAME",
    help="A Word template an administrator uploaded on the app's Templates and baselines "
    "page, by its file name (as in the app's export).",
)
@click.option("--pdf", "make_pdf", is_flag=True, help="Also write a tagged PDF (LibreOffice).")
@click.option(
    "--summary",
    is_flag=True,
    help="Write the one-page Cabinet summary instead, and print the "
    "'Equality implications' paragraph.",
)
@click.option("--no-charts", is_flag=True, help="Leave the charts out (the tables stay).")
@click.option(
    "--ignore-consistency",
    is_flag=True,
    help="Write the document even when its facts contradict each other (for a draft to "
    "check, never to publish); the problems are still listed.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The .docx file to write.",
)
def export_command(
    assessment: str,
    survey: Path | None,
    baseline: str | None,
    cohort: str | None,
    reach_file: Path | None,
    themes_file: Path | None,
    compare_with: str | None,
    template: Path | None,
    council_template: str | None,
    make_pdf: bool,
    summary: bool,
    no_charts: bool,
    ignore_consistency: bool,
    output: Path,
) -> None:
    """Export ASSESSMENT (a JSON file or a stored reference) as a Word report.

    For a stored reference without --survey or --reach, the reach result saved
    with that version in the app is used, and without --themes the free-text themes
    saved with it (approved quotes only). Facts that contradict each other (status
    against the approval and publication dates, review date against open actions)
    are listed on stderr first; an error stops the export with status 1 unless
    --ignore-consistency is given.
    """
    from eia_app.services.export import (
        export_assessment,
        export_pdf,
        export_summary,
        load_export_source,
        record_export,
    )

    with user_errors():
        source = load_export_source(assessment, compare_with=compare_with, repo=open_repository)
        check_before_export(source.assessment, ignore_consistency)
        # A stored assessment brings the reach saved with it, as in the app's export.
        reach = load_reach(survey, reach_file, baseline, cohort)
        if reach is None:
            reach = source.reach
        if summary:
            result = export_summary(source.assessment, reach=reach, previous=source.previous)
            _write(output, result.docx)
            click.echo(result.paragraph)
            for note in result.notes:
                click.echo(f"Note: {note}", err=True)
            click.echo(f"Wrote the one-page summary to {output}.")
            return
        # A stored assessment brings the themes saved with it, as in the app's export.
        themes = source.themes
        if themes_file is not None:
            from eia_app.services.themes import read_themes_file

            themes = read_themes_file(themes_file)
        with ExitStack() as stack:
            report = export_assessment(
                source.assessment,
                reach=reach,
                themes=themes,
                previous=source.previous,
                template=_template(stack, template, council_template),
                with_charts=not no_charts,
                version=source.version,
                steps=command_steps(),
                history=source.history,
            )
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for note in report.notes:
        click.echo(f"Note: {note}", err=True)
    _write(output, report.docx)
    if source.stored_version is not None:
        with user_errors():
            made = output.name
            if council_template is not None:
                made += f" (council template {council_template})"
            record_export(open_repository(), source, by=_user(), what=made)
    click.echo(f"Wrote {output}.")
    _report_timings(report)
    if make_pdf:
        with user_errors():
            click.echo(f"Wrote {export_pdf(output, steps=command_steps())}.")


def _template(stack: ExitStack, template: Path | None, council_name: str | None) -> Path | None:
    """The template file to build from: the one given, or a copy of the council's one.

    The copy lasts as long as ``stack`` is open.
    """
    if council_name is None:
        return template
    if template is not None:
        raise click.UsageError("Give --template or --council-template, not both.")
    from eia_app.services.council_files import council_template_path

    return stack.enter_context(council_template_path(council_name))


def _user() -> str:
    from eia_app.settings import load_settings

    return load_settings().user
