"""The Word report's "What people told us", from published themes with approved quotes only."""

from pathlib import Path

from eia_app.domain.themes import (
    ByCharacteristic,
    GroupRow,
    QuestionThemes,
    Quote,
    Theme,
    ThemesResult,
)
from eia_app.services.export import export_assessment
from tests.export.docx_checks import all_text, open_docx

TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "eia_default.docx"


def _themes() -> ThemesResult:
    row = GroupRow(
        category="asian", label="Asian", commenters=40, raised=20, share_of_theme=0.4,
        share_of_commenters=0.1, ratio=4.0, rate=0.5, overall_rate=0.125, flag="over",
    )  # fmt: skip
    theme = Theme(
        id="t1", label="Interpreters", key_phrases=("interpreter", "translated", "language"),
        count=50, share=0.125,
        by_characteristic=(ByCharacteristic(characteristic="race", label="Ethnic group",
                                             rows=(row,)),),
        findings=("Asian commenters raised interpreters four times as often.",),
        quotes=(
            Quote(id="a" * 12, text="We needed an interpreter at the review.", approved=True),
            Quote(id="b" * 12, text="Nobody explained the plan in our language."),
        ),
    )  # fmt: skip
    question = QuestionThemes(
        column="How would it affect you?", commenters=400, themes=(theme,), other=30,
        chosen_k=5, k_range=(3, 12),
    )  # fmt: skip
    return ThemesResult(
        file="s.csv", respondents=900, embedding="wordllama", seed=0,
        free_text_columns=(), questions=(question,), internal=True,
    )  # fmt: skip


def test_told_us_has_themes_findings_and_approved_quotes_only(final_assessment):
    report = export_assessment(
        final_assessment, with_charts=False, template=TEMPLATE, themes=_themes()
    )
    text = all_text(open_docx(report.docx))
    assert "What people told us" in text
    assert "Interpreters: 50 people" in text
    assert "Asian commenters raised interpreters four times as often." in text
    assert "We needed an interpreter at the review." in text
    assert "Nobody explained the plan in our language." not in text


def test_without_themes_there_is_no_told_us_section(final_assessment):
    report = export_assessment(final_assessment, with_charts=False, template=TEMPLATE)
    assert "What people told us" not in all_text(open_docx(report.docx))
