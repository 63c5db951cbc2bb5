"""Splitting a theme: parts with their own phrases, deterministic, refused when too small."""

from collections import Counter

import numpy as np
import pytest
from pydantic import ValidationError

from eia_app.analysis.themes.embed import WORDLLAMA
from eia_app.analysis.themes.engine import theme_question
from eia_app.analysis.themes.synthetic import MISC, THEME_WORDS, make_comments
from eia_app.domain.errors import ThemeSplitError
from eia_app.domain.theme_edits import ThemeEdits, split_with

pytest.importorskip("sklearn")
pytest.importorskip("wordllama")

SEED = 5


def _comments():
    comments = make_comments(SEED, ["a"] * 600)
    return [c.text for c in comments], np.array([c.theme for c in comments])


def _run(texts, edits=None, **kwargs):
    # Four themes for five known ones: seed 5 puts transport and respite in one theme.
    kwargs.setdefault("min_count", 5)
    return theme_question("Q", texts, backend=WORDLLAMA, seed=SEED, k=4, edits=edits, **kwargs)


def _known(truth, labels, index):
    known = Counter(truth[labels == index])
    known.pop(MISC, None)
    return [theme for theme, _ in known.most_common()]


def _names(phrases, theme):
    return any(word in " ".join(phrases[:2]) for word in THEME_WORDS[theme])


def test_a_theme_mixing_two_known_themes_splits_into_one_part_for_each():
    texts, truth = _comments()
    plain = _run(texts)
    mixed = plain.result.themes[0]
    assert _known(truth, plain.labels, 0)[:2] == ["transport", "respite"]
    split = _run(texts, ThemeEdits(column="Q", splits={mixed.id: 2}))
    themes = split.result.themes
    assert [t.id for t in themes] == ["t1.1", "t1.2", "t2", "t3", "t4"]
    parts = themes[:2]
    assert sum(t.count for t in parts) == mixed.count
    assert parts[0].count >= parts[1].count
    for index, known in ((0, "transport"), (1, "respite")):
        part = themes[index]
        assert _names(part.key_phrases, known), part.key_phrases
        assert not _names(part.key_phrases, "respite" if known == "transport" else "transport")
        inside = split.labels[truth == known]
        assert (inside == index).mean() >= 0.8
        assert part.quotes
        assert not [q for q in part.quotes if q.approved]
    # The other themes are untouched.
    assert [(t.key_phrases, t.count) for t in themes[2:]] == [
        (t.key_phrases, t.count) for t in plain.result.themes[1:]
    ]


def test_a_split_is_deterministic_and_then_merged_and_renamed_by_the_parts_ids():
    texts, _ = _comments()
    edits = ThemeEdits(
        column="Q",
        splits={"t1": 2},
        merges=(("t2", "t1.2"),),
        renames={"t1.1": "Getting to school"},
    )
    once, twice = _run(texts, edits), _run(texts, edits)
    assert once.result == twice.result
    assert np.array_equal(once.labels, twice.labels)
    ids = [t.id for t in once.result.themes]
    assert ids == ["t1.1", "t2", "t3", "t4"]
    assert once.result.themes[0].label == "Getting to school"
    split = _run(texts, ThemeEdits(column="Q", splits={"t1": 2})).result.themes
    merged = once.result.themes[1]
    assert merged.count == split[1].count + split[2].count


def test_a_part_can_be_split_again_and_a_missing_id_is_ignored():
    texts, _ = _comments()
    edits = split_with(ThemeEdits(column="Q", splits={"t1": 2}), "t1.1", 2)
    result = _run(texts, edits.model_copy(update={"splits": {**edits.splits, "t9": 2}})).result
    assert [t.id for t in result.themes][:3] == ["t1.1.1", "t1.1.2", "t1.2"]


def test_a_split_too_small_to_publish_is_refused_in_plain_words():
    texts, _ = _comments()
    smallest = _run(texts).result.themes[-1]
    with pytest.raises(ThemeSplitError) as refused:
        _run(texts, ThemeEdits(column="Q", splits={smallest.id: 4}), min_count=30)
    assert refused.value.theme_id == smallest.id
    message = str(refused.value)
    assert f"“{smallest.label}” cannot be split into 4 parts" in message
    assert "at least 30 comments" in message


def test_a_split_drops_the_themes_own_name_and_a_merged_theme_is_not_split():
    named = ThemeEdits(column="Q", renames={"t1": "Travel", "t2": "Waiting"})
    assert split_with(named, "t1").renames == {"t2": "Waiting"}
    merged = ThemeEdits(column="Q", merges=(("t1", "t3"),))
    for theme in ("t1", "t3"):
        with pytest.raises(ValidationError, match="merged by the ids of its parts"):
            split_with(merged, theme)
    # A part of a split may be merged.
    assert ThemeEdits(column="Q", splits={"t1": 2}, merges=(("t2", "t1.2"),)).splits


def test_the_number_of_parts_is_two_to_four():
    assert split_with(ThemeEdits(column="Q"), "t1").splits == {"t1": 2}
    for parts in (1, 5):
        with pytest.raises(ValidationError):
            ThemeEdits(column="Q", splits={"t1": parts})
