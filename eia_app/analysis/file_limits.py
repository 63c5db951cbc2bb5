"""Checks shared by every file a user gives the toolkit, run before the file is parsed.

The limits themselves are in :mod:`eia_app.domain.limits`; this module measures a
file against them: its size by ``stat``, a zip archive's (an .xlsx workbook's or a
.docx template's) inflated size, compression ratio and number of parts from the
zip's central directory before anything is inflated, and a JSON text's nesting
depth before it is parsed and its longest text after. Each check raises the error
type its caller names, with the limit's one-line message. Only the standard library
is imported, so ``eia validate`` stays quick.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from eia_app.domain.limits import JsonLimits, Limits

Refuse = Callable[[str], Exception]
"""Makes the exception to raise from a one-line message (``SurveyReadError`` ...)."""

# Below this inflated size a high ratio is harmless (a small sheet of one repeated
# answer compresses very well), so only larger archives are held to the ratio.
RATIO_FLOOR: Final = 16_000_000
# A JSON string, quotes and escapes included (written unrolled, so it runs in one pass).
_JSON_STRING: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKET: Final = re.compile(r"[\[\]{}]")


@dataclass(frozen=True)
class ZipLimitNames:
    """Which fields of a limits object bound an archive (None: not bounded).

    Attributes:
        inflated: The total inflated size.
        ratio: The compression ratio.
        parts: The number of parts.
    """

    inflated: str
    ratio: str
    parts: str | None = None


def check_size(path: Path, limits: Limits, name: str, refuse: Refuse) -> int:
    """Check that the path is a file within the size limit ``name``, before opening it.

    Args:
        path: The file.
        limits: The limits to enforce.
        name: The field of ``limits`` bounding the size in bytes.
        refuse: Makes the exception to raise.

    Returns:
        The file's size in bytes.

    Raises:
        Exception: Made by ``refuse``, if the path is missing, a folder or too big.
    """
    try:
        status = path.stat()
    except FileNotFoundError:
        raise refuse(f"{path.name}: file not found; check the name and folder.") from None
    except OSError as error:
        raise refuse(f"{path.name}: could not be opened ({error.strerror}).") from None
    if path.is_dir():
        raise refuse(f"{path.name}: is a folder, not a file; give the file inside it.")
    if status.st_size > getattr(limits, name):
        raise refuse(limits.breach(path.name, name, status.st_size, "bytes"))
    return status.st_size


def check_zip(
    path: Path, limits: Limits, names: ZipLimitNames, refuse: Refuse, damaged: str
) -> list[str]:
    """Refuse a zip bomb from the sizes in the zip's central directory, inflating nothing.

    Args:
        path: A file that should be a zip archive (.xlsx, .docx).
        limits: The limits to enforce.
        names: Which fields of ``limits`` apply.
        refuse: Makes the exception to raise.
        damaged: The message for a file that is not a readable zip archive.

    Returns:
        The names of the archive's parts.

    Raises:
        Exception: Made by ``refuse``, if the archive is damaged or over a limit.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise refuse(damaged) from None
    if names.parts is not None and len(parts) > getattr(limits, names.parts):
        raise refuse(limits.breach(path.name, names.parts, len(parts)))
    inflated = sum(part.file_size for part in parts)
    stored = sum(part.compress_size for part in parts)
    if inflated > getattr(limits, names.inflated):
        raise refuse(limits.breach(path.name, names.inflated, inflated, "bytes"))
    ratio = inflated // max(stored, 1)
    if inflated > RATIO_FLOOR and ratio > getattr(limits, names.ratio):
        raise refuse(limits.breach(path.name, names.ratio, ratio))
    return [part.filename for part in parts]


def json_depth(text: str, stop_after: int) -> int:
    """How deeply arrays and objects nest in a JSON text, without parsing it.

    Strings are blanked first, so brackets inside text do not count. Counting stops
    as soon as the depth passes ``stop_after``, so a hostile file costs little.

    Args:
        text: The JSON text.
        stop_after: Depth at which to stop counting.

    Returns:
        The deepest nesting seen (at most ``stop_after + 1``).
    """
    depth = deepest = 0
    for match in _BRACKET.finditer(_JSON_STRING.sub('""', text)):
        depth += 1 if match.group() in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > stop_after:
                break
    return deepest


def longest_text(data: Any) -> int:
    """The number of characters in the longest string (key or value) of parsed JSON."""
    longest, pending = 0, [data]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            longest = max(longest, len(item))
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return longest


def load_json(text: str, file: str, limits: JsonLimits, refuse: Refuse) -> Any:
    """Parse JSON text within the depth and longest-text limits.

    Args:
        text: The JSON text (its size already checked with :func:`check_size`).
        file: File name, for the messages.
        limits: The limits to enforce.
        refuse: Makes the exception to raise.

    Returns:
        The parsed document.

    Raises:
        Exception: Made by ``refuse``, if the text is not JSON or is over a limit.
    """
    depth = json_depth(text, limits.max_json_depth)
    if depth > limits.max_json_depth:
        # Counting stopped there: the file is at least this deep.
        raise refuse(limits.breach(file, "max_json_depth", depth, at_least=True))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as bad:
        raise refuse(
            f"{file} is not valid JSON: {bad.msg} at line {bad.lineno}, column {bad.colno}."
        ) from None
    chars = longest_text(data)
    if chars > limits.max_text_chars:
        raise refuse(limits.breach(file, "max_text_chars", chars, "characters"))
    return data
