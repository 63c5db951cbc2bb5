"""Formatting helpers that turn assessment values into the strings a report shows."""

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

NOT_RECORDED = "Not recorded."

# Characters that XML 1.0 (and so Word) rejects: C0 controls other than tab,
# line feed and carriage return; lone surrogates; and the two non-characters.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Remove the characters a Word document cannot hold.

    Args:
        text: Any text from an assessment.

    Returns:
        The text without control characters that XML forbids; everything else,
        including markup-like text and emoji, is kept verbatim.
    """
    return _ILLEGAL_XML.sub("", text)


def clean_tree(value: Any) -> Any:
    """Apply :func:`clean` to every string inside nested dicts, lists and tuples.

    Args:
        value: A context value.

    Returns:
        The same structure with cleaned strings; other objects are returned as they are.
    """
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {key: clean_tree(child) for key, child in value.items()}
    if isinstance(value, list | tuple):
        return [clean_tree(child) for child in value]
    return value


def text_or(value: str | None, default: str = NOT_RECORDED) -> str:
    """Return cleaned text, or the default when it is empty.

    Args:
        value: The text, possibly None or blank.
        default: What to show instead.

    Returns:
        Non-empty text.
    """
    value = clean(value or "").strip()
    return value or default


def paragraphs(value: str | None, default: str = NOT_RECORDED) -> list[str]:
    """Split free text into paragraphs, one per non-blank line.

    Args:
        value: The text, possibly None.
        default: The single paragraph shown when there is no text.

    Returns:
        At least one paragraph; blank lines are dropped so the report never
        uses empty paragraphs for spacing.
    """
    lines = [line.strip() for line in clean(value or "").splitlines()]
    return [line for line in lines if line] or [default]


def items(values: Iterable[str]) -> list[str]:
    """Clean a list of short texts, dropping blank entries.

    Args:
        values: List items.

    Returns:
        The non-blank items, cleaned.
    """
    return [text for text in (clean(v).strip() for v in values) if text]


def fmt_date(value: date | None, default: str = NOT_RECORDED) -> str:
    """Format a date the GOV.UK way, such as "3 March 2026".

    Args:
        value: The date, or None.
        default: What to show when there is no date.

    Returns:
        The formatted date.
    """
    return f"{value.day} {value:%B %Y}" if value else default


def fmt_bool(value: bool | None) -> str:
    """Show a yes/no answer.

    Args:
        value: The answer, or None if not given.

    Returns:
        "Yes", "No" or "Not recorded.".
    """
    if value is None:
        return NOT_RECORDED
    return "Yes" if value else "No"


def humanise(identifier: str) -> str:
    """Turn a snake_case id into a label: ``in_progress`` becomes "In progress".

    Args:
        identifier: An enum value or registry id.

    Returns:
        A readable label.
    """
    words = identifier.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def join_words(words: Iterable[str]) -> str:
    """Join words as in a sentence: "a, b and c".

    Args:
        words: The words.

    Returns:
        The joined text, or "" for none.
    """
    names = list(words)
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def count_of(number: int, singular: str, plural: str | None = None) -> str:
    """Write a count with the right form of its noun: "1 action", "16 actions".

    Args:
        number: How many.
        singular: The noun for one.
        plural: The noun for several; defaults to the singular plus "s".

    Returns:
        The number (with thousands separators) and the noun.
    """
    noun = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {noun}"
