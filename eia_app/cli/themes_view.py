"""The terminal view of an ``eia.themes/1`` result: one table per question, then findings."""

from __future__ import annotations

from eia_app.domain.publication import SUPPRESSED
from eia_app.domain.themes import OTHER_LABEL, ThemesResult, count_text, question_summary


def _share(value: float | None) -> str:
    return SUPPRESSED if value is None else f"{100 * value:.0f}%"


def themes_table(result: ThemesResult) -> str:
    """Each question's themes (name, count, share, key phrases) and what each group raised."""
    lines = [f"Themes in {result.file} ({result.respondents:,} responses; {result.embedding})"]
    for question in result.questions:
        lines += ["", question.column, question_summary(question), ""]
        width = max([len(t.label) for t in question.themes] + [len(OTHER_LABEL), 5])
        lines.append(f"  {'Theme':<{width}}  {'Count':>6}  {'Share':>5}  Key phrases")
        for theme in question.themes:
            lines.append(
                f"  {theme.label:<{width}}  {count_text(theme.count):>6}  "
                f"{_share(theme.share):>5}  {', '.join(theme.key_phrases)}"
            )
        lines.append(f"  {OTHER_LABEL:<{width}}  {count_text(question.other):>6}")
        findings = [f for theme in question.themes for f in theme.findings]
        lines += ["", "What groups raised more often:" if findings else "No group raised a "
                  "theme disproportionately often."]  # fmt: skip
        lines += [f"  - {finding}" for finding in findings]
        quotes = [(t.label, q) for t in question.themes for q in t.quotes]
        if quotes:
            heading = (
                "Quote candidates (INTERNAL: not approved, not for publication):"
                if result.internal
                else "Approved quotes:"
            )
            lines += ["", heading]
            lines += [f"  [{q.id}] {label}: \u201c{q.text}\u201d" for label, q in quotes]
    return "\n".join(lines) + "\n"
