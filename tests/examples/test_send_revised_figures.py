"""The SEND strategy example, version 2: the figures quoted in the revised assessment.

The figures quoted in the revised assessment are checked against the reach
engine run on the synthetic consultation export, so the example cannot drift
from the data it claims to describe. The shared fixtures ``revised`` and ``reach``
are in this folder's conftest.
"""

import csv
import re
from collections import Counter
from datetime import date
from typing import Any

import pytest

from eia_app.domain.assessment import Assessment
from tests.examples.send_revised import SURVEY

# How the summary words each answer of the respondent-type question.
RESPONDENT_PHRASES = {
    "As a parent or carer of a child or young person with SEND": "as parents or carers",
    "As a professional working with children and young people": "as professionals",
    "As a young person with SEND": "as young people with SEND",
    "On behalf of an organisation, school or setting": "on behalf of an organisation",
    "Other": "in another capacity",
}


@pytest.fixture(scope="module")
def survey_rows() -> list[dict[str, str]]:
    with SURVEY.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _category(block: dict[str, Any], category_id: str) -> dict[str, Any]:
    return next(c for c in block["categories"] if c["id"] == category_id)


def _opinion_row(reach: dict[str, Any], words: str, characteristic: str, group: str) -> Any:
    question = next(q for q in reach["opinions"] if words in q)
    rows = reach["opinions"][question][characteristic]["rows"]
    return next(row for row in rows if row["group"] == group)


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


def test_reach_evidence_quotes_the_total(revised: Assessment, reach: dict[str, Any]) -> None:
    item = next(i for i in revised.evidence.items if i.id == "EV14")
    assert f"{reach['respondents']:,} responses" in (item.summary or "")
    assert item.source_date == date(2025, 4, 8)


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
