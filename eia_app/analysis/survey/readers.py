"""Reading survey exports (CSV, text and Excel workbooks) into :class:`SurveyData`.

This is the only module of the survey package that touches files.
"""

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import pandas as pd
from python_calamine import CalamineWorkbook

from eia_app.analysis.survey.encoding import (
    EncodingProblem,
    Repaired,
    guess_encoding,
    repair_text,
    sniff_delimiter,
)
from eia_app.analysis.survey.fast_reader import read_large_text, read_large_utf8
from eia_app.analysis.survey.layouts import Layout, recognise_layout
from eia_app.analysis.survey.limits import (
    check_archive,
    check_file,
    check_frame,
    check_header_columns,
    scan_text,
)
from eia_app.analysis.survey.model import SurveyData
from eia_app.analysis.survey.shaping import header_rows, shape
from eia_app.domain.errors import SurveyReadError
from eia_app.domain.limits import SurveyLimits

_ZIP_MAGIC: Final = b"PK\x03\x04"
# Excel saves a password-protected workbook as an encrypted OLE (CFB) file, whatever
# its suffix; an .xls is one too, but unencrypted.
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORKBOOK_MAGIC: Final = (_ZIP_MAGIC, _OLE_MAGIC[:4])
_WORKBOOK_SUFFIXES: Final = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
_ZIP_SUFFIXES: Final = (".xlsx", ".xlsm", ".xlsb", ".ods")
_SHOWN_LINES: Final = 5
_HTML_STARTS: Final = ("<!doctype html", "<html", "<head")
_PREFIX: Final = 65_536


def _load_bytes(path: Path, limit: int = -1) -> bytes:
    """Read a file (or its first ``limit`` bytes); a blank file is an error."""
    try:
        with path.open("rb") as file:
            data = file.read(limit)
    except FileNotFoundError:
        raise SurveyReadError(f"{path.name}: file not found; check the name and folder.") from None
    except OSError as error:
        raise SurveyReadError(f"{path.name}: could not be opened ({error.strerror}).") from None
    if not data[:_PREFIX].strip() and not data.strip():
        raise SurveyReadError(f"{path.name}: the file is empty; export the responses again.")
    return data


def _is_workbook(path: Path, data: bytes) -> bool:
    return data.startswith(_WORKBOOK_MAGIC) or path.suffix.casefold() in _WORKBOOK_SUFFIXES


def _workbook(path: Path, data: bytes) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine raises several error types for damaged files
        raise SurveyReadError(
            f"{path.name}: not a readable Excel workbook; open it in Excel and save it as .xlsx "
            "or CSV UTF-8."
        ) from None


def list_sheets(path: Path) -> list[str]:
    """List the sheets of a workbook, in workbook order.

    Args:
        path: An .xlsx (or .xls/.ods) file.

    Returns:
        Sheet names.

    Raises:
        SurveyReadError: If the file cannot be read as a workbook.
    """
    path = Path(path)
    return list(_workbook(path, _load_bytes(path)).sheet_names)


def _read_sheet(path: Path, data: bytes, sheet: str | None) -> tuple[pd.DataFrame, str]:
    sheets = list(_workbook(path, data).sheet_names)
    if not sheets:
        raise SurveyReadError(
            f"{path.name}: the workbook has no worksheets (a chart sheet holds no "
            "responses); export the responses themselves as .xlsx or CSV UTF-8."
        )
    chosen = sheets[0] if sheet is None else _match_sheet(sheet, sheets)
    if chosen not in sheets:
        raise SurveyReadError(
            f"{path.name}: there is no sheet called '{sheet}'; choose one of: {', '.join(sheets)}."
        )
    try:
        raw = pd.read_excel(
            io.BytesIO(data),
            sheet_name=chosen,
            engine="calamine",
            header=None,
            dtype="str",
            keep_default_na=False,
            na_values=[""],
        )
    except Exception:  # a damaged sheet fails in calamine with various error types
        raise SurveyReadError(
            f"{path.name}: sheet '{chosen}' could not be read; open the workbook in Excel, "
            "save it again and retry."
        ) from None
    return raw, chosen


def _match_sheet(sheet: str, sheets: list[str]) -> str:
    """Find a sheet by name, ignoring case and surrounding spaces if need be."""
    if sheet in sheets:
        return sheet
    wanted = sheet.strip().casefold()
    return next((name for name in sheets if name.strip().casefold() == wanted), sheet)


def _csv(
    source: Path | io.BytesIO, engine: Literal["c", "pyarrow"], delimiter: str, encoding: str
) -> pd.DataFrame:
    """Parse CSV with every cell as text; only empty cells become missing."""
    return pd.read_csv(
        source,
        engine=engine,
        sep=delimiter,
        encoding=encoding,
        header=None,
        dtype="str",
        keep_default_na=False,
        na_values=[""],
    )


def _parse_csv(data: bytes, delimiter: str, encoding: str) -> pd.DataFrame:
    """Parse CSV text with the fast pyarrow engine; the C engine explains any error.

    pyarrow reads text columns as strings about five times faster than the C engine
    with ``dtype=str``; its error messages lack line numbers, so a failing file is
    parsed again by the C engine to report where the problem is.
    """
    try:
        return _csv(io.BytesIO(data), "pyarrow", delimiter, encoding)
    except (pd.errors.ParserError, ValueError, ImportError):
        return _csv(io.BytesIO(data), "c", delimiter, encoding)


def _repaired(path: Path, data: bytes) -> tuple[Repaired, tuple[str, ...]]:
    """The bytes to parse, and a warning for each repair made to them."""
    try:
        repaired = repair_text(data)
    except EncodingProblem:
        raise SurveyReadError(
            f"{path.name}: does not look like a CSV or Excel file (it contains binary data); "
            "export the responses as CSV or XLSX."
        ) from None
    warnings = []
    if repaired.nul_bytes:
        warnings.append(
            f"{path.name}: removed {repaired.nul_bytes:,} NUL byte"
            f"{'s' if repaired.nul_bytes != 1 else ''} (a damaged export); check the answers."
        )
    if lines := repaired.redecoded_lines:
        shown = ", ".join(str(line) for line in lines[:_SHOWN_LINES])
        more = f" and {len(lines) - _SHOWN_LINES:,} more" if len(lines) > _SHOWN_LINES else ""
        warnings.append(
            f"{path.name}: {len(lines):,} row{'s were' if len(lines) != 1 else ' was'} not "
            f"UTF-8 and {'were' if len(lines) != 1 else 'was'} read as Windows-1252 "
            f"(line {shown}{more}); check the answers."
        )
    return repaired, tuple(warnings)


def _refuse_web_page(path: Path, repaired: Repaired) -> None:
    data, encoding = repaired.data, repaired.encoding
    start = data[:512].decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").casefold()
    if start.startswith(_HTML_STARTS):
        raise SurveyReadError(
            f"{path.name}: is a web page (HTML), not a survey export (perhaps an error page "
            "saved instead of the download); download the export again as CSV or XLSX."
        )


def _read_text(path: Path, repaired: Repaired) -> tuple[pd.DataFrame, str]:
    """The careful reader: every cell as text, and a parse error explained with its line."""
    data, encoding = repaired.data, repaired.encoding
    delimiter = sniff_delimiter(data[:_PREFIX].decode(encoding, errors="ignore"))
    try:
        raw = _parse_csv(data, delimiter, encoding)
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        detail = str(error).replace("Error tokenizing data. C error: ", "").strip()
        raise SurveyReadError(
            f"{path.name}: could not be read as CSV ({detail}); check that every row has "
            "the same number of columns and that quoted text is closed."
        ) from None
    except pd.errors.EmptyDataError:
        raise SurveyReadError(f"{path.name}: no rows found; export the responses again.") from None
    return raw, encoding


@dataclass(frozen=True)
class _Raw:
    responses: pd.DataFrame
    rows: list[list[str]]
    layout: Layout
    encoding: str | None
    sheet: str | None
    warnings: tuple[str, ...] = ()


def _split_headers(
    raw: pd.DataFrame,
    path: Path,
    encoding: str | None,
    sheet: str | None,
    warnings: tuple[str, ...] = (),
) -> _Raw:
    if raw.empty:
        raise SurveyReadError(f"{path.name}: no rows found; export the responses again.")
    layout = recognise_layout(header_rows(raw, 4))
    if len(raw) <= layout.header_rows:
        raise SurveyReadError(_no_responses(path, sheet))
    responses = raw.iloc[layout.header_rows :].reset_index(drop=True)
    rows = header_rows(raw, layout.header_rows)
    return _Raw(responses, rows, layout, encoding, sheet, warnings)


def _read_workbook(path: Path, prefix: bytes, sheet: str | None, limits: SurveyLimits) -> _Raw:
    if prefix.startswith(_OLE_MAGIC) and path.suffix.casefold() in _ZIP_SUFFIXES:
        raise SurveyReadError(
            f"{path.name}: the workbook is password-protected (encrypted); remove the password "
            "in Excel (File > Info > Protect Workbook) or save the responses as CSV UTF-8."
        )
    if prefix.startswith(_ZIP_MAGIC):
        parts = check_archive(path, limits)  # before calamine inflates anything
        if any(name.startswith("xl/") for name in parts) and not any(
            name.startswith("xl/worksheets/") for name in parts
        ):
            raise SurveyReadError(
                f"{path.name}: the workbook has no worksheets (a chart sheet holds no "
                "responses); export the responses themselves as .xlsx or CSV UTF-8."
            )
    raw, sheet_name = _read_sheet(path, _load_bytes(path), sheet)
    split = _split_headers(raw, path, None, sheet_name)
    check_frame(path.name, split.responses, limits)
    return split


def _read_csv(path: Path, prefix: bytes, limits: SurveyLimits) -> _Raw:
    guess = guess_encoding(prefix)
    check_header_columns(path, limits, guess, sniff_delimiter(prefix.decode(guess, "ignore")))
    scan = scan_text(path, limits, guess)
    # Lines no longer than a cell may be cannot hold a longer cell, unless quoted text
    # spans lines; measuring every parsed cell is left to files that need it.
    cells = scan.longest_line > limits.max_cell_chars
    fast = None if scan.nul_bytes else read_large_utf8(path, prefix, _PREFIX)
    if fast is not None:
        check_frame(path.name, fast.responses, limits, cells=cells)
        return _Raw(fast.responses, fast.rows, fast.layout, fast.encoding, None)
    data = _load_bytes(path)
    repaired, warnings = _repaired(path, data)
    _refuse_web_page(path, repaired)
    # A large file in another encoding (or repaired) is parsed as fast, from memory; a
    # UTF-8 file the fast path declined above would only be declined again.
    unchanged_utf8 = repaired.data is data and repaired.encoding in ("utf-8", "utf-8-sig")
    fast = None if unchanged_utf8 else read_large_text(repaired.data, repaired.encoding, _PREFIX)
    if fast is not None:
        check_frame(path.name, fast.responses, limits, cells=cells)
        return _Raw(fast.responses, fast.rows, fast.layout, fast.encoding, None, warnings)
    raw, encoding = _read_text(path, repaired)
    split = _split_headers(raw, path, encoding, None, warnings)
    check_frame(path.name, split.responses, limits, cells=cells)
    return split


def _read_raw(path: Path, sheet: str | None, limits: SurveyLimits) -> _Raw:
    check_file(path, limits)
    prefix = _load_bytes(path, _PREFIX)
    if _is_workbook(path, prefix):
        return _read_workbook(path, prefix, sheet, limits)
    return _read_csv(path, prefix, limits)


def _no_responses(path: Path, sheet: str | None) -> str:
    if sheet is None:
        return f"{path.name}: has headers but no responses; check the export includes responses."
    others = ", ".join(list_sheets(path))
    return (
        f"{path.name}: sheet '{sheet}' has headers but no responses; choose the sheet "
        f"holding the responses ({others})."
    )


def read_survey(
    path: Path, sheet: str | None = None, limits: SurveyLimits | None = None
) -> SurveyData:
    """Read a survey export, recognising its platform layout and text encoding.

    Every answer is kept as text ("None" and "NA" stay as written); only empty cells
    become missing. Stray NUL bytes and rows in Windows-1252 within a UTF-8 file
    are repaired, each with a warning in ``warnings``.

    Args:
        path: A CSV/text export or an Excel workbook.
        sheet: Sheet to read from a workbook (the first sheet when None); ignored
            for CSV files.
        limits: The largest file accepted; the defaults when None.

    Returns:
        The survey.

    Raises:
        SurveyReadError: If the file is missing, empty, not a survey export, over one
            of the limits, or the sheet does not exist.
    """
    path = Path(path)
    raw = _read_raw(path, sheet, limits or SurveyLimits())
    frame, options = shape(raw.responses, raw.layout, raw.rows)
    return SurveyData(
        path.name, raw.layout.name, raw.encoding, raw.sheet, frame, options, raw.warnings
    )
