"""``eia audit``: the audit trail of one assessment or of the whole library."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from eia_app.cli.app import cli
from eia_app.cli.assessment_commands import open_repository, user_errors

if TYPE_CHECKING:
    from eia_app.domain.audit import AuditEvent

TABLE_COLUMNS = ("When (UTC)", "Reference", "Version", "Action", "By", "Detail")


def format_audit_table(events: list[AuditEvent]) -> str:
    """Lay out audit events as a plain-text table, one event a line.

    Args:
        events: The events, oldest first.

    Returns:
        The table, or a sentence when there are no events.
    """
    if not events:
        return "No audit events recorded."
    rows = [
        (
            event.at.strftime("%Y-%m-%d %H:%M:%S"),
            event.reference or "-",
            "-" if event.version is None else str(event.version),
            event.action.value,
            f"{event.actor} <{event.actor_email}>" if event.actor_email else event.actor,
            event.detail,
        )
        for event in events
    ]
    widths = [max(len(row[i]) for row in [TABLE_COLUMNS, *rows]) for i in range(5)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True))
        + "  "
        + row[5]
        for row in [TABLE_COLUMNS, *rows]
    ]
    return "\n".join(line.rstrip() for line in lines)


@cli.command("audit")
@click.argument("reference", required=False)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv"]),
    default="table",
    show_default=True,
    help="A table to read, or CSV for a spreadsheet (formulas neutralised).",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="File to write."
)
def audit(reference: str | None, output_format: str, output: Path | None) -> None:
    """Show who did what and when: to REFERENCE, or to every assessment."""
    from eia_app.services.audit import audit_csv, audit_events

    with user_errors():
        events = audit_events(open_repository(), reference)
    text = audit_csv(events) if output_format == "csv" else format_audit_table(events)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        # utf-8-sig so that Excel reads names with accents correctly.
        output.write_text(text, encoding="utf-8-sig" if output_format == "csv" else "utf-8")
    except OSError as bad:
        raise click.ClickException(
            f"Cannot write {output}: {bad.strerror or bad}. Choose another file with -o."
        ) from None
    click.echo(f"Wrote {len(events)} audit events to {output}.")
