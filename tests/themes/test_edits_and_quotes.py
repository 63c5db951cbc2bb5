"""Officer edits reapplied by theme id; quotes redacted, attributed only to large groups."""

import numpy as np
import pytest
from pydantic import ValidationError

from eia_app.analysis.themes.by_group import Characteristic
from eia_app.analysis.themes.embed import WORDLLAMA
from eia_app.analysis.themes.engine import theme_question
from eia_app.analysis.themes.quotes import candidates
from eia_app.analysis.themes.synthetic import make_comments
from eia_app.domain.theme_edits import ThemeEdits, told_us
from eia_app.domain.themes import ByCharacteristic, GroupRow
from eia_app.services.themes import publishable

pytest.importorskip("sklearn")
pytest.importorskip("wordllama")


def _texts(seed=3, n=400):
    return [c.text for c in make_comments(seed, ["a"] * n)]


def test_renames_merges_and_approvals_are_reapplied_by_id():
    texts = _texts()
    plain = theme_question("Q", texts, backend=WORDLLAMA, seed=3).result
    first, second = plain.themes[0], plain.themes[1]
    quote = first.quotes[0].id
    edits = ThemeEdits(
        column="Q",
        renames={first.id: "Getting to school"},
        merges=((first.id, second.id),),
        approved_quotes=(quote,),
    )
    edited = theme_question("Q", texts, backend=WORDLLAMA, seed=3, edits=edits).result
    ids = [t.id for t in edited.themes]
    assert second.id not in ids
    assert first.id in ids
    merged = next(t for t in edited.themes if t.id == first.id)
    assert merged.label == "Getting to school"
    assert merged.count == first.count + second.count
    published = publishable_question(edited)
    assert [q.approved for t in published.themes for q in t.quotes] == [True] * len(
        [q for t in published.themes for q in t.quotes]
    )
    paragraphs = told_us(published)
    assert any(p.startswith("Getting to school:") for p in paragraphs)
    assert not any(first.quotes[1].text in p for p in paragraphs)


def publishable_question(question):
    from eia_app.domain.themes import ThemesResult

    result = ThemesResult(
        file="f.csv", respondents=1, embedding=WORDLLAMA, seed=0,
        free_text_columns=(), questions=(question,), internal=True,
    )  # fmt: skip
    return publishable(result).questions[0]


def test_a_merge_naming_a_theme_twice_is_refused():
    with pytest.raises(ValidationError):
        ThemeEdits(column="Q", merges=(("t1", "t2"), ("t2", "t3")))


def _row(category, raised, flag="over"):
    return GroupRow(
        category=category, label=category.title(), commenters=50, raised=raised,
        share_of_theme=0.5, share_of_commenters=0.1, ratio=5.0, flag=flag,
    )  # fmt: skip


def test_quotes_are_redacted_deduplicated_and_attributed_only_to_shown_flagged_groups():
    texts = [
        "Please ring me on 07700 900123 about the taxi to school for my son Jack.",
        "Please ring me on 07700 900123 about the taxi to school for my son Jack.",
        "Short.",
        "The taxi to the special school is late every single morning this term.",
    ]
    labels = np.zeros(4, dtype=int)
    similarity = np.array([0.9, 0.9, 0.95, 0.8])
    members = [[("asian",), ("asian",), ("white",), ("white",)]]
    shown = (ByCharacteristic(characteristic="race", label="Ethnic group",
                              rows=(_row("asian", 12), _row("white", 30, None))),)  # fmt: skip
    quotes = candidates(texts, labels, similarity, 0, members=members, blocks=shown)
    assert [q.text for q in quotes] == [
        "Please ring me on [phone] about the taxi to school for my son [name].",
        "The taxi to the special school is late every single morning this term.",
    ]
    assert [q.attribution for q in quotes] == ["Asian", None]
    assert not any(q.approved for q in quotes)
    withheld = (ByCharacteristic(characteristic="race", label="Ethnic group",
                                 rows=(_row("asian", None),)),)  # fmt: skip
    quiet = candidates(texts, labels, similarity, 0, members=members, blocks=withheld)
    assert all(q.attribution is None for q in quiet)


def test_complement_rows_are_never_named():
    groups = ["not_carer"] * 300 + ["carer"] * 300
    comments = make_comments(21, groups, {"not_carer": {"respite": 6.0}})
    carer = Characteristic(
        "carer", "Carer", {"carer": "Carer", "not_carer": "Not a carer"},
        [(g,) for g in groups], complement="not_carer",
    )  # fmt: skip
    result = theme_question(
        "Q", [c.text for c in comments], [carer], backend=WORDLLAMA, seed=21, min_count=5
    ).result
    rows = [r for t in result.themes for b in t.by_characteristic for r in b.rows]
    assert any(r.flag == "over" and r.complement for r in rows)
    assert not any("Not a carer" in f for t in result.themes for f in t.findings)
