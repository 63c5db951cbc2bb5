"""Commands on assessments: serve the app, validate, schema, list, show, import and export.

The domain models and services are imported inside each command, not here: building
the pydantic models takes a few tenths of a second, which ``eia --help`` and
``eia reach`` should not pay (``tests/cli/test_startup_imports.py``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

import eia_app
from eia_app.cli.app import cli
from eia_app.domain.errors import EIAError
from eia_app.domain.lifecycle import Stage, Status
from eia_app.services.sign_in_config import streamlit_options
from eia_app.settings import DATABASE_URL_VARIABLE, load_settings

if TYPE_CHECKING:
    from eia_app.domain.repository import AssessmentRepository

# The Streamlit entrypoint is located by path, not imported: only the UI may import streamlit.
STREAMLIT_APP = Path(str(files(eia_app) / "ui" / "streamlit_app.py"))


def open_repository() -> AssessmentRepository:
    """Open the assessment library; SQLAlchemy is imported only by commands that need it."""
    from eia_app.services.workspace import open_repository as open_library

    return open_library()


def _open_workspace(database_url: str) -> None:
    from eia_app.services.workspace import open_workspace

    open_workspace(database_url)


STAGES = click.Choice([stage.value for stage in Stage])
STATUSES = click.Choice([status.value for status in Status])
VERSION = click.IntRange(min=1)


@contextmanager
def user_errors() -> Iterator[None]:
    """Show any error the user can act on as one ``Error:`` line with exit code 1.

    Yields:
        Nothing; the body runs inside the translation.

    Raises:
        click.ClickException: In place of any :class:`EIAError`.
    """
    try:
        yield
    except EIAError as problem:
        raise click.ClickException(str(problem)) from None


@cli.command()
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Web port [default: the port set in Streamlit's configuration or environment, else 8501].",
)
@click.option("--headless", is_flag=True, help="Do not open a web browser.")
def serve(port: int | None, headless: bool) -> None:
    """Start the web app in a browser.

    An empty library is first filled with the example assessments. The command then
    becomes the Streamlit server itself, so a service manager's SIGTERM (or Ctrl+C)
    stops the server and frees its port.
    """
    with user_errors():
        settings = load_settings()  # a half-set EIA_OIDC_* is refused here, in one line
        _open_workspace(settings.database_url)
        # With EIA_OIDC_* set, every page asks people to sign in through the provider.
        sign_in_options = streamlit_options(settings.sign_in)
    if not STREAMLIT_APP.is_file():
        raise click.ClickException(
            f"The web app is missing ({STREAMLIT_APP.name} is not installed). "
            "Reinstall the toolkit."
        )
    command = [sys.executable, "-m", "streamlit", "run", str(STREAMLIT_APP)]
    # Councils' data stays local: no usage statistics are sent to Streamlit.
    command += ["--browser.gatherUsageStats", "false"]
    # Officers use the app, they do not deploy it: hide the developer toolbar.
    command += ["--client.toolbarMode", "viewer"]
    if port is not None:
        command += ["--server.port", str(port)]
    if headless:
        command += ["--server.headless", "true"]
    command += sign_in_options
    # The app reads the same settings, so pin the database it must open.
    environment = {**os.environ, DATABASE_URL_VARIABLE: settings.database_url}
    where = f"port {port}" if port is not None else "the port Streamlit is configured with"
    click.echo(f"Starting the EIA toolkit on {where} (Ctrl+C stops it).")
    sys.stdout.flush()
    try:
        # Replace this process rather than start a child: a signal sent to it reaches
        # the server, and no orphan is left holding the port.
        os.execve(sys.executable, command, environment)
    except OSError as bad:
        raise click.ClickException(f"Cannot start Streamlit: {bad}.") from None


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--stage", type=STAGES, help="Stage to check against [default: the file's own].")
def validate(file: Path, stage: str | None) -> None:
    """Check an assessment JSON FILE and list every problem.

    Exits with status 1 if any problem blocks the stage, 0 otherwise.
    """
    from eia_app.domain.consistency import check_consistency
    from eia_app.services.assessments import check_assessment, read_assessment_file

    with user_errors():
        assessment = read_assessment_file(file, load_settings().json_limits)
    target = Stage(stage) if stage else assessment.stage
    issues = check_assessment(assessment, target, today=date.today())
    # The consistency problems are among the issues; they are listed apart, under a
    # heading, because they are what to settle before the document is exported.
    consistency = check_consistency(assessment, target)
    for issue in issues:
        if issue not in consistency:
            click.echo(issue.as_line())
    if consistency:
        click.echo("Consistency checks before export (error: blocks; warning: check it):")
        for issue in consistency:
            click.echo(f"  {issue.as_line()}")
    errors = sum(1 for issue in issues if issue.blocking)
    warnings = len(issues) - errors
    verdict = "not ready" if errors else "ready"
    click.echo(
        f"{file.name}: {verdict} for the {target.value} stage: "
        f"{errors} blocking problem(s), {warnings} warning(s)."
    )
    if errors:
        _exit(1)


@cli.command()
@click.option(
    "--reach",
    "of_reach",
    is_flag=True,
    help="Print the schema of a reach result (eia.reach/1) instead.",
)
@click.option(
    "--themes",
    "of_themes",
    is_flag=True,
    help="Print the schema of a free-text themes document (eia.themes/1) instead.",
)
def schema(of_reach: bool, of_themes: bool) -> None:
    """Print the JSON Schema of an assessment file (or of a reach or themes document)."""
    from eia_app.domain.assessment import Assessment
    from eia_app.domain.reach import reach_json_schema
    from eia_app.domain.themes import themes_json_schema

    if of_reach and of_themes:
        raise click.UsageError("Give --reach or --themes, not both.")
    if of_themes:
        document = themes_json_schema()
    else:
        document = reach_json_schema() if of_reach else Assessment.model_json_schema()
    click.echo(json.dumps(document, indent=2))


@cli.command("list")
@click.option("--status", type=STATUSES, help="Only assessments with this status.")
@click.option("--directorate", help="Only this directorate (any capitalisation).")
@click.option(
    "--review-before",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Only reviews due on or before this date (YYYY-MM-DD).",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="A table to read, or JSON for other programs.",
)
def list_command(
    status: str | None, directorate: str | None, review_before: datetime | None, output: str
) -> None:
    """List the current version of each stored assessment."""
    from eia_app.cli.assessment_views import format_table
    from eia_app.domain.versions import AssessmentFilter
    from eia_app.services.assessments import list_assessments

    criteria = AssessmentFilter(
        status=Status(status) if status else None,
        directorate=directorate,
        review_before=review_before.date() if review_before else None,
    )
    with user_errors():
        summaries = list_assessments(open_repository(), criteria)
    if output == "json":
        click.echo(json.dumps([s.model_dump(mode="json") for s in summaries], indent=2))
    else:
        click.echo(format_table(summaries))


@cli.command()
@click.argument("reference")
@click.option("--version", type=VERSION, help="Version number [default: the latest].")
def show(reference: str, version: int | None) -> None:
    """Describe a stored assessment.

    Shows its key facts, version history and completeness for its stage.
    """
    from eia_app.cli.assessment_views import format_record
    from eia_app.services.assessments import check_assessment, load_assessment, version_history

    with user_errors():
        repo = open_repository()
        stored = load_assessment(repo, reference, version)
        history = version_history(repo, reference)
    issues = check_assessment(stored.assessment, today=date.today())
    click.echo(format_record(stored, history, issues))


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--by", "saved_by", help="Name recorded as saving it [default: EIA_USER].")
@click.option(
    "--base-version",
    type=click.IntRange(min=0),
    help="The version FILE was edited from (0 for a new assessment): refuse, naming "
    "who saved since, if it is no longer the latest [default: the latest].",
)
def import_command(file: Path, saved_by: str | None, base_version: int | None) -> None:
    """Save an assessment JSON FILE as a new version in the library."""
    from eia_app.services.assessments import read_assessment_file, save_assessment

    with user_errors():
        assessment = read_assessment_file(file, load_settings().json_limits)
        stored = save_assessment(
            open_repository(),
            assessment,
            saved_by=saved_by or load_settings().user,
            base_version=base_version,
        )
    info = stored.info
    click.echo(f"Saved {info.reference} version {info.version} ({info.change_summary}).")


@cli.command("export-json")
@click.argument("reference")
@click.option("--version", type=VERSION, help="Version number [default: the latest].")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File to write."
)
def export_json(reference: str, version: int | None, output: Path | None) -> None:
    """Write a stored assessment as JSON, to a file or the screen."""
    from eia_app.services.assessments import assessment_to_json, load_assessment

    with user_errors():
        stored = load_assessment(open_repository(), reference, version)
    text = assessment_to_json(stored.assessment)
    if output is None:
        click.echo(text)
        return
    try:
        output.write_text(text + "\n", encoding="utf-8")
    except OSError as bad:
        raise click.ClickException(
            f"Cannot write {output}: {bad.strerror or bad}. Choose another file with -o."
        ) from None
    click.echo(f"Wrote {stored.info.reference} version {stored.info.version} to {output}.")


def _exit(code: int) -> NoReturn:
    # SystemExit rather than click's Exit: in the non-standalone mode that ``main``
    # uses, click returns an Exit's code instead of ending the process with it.
    sys.exit(code)
