"""Respondent reach: who answered a consultation, compared with the population.

``analyse_survey`` reads a survey export, recognises its equality-monitoring
questions, counts answers by the registry's categories, compares them with a
population baseline and returns one typed result (schema ``eia.reach/1``, the model
:class:`~eia_app.domain.reach.ReachResult`, described in ``docs/reach.md``).
Respondent-level rows stay in memory: the result holds only counts, with small
counts suppressed.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eia_app.analysis.baselines import Baseline
from eia_app.analysis.file_limits import check_size, load_json
from eia_app.analysis.survey import (
    QuestionMatch,
    SurveyData,
    mapping_from_json,
    read_survey,
    recognise_questions,
    split_survey,
)
from eia_app.domain.errors import ReachError
from eia_app.domain.limits import JsonLimits, SurveyLimits
from eia_app.domain.publication import DEFAULT_MIN_COUNT
from eia_app.domain.reach import (
    QuestionEntry,
    ReachResult,
    ReachSource,
    SplitReach,
    Subject,
    SurveyLayout,
)
from eia_app.services.progress import Steps
from eia_app.services.reach_baselines import (
    DEFAULT_BASELINE,
    author_note,
    baseline_section,
    choose_baseline,
    choose_cohort,
)
from eia_app.services.reach_figures import ReachSettings, survey_sections
from eia_app.services.reach_files import read_reach_file, save_mapping
from eia_app.services.reach_groups import (
    about_respondent,
    cohort_note,
    cohort_section,
    respondent_groups,
)
from eia_app.services.reference import get_registry

Assignments = Mapping[str, Mapping[str, str]]


def _close_headers(survey: SurveyData, header: str) -> str:
    """A hint naming the survey headers closest to a mistyped one."""
    headers = [str(column) for column in survey.frame.columns]
    wanted = header.strip().casefold()
    close = [h for h in headers if wanted and wanted in h.casefold()][:3]
    close = close or difflib.get_close_matches(header, headers, n=3, cutoff=0.5)
    if not close:
        folded = {h.casefold(): h for h in headers}
        close = [folded[h] for h in difflib.get_close_matches(wanted, folded, 3, 0.3)]
    if close:
        return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    return "use a header exactly as it appears in the first row of the file."


def check_header(survey: SurveyData, header: str, option: str) -> None:
    """Fail with a helpful message when a header named in an option is not in the survey.

    Args:
        survey: The survey read.
        header: Header as the user typed it.
        option: The option it came from, for the message (for example ``--map``).

    Raises:
        ReachError: If no column has this header.
    """
    if header not in survey.frame.columns:
        raise ReachError(
            f"{option}: {survey.file} has no column '{header}'; {_close_headers(survey, header)}"
        )


def _mapping_limits() -> JsonLimits:
    """The JSON limits as configured (``EIA_MAX_JSON_*``)."""
    from eia_app.settings import load_settings

    return load_settings().json_limits


def _refuse_mapping(message: str) -> ReachError:
    """The error for a saved mapping file over a limit, naming the option."""
    return ReachError(f"--mapping-file: {message}")


def _overrides(
    survey: SurveyData, mapping: Mapping[str, str] | None, mapping_file: Path | None
) -> dict[str, str]:
    """Column overrides from a saved mapping file, then from ``--map`` (which wins)."""
    overrides: dict[str, str] = {}
    if mapping_file is not None:
        # A saved mapping is JSON a user hands back: the assessment-JSON limits apply.
        limits = _mapping_limits()
        check_size(mapping_file, limits, "max_json_bytes", _refuse_mapping)
        try:
            text = mapping_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            raise ReachError(
                f"--mapping-file: {mapping_file.name} could not be read; check the name."
            ) from None
        load_json(text, mapping_file.name, limits, _refuse_mapping)
        saved = mapping_from_json(text)
        overrides.update({h: t for h, t in saved.items() if h in survey.frame.columns})
    for header, target in (mapping or {}).items():
        check_header(survey, header, "--map")
        overrides[header] = target
    return overrides


def _question_entry(match: QuestionMatch) -> QuestionEntry:
    """How one recognised column is reported in ``questions``."""
    return QuestionEntry(
        column=match.column,
        target=match.target,
        confidence=round(float(match.confidence), 3),
        part=match.part,
        reversed=match.reversed,
        reason=match.reason,
        about=Subject(match.about),
    )


def _source(survey: SurveyData) -> ReachSource:
    return ReachSource(
        file=survey.file,
        layout=SurveyLayout(survey.layout),
        encoding=survey.encoding,
        sheet=survey.sheet,
    )


def _splits(
    survey: SurveyData,
    column: str,
    matches: Sequence[QuestionMatch],
    settings: ReachSettings,
    steps: Steps,
) -> dict[str, SplitReach]:
    """One section per answer of the split column, with the recognition of the whole."""
    check_header(survey, column, "--split-by")
    parts = split_survey(survey, column)
    return steps.run(
        f"analysing each answer of '{column}'",
        lambda: {name: survey_sections(part, matches, settings) for name, part in parts.items()},
        advice="split by a column with fewer different answers",
    )


_NOT_EQUALITY = frozenset({"respondent_type", "opinion", "none"})
_LISTED_HEADERS = 10


def _check_equality_question(survey: SurveyData, matches: Sequence[QuestionMatch]) -> None:
    """Fail when no column is an equality-monitoring question: a report would be empty."""
    if any(match.target not in _NOT_EQUALITY for match in matches):
        return
    headers = [str(column) for column in survey.frame.columns]
    listed = "; ".join(f"'{h}'" for h in headers[:_LISTED_HEADERS])
    more = f" and {len(headers) - _LISTED_HEADERS} more" if len(headers) > _LISTED_HEADERS else ""
    raise ReachError(
        f"{survey.file}: no equality-monitoring question was recognised among its headers "
        f"({listed}{more}); say which column asks which question with "
        '--map "HEADER=race" (or age, sex, disability ...).'
    )


def analyse_survey(
    path: Path,
    *,
    sheet: str | None = None,
    baseline: str | Path | Baseline | None = None,
    mapping: Mapping[str, str] | None = None,
    mapping_file: Path | None = None,
    assignments: Assignments | None = None,
    split_by: str | None = None,
    min_count: int = DEFAULT_MIN_COUNT,
    thresholds: Mapping[str, Any] | None = None,
    limits: SurveyLimits | None = None,
    children_invited: bool = False,
    cohort: str | Path | Baseline | None = None,
    steps: Steps | None = None,
) -> ReachResult:
    """Analyse who responded to a consultation survey.

    Args:
        path: Survey export (CSV, text or Excel workbook).
        sheet: Sheet of a workbook; the first sheet when None.
        baseline: Baseline id, file path or name to search for, or a baseline already
            read (a council's file from the library); when None the Leicestershire
            Census 2021 baseline is used and the document says so.
        mapping: Header -> target ("race", "disability:activity", "none" ...),
            overriding recognition.
        mapping_file: A mapping saved with :func:`save_mapping`; ``mapping`` wins.
        assignments: Characteristic -> raw answer -> category id, for answers the
            vocabulary cannot place.
        split_by: Header of a column (usually the respondent type) whose answers
            each get their own analysis under ``splits``.
        min_count: Smallest count shown; counts from 1 to ``min_count - 1`` are
            suppressed (null), with anything they could be worked out from.
        thresholds: Overrides of the representation flags (``rr_under``,
            ``rr_over``, ``min_gap_pp``, ``require_ci_excludes_population``).
        limits: The largest file accepted (``Settings.survey_limits``); the defaults
            when None.
        children_invited: Whether the consultation invited children under 16: then
            age is compared over all ages, otherwise with residents aged 16 and over
            like every other characteristic (under-16 answers are counted apart).
        cohort: A service cohort (such as ``ehcp2025-e10000018``, children with EHC
            plans): questions about the child ("How old is your child?") are compared
            with it, under ``cohort``, and the respondents' own questions with
            ``baseline``, in the same run.
        steps: Reports slow steps (reading, counting) and abandons one past its
            time budget; None runs them silently with no budget.

    Returns:
        The ``eia.reach/1`` result, with the registry's categories and labels.

    Raises:
        EIAError: With a one-line message naming the file, column or option at fault.
    """
    if min_count < 0:
        raise ReachError(f"--min-count must be 0 (no suppression) or more, not {min_count}.")
    steps = steps or Steps()
    name = Path(path).name
    survey = steps.run(
        f"reading {name}",
        lambda: read_survey(Path(path), sheet=sheet, limits=limits),
        advice="save it as CSV UTF-8 with only the columns needed",
    )
    chosen = choose_baseline(baseline)
    chosen_cohort = choose_cohort(cohort) if cohort is not None else None
    registry = get_registry()
    # Against a service cohort, questions about the respondent's child are the ones to use.
    subject = "cohort" if chosen.level == "cohort" or chosen_cohort else "respondent"
    matches = recognise_questions(
        survey,
        _overrides(survey, mapping, mapping_file),
        subject=subject,
        groups=[group.id for group in registry.groups],
    )
    _check_equality_question(survey, matches)
    settings = ReachSettings.build(
        chosen, assignments, min_count, thresholds, registry, children_invited
    )
    # With a cohort beside the area, each question goes to the population it is about.
    own = about_respondent(matches) if chosen_cohort else matches
    whole = steps.run("counting the answers", lambda: survey_sections(survey, own, settings))
    children = cohort_section(survey, matches, settings, chosen_cohort) if chosen_cohort else None
    universes = {cid: entry.universe for cid, entry in whole.characteristics.items()}
    return ReachResult(
        respondents=survey.respondents,
        source=_source(survey),
        baseline=baseline_section(chosen, baseline is None, universes),
        min_count=min_count,
        thresholds=settings.published_thresholds(),
        questions=tuple(_question_entry(match) for match in matches),
        characteristics=whole.characteristics,
        opinions=whole.opinions,
        split_by=split_by or None,
        splits=_splits(survey, split_by, own, settings, steps) if split_by else None,
        children_invited=children_invited,
        cohort=children,
        respondent_groups=steps.run(
            "analysing parents and carers apart from professionals",
            lambda: respondent_groups(survey, own, settings),
        ),
        notes_for_author=(*_author_notes(chosen, baseline is None, whole), *cohort_note(children)),
        warnings=survey.warnings,
    )


def _author_notes(chosen: Baseline, is_default: bool, whole: SplitReach) -> tuple[str, ...]:
    """Advice for the analyst: how the baseline was chosen, and each table's own advice."""
    notes = [author_note(chosen, is_default)]
    for entry in whole.characteristics.values():
        notes += [f"{entry.label}: {note}" for note in entry.notes_for_author]
    return tuple(notes)


__all__ = [
    "DEFAULT_BASELINE",
    "ReachError",
    "analyse_survey",
    "read_reach_file",
    "save_mapping",
]
