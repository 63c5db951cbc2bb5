"""A small published themes document, built by hand, for the storage and export tests."""

from datetime import UTC, datetime

from eia_app.domain.saved_themes import SavedThemes
from eia_app.domain.theme_edits import ThemeEdits
from eia_app.domain.themes import (
    ByCharacteristic,
    GroupRow,
    QuestionThemes,
    Quote,
    Theme,
    ThemesResult,
)

QUESTION = "Anything else?"
APPROVED = "The taxi to school is late every morning, so my son misses [name] lessons."


def themes_result(*, approved: bool = True, internal: bool = False) -> ThemesResult:
    """One question, one theme with a flagged group and one quote."""
    row = GroupRow(
        category="asian", label="Asian", commenters=40, raised=20, share_of_theme=0.4,
        share_of_commenters=0.2, ratio=2.0, rate=0.5, overall_rate=0.25, ci_low=0.35,
        ci_high=0.65, flag="over",
    )  # fmt: skip
    theme = Theme(
        id="t1",
        label="School transport",
        key_phrases=("taxi", "transport"),
        count=50,
        share=0.25,
        by_characteristic=(ByCharacteristic(characteristic="race", label="Race", rows=(row,)),),
        findings=("School transport was raised more often by Asian commenters.",),
        quotes=(Quote(id="q1", text=APPROVED, approved=approved),),
    )
    question = QuestionThemes(
        column=QUESTION, commenters=200, themes=(theme,), other=150, chosen_k=3, k_range=(3, 12)
    )
    return ThemesResult(
        file="send.csv", respondents=300, embedding="wordllama", seed=0,
        free_text_columns=(), questions=(question,), internal=internal,
    )  # fmt: skip


def saved_themes(reference: str, version: int = 1, label: str = "School transport") -> SavedThemes:
    """Saved themes with two splits (a part split again), a rename, a merge and the quote."""
    edits = ThemeEdits(
        column=QUESTION, renames={"t1": label}, merges=(("t1", "t4"),), approved_quotes=("q1",),
        splits={"t3": 2, "t3.1": 3},
    )  # fmt: skip
    return SavedThemes(
        reference=reference,
        version=version,
        themes=themes_result(),
        edits=(edits,),
        source_digest="ab" * 32,
        saved_by="Test Officer",
        saved_at=datetime(2026, 12, 2, 10, 30, tzinfo=UTC),
    )
