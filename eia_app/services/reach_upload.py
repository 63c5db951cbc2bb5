"""Consultation reach for the app: analyse an uploaded survey, and save only its aggregates.

The app hands over the bytes of an uploaded export; they are analysed and forgotten.
What leaves this module is the aggregated, suppressed ``eia.reach/1`` result
(:class:`~eia_app.domain.reach.ReachResult`), which is what :func:`save_reach_for`
keeps with an assessment version, with the column mapping used. Respondent rows
never reach the database or the logs.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path, PurePath

from pydantic import BaseModel, ConfigDict

from eia_app.analysis.survey import list_sheets, mapping_to_json
from eia_app.analysis.survey.recognise import PARTS, recognisable
from eia_app.domain.council_files import CouncilFileInfo, CouncilFileKind, CouncilFileStore
from eia_app.domain.people import PeopleStore
from eia_app.domain.permissions import Action, Actor
from eia_app.domain.publication import DEFAULT_MIN_COUNT
from eia_app.domain.reach import ReachResult
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.versions import SavedReach
from eia_app.services.access import check, check_suppression
from eia_app.services.council_files import baseline_choice, resolve_choice
from eia_app.services.reach import Assignments, analyse_survey
from eia_app.services.reach_baselines import DEFAULT_BASELINE, baseline_library, baseline_rows
from eia_app.services.reference import get_registry

# Every format the survey reader reads, as file-name endings for the uploader.
SURVEY_FILE_TYPES = ("csv", "txt", "tsv", "xlsx", "xls", "ods")
WORKBOOK_TYPES = frozenset({"xlsx", "xls", "ods"})
NOT_A_QUESTION = "none"
_FALLBACK_NAME = "survey.csv"


class Choice(BaseModel):
    """One option of a picker: the value stored and the words shown."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: str


def _safe_name(file_name: str) -> str:
    """The file name alone: a browser may send a path, which must not choose the folder."""
    name = PurePath(file_name.replace("\\", "/")).name.strip()
    return name if name not in ("", ".", "..") else _FALLBACK_NAME


def analyse_upload(
    data: bytes,
    file_name: str,
    *,
    sheet: str | None = None,
    baseline: str | None = None,
    mapping: Mapping[str, str] | None = None,
    assignments: Assignments | None = None,
    split_by: str | None = None,
    min_count: int = DEFAULT_MIN_COUNT,
    cohort: str | None = None,
    council: CouncilFileStore | None = None,
) -> ReachResult:
    """Analyse an uploaded survey export without its rows touching the database.

    The survey reader works on files (it sniffs layouts and reads large files in
    chunks), so the bytes are written to a private temporary folder that is
    deleted as soon as the analysis returns, whether it succeeds or fails. Only
    the aggregated result leaves this function.

    Args:
        data: The uploaded file's bytes.
        file_name: Its name as uploaded; only the name is kept, never a folder.
        sheet: Sheet of a workbook; the first sheet when None.
        baseline: Baseline id; None for the default (Leicestershire, Census 2021).
        mapping: Header -> target ("race", "disability:activity", "none" ...).
        assignments: Characteristic -> raw answer -> category id.
        split_by: Header of the column whose answers each get their own analysis.
        min_count: Smallest count shown; smaller counts are suppressed.
        cohort: A cohort id (children with EHC plans): questions about the child are
            compared with it, the respondents' own with ``baseline``; None for none.
            Either choice may name one of the council's own baselines (an id from
            :func:`baseline_choices`), read from the library.
        council: The council file store those are read from; the library's when None.

    Returns:
        The ``eia.reach/1`` result.

    Raises:
        EIAError: A ``SurveyReadError`` or ``ReachError`` with a one-line message.
    """
    population = resolve_choice(baseline, council)
    children = resolve_choice(cohort or None, council)
    with tempfile.TemporaryDirectory(prefix="eia-reach-") as folder:
        path = Path(folder) / _safe_name(file_name)
        path.write_bytes(data)
        return analyse_survey(
            path,
            sheet=sheet or None,
            baseline=population,
            mapping=mapping,
            assignments=assignments,
            split_by=split_by or None,
            min_count=min_count,
            cohort=children,
        )


def upload_sheets(data: bytes, file_name: str) -> list[str]:
    """List the sheets of an uploaded workbook (an empty list for a text file).

    Args:
        data: The uploaded file's bytes.
        file_name: Its name as uploaded.

    Returns:
        Sheet names in workbook order.

    Raises:
        SurveyReadError: If a workbook cannot be read.
    """
    name = _safe_name(file_name)
    if PurePath(name).suffix.lower().lstrip(".") not in WORKBOOK_TYPES:
        return []
    # As in analyse_upload: a private copy, deleted at once.
    with tempfile.TemporaryDirectory(prefix="eia-reach-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list_sheets(path)


def mapping_targets() -> list[Choice]:
    """What a survey column can be read as, for the mapping correction.

    Returns:
        Each registry group the recogniser knows (with the parts of two-part
        questions), the respondent type, an opinion question, and "none".
    """
    registry = get_registry()
    labels = {group.id: group.label for group in registry.groups}
    choices = []
    for target in recognisable([group.id for group in registry.groups]):
        label = labels.get(target, target.replace("_", " ").capitalize())
        choices.append(Choice(id=target, label=label))
        for part in PARTS.get(target, ()):
            choices.append(Choice(id=f"{target}:{part}", label=f"{label} ({part})"))
    choices.append(Choice(id=NOT_A_QUESTION, label="Not a monitoring question (ignore it)"))
    return choices


def category_choices(characteristic: str) -> list[Choice]:
    """The categories an unrecognised answer to a characteristic's question can go in.

    Args:
        characteristic: Registry id, for example ``race``.

    Returns:
        Broad categories, then detailed ones, with their registry labels.
    """
    group = get_registry().get(characteristic)
    return [Choice(id=c.id, label=c.label) for c in (*group.categories, *group.detail_categories)]


def used_mapping(result: ReachResult, overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The column mapping an analysis used, in the format a mapping file holds.

    Args:
        result: The analysis.
        overrides: Corrections the user made; a column set to "none" is not in
            ``result.questions`` but is part of the mapping.

    Returns:
        Header -> "target[:part]".
    """
    columns: dict[str, str] = json.loads(mapping_to_json(result.questions))["columns"]
    return {**columns, **(overrides or {})}


def _council_choices(council: CouncilFileStore | None, query: str = "") -> list[Choice]:
    """The council's own baselines, labelled as its own file, that match a search."""
    if council is None:
        return []
    words = query.strip().casefold()
    return [
        Choice(id=baseline_choice(info), label=council_label(info))
        for info in council.files(CouncilFileKind.BASELINE)
        if not words or words in info.name.casefold()
    ]


def council_label(info: CouncilFileInfo) -> str:
    """How a picker names one of the council's own baseline files."""
    return f"Your council's own file: {info.name} (uploaded by {info.uploaded_by})"


def baseline_choices(
    query: str | None = None, council: CouncilFileStore | None = None
) -> list[Choice]:
    """Baselines to offer in the picker: every area, the EHC-plan cohorts, the council's files.

    Args:
        query: Words to search for in names and codes; None or blank lists all.
        council: The council file store, whose baselines are offered too; None for none.

    Returns:
        Matches, best first: the default baseline first when nothing is searched for,
        then the council's own files, then the shipped baselines.
    """
    rows = baseline_rows(query.strip() if query and query.strip() else None)
    shipped = [Choice(id=row["id"], label=row["label"]) for row in rows]
    own = _council_choices(council, query or "")
    if query and query.strip():
        return own + shipped
    default = [choice for choice in shipped if choice.id == DEFAULT_BASELINE]
    return default + own + [choice for choice in shipped if choice.id != DEFAULT_BASELINE]


def cohort_choices(council: CouncilFileStore | None = None) -> list[Choice]:
    """The service cohorts questions about the child can be compared with (EHC plans).

    Args:
        council: The council file store, whose baselines are offered too; None for none.

    Returns:
        Every shipped cohort baseline, in catalogue order, then the council's own files.
    """
    shipped = [
        Choice(id=info.id, label=info.label)
        for info in baseline_library().catalogue()
        if info.level == "cohort"
    ]
    return shipped + _council_choices(council)


def save_reach_for(
    repository: AssessmentRepository,
    reference: str,
    version: int,
    result: ReachResult,
    mapping: Mapping[str, str],
    saved_by: str,
    person: Actor | None = None,
    people: PeopleStore | None = None,
) -> SavedReach:
    """Keep the aggregated reach result with an assessment version.

    Args:
        repository: The assessment library.
        reference: The assessment.
        version: The version it belongs to.
        result: The aggregated, suppressed result; no respondent rows exist in it.
        mapping: Header -> target used for the analysis.
        saved_by: Who analysed the survey.
        person: The signed-in person: they must be allowed to edit the assessment, and
            with suppression off only an administrator may save it. None checks nothing.
        people: The people store, for who the assessment is shared with.

    Returns:
        What was saved.

    Raises:
        PermissionDeniedError: If ``person`` may not edit the assessment, or suppression
            is off and they are not an administrator.
    """
    check(repository, people, person, Action.EDIT, reference)
    check_suppression(person, result.min_count)
    saved = SavedReach(
        reference=reference,
        version=version,
        reach=result,
        mapping=dict(mapping),
        saved_by=saved_by,
        saved_at=datetime.now(UTC),
    )
    repository.save_reach(saved)
    return saved


def saved_reach(
    repository: AssessmentRepository, reference: str, version: int | None = None
) -> SavedReach | None:
    """Return the reach result saved with this version (or the nearest earlier one).

    Args:
        repository: The assessment library.
        reference: The assessment.
        version: The version being read; None for the latest.

    Returns:
        The saved result, or None when no survey was analysed for it.
    """
    return repository.latest_reach(reference, version)
