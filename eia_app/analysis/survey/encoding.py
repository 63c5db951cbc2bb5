"""Working out the text encoding and delimiter of an uploaded CSV or text export."""

import codecs
import csv
import io
from dataclasses import dataclass
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
# More NULs than this share of the bytes (and than the floor, for a short file)
# means a binary file, not a few stray ones.
_STRAY_NUL_SHARE: Final = 0.01
_STRAY_NUL_FLOOR: Final = 64
# A file whose first lines that are not UTF-8 show no UTF-8 text around them is
# Windows-1252 throughout; stop looking for a UTF-8 file with odd rows after this many.
_MIXED_PROBE_LINES: Final = 20
_MIXED_WINDOW: Final = 1 << 20  # bytes decoded at a time, rounded up to the end of a line


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


def guess_encoding(prefix: bytes) -> str:
    """A quick guess at a file's encoding from its first bytes, never failing.

    Good enough to count a header's fields and a cell's characters before the
    whole file is read; :func:`repair_text` decides the encoding used to parse.

    Args:
        prefix: The first bytes of the file.

    Returns:
        A Python codec name.
    """
    for bom, name in _BOMS:
        if prefix.startswith(bom):
            return name
    return _utf16_without_bom(prefix) or utf8_prefix_encoding(prefix) or "cp1252"


def _check_cp1252(data: bytes) -> None:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise EncodingProblem(str(error)) from None


def _field_counts(sample: str, delimiter: str) -> list[int]:
    reader = csv.reader(io.StringIO(sample), delimiter=delimiter)
    try:
        return [len(row) for _, row in zip(range(_SNIFF_ROWS), reader, strict=False)]
    except csv.Error:  # a stray carriage return in binary data: no delimiter fits
        return []


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


@dataclass(frozen=True)
class Repaired:
    """A text export's bytes after the repairs the reader makes, and what they changed.

    Attributes:
        data: The bytes to parse (stray NULs removed; re-encoded as UTF-8 when some
            rows were in another encoding).
        encoding: The codec to parse ``data`` with.
        nul_bytes: How many NUL bytes were removed.
        redecoded_lines: Line numbers (from 1) of the rows read as Windows-1252 in
            an otherwise UTF-8 file.
    """

    data: bytes
    encoding: str
    nul_bytes: int = 0
    redecoded_lines: tuple[int, ...] = ()


def _is_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff") or _utf16_without_bom(data) is not None


def _mixed_utf8(data: bytes) -> tuple[str, tuple[int, ...]] | None:
    """Decode a UTF-8 file in which a few rows are Windows-1252, line by line.

    The file is decoded a window of whole lines at a time, each window once however
    many rows are bad. (A window, not the rest of the file: a decoding error keeps a
    copy of what it was decoding, and a Windows-1252 file raises one per probe.)
    Returns None when the file shows no UTF-8 text beyond ASCII (then it is
    Windows-1252 throughout).
    """
    parts: list[str] = []
    bad_lines: list[int] = []
    pos = line = 0
    seen_utf8 = False
    while pos < len(data):
        stop = data.find(b"\n", min(pos + _MIXED_WINDOW, len(data)))
        stop = len(data) if stop < 0 else stop + 1
        try:
            text = data[pos:stop].decode("utf-8")
        except UnicodeDecodeError as error:
            bad = pos + error.start
            start = data.rfind(b"\n", pos, bad) + 1
            end = data.find(b"\n", bad)
            end = len(data) if end < 0 else end + 1
            good = data[pos:start].decode("utf-8")
            seen_utf8 = seen_utf8 or not good.isascii()
            line += good.count("\n")
            bad_lines.append(line + 1)
            parts += [good, data[start:end].decode("cp1252", errors="replace")]
            line += 1 if data[end - 1 : end] == b"\n" else 0
            pos = end
            if len(bad_lines) >= _MIXED_PROBE_LINES and not seen_utf8:
                return None
            continue
        parts.append(text)
        seen_utf8 = seen_utf8 or not text.isascii()
        line += text.count("\n")
        pos = stop
    return ("".join(parts), tuple(bad_lines)) if seen_utf8 else None


def repair_text(data: bytes) -> Repaired:
    """Work out a text export's encoding, repairing what can be repaired.

    A few stray NUL bytes (a faulty export or a damaged copy) are removed; a UTF-8
    file with some rows in Windows-1252 (answers pasted from an older system) has
    those rows decoded as Windows-1252. Anything else goes to :func:`detect_encoding`.

    Args:
        data: The whole file.

    Returns:
        The bytes to parse, their encoding and what was changed.

    Raises:
        EncodingProblem: If the bytes look like a binary file.
    """
    nul = 0
    if b"\0" in data and not _is_utf16(data):
        cleaned = data.replace(b"\0", b"")
        if len(data) - len(cleaned) > max(_STRAY_NUL_FLOOR, len(data) * _STRAY_NUL_SHARE):
            raise EncodingProblem("NUL bytes found")
        nul, data = len(data) - len(cleaned), cleaned
    try:
        encoding: str | None = detect_encoding(data)
    except EncodingProblem:
        encoding = None
    if encoding in (None, "cp1252") and (mixed := _mixed_utf8(data)) is not None:
        text, lines = mixed
        data = text.encode("utf-8")
        encoding = detect_encoding(data)
        return Repaired(data, encoding, nul, lines)
    if encoding is None:
        raise EncodingProblem("not text")
    return Repaired(data, encoding, nul)
