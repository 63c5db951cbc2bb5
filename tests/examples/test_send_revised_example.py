"""The SEND strategy example, version 2: the final-stage EIA revised after consultation.

The figures quoted in the revised assessment are checked against the reach
engine run on the synthetic consultation export, so the example cannot drift
from the data it claims to describe.
"""

import csv
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.completeness import blocking, check_completeness
from eia_app.domain.details import Stage, Status
from eia_app.domain.impact import ImpactRating
from eia_app.domain.issues import IssueLevel
from eia_app.domain.registry import Registry
from eia_app.reference.registry import load_registry
from eia_app.services.reach import analyse_survey

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "examples" / "send_strategy_2024_27"
REVISED = FOLDER / "eia_revised_post_consultation.json"
CONSULTATION_STAGE = FOLDER / "eia_consultation_stage.json"
SURVEY = FOLDER / "send_consultation_responses.csv"
RESPONDENT_TYPE = "In what capacity are you responding to this consultation?"
FINAL_CABINET = date(2025, 6, 17)
# How the summary words each answer of the respondent-type question.
RESPONDENT_PHRASES = {
    "As a parent or carer of a child or young person with SEND": "as parents or carers",
    "As a professional working with children and young people": "as professionals",
    "As a young person with SEND": "as young people with SEND",
    "On behalf of an organisation, school or setting": "on behalf of an organisation",
    "Other": "in another capacity",
}

# How an under-represented broad group is named in the action plan or in
# "you said, we did". A group flagged "under" that is missing here fails the
# test, so a change in the data cannot slip through unnoticed.
GROUP_WORDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("race", "asian"): ("asian",),
    ("race", "other_ethnic_group"): ("other ethnic group",),
    ("race", "black"): ("black",),
    ("race", "mixed"): ("mixed",),
    ("sex", "male"): ("fathers", "male carers", "men "),
    ("sex", "female"): ("mothers", "women", "female carers"),
}


@pytest.fixture(scope="module")
def revised() -> Assessment:
    return Assessment.model_validate_json(REVISED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def original() -> Assessment:
    return Assessment.model_validate_json(CONSULTATION_STAGE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reach() -> dict[str, Any]:
    return analyse_survey(SURVEY, split_by=RESPONDENT_TYPE)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(ROOT / "protected_characteristics")


@pytest.fixture(scope="module")
def survey_rows() -> list[dict[str, str]]:
    with SURVEY.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _category(block: dict[str, Any], category_id: str) -> dict[str, Any]:
    return next(c for c in block["categories"] if c["id"] == category_id)


def _opinion_row(reach: dict[str, Any], words: str, characteristic: str, group: str) -> Any:
    question = next(q for q in reach["opinions"] if words in q)
    rows = reach["opinions"][question][characteristic]["rows"]
    return next(row for row in rows if row["group"] == group)


def test_revised_example_is_the_final_stage_in_review(revised: Assessment) -> None:
    assert revised.stage is Stage.FINAL
    assert revised.status is Status.IN_REVIEW
    assert revised.purpose.decision_route.meeting_date == FINAL_CABINET


def test_revised_example_has_no_blocking_issue_at_the_final_stage(
    revised: Assessment, registry: Registry
) -> None:
    local_ids = [group.id for group in registry.local]
    issues = check_completeness(revised, Stage.FINAL, local_group_ids=local_ids)
    assert blocking(issues) == []
    # With no "today", date checks are skipped: no warning of any kind remains.
    assert issues == []


def test_only_the_past_review_date_is_warned_about_today(revised: Assessment) -> None:
    issues = check_completeness(revised, Stage.FINAL, today=date(2099, 1, 1))
    assert [(i.level, i.field) for i in issues] == [(IssueLevel.WARNING, "monitoring.review_date")]


def test_revised_example_keeps_the_reference_of_the_consultation_stage(
    revised: Assessment, original: Assessment
) -> None:
    assert revised.key_details.reference == original.key_details.reference == "EIA-2025-0001"


def test_consultation_is_recorded_as_it_ran(revised: Assessment, original: Assessment) -> None:
    plan = revised.consultation.plan
    assert plan.start_date == date(2025, 2, 12)
    assert plan.end_date == date(2025, 4, 8)
    # Two days later than the plan Cabinet approved, and the note says so.
    planned = original.consultation.plan
    assert planned.start_date == date(2025, 2, 10)
    assert planned.end_date == date(2025, 4, 6)
    assert (plan.start_date - planned.start_date).days == 2
    assert (plan.end_date - planned.end_date).days == 2
    assert any("two days later" in method for method in plan.methods)
    assert {f.value for f in plan.accessible_formats} >= {"easy_read", "print"}


def test_survey_responses_fall_within_the_recorded_dates(
    revised: Assessment, survey_rows: list[dict[str, str]]
) -> None:
    submitted = {date.fromisoformat(row["Submitted"][:10]) for row in survey_rows}
    plan = revised.consultation.plan
    assert plan.start_date is not None
    assert plan.end_date is not None
    assert min(submitted) >= plan.start_date
    assert max(submitted) <= plan.end_date


def test_respondent_totals_match_the_reach_engine(
    revised: Assessment, reach: dict[str, Any]
) -> None:
    summary = revised.consultation.respondents_summary or ""
    assert summary.startswith(f"{reach['respondents']:,} people responded")
    splits = reach["splits"]
    assert sum(part["respondents"] for part in splits.values()) == reach["respondents"]
    assert set(splits) == set(RESPONDENT_PHRASES)
    for answer, part in splits.items():
        phrase = f"{part['respondents']:,} {RESPONDENT_PHRASES[answer]}"
        assert phrase in summary, phrase


@pytest.mark.parametrize(
    ("characteristic", "category"),
    [
        ("sex", "male"),
        ("sex", "female"),
        ("race", "asian"),
        ("race", "other_ethnic_group"),
        ("race", "black"),
        ("religion_belief", "hindu"),
        ("religion_belief", "muslim"),
        ("religion_belief", "sikh"),
        ("age", "0-15"),
        ("age", "18-24"),
        ("age", "35-44"),
        ("age", "55-64"),
        ("age", "65-74"),
        ("age", "75+"),
        ("carers", "carer"),
        ("disability", "disabled"),
        ("armed_forces", "armed_forces_community"),
    ],
)
def test_each_quoted_share_matches_the_reach_engine(
    revised: Assessment, reach: dict[str, Any], characteristic: str, category: str
) -> None:
    row = _category(reach["characteristics"][characteristic], category)
    assert not row["suppressed"]
    assert row["count"] >= 5
    quoted = f"{row['count']:,} ({row['share']:.1%}, against {row['baseline_share']:.1%})"
    assert quoted in (revised.consultation.respondents_summary or "")


def test_fathers_and_asian_parents_match_the_parent_carer_split(
    revised: Assessment, reach: dict[str, Any]
) -> None:
    parents = next(part for name, part in reach["splits"].items() if "parent or carer" in name)
    men = _category(parents["characteristics"]["sex"], "male")
    asian = _category(parents["characteristics"]["race"], "asian")
    summary = revised.consultation.respondents_summary or ""
    assert f"only {men['count']} were fathers or male carers ({men['share']:.1%})" in summary
    assert f"of them {asian['count']} parents or carers" in summary
    assert asian["flag"] == "under"
    assert men["flag"] == "under"


def test_respondents_summary_quotes_no_count_below_five(revised: Assessment) -> None:
    summary = revised.consultation.respondents_summary or ""
    without_shares = re.sub(r"\d+(?:\.\d+)?%", "", summary)
    numbers = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", without_shares)]
    assert numbers
    assert all(n >= 5 for n in numbers), numbers


def test_opinion_figures_match_the_survey(
    revised: Assessment, survey_rows: list[dict[str, str]]
) -> None:
    said = revised.consultation.what_people_said or ""
    questions = [h for h in survey_rows[0] if h.startswith("To what extent")]
    assert len(questions) == 5
    for question in questions:
        answers = Counter(row[question] for row in survey_rows if row[question])
        answered = sum(answers.values())
        agreed = answers["Strongly agree"] + answers["Agree"]
        assert f"{agreed:,} of {answered:,} ({agreed / answered:.1%})" in said, question


@pytest.mark.parametrize(
    ("words", "characteristic", "group"),
    [
        ("identified and met", "age", "0-15"),
        ("mainstream", "disability", "disabled"),
        ("mainstream", "disability", "not_disabled"),
        ("mainstream", "carers", "carer"),
        ("mainstream", "carers", "not_carer"),
        ("mainstream", "age", "45-54"),
        ("mainstream", "age", "55-64"),
        ("equal partners", "race", "white"),
        ("story once", "age", "0-15"),
        ("story once", "age", "18-24"),
        ("story once", "disability", "disabled"),
        ("story once", "sex", "male"),
        ("story once", "sex", "female"),
        ("Year 9", "disability", "disabled"),
        ("Year 9", "sex", "male"),
        ("Year 9", "sex", "female"),
    ],
)
def test_group_differences_quoted_match_the_reach_engine(
    revised: Assessment, reach: dict[str, Any], words: str, characteristic: str, group: str
) -> None:
    row = _opinion_row(reach, words, characteristic, group)
    assert row["flag"] in {"less_agree", "more_agree"}
    assert f"{row['agree_share']:.1%}" in (revised.consultation.what_people_said or "")


def test_asian_disagreement_on_partnership_is_a_published_count(
    revised: Assessment, reach: dict[str, Any]
) -> None:
    asian = _opinion_row(reach, "equal partners", "race", "asian")
    white = _opinion_row(reach, "equal partners", "race", "white")
    said = revised.consultation.what_people_said or ""
    assert asian["counts"]["Disagree"] >= 5
    assert white["counts"]["Disagree"] >= 5
    assert (
        f"{asian['counts']['Disagree']} of the {asian['count']} Asian respondents "
        "who answered chose 'disagree'" in said
    )
    assert f"{white['counts']['Disagree']} of the {white['count']:,} White" in said


def test_at_least_one_rating_changed_with_reasons(
    revised: Assessment, original: Assessment
) -> None:
    before = {impact.group_id: impact for impact in original.impacts}
    changed = [i for i in revised.impacts if i.rating != before[i.group_id].rating]
    assert changed
    race = revised.impact_for("race")
    assert race is not None
    assert before["race"].rating is ImpactRating.POSITIVE
    assert race.rating is ImpactRating.NEGATIVE
    assert race.mitigation
    assert race.residual_justification
    assert "EV14" in race.evidence_refs
    assert "consultation" in (race.reasoning or "").lower()


def test_evidence_is_extended_and_every_reference_resolves(
    revised: Assessment, original: Assessment
) -> None:
    ids = [item.id for item in revised.evidence.items]
    assert ids == [f"EV{n}" for n in range(1, len(ids) + 1)]
    assert ids[: len(original.evidence.items)] == [i.id for i in original.evidence.items]
    assert {"EV14", "EV15"} <= set(ids)
    cited = {ref for impact in revised.impacts for ref in impact.evidence_refs}
    assert cited == set(ids)
    text = " ".join(_strings(revised.model_dump(mode="json")))
    assert set(re.findall(r"\bEV\d+\b", text)) <= set(ids)
    assert set(re.findall(r"\bA\d+\b", text)) <= {action.id for action in revised.actions}


def test_reach_evidence_quotes_the_total(revised: Assessment, reach: dict[str, Any]) -> None:
    item = next(i for i in revised.evidence.items if i.id == "EV14")
    assert f"{reach['respondents']:,} responses" in (item.summary or "")
    assert item.source_date == date(2025, 4, 8)


def test_every_under_represented_race_and_sex_group_has_a_response(
    revised: Assessment, reach: dict[str, Any]
) -> None:
    texts = [f"{a.issue} {a.action}" for a in revised.actions]
    texts += [f"{y.you_said} {y.we_did}" for y in revised.consultation.you_said_we_did]
    written = " ".join(texts).lower()
    under = [
        (characteristic, category["id"])
        for characteristic in ("race", "sex")
        for category in reach["characteristics"][characteristic]["categories"]
        if category["parent"] is None and category["flag"] == "under"
    ]
    assert ("race", "asian") in under
    assert ("sex", "male") in under
    for key in under:
        assert key in GROUP_WORDS, f"no words listed for {key}"
        assert any(word in written for word in GROUP_WORDS[key]), key


def test_actions_progressed_and_new_ones_are_complete(
    revised: Assessment, original: Assessment
) -> None:
    old_ids = {a.id for a in original.actions}
    statuses = {a.id: a.status.value for a in revised.actions}
    assert {"done", "in_progress"} <= {statuses[i] for i in old_ids}
    new = [a for a in revised.actions if a.id not in old_ids]
    assert len(new) >= 4
    for action in new:
        assert action.owner, action.id
        assert action.success_measure, action.id
        assert action.due_date is not None, action.id
        assert action.due_date > FINAL_CABINET, action.id
        assert action.group_ids, action.id


def test_you_said_we_did_and_sign_off_come_before_cabinet(revised: Assessment) -> None:
    assert len(revised.consultation.you_said_we_did) >= 5
    assert revised.consultation.gunning_statement
    assert revised.decision.reasons
    sign_off = revised.sign_off
    dates = [sign_off.completed_by.signed_on, sign_off.reviewed_by.signed_on]
    dates.append(sign_off.approved_by.signed_on)
    assert all(d is not None for d in dates)
    assert dates == sorted(dates)  # type: ignore[type-var]
    assert sign_off.approved_by.signed_on < FINAL_CABINET  # type: ignore[operator]
    review = revised.monitoring.review_date
    assert review is not None
    assert review > FINAL_CABINET
    assert revised.quality.change_note


def test_contact_details_stay_made_up() -> None:
    text = REVISED.read_text(encoding="utf-8")
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    assert emails == {"send.strategy@example.gov.uk"}


def test_file_is_two_space_indented_utf8_json() -> None:
    raw = REVISED.read_bytes()
    text = raw.decode("utf-8")
    assert text.startswith('{\n  "schema_version": 1,')
    assert text.endswith("}\n")


# Words that pick out each comment theme quoted in "what people said", and the
# phrase the summary puts before the count.
COMMENT_THEMES: dict[str, str] = {
    "more training and more staff": "more training and staff first",
    "cannot cope in large classes": "cannot cope in large classes",
    "not a tick box": "rather than a tick box",
    "drops off a cliff": "falls away at 16 and 19",
    "Short breaks": "short breaks and respite",
    "Transport to specialist": "transport to specialist provision",
    "easy read version": "an Easy Read version",
    "Annual reviews are often late": "late annual reviews",
    "Waiting times": "waiting times for assessment",
    "community languages": "information in community languages",
    "where is the funding": "funding",
    "therapies": "health therapies",
}


def test_comment_counts_match_the_survey(
    revised: Assessment, survey_rows: list[dict[str, str]]
) -> None:
    column = next(h for h in survey_rows[0] if h.startswith("Is there anything else"))
    comments = [row[column] for row in survey_rows if row[column].strip()]
    said = revised.consultation.what_people_said or ""
    assert f"{len(comments)} respondents left a comment" in said
    for words, phrase in COMMENT_THEMES.items():
        count = sum(words.lower() in comment.lower() for comment in comments)
        assert count >= 5, words
        assert f"{phrase} ({count})" in said, words


def test_skipped_monitoring_questions_range_matches_the_reach_engine(
    revised: Assessment, reach: dict[str, Any]
) -> None:
    skipped = [block["not_answered"] for block in reach["characteristics"].values()]
    item = next(i for i in revised.evidence.items if i.id == "EV14")
    assert f"Between {min(skipped)} and {max(skipped)} respondents skipped" in (item.gaps or "")


def test_figures_without_a_baseline_match_the_reach_engine(
    revised: Assessment, reach: dict[str, Any]
) -> None:
    trans = _category(reach["characteristics"]["gender_reassignment"], "different_from_birth_sex")
    summary = revised.consultation.respondents_summary or ""
    assert f"{trans['count']} respondents ({trans['share']:.1%}) had a gender identity" in summary
    pregnant = _category(
        reach["characteristics"]["pregnancy_maternity"], "pregnant_or_recent_birth"
    )
    assert pregnant["baseline_share"] is None
    impact = revised.impact_for("pregnancy_maternity")
    assert impact is not None
    assert f"{pregnant['count']} respondents were pregnant" in (impact.reasoning or "")
