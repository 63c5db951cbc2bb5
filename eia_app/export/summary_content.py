"""What the summary says, built once for the report's front page and the one-page summary.

Both the first page of the full EIA and the separate one-page summary show this
content, so the two can never disagree. Every part has a budget (items and
characters) chosen so that the whole fits one A4 page in the default template;
what does not fit is cut and the reader is sent to the full assessment, never
spilled onto a second page.
"""

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from eia_app.domain.assessment import Assessment
from eia_app.domain.changes import build_changes
from eia_app.domain.decision import OUTCOME_LABELS, Action, ActionStatus
from eia_app.domain.impact import GroupImpact, ImpactRating
from eia_app.export.sections import rating_label
from eia_app.export.text import NOT_RECORDED, clean, fmt_date, humanise

SEE_FULL = "see the full assessment"
CONCLUSION_CHARS = 520
RISKS_MAX, RISK_CHARS = 3, 170
ACTIONS_MAX, ACTION_CHARS = 3, 170
GROUPS_CELL_CHARS = 230
DONE = (ActionStatus.DONE, ActionStatus.CANCELLED)
NO_RISKS = "No group is rated negative or uncertain."
NO_ACTIONS = "No open action addresses a negative or uncertain impact."


@dataclass(frozen=True)
class RatingLine:
    """The groups given one impact rating.

    Attributes:
        rating: The rating's label.
        groups: The groups, each followed by its earlier rating when it changed.
    """

    rating: str
    groups: str


@dataclass(frozen=True)
class SummaryContent:
    """The summary of an assessment, already cut to fit one page.

    Attributes:
        title: The policy's title.
        reference: The EIA reference.
        conclusion: The outcome of the assessment.
        decision_summary: The summary of impacts behind the decision.
        ratings: One line per rating given.
        changed_note: Which ratings changed since the consultation stage, in a sentence.
        risks: The main risks: groups rated negative or uncertain, with why.
        actions: Open actions that address those groups.
        decision_by: Who decides and when.
        review: When the assessment is next reviewed.
        shortened: The parts that were cut to fit the page (for the author, not the document).
    """

    title: str
    reference: str
    conclusion: str
    decision_summary: str
    ratings: list[RatingLine]
    changed_note: str
    risks: list[str]
    actions: list[str]
    decision_by: str
    review: str
    shortened: list[str] = field(default_factory=list)

    def as_context(self) -> dict[str, Any]:
        """The content as plain data for a template's ``summary`` variable."""
        data = asdict(self)
        del data["shortened"]
        return data


def fit(text: str, limit: int) -> tuple[str, bool]:
    """Cut text to at most ``limit`` characters at a sentence or word end.

    Args:
        text: The text.
        limit: Most characters kept, the pointer to the full assessment included.

    Returns:
        The text, ending "... (see the full assessment)" when it was cut, and whether it was.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text, False
    room = limit - len(SEE_FULL) - 4
    head = text[:room]
    sentence_end = head.rfind(". ")
    if sentence_end > room // 2:
        return f"{head[: sentence_end + 1]} ({SEE_FULL}.)", True
    return f"{head.rsplit(' ', 1)[0].rstrip(',;:')}… ({SEE_FULL})", True


def _at_risk(impact: GroupImpact) -> bool:
    # Negative, unknown, and any rating that carries a risk of harm: the domain says which.
    return impact.rating is not None and impact.rating.needs_answer


def _rating_lines(
    assessment: Assessment,
    before: Mapping[str, ImpactRating | None],
    label_of: Callable[[str], str],
) -> tuple[list[RatingLine], bool]:
    lines: list[RatingLine] = []
    cut = False
    ratings = [*ImpactRating, None]
    for rating in ratings:
        names = []
        for impact in assessment.impacts:
            if impact.rating != rating:
                continue
            name = label_of(impact.group_id)
            if impact.group_id in before:
                was = rating_label(before[impact.group_id], short=True).lower()
                name += f" (was {was})"
            names.append(name)
        if names:
            groups, shortened = fit("; ".join(names), GROUPS_CELL_CHARS)
            lines.append(RatingLine(rating_label(rating), groups))
            cut = cut or shortened
    return lines, cut


def _changed_note(before: Mapping[str, ImpactRating | None], previous: Assessment | None) -> str:
    if previous is None:
        return ""
    if not before:
        return "No rating changed since the consultation-stage version."
    count = len(before)
    return (
        f"{count} rating{'s' if count != 1 else ''} changed since the consultation-stage "
        "version; the earlier rating is shown in brackets."
    )


def _risks(
    assessment: Assessment, label_of: Callable[[str], str]
) -> tuple[list[str], list[str], bool]:
    at_risk = [i for i in assessment.impacts if _at_risk(i)]
    lines, cut = [], False
    for impact in at_risk[:RISKS_MAX]:
        rating = rating_label(impact.rating, short=True).lower()
        text, shortened = fit(
            f"{label_of(impact.group_id)} ({rating}): {clean(impact.reasoning or NOT_RECORDED)}",
            RISK_CHARS,
        )
        lines.append(text)
        cut = cut or shortened
    if len(at_risk) > RISKS_MAX:
        lines.append(f"And {len(at_risk) - RISKS_MAX} more: {SEE_FULL}.")
        cut = True
    return lines, [i.group_id for i in at_risk], cut


def mitigating_actions(assessment: Assessment, group_ids: list[str]) -> list[Action]:
    """The open actions that address the groups at risk, soonest due first.

    Args:
        assessment: The assessment.
        group_ids: Groups rated negative or uncertain.

    Returns:
        Actions not done or cancelled that name at least one of the groups.
    """
    wanted = set(group_ids)
    chosen = [
        a for a in assessment.actions if a.status not in DONE and wanted.intersection(a.group_ids)
    ]
    return sorted(chosen, key=lambda a: (a.due_date is None, a.due_date or 0))


def _action_line(action: Action) -> str:
    due = f" (by {fmt_date(action.due_date)})" if action.due_date else ""
    owner = f"; {clean(action.owner)}" if action.owner else ""
    return f"{clean(action.id)}: {clean(action.action)}{owner}{due}"


def _actions(assessment: Assessment, group_ids: list[str]) -> tuple[list[str], bool]:
    if not group_ids:
        return [], False
    chosen = mitigating_actions(assessment, group_ids)
    lines, cut = [], False
    for action in chosen[:ACTIONS_MAX]:
        text, shortened = fit(_action_line(action), ACTION_CHARS)
        lines.append(text)
        cut = cut or shortened
    if len(chosen) > ACTIONS_MAX:
        lines.append(f"And {len(chosen) - ACTIONS_MAX} more in the action plan: {SEE_FULL}.")
        cut = True
    return lines, cut


def build_summary_content(
    assessment: Assessment,
    *,
    previous: Assessment | None = None,
    label_of: Callable[[str], str] | None = None,
) -> SummaryContent:
    """Build the summary of an assessment, cut to fit one page.

    Args:
        assessment: The assessment.
        previous: The consultation-stage version, to say which ratings changed.
        label_of: Label lookup for registry ids; a readable form of the id if None.

    Returns:
        The summary content for the front page and the one-page summary.
    """
    label = label_of or (lambda group_id: clean(humanise(group_id)))
    changes = build_changes(previous, assessment) if previous else None
    before = {r.group_id: r.before for r in changes.ratings} if changes else {}
    decision = assessment.decision
    conclusion = OUTCOME_LABELS[decision.outcome] if decision.outcome else NOT_RECORDED.rstrip(".")
    decision_summary, cut_summary = fit(clean(decision.summary or ""), CONCLUSION_CHARS)
    ratings, cut_ratings = _rating_lines(assessment, before, label)
    risks, risk_groups, cut_risks = _risks(assessment, label)
    actions, cut_actions = _actions(assessment, risk_groups)
    route = assessment.purpose.decision_route
    maker = clean(route.decision_maker or NOT_RECORDED.rstrip("."))
    shortened = [
        part
        for part, cut in (
            ("the summary of impacts", cut_summary),
            ("the ratings", cut_ratings),
            ("the main risks", cut_risks),
            ("the actions", cut_actions),
        )
        if cut
    ]
    return SummaryContent(
        title=clean(assessment.title),
        reference=clean(assessment.key_details.reference or NOT_RECORDED),
        conclusion=conclusion,
        decision_summary=decision_summary,
        ratings=ratings,
        changed_note=_changed_note(before, previous),
        risks=risks or [NO_RISKS],
        actions=actions or [NO_ACTIONS],
        decision_by=f"{maker}, {fmt_date(route.meeting_date)}",
        review=fmt_date(assessment.monitoring.review_date),
        shortened=shortened,
    )
