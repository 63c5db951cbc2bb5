"""Recognition of which survey column asks about which characteristic (or opinion)."""

import re
from collections.abc import Collection, Mapping

from eia_app.analysis.survey import keywords
from eia_app.analysis.survey.age import age_bands
from eia_app.analysis.survey.model import QuestionMatch, SurveyData
from eia_app.analysis.survey.normalise import (
    SPECIAL_CODES,
    Answers,
    Question,
    mapper_for,
    top_answers,
)
from eia_app.analysis.survey.opinion import DISTINCTIVE_SCALES, scale_share
from eia_app.analysis.survey.text import fold
from eia_app.domain.errors import SurveyReadError

# What a survey question can ask besides a registry group: who is responding, and
# an opinion (agree/disagree) question.
SURVEY_TARGETS = ("respondent_type", "opinion")
PARTS = {
    "disability": ("condition", "activity", "self"),
    "gender_reassignment": ("same", "reversed"),
}
THRESHOLD = 0.5
_COMPILED = {
    target: tuple((re.compile(pattern), weight) for pattern, weight in patterns)
    for target, patterns in keywords.HEADER_PATTERNS.items()
}


def header_score(header: str, target: str) -> tuple[float, str]:
    """Score how strongly a header suggests a target.

    Args:
        header: Column header.
        target: Target id.

    Returns:
        (score 0..1, the words that matched).
    """
    text = fold(header)
    best, words = 0.0, ""
    for pattern, weight in _COMPILED[target]:
        if (found := pattern.search(text)) and weight > best:
            best, words = weight, found[0]
    exclusion = keywords.EXCLUSIONS.get(target)
    if best and exclusion is not None and exclusion.search(text):
        best *= 0.2
    return best, words


def question_for(header: str, target: str) -> Question:
    """Work out the disability part or gender-identity polarity from the header."""
    text = fold(header)
    if target == "disability":
        part = next(
            (name for name, pattern in keywords.DISABILITY_PARTS if pattern.search(text)), "self"
        )
        return Question(target, part=part)
    if target == "gender_reassignment":
        return Question(target, reversed=bool(keywords.REVERSED_GENDER.search(text)))
    return Question(target)


def _age_evidence(answers: Answers, header_says_age: bool) -> float | None:
    total = sum(count for _, count in answers)
    if not total:
        return None
    bands = age_bands([answer for answer, _ in answers])
    numeric = {a for a in bands if fold(a).replace(".0", "").isdigit()}
    accepted = set(bands) if header_says_age else set(bands) - numeric
    return sum(count for answer, count in answers if answer in accepted) / total


def answer_evidence(
    survey: SurveyData, column: str, question: Question, answers: Answers | None = None
) -> float | None:
    """Share of substantive answers that the question's vocabulary recognises.

    Args:
        survey: The survey.
        column: Column name.
        question: The candidate meaning of the column.
        answers: The column's most common answers, if already at hand.

    Returns:
        0..1, or None when no substantive answers were given.
    """
    mapper = mapper_for(survey, column, question)
    substantive = recognised = 0
    if answers is None:
        answers = top_answers(survey.counts(column))
    for raw, count in answers:
        codes, unknown = mapper.map_cell(raw)
        real = [code for code in codes if code not in SPECIAL_CODES]
        if not real and not unknown:
            continue
        substantive += int(count)
        recognised += int(count) if real else 0
    return recognised / substantive if substantive else None


def _evidence(
    survey: SurveyData, column: str, question: Question, header: float, answers: Answers
) -> float | None:
    if question.target == "age":
        return _age_evidence(answers, header > 0)
    if question.target == "opinion":
        scales = (*DISTINCTIVE_SCALES, "yes_no") if header > 0 else DISTINCTIVE_SCALES
        return scale_share(answers, scales) if answers else None
    return answer_evidence(survey, column, question, answers)


def _confidence(target: str, header: float, evidence: float | None) -> float:
    if evidence is None:
        return 0.8 * header
    if header > 0:
        return 0.5 * header + 0.5 * evidence
    return 0.7 * evidence if target in keywords.ANSWER_DISTINCTIVE else 0.0


def _subject_factor(column: str, target: str, subject: str) -> tuple[float, str]:
    """Weight of a header by whom it asks about, and a note for the reason."""
    if target == "opinion":
        return 1.0, ""
    folded = fold(column)
    if subject == "cohort" and keywords.CHILD_SUBJECT.search(folded):
        # The comparison is with a cohort of children: their own answers win.
        return 1.15, "; asks about the child (cohort comparison)"
    if keywords.OTHER_PERSON.search(folded):
        return 0.3, ""
    return 1.0, ""


def score_column(
    survey: SurveyData,
    column: str,
    target: str,
    answers: Answers | None = None,
    subject: str = "respondent",
) -> QuestionMatch:
    """Score one column against one target, using its header and its answers.

    Args:
        survey: The survey.
        column: Column name.
        target: Target id.
        answers: The column's most common answers, if already at hand.
        subject: "respondent" to look for the respondent's own characteristics, or
            "cohort" to prefer questions about their child (for a cohort baseline).

    Returns:
        A match (possibly with confidence 0).
    """
    if answers is None:
        answers = top_answers(survey.counts(column))
    header, words = header_score(column, target)
    question = question_for(column, target)
    evidence = _evidence(survey, column, question, header, answers)
    factor, note = _subject_factor(column, target, subject)
    confidence = min(1.0, _confidence(target, header, evidence) * factor)
    reason = f"header mentions '{words}'" if words else "header gives no hint"
    if evidence is not None:
        reason += f"; {evidence:.0%} of answers fit"
    return QuestionMatch(
        column,
        target,
        round(confidence, 3),
        question.part,
        question.reversed,
        reason + note,
        about_of(column, target, subject),
    )


def about_of(column: str, target: str, subject: str) -> str:
    """Whom a column asks about: ``child`` for a child's question against a cohort.

    Args:
        column: Column header.
        target: What it asks.
        subject: ``cohort`` when questions about a child are compared with a cohort.

    Returns:
        ``child`` or ``respondent``.
    """
    if subject == "cohort" and target in keywords.HEADER_PATTERNS and target not in SURVEY_TARGETS:
        return "child" if keywords.CHILD_SUBJECT.search(fold(column)) else "respondent"
    return "respondent"


def recognisable(group_ids: Collection[str] | None = None) -> tuple[str, ...]:
    """The targets the recogniser looks for: registry groups it knows how questions ask about.

    Args:
        group_ids: The registry's group ids, in order; None for every group the engine
            has header patterns for.

    Returns:
        Those ids that have header patterns, then ``respondent_type`` and ``opinion``.
    """
    known = [t for t in keywords.HEADER_PATTERNS if t not in SURVEY_TARGETS]
    chosen = known if group_ids is None else [g for g in group_ids if g in known]
    return (*chosen, *SURVEY_TARGETS)


def _best_match(
    survey: SurveyData, column: str, subject: str, targets: tuple[str, ...]
) -> QuestionMatch | None:
    if keywords.WRITE_IN.search(fold(column)):
        return None
    answers = top_answers(survey.counts(column))
    scored = [score_column(survey, column, target, answers, subject) for target in targets]
    best = max(scored, key=lambda match: match.confidence)
    return best if best.confidence >= THRESHOLD else None


ABOUT = ("respondent", "child")


def parse_override(
    column: str, value: str, targets: Collection[str], subject: str = "respondent"
) -> QuestionMatch:
    """Turn one override ("race", "disability:activity", "age@child", "none") into a match.

    Args:
        column: Column header.
        value: Target id, optionally with ":part", then optionally "@child" or
            "@respondent" to say whom it asks about (by default the header decides,
            against a cohort; otherwise the respondent).
        targets: The targets a column may be mapped to.
        subject: ``cohort`` when questions about a child are compared with a cohort.

    Returns:
        A match with confidence 1.0.

    Raises:
        SurveyReadError: If the target, part or subject is not known.
    """
    value, _, about = value.strip().partition("@")
    if about and about not in ABOUT:
        raise SurveyReadError(
            f"Column mapping for '{column}': '@{about}' is not known; use @child or @respondent."
        )
    target, _, part = value.strip().partition(":")
    if target != "none" and target not in targets:
        raise SurveyReadError(
            f"Column mapping for '{column}': '{target}' is not a known target; use one of "
            f"{', '.join((*targets, 'none'))}."
        )
    if part and part not in PARTS.get(target, ()):
        raise SurveyReadError(
            f"Column mapping for '{column}': '{part}' is not a part of '{target}'; use one of "
            f"{', '.join(PARTS.get(target, ())) or 'no part'}."
        )
    guessed = question_for(column, target) if target != "none" else Question("none")
    reversed_ = part == "reversed" if target == "gender_reassignment" and part else guessed.reversed
    chosen_part = part if target == "disability" and part else guessed.part
    about = about or about_of(column, target, subject)
    return QuestionMatch(column, target, 1.0, chosen_part, reversed_, "set by the user", about)


def recognise_questions(
    survey: SurveyData,
    overrides: Mapping[str, str] | None = None,
    *,
    subject: str = "respondent",
    groups: Collection[str] | None = None,
) -> list[QuestionMatch]:
    """Recognise the equality-monitoring, respondent-type and opinion questions.

    Args:
        survey: The survey read by :func:`read_survey`.
        overrides: Header -> target (or "target:part", or "none" to ignore the column);
            these win and have confidence 1.0. Headers not in the survey are ignored.
        subject: "respondent" (default) recognises questions about the respondent;
            "cohort" also accepts, and prefers, questions about the respondent's child,
            for comparison with a service cohort such as children with EHC plans.
        groups: The registry's group ids: only these (and respondent type and opinion
            questions) are looked for, and a column may be mapped to any of them; None
            for every group the engine knows.

    Returns:
        One match per recognised or overridden column, in column order.

    Raises:
        SurveyReadError: If an override names an unknown target or part.
    """
    targets = recognisable(groups)
    allowed = targets if groups is None else (*groups, *SURVEY_TARGETS)
    chosen = {
        c: parse_override(c, value, allowed, subject) for c, value in (overrides or {}).items()
    }
    matches = []
    for column in survey.question_columns:
        match = chosen.get(column) or _best_match(survey, column, subject, targets)
        if match is not None:
            matches.append(match)
    return matches
