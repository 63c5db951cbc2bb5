"""Key phrases of each theme by class-based TF-IDF (c-TF-IDF), and a name made of them.

All comments of a theme are treated as one document; a word or word pair scores by
how often it appears in the theme (per word of the theme) times how rare it is across
themes, ``log(1 + average words per theme / its count over all themes)``, as BERTopic
does. The top phrases explain why the comments were grouped, in the comments' own
words. A phrase is skipped when a better one already contains it (or it contains a
better one), so "school transport" and "transport" are not both listed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

KEY_PHRASES = 5
NAME_PHRASES = 2
# Words every comment on a consultation uses, which would otherwise name every theme.
_COMMON = frozenset(
    [
        "council",
        "strategy",
        "consultation",
        "plan",
        "plans",
        "need",
        "needs",
        "want",
        "just",
        "think",
        "really",
        "like",
        "child",
        "children",
        "young",
        "people",
        "family",
        "families",
        "parent",
        "parents",
        "school",
        "schools",
        "help",
        "support",
        "year",
        "years",
        "time",
        "lot",
        "make",
        "sure",
        "please",
        "thank",
        "thanks",
        "mean",
        "let",
        "look",
        "far",
        "get",
        "got",
        "way",
    ]
)


def _overlaps(phrase: str, chosen: Sequence[str]) -> bool:
    words = set(phrase.split())
    return any(words <= set(c.split()) or set(c.split()) <= words for c in chosen)


def key_phrases(
    texts: Sequence[str], labels: np.ndarray, themes: int, top: int = KEY_PHRASES
) -> list[list[str]]:
    """The most distinctive phrases of each theme.

    Args:
        texts: The comments.
        labels: Theme index of each comment (-1 for other, left out).
        themes: Number of themes.
        top: Phrases per theme.

    Returns:
        One list of phrases per theme, best first.
    """
    from sklearn.feature_extraction.text import (  # noqa: PLC0415 - heavy: only when run
        ENGLISH_STOP_WORDS,
        CountVectorizer,
    )

    if themes == 0:
        return []
    documents = [
        " ".join(t for t, label in zip(texts, labels, strict=True) if label == i)
        for i in range(themes)
    ]
    stop = sorted(ENGLISH_STOP_WORDS | _COMMON)
    vectoriser = CountVectorizer(ngram_range=(1, 2), stop_words=stop, min_df=1)
    counts = vectoriser.fit_transform(documents).toarray().astype(np.float64)
    vocabulary = vectoriser.get_feature_names_out()
    words_per_theme = counts.sum(axis=1, keepdims=True)
    tf = counts / np.where(words_per_theme > 0, words_per_theme, 1.0)
    idf = np.log(1.0 + words_per_theme.mean() / np.maximum(counts.sum(axis=0), 1.0))
    scores = tf * idf
    phrases = []
    for row in scores:
        chosen: list[str] = []
        for index in np.lexsort((vocabulary, -row)):
            if row[index] <= 0 or len(chosen) == top:
                break
            if not _overlaps(str(vocabulary[index]), chosen):
                chosen.append(str(vocabulary[index]))
        phrases.append(chosen)
    return phrases


def theme_name(phrases: Sequence[str]) -> str:
    """A short working name from the top key phrases, for the officer to rename."""
    if not phrases:
        return "Unnamed theme"
    name = ", ".join(phrases[:NAME_PHRASES])
    return name[0].upper() + name[1:]
