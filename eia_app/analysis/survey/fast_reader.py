"""Reading a large CSV export with pyarrow (part of the reader).

A UTF-8 file is parsed straight from disk; any other text (Windows-1252, UTF-16, a
repaired file) is parsed from its text re-encoded as UTF-8 in memory. Answer columns
are dictionary-encoded while the file is parsed, so they arrive as categoricals: a
million rows of a dozen answer options take a few megabytes, and counting them is a
``bincount`` over small integer codes.
"""

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from eia_app.analysis.survey.encoding import sniff_delimiter, utf8_prefix_encoding
from eia_app.analysis.survey.layouts import Layout, recognise_layout
from eia_app.analysis.survey.model import is_metadata_column

_ANSWERS: Final = pa.dictionary(pa.int32(), pa.string())
_BLOCK: Final = 1 << 20  # pyarrow parses blocks in parallel; 1 MB balances the threads
_LAYOUT_ROWS: Final = 4
_UTF8: Final = "utf8"  # pyarrow's name; the text is parsed as it is
_HEADER_BYTES: Final = 65_536  # the start of a buffer read to find the delimiter and layout


@dataclass(frozen=True)
class FastRead:
    """A large CSV read by pyarrow.

    Attributes:
        responses: The response rows, columns numbered from 0.
        rows: The header rows, cells as text.
        layout: The layout recognised from the first rows.
        encoding: The file's encoding: "utf-8" or "utf-8-sig" when read from disk.
    """

    responses: pd.DataFrame
    rows: list[list[str]]
    layout: Layout
    encoding: str


def _first_records(text: str, delimiter: str) -> list[list[str]]:
    """The first records of the text (quoted cells may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [record for _, record in zip(range(_LAYOUT_ROWS), reader, strict=False)]


def _spans_lines(text: str, delimiter: str) -> bool:
    """Whether a value among the records of the text holds a line break.

    True also for text the csv module cannot read: the quote-aware parse then decides.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return any("\n" in cell or "\r" in cell for record in reader for cell in record)
    except csv.Error:
        return True


def _column_types(rows: list[list[str]], layout: Layout) -> dict[str, pa.DataType]:
    headers = rows[layout.question_row]
    return {
        f"c{position}": pa.string() if is_metadata_column(header) else _ANSWERS
        for position, header in enumerate(headers)
    }


def _parse(
    source: Path | bytes,
    encoding: str,
    delimiter: str,
    rows: list[list[str]],
    layout: Layout,
    spanning: bool,
) -> pa.Table | None:
    """Parse the file (or UTF-8 bytes) with pyarrow; None if it fails.

    A later attempt (tracking quotes across lines) may then succeed.
    """
    try:
        return pa_csv.read_csv(
            source if isinstance(source, Path) else pa.BufferReader(source),
            read_options=pa_csv.ReadOptions(
                column_names=[f"c{i}" for i in range(len(rows[0]))],
                skip_rows_after_names=layout.header_rows,
                block_size=_BLOCK,
                encoding=encoding,
            ),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=spanning),
            convert_options=pa_csv.ConvertOptions(
                column_types=_column_types(rows, layout),
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowException, OSError, ValueError):
        return None


def read_large_utf8(path: Path, prefix: bytes, minimum: int) -> FastRead | None:
    """Read a large CSV whose start is UTF-8; None when this fast path does not apply.

    Any problem (a ragged row, bytes that are not UTF-8 further down, an odd header)
    makes this return None, and the careful reader then reads the whole file and
    explains the problem.

    Args:
        path: The file.
        prefix: Its first bytes.
        minimum: Files shorter than this many bytes are left to the careful reader.

    Returns:
        The responses and header rows, or None.
    """
    encoding = utf8_prefix_encoding(prefix)
    if len(prefix) < minimum or encoding is None:
        return None
    return _read(path, prefix.decode("utf-8-sig", errors="ignore"), encoding, _UTF8)


def read_large_text(data: bytes, encoding: str, minimum: int) -> FastRead | None:
    """Read a large CSV held in memory in any encoding; None when this path does not apply.

    pyarrow re-encodes the text as UTF-8 a block at a time while it parses, so no
    decoded copy of the whole file is made; as with :func:`read_large_utf8`, any
    problem makes this return None, for the careful reader to explain.

    Args:
        data: The whole file (already repaired: see ``encoding.repair_text``).
        encoding: Its encoding, a Python codec name.
        minimum: Files shorter than this many bytes are left to the careful reader.

    Returns:
        The responses and header rows, with ``encoding`` as given, or None.
    """
    if len(data) < minimum:
        return None
    try:
        start = data[: max(minimum, _HEADER_BYTES)].decode(encoding, errors="ignore")
    except LookupError:
        return None
    # pyarrow skips a UTF-8 byte-order mark itself; other encodings it transcodes.
    read_as = _UTF8 if encoding.replace("_", "-") in ("utf-8", "utf-8-sig") else encoding
    return _read(data, start.removeprefix("\ufeff"), encoding, read_as)


def _read(source: Path | bytes, start: str, encoding: str, read_as: str) -> FastRead | None:
    """Parse a file or buffer in the ``read_as`` encoding whose text begins with ``start``."""
    text = start.rsplit("\n", 1)[0] + "\n"
    delimiter = sniff_delimiter(text)
    records = _first_records(text, delimiter)
    if len(records) < _LAYOUT_ROWS:
        return None
    layout = recognise_layout(records)
    rows = [list(record) for record in records[: layout.header_rows]]
    if any(len(row) != len(rows[0]) for row in rows):
        return None
    # Parse without tracking quotes across lines first (much faster on two cores);
    # pyarrow reports an error rather than misreading a value that spans lines, and
    # then the file is parsed again, quote-aware. A file whose first records already
    # hold a value that spans lines (a header, as in some Qualtrics exports, or an
    # answer) goes straight to the quote-aware parse.
    attempts = (True,) if _spans_lines(text, delimiter) else (False, True)
    table = None
    for spanning in attempts:
        table = _parse(source, read_as, delimiter, rows, layout, spanning)
        if table is not None:
            break
    if table is None:
        return None
    responses = table.to_pandas()
    responses.columns = pd.RangeIndex(len(rows[0]))
    return FastRead(responses, rows, layout, encoding)
