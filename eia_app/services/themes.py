"""Free-text themes of a consultation export (``eia themes``), as one ``eia.themes/1`` result.

Reads the survey with the reach engine's reader, recognises its equality questions
with the reach engine's recogniser, finds the free-text columns, themes each one and
breaks every theme down by characteristic. Comments stay in memory: the result holds
theme names, key phrases, counts by group and quotes, and :func:`publishable` removes
every quote the officer has not approved before anything is written out.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from eia_app.analysis.survey import read_survey, recognise_questions
from eia_app.analysis.themes.coding import code_respondents
from eia_app.analysis.themes.detect import describe, free_text_columns
from eia_app.analysis.themes.embed import ThemesUnavailable, available_backend
from eia_app.analysis.themes.engine import theme_question
from eia_app.domain.errors import ThemesError
from eia_app.domain.limits import SurveyLimits
from eia_app.domain.publication import DEFAULT_MIN_COUNT
from eia_app.domain.theme_edits import ThemeEdits
from eia_app.domain.themes import (
    DEFAULT_MAX_THEMES,
    DEFAULT_MIN_THEMES,
    THEMES_SCHEMA,
    FreeTextColumn,
    ThemesResult,
    published,
)
from eia_app.services.reach import check_header
from eia_app.services.reference import get_registry

_NOT_ANSWER = frozenset({"none"})


def _chosen(
    found: list[FreeTextColumn], columns: Sequence[str], exclude: Collection[str], survey_file: str
) -> list[FreeTextColumn]:
    if not columns:
        chosen = [c for c in found if c.column not in exclude]
    else:
        chosen = [c for c in found if c.column in columns] if found else []
    if not chosen:
        raise ThemesError(
            f"{survey_file}: no free-text question to theme; name one with --column HEADER."
        )
    return chosen


def _check_range(k: int | None, low: int, high: int) -> None:
    if k is not None and k < 1:
        raise ThemesError(f"--themes must be 1 or more, not {k}.")
    if low < 1 or high < low:
        raise ThemesError(
            f"--min-themes ({low}) must be 1 or more and no larger than --max-themes ({high})."
        )


def analyse_themes(
    path: Path,
    *,
    columns: Sequence[str] = (),
    exclude: Collection[str] = (),
    k: int | None = None,
    low: int = DEFAULT_MIN_THEMES,
    high: int = DEFAULT_MAX_THEMES,
    seed: int = 0,
    min_count: int = DEFAULT_MIN_COUNT,
    backend: str | None = None,
    sheet: str | None = None,
    limits: SurveyLimits | None = None,
    edits: Mapping[str, ThemeEdits] | None = None,
) -> ThemesResult:
    """Theme the free-text answers of a survey export, by protected characteristic.

    Args:
        path: Survey export (CSV, text or workbook).
        columns: Headers to theme; every free-text column when empty.
        exclude: Headers to leave out.
        k: A fixed number of themes per question; None chooses one in [low, high].
        low: Fewest themes to consider.
        high: Most themes to consider.
        seed: Seed: the same file and seed give the same themes.
        min_count: Smallest count shown; smaller counts are withheld.
        backend: ``wordllama`` or ``tfidf-svd``; the best installed when None.
        sheet: Sheet of a workbook.
        limits: The largest file accepted.
        edits: The officer's edits by question header (renames, merges, approved
            quotes), reapplied by theme id.

    Returns:
        The result, with unapproved quote candidates (see :func:`publishable`).

    Raises:
        ThemesError: For a missing column, a bad option or a missing library.
        EIAError: When the survey cannot be read.
    """
    _check_range(k, low, high)
    try:
        chosen_backend = available_backend(backend)
    except ThemesUnavailable as error:
        raise ThemesError(str(error)) from None
    survey = read_survey(Path(path), sheet=sheet, limits=limits)
    for header in [*columns, *exclude]:
        check_header(survey, header, "--column" if header in columns else "--exclude")
    registry = get_registry()
    groups = registry.groups
    matches = recognise_questions(survey, {}, groups=[g.id for g in groups])
    recognised = {m.column for m in matches if m.target not in _NOT_ANSWER}
    found = free_text_columns(survey, recognised)
    named = [describe(survey.frame[c], c) for c in columns if c not in {f.column for f in found}]
    chosen = _chosen([*found, *named], columns, set(exclude), survey.file)
    questions = []
    for column in chosen:
        text = survey.frame[column.column].astype(object)
        keep = text.notna() & (text.astype(str).str.strip() != "")
        rows = keep.to_numpy().nonzero()[0]
        coded = code_respondents(survey, matches, groups, rows)
        themed = theme_question(
            column.column, [str(t) for t in text[keep]], coded, backend=chosen_backend,
            seed=seed, k=k, low=low, high=high, min_count=min_count,
            edits=(edits or {}).get(column.column),
        )  # fmt: skip
        questions.append(themed.result)
    return ThemesResult(
        file=survey.file,
        respondents=survey.respondents,
        embedding=chosen_backend,
        seed=seed,
        min_count=min_count,
        free_text_columns=tuple(found),
        questions=tuple(questions),
        internal=True,
    )


def analyse_themes_upload(
    data: bytes,
    file_name: str,
    *,
    edits: Mapping[str, ThemeEdits] | None = None,
    min_count: int = DEFAULT_MIN_COUNT,
    seed: int = 0,
) -> ThemesResult:
    """Theme an uploaded export for the app; its bytes live only in a temporary folder.

    Args:
        data: The uploaded file's bytes.
        file_name: Its name as uploaded (only the name is kept).
        edits: The officer's saved edits, by question header.
        min_count: Smallest count shown.
        seed: Seed of the themes.

    Returns:
        The result with unapproved candidates, for the officer to review in the session;
        store only ``publishable(result)`` and the edits.
    """
    import tempfile  # noqa: PLC0415

    from eia_app.services.reach_upload import _safe_name  # noqa: PLC0415 - one rule for names

    with tempfile.TemporaryDirectory(prefix="eia-themes-") as folder:
        path = Path(folder) / _safe_name(file_name)
        path.write_bytes(data)
        return analyse_themes(path, edits=edits, min_count=min_count, seed=seed)


def publishable(result: ThemesResult, approved: Collection[str] = ()) -> ThemesResult:
    """The result with only the quotes the officer approved (see ``domain.themes.published``)."""
    return published(result, approved)


def read_themes_file(path: Path) -> ThemesResult:
    """Read a result saved with ``eia themes --format json``, for the Word export.

    Raises:
        ThemesError: If the file cannot be read or is not an ``eia.themes/1`` document.
    """
    from pydantic import ValidationError  # noqa: PLC0415

    try:
        return ThemesResult.model_validate_json(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValidationError) as error:
        first = str(error).splitlines()[0]
        raise ThemesError(
            f"--themes: {path.name} is not an {THEMES_SCHEMA} document ({first}); write it "
            f"with `eia themes SURVEY --format json -o {path.name}`."
        ) from None


def read_edits(path: Path) -> dict[str, ThemeEdits]:
    """Read saved edits: a JSON list of ``ThemeEdits`` objects, one per question.

    Raises:
        ThemesError: If the file cannot be read or is not a list of edits.
    """
    from pydantic import TypeAdapter, ValidationError  # noqa: PLC0415

    try:
        text = path.read_text(encoding="utf-8-sig")
        items = TypeAdapter(list[ThemeEdits]).validate_json(text)
    except (OSError, UnicodeDecodeError, ValidationError) as error:
        first = str(error).splitlines()[0]
        raise ThemesError(f"--edits: {path.name} is not a list of theme edits ({first}).") from None
    return {item.column: item for item in items}


def write_themes_xlsx(result: ThemesResult, out: Path) -> Path:
    """Write the themes and their by-group tables as a workbook (aggregates only).

    Args:
        result: A result, already passed through :func:`publishable` to publish.
        out: The ``.xlsx`` file.

    Returns:
        The path written.
    """
    from openpyxl import Workbook  # noqa: PLC0415 - only for this output

    book = Workbook()
    themes_sheet = book.active
    themes_sheet.title = "Themes"
    themes_sheet.append(["Question", "Theme", "Count", "Share", "Key phrases", "Findings"])
    groups = book.create_sheet("By group")
    groups.append(["Question", "Theme", "Characteristic", "Group", "Commenters", "Raised",
                   "Rate", "Ratio", "Raised more often"])  # fmt: skip
    quotes = book.create_sheet("Quotes")
    quotes.append(["Question", "Theme", "Quote id", "Quote", "Group", "Approved"])
    for question in result.questions:
        for theme in question.themes:
            themes_sheet.append(
                [
                    question.column,
                    theme.label,
                    theme.count,
                    theme.share,
                    "; ".join(theme.key_phrases),
                    " ".join(theme.findings),
                ]
            )
            for block in theme.by_characteristic:
                for row in block.rows:
                    groups.append(
                        [
                            question.column,
                            theme.label,
                            block.label,
                            row.label,
                            row.commenters,
                            row.raised,
                            row.rate,
                            row.ratio,
                            "yes" if row.finding else "",
                        ]
                    )
            for quote in theme.quotes:
                quotes.append(
                    [
                        question.column,
                        theme.label,
                        quote.id,
                        quote.text,
                        quote.attribution,
                        "yes" if quote.approved else "no",
                    ]
                )
    book.save(out)
    return out
