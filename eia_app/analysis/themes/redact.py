"""Removing identifiers from a comment before it can be offered as a quote.

Caught: e-mail addresses, web addresses, UK phone numbers (01/02/03/07/08 numbers and
+44, with spaces, dashes or brackets), UK postcodes (full, with or without the space),
NHS numbers (ten digits, spaced 3-3-4 or not), dates (numeric, and day-month-year in
words, as a date of birth would be written), and names where the wording gives them
away: after a title ("Mrs Patel", "Dr. Jones"), after a family word ("my son Jack",
"our daughter Amy-Rose") and after "my name is", "I am called" or "I'm".

Not caught, so every quote is still read by the officer before approval: a name
written on its own ("Jack has waited two years"), a school, street, village or
employer named in the text, rare conditions or circumstances that identify a family
in a small area, misspelt or spaced-out identifiers, and identifiers in another
language or script.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
_FAMILY = (
    r"son|daughter|child|boy|girl|grandson|granddaughter|brother|sister|husband|wife|"
    r"partner|nephew|niece|stepson|stepdaughter|twins?|kids?|children|sons|daughters"
)
_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# Order matters: phones (which start with 0 or +44) before NHS numbers (which never
# start with 0), so "+44 (0)116 496 0999" is one phone number.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("[email]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        "[web address]",
        re.compile(
            r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:co\.uk|org\.uk|gov\.uk|com|org|net|uk)(?:/\S*)?\b",
            re.I,
        ),
    ),
    (
        "[phone]",
        re.compile(r"(?:(?:\+|00)44\s?\(?0?\)?\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b"),
    ),
    ("[NHS number]", re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b(?![ -]?\d)")),
    ("[postcode]", re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.I)),
    (
        "[date]",
        re.compile(
            rf"\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}\b|\b(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
            re.I,
        ),
    ),
)
_NAMES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b((?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Cllr|Sir|Dame)\.?\s+)({_NAME}(?:\s+{_NAME})?)"),
    re.compile(
        rf"(?i:\b(?:my|our|his|her|their)\s+(?:\w+\s+)?(?:{_FAMILY}),?\s+)({_NAME}(?:\s+(?:and|&)\s+{_NAME})?)"
    ),
    re.compile(
        rf"(?i:\b(?:my name is|i am called|i'm called|call me|i am|i'm)\s+)({_NAME}(?:\s+{_NAME})?)"
    ),
)
# Capitalised words after "I am" that are not names ("I am English", "I'm Disabled").
_NOT_NAMES = frozenset(
    [
        "A",
        "An",
        "The",
        "Not",
        "So",
        "Very",
        "Really",
        "Just",
        "Also",
        "English",
        "British",
        "Welsh",
        "Scottish",
        "Irish",
        "Asian",
        "Black",
        "White",
        "Muslim",
        "Christian",
        "Hindu",
        "Sikh",
        "Jewish",
        "Disabled",
        "Autistic",
        "Deaf",
        "Blind",
        "Single",
        "Married",
        "Worried",
        "Concerned",
        "Sure",
        "Happy",
        "Unhappy",
        "Angry",
        "Tired",
        "Exhausted",
        "Writing",
        "Responding",
        "As",
        "In",
        "On",
    ]
)
NAME = "[name]"


def _name(match: re.Match[str]) -> str:
    found = match.group(match.lastindex or 0)
    if found.split()[0] in _NOT_NAMES:
        return match.group(0)
    start = match.start(match.lastindex or 0) - match.start(0)
    return match.group(0)[:start] + NAME


def redact(text: str) -> str:
    """The text with every identifier this module can find replaced by a placeholder.

    Args:
        text: A comment.

    Returns:
        The redacted comment, for example "[email]", "[phone]", "[name]".
    """
    for placeholder, pattern in _PATTERNS:
        text = pattern.sub(placeholder, text)
    for pattern in _NAMES:
        text = pattern.sub(_name, text)
    return text
