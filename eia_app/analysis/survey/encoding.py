"""Working out the text encoding and delimiter of an uploaded CSV or text export."""

import codecs
import csv
import io
from typing import Final

_BOMS: Final = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_DELIMITERS: Final = ",\t;|"
# Control characters never found in a real text export (tab, CR and LF are fine).
_CONTROL: Final = frozenset(chr(code) for code in range(32)) - {"\t", "\r", "\n"}
_SAMPLE: Final = 65_536
_SNIFF_ROWS: Final = 5


class EncodingProblem(ValueError):
    """The bytes are not text in any encoding this reader accepts."""


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:_SAMPLE]
    if len(sample) < 4:
        return None
    odd_zeros = sample[1::2].count(0) / (len(sample) // 2)
    even_zeros = sample[0::2].count(0) / (len(sample) // 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    """Name the encoding of a text export.

    Byte-order marks decide first (UTF-8 with BOM, UTF-16 as Excel's "Unicode text"
    writes it), then UTF-16 without a BOM, then strict UTF-8, then Windows-1252 (what
    Excel on a UK PC saves, so "£" and curly quotes survive).

    Args:
        data: The whole file.

    Returns:
        A Python codec name.

    Raises:
        EncodingProblem: If the bytes look like a binary file.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    encoding = _utf16_without_bom(data)
    if encoding is None:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        errors = "strict" if len(data) <= _SAMPLE else "ignore"
        sample = data[:_SAMPLE].decode(encoding, errors=errors)
    except UnicodeDecodeError as error:
        raise EncodingProblem(str(error)) from None
    if any(char in _CONTROL for char in sample):
        raise EncodingProblem("control characters found")
    if encoding == "cp1252":
        _check_cp1252(data)
    return encoding


def utf8_prefix_encoding(prefix: bytes) -> str | None:
    """Tell whether the start of a file is UTF-8 text (it may end mid-character).

    Args:
        prefix: The first bytes of the file.

    Returns:
        "utf-8-sig" or "utf-8" when the prefix is clean UTF-8 text, else None (the
        whole file then needs :func:`detect_encoding`).
    """
    if prefix[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(prefix, final=False)
    except UnicodeDecodeError:
        return None
    if any(char in _CONTROL for char in text):
        return None
    return "utf-8-sig" if prefix.startswith(b"\xef\xbb\xbf") else "utf-8"


def _check_cp1252(data: bytes) -> None:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise EncodingProblem(str(error)) from None


def _field_counts(sample: str, delimiter: str) -> list[int]:
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    return [len(row) for _, row in zip(range(_SNIFF_ROWS), reader, strict=False)]


def sniff_delimiter(text: str) -> str:
    """Guess the delimiter: comma, tab, semicolon or bar.

    The delimiter chosen is the one that splits the first rows into the most fields,
    the same number in each row (header rows of every platform line up).

    Args:
        text: Decoded text (the first few kilobytes are enough).

    Returns:
        The delimiter; a comma when nothing else fits.
    """
    sample = text[:_SAMPLE]
    lines = sample.splitlines(keepends=True)
    if len(lines) > _SNIFF_ROWS:
        sample = "".join(lines[:-1])  # the last line may be cut short
    best, best_fields = ",", 1
    for delimiter in _DELIMITERS:
        counts = _field_counts(sample, delimiter)
        if not counts:
            continue
        fields = counts[0] if len(set(counts)) == 1 else min(counts)
        if fields > best_fields:
            best, best_fields = delimiter, fields
    return best
