"""Folding of answer and header text before any lookup (pre-normalisation)."""

import re
import unicodedata
from functools import lru_cache
from typing import Final

_CHARACTER_FOLDS: Final = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00a0": " ",
    }
)
_TRAILING: Final = re.compile(
    r"(\s*\(?\s*please\s+(specify|say|state|describe|give details|write in)[^)]*\)?\s*"
    r"|\s*[;:.,]+\s*)+$"
)
_SEPARATORS: Final = re.compile(r"[/,&+:;()\[\]\-.|_]+")
_CONNECTIVES: Final = frozenset({"or", "and"})


def fold(text: str) -> str:
    """Fold text the way every answer is folded before lookup.

    Applies Unicode NFKC and casefolding, turns dashes and curly quotes into plain
    ones, turns SmartSurvey's ``@SQ@`` into an apostrophe, collapses whitespace and
    strips a trailing "(please specify)" or trailing punctuation.

    Args:
        text: Raw answer or header.

    Returns:
        The folded text (possibly empty).
    """
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_CHARACTER_FOLDS)
    folded = folded.replace("@sq@", "'")
    folded = " ".join(folded.split())
    return _TRAILING.sub("", folded).strip()


@lru_cache(maxsize=1 << 16)
def key_of(text: str) -> str:
    """Return the comparison key of a text: folded, with separators made equivalent.

    "/", ",", "&", "-", ":" and brackets become spaces, and the words "or" and
    "and" are dropped, so "Straight/Heterosexual" and "Straight or heterosexual"
    share one key.

    Args:
        text: Raw or folded text.

    Returns:
        Space-separated words.
    """
    words = _SEPARATORS.sub(" ", fold(text)).split()
    return " ".join(word for word in words if word not in _CONNECTIVES)


def keyed(vocabulary: dict[str, str]) -> dict[str, str]:
    """Re-key a readable vocabulary (label -> category) by comparison key.

    Args:
        vocabulary: Labels as people write them, mapped to category ids.

    Returns:
        The same mapping keyed by :func:`key_of`.
    """
    return {key_of(label): category for label, category in vocabulary.items()}
