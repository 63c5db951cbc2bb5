"""Coding raw answers (one column, or the two disability parts) into registry categories."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import pandas as pd

from eia_app.analysis.age_bands import parse_age_id
from eia_app.analysis.survey import age, vocabulary
from eia_app.analysis.survey.model import QuestionMatch, SurveyData
from eia_app.analysis.survey.normalise import SPECIAL_CODES, AnswerMapper, Question, mapper_for
from eia_app.analysis.survey.text import key_of
from eia_app.analysis.survey.vocabulary import NOT_ANSWERED, PREFER_NOT_TO_SAY
from eia_app.domain.errors import SurveyReadError
from eia_app.domain.registry import GroupDefinition


@dataclass(frozen=True)
class CodedAnswer:
    """What one respondent's answer counts as.

    Attributes:
        categories: Canonical (broad) categories, each once.
        detail: Detailed categories (race only).
        special: ``prefer_not_to_say``, ``not_answered`` or ``dont_know`` when
            there is no substantive answer.
        unknown: Raw answers (or options) that could not be placed.
    """

    categories: tuple[str, ...] = ()
    detail: tuple[str, ...] = ()
    special: str | None = None
    unknown: tuple[str, ...] = ()


def _is_missing(raw: object) -> bool:
    return raw is None or (isinstance(raw, float) and pd.isna(raw))


def _coded(
    codes: Iterable[str], unknown: tuple[str, ...], parents: Mapping[str, str]
) -> CodedAnswer:
    codes = tuple(codes)
    real = [code for code in codes if code not in SPECIAL_CODES]
    if real:
        broad = tuple(dict.fromkeys(parents.get(code, code) for code in real))
        detail = tuple(code for code in real if code in parents)
        return CodedAnswer(broad, detail, unknown=unknown)
    for special in (PREFER_NOT_TO_SAY, vocabulary.DONT_KNOW, NOT_ANSWERED):
        if special in codes:
            return CodedAnswer(special=special, unknown=unknown)
    return CodedAnswer(unknown=unknown)


class ColumnCoder:
    """Codes the answers of one characteristic column into the registry's categories.

    The registry group says which categories exist, in which order, with which labels,
    and which detailed category belongs to which broad one; the engine's vocabularies
    only say how people spell each answer.
    """

    def __init__(
        self,
        survey: SurveyData,
        match: QuestionMatch,
        group: GroupDefinition,
        assignments: Mapping[str, str],
    ):
        """Prepare the coder.

        Args:
            survey: The survey.
            match: The recognised column.
            group: The registry's definition of the characteristic asked about.
            assignments: Raw answer -> category id chosen by the user.
        """
        self._use_group(group)
        self.columns: tuple[str, ...] = (match.column,)
        self.question_text = match.column
        question = Question(match.target, match.part, match.reversed)
        self.mapper = mapper_for(survey, match.column, question, assignments)
        self.translate = vocabulary.SINGLE_PART_STATUS if match.target == "disability" else {}
        check_assignments(match.target, assignments, self.allowed_ids())

    def _use_group(self, group: GroupDefinition) -> None:
        self.target = group.id
        self.labels = {category.id: category.label for category in group.categories}
        self.detail_labels = {c.id: c.label for c in group.detail_categories if c.parent}
        self.parents = {c.id: str(c.parent) for c in group.detail_categories if c.parent}

    def allowed_ids(self) -> set[str]:
        """Category ids an assignment may use."""
        return set(self.labels) | set(self.parents) | SPECIAL_CODES | set(self.translate)

    def category_ids(self) -> list[str]:
        """Canonical categories in display order."""
        return list(self.labels)

    def label(self, category: str) -> str:
        """Display label of a category."""
        return self.labels[category]

    def code(self, raw: object) -> CodedAnswer:
        """Code one raw answer (a cell's text, or NaN for blank)."""
        if _is_missing(raw):
            return CodedAnswer(special=NOT_ANSWERED)
        codes, unknown = self.mapper.map_cell(str(raw))
        codes = tuple(self.translate.get(code, code) for code in codes)
        known = set(self.labels) | set(self.parents) | SPECIAL_CODES
        if any(code not in known for code in codes):
            # A council's registry may drop a category the vocabulary knows: the
            # answer is then unplaced, for the user to assign, never silently lost.
            codes = tuple(code for code in codes if code in known)
            unknown = (*unknown, str(raw))
        return _coded(codes, unknown, self.parents)


class AgeCoder(ColumnCoder):
    """Codes age answers into the survey's own bands (or five-year bands of raw ages)."""

    def __init__(
        self,
        survey: SurveyData,
        match: QuestionMatch,
        group: GroupDefinition,
        assignments: Mapping[str, str],
        bands: Sequence[age.Band] | None = None,
    ):
        """Prepare the coder; the bands come from every distinct answer of the column.

        Args:
            survey: The survey.
            match: The age column.
            group: The registry's age group (its categories are the survey's own bands).
            assignments: Raw answer -> band id (or prefer_not_to_say / not_answered).
            bands: Bands to put single ages into (all shown, even when empty);
                five-year bands when None.
        """
        self._use_group(group)
        self.columns = (match.column,)
        self.question_text = match.column
        special = {raw: code for raw, code in assignments.items() if code in SPECIAL_CODES}
        assigned = {raw: code for raw, code in assignments.items() if code not in SPECIAL_CODES}
        self.mapper = mapper_for(survey, match.column, Question("age"), special)
        self.translate = {}
        answers = [str(a) for a in survey.counts(match.column).index if not _is_missing(a)]
        answers += list(survey.multi_options.get(match.column, ()))
        self.bands = age.age_bands(answers, bands)
        self.assigned = {raw: _assigned_band(raw, band) for raw, band in assigned.items()}
        numeric_only = bands is None and all(map(_is_single_age, self.bands))
        seen = [*self.bands.values(), *self.assigned.values(), *(bands or ())]
        self.order = [age.band_id(b) for b in age.ordered_bands(seen, filled=numeric_only)]

    def category_ids(self) -> list[str]:
        """Bands ordered by their lower age."""
        return self.order

    def label(self, category: str) -> str:
        """Label of a band id."""
        interval = parse_age_id(category)
        return age.band_label((interval.low, interval.high))

    def code(self, raw: object) -> CodedAnswer:
        """Code one raw age answer."""
        if _is_missing(raw):
            return CodedAnswer(special=NOT_ANSWERED)
        text = str(raw)
        band = self.assigned.get(text) or self.bands.get(text)
        if band is not None:
            return CodedAnswer((age.band_id(band),))
        codes, unknown = self.mapper.map_cell(text)
        return _coded(codes, unknown, {})


def _is_single_age(answer: str) -> bool:
    parsed = age.parse_band(answer)
    return parsed is not None and parsed[0] == "age"


def _assigned_band(raw: str, band_id: str) -> age.Band:
    try:
        interval = parse_age_id(band_id)
    except ValueError:
        interval = None
    # A single age ("17") is an answer, not a band to assign answers to.
    if interval is None or (interval.high is not None and "-" not in band_id):
        raise SurveyReadError(
            f"Assignment for age answer '{raw}': '{band_id}' is not a band; write it as "
            "'18-24' or '75+'."
        )
    return interval.low, interval.high


class TwoPartDisabilityCoder(ColumnCoder):
    """Derives Equality Act disability from the GSS condition and activity questions.

    Disabled: condition "Yes" and activity "Yes, a lot" or "Yes, a little". Not disabled:
    condition "No" (whatever follows), or "Yes" and "Not at all". Prefer not to say in
    either part counts as prefer not to say. A "Yes" with the activity part left blank
    (or any other pair) counts as not answered, since status cannot be derived.
    """

    def __init__(
        self,
        survey: SurveyData,
        matches: Sequence[QuestionMatch],
        group: GroupDefinition,
        assignments: Mapping[str, str],
    ):
        """Prepare the coder from the condition match and the activity match (in that order).

        Args:
            survey: The survey.
            matches: The condition match, then the activity match.
            group: The registry's disability group.
            assignments: Raw answer -> category id chosen by the user.
        """
        condition, activity = matches
        self._use_group(group)
        self.columns = (condition.column, activity.column)
        self.question_text = f"{condition.column} + {activity.column}"
        self.translate = {}
        self.condition = mapper_for(survey, condition.column, Question("disability", "condition"))
        self.activity = mapper_for(survey, activity.column, Question("disability", "activity"))
        self.assignments = {key_of(raw): code for raw, code in assignments.items()}
        check_assignments("disability", assignments, self.allowed_ids())

    def _code(self, mapper: AnswerMapper, raw: object) -> str | None:
        if _is_missing(raw):
            return NOT_ANSWERED
        assigned = self.assignments.get(key_of(str(raw)))
        if assigned is not None:
            return assigned
        codes, _ = mapper.map_cell(str(raw))
        return codes[0] if len(codes) == 1 else None

    def code(self, raw: object) -> CodedAnswer:
        """Code one (condition answer, activity answer) pair."""
        condition_raw, activity_raw = cast(tuple[object, object], raw)
        condition = self._code(self.condition, condition_raw)
        activity = self._code(self.activity, activity_raw)
        if PREFER_NOT_TO_SAY in (condition, activity):
            return CodedAnswer(special=PREFER_NOT_TO_SAY)
        if condition in ("no", "not_disabled"):
            return CodedAnswer(("not_disabled",))
        if condition == "disabled":
            return CodedAnswer(("disabled",))
        if condition is None:
            return CodedAnswer(unknown=(str(condition_raw),))
        if condition != "yes":
            return CodedAnswer(special=NOT_ANSWERED)
        if activity is None:
            return CodedAnswer(unknown=(str(activity_raw),))
        status = vocabulary.DISABILITY_WITH_CONDITION.get(activity, activity)
        if status in ("disabled", "not_disabled"):
            return CodedAnswer((status,))
        return CodedAnswer(special=NOT_ANSWERED)


def check_assignments(target: str, assignments: Mapping[str, str], allowed: set[str]) -> None:
    """Check that user assignments name real categories.

    Raises:
        SurveyReadError: Naming the first answer assigned to an unknown category.
    """
    for raw, code in assignments.items():
        if code not in allowed:
            raise SurveyReadError(
                f"Assignment for {target} answer '{raw}': '{code}' is not a category; use one "
                f"of {', '.join(sorted(allowed))}."
            )
