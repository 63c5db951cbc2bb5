"""Enforcing :class:`~eia_app.domain.limits.SurveyLimits` on a survey export (part of the reader).

Each check runs as early as it can, so a hostile file is refused before it costs
time or memory: the size by ``stat``; a workbook's inflated size and compression
ratio from the zip's central directory, before anything is inflated; a CSV's
columns from its header record and its longest cell from a scan of the raw bytes,
before pandas or pyarrow parse it; rows (and cells a scan cannot see) once parsed.
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd

from eia_app.analysis.file_limits import ZipLimitNames, check_size, check_zip
from eia_app.domain.errors import SurveyReadError
from eia_app.domain.limits import SurveyLimits

_CHUNK: Final = 1 << 23  # the raw scan reads 8 MB at a time, so memory stays flat
# Bytes that can end a cell: any delimiter the sniffer tries, a quote or a line break.
# A run without any of them lies inside one cell, however the file is quoted.
_CELL_ENDS: Final = np.zeros(256, dtype=bool)
_CELL_ENDS[list(b',;\t|"\r\n')] = True


def check_file(path: Path, limits: SurveyLimits) -> int:
    """Check that the path is a file no larger than the limit, before opening it.

    Args:
        path: The survey export.
        limits: The limits to enforce.

    Returns:
        The file's size in bytes.

    Raises:
        SurveyReadError: If the path is missing, is a folder, or the file is too big.
    """
    if path.is_dir():
        raise SurveyReadError(
            f"{path.name}: is a folder, not a file; give the survey export file inside it."
        )
    return check_size(path, limits, "max_file_bytes", SurveyReadError)


_WORKBOOK_LIMITS: Final = ZipLimitNames("max_uncompressed_bytes", "max_compression_ratio")


def check_archive(path: Path, limits: SurveyLimits) -> list[str]:
    """Refuse a zip bomb from the sizes in the zip's central directory, inflating nothing.

    Args:
        path: A file that starts like a zip archive (an .xlsx workbook).
        limits: The limits to enforce.

    Raises:
        SurveyReadError: If the archive is damaged, or its parts would inflate past
            the size or ratio limits.

    Returns:
        The names of the archive's parts.
    """
    damaged = (
        f"{path.name}: not a readable Excel workbook (damaged or cut short); open it in "
        "Excel, save it again as .xlsx or CSV UTF-8 and retry."
    )
    return check_zip(path, limits, _WORKBOOK_LIMITS, SurveyReadError, damaged)


@dataclass(frozen=True)
class RawScan:
    """What a scan of a text file's raw bytes found.

    Attributes:
        nul_bytes: Number of NUL (zero) bytes.
        longest_line: Length in bytes of the longest line.
    """

    nul_bytes: int
    longest_line: int


def _longest_line(chunk: np.ndarray, carry: int) -> tuple[int, int, int]:
    """The longest line ending in this chunk, its end offset, and the unfinished tail."""
    ends = np.flatnonzero(chunk == 10)
    if ends.size == 0:
        return 0, -1, carry + chunk.size
    lengths = np.diff(ends, prepend=-1)
    lengths[0] += carry
    at = int(np.argmax(lengths))
    return int(lengths[at]), int(ends[at]), chunk.size - int(ends[-1]) - 1


def _longest_run(data: bytes) -> tuple[int, int]:
    """The start and length of the longest run of bytes that cannot end a cell."""
    ends = np.flatnonzero(_CELL_ENDS[np.frombuffer(data, dtype=np.uint8)])
    bounds = np.concatenate(([-1], ends, [len(data)]))
    gaps = np.diff(bounds) - 1
    at = int(np.argmax(gaps))
    return int(bounds[at]) + 1, int(gaps[at])


def scan_text(path: Path, limits: SurveyLimits, encoding: str) -> RawScan:
    """Scan a text export's bytes for NULs and a cell too long to parse, before parsing.

    Lines are measured with numpy, 8 MB at a time; only when a line is longer than
    a cell may be is that line searched for a run of bytes that must all lie in one
    cell (no delimiter, quote or line break), whose characters are then counted.

    Args:
        path: The file.
        limits: The limits to enforce.
        encoding: The encoding guessed from the start of the file, to count characters.

    Returns:
        The NUL count and the longest line.

    Raises:
        SurveyReadError: If a cell is longer than ``max_cell_chars``.
    """
    nul = longest = carry = offset = 0
    longest_end = -1
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            nul += chunk.count(b"\0")
            length, end, carry = _longest_line(np.frombuffer(chunk, dtype=np.uint8), carry)
            if length > longest:
                longest, longest_end = length, offset + end
            offset += len(chunk)
        if carry > longest:
            longest, longest_end = carry, offset
        if longest > limits.max_cell_chars:
            file.seek(longest_end - longest)
            line = file.read(longest)
            start, run = _longest_run(line)
            if run > limits.max_cell_chars:
                chars = len(line[start : start + run].decode(encoding, errors="replace"))
                if chars > limits.max_cell_chars:
                    raise SurveyReadError(
                        limits.breach(path.name, "max_cell_chars", chars, "characters")
                    )
    return RawScan(nul, longest)


def check_header_columns(path: Path, limits: SurveyLimits, encoding: str, delimiter: str) -> None:
    """Count the fields of a CSV's first record, reading no further than it.

    Args:
        path: The file.
        limits: The limits to enforce.
        encoding: Its text encoding (a wrong guess still counts delimiters right).
        delimiter: Its delimiter.

    Raises:
        SurveyReadError: If the header has more than ``max_columns`` fields.
    """
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        try:
            header = next(csv.reader(text, delimiter=delimiter), [])
        except csv.Error:
            return  # an unclosed quote or a huge field: the parse explains it
    if len(header) > limits.max_columns:
        raise SurveyReadError(limits.breach(path.name, "max_columns", len(header)))


def _longest_cell(column: pd.Series) -> int:
    if isinstance(column.dtype, pd.CategoricalDtype):
        values = column.cat.categories.to_series()
    else:
        values = column.dropna()
    return 0 if values.empty else int(values.astype(str).str.len().max())


def check_frame(
    file: str, frame: pd.DataFrame, limits: SurveyLimits, *, cells: bool = True
) -> None:
    """Check the parsed rows against the limits a scan of the bytes cannot settle.

    Args:
        file: File name, for the message.
        frame: The raw rows as parsed, or the shaped responses.
        limits: The limits to enforce.
        cells: Whether to measure every cell (not needed when a scan of the bytes
            showed no line longer than a cell may be).

    Raises:
        SurveyReadError: If there are too many rows or columns, or a cell is too long.
    """
    if frame.shape[1] > limits.max_columns:
        raise SurveyReadError(limits.breach(file, "max_columns", frame.shape[1]))
    if len(frame) > limits.max_rows:
        raise SurveyReadError(limits.breach(file, "max_rows", len(frame)))
    if cells:
        longest = max((_longest_cell(frame[name]) for name in frame.columns), default=0)
        if longest > limits.max_cell_chars:
            raise SurveyReadError(limits.breach(file, "max_cell_chars", longest, "characters"))
