"""The Word EIA of a stored assessment says "What people told us" from the saved themes."""

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.services.downloads import export_downloads
from eia_app.services.export_sources import stored_export_source
from eia_app.storage.memory import InMemoryAssessmentRepository
from tests.export.builders import consultation_data, final_data
from tests.export.docx_checks import all_text, open_docx
from tests.themes.saved_factory import APPROVED, saved_themes

REF = "EIA-2026-0042"
TOLD_US = "What people told us"


@pytest.fixture
def repo():
    library = InMemoryAssessmentRepository()
    for data in (consultation_data(), final_data()):
        library.add_version(Assessment.model_validate(data), saved_by="Priya", change_summary="")
    return library


def test_the_themes_saved_with_a_version_or_an_earlier_one_go_with_its_export(repo):
    assert stored_export_source(repo, REF).themes is None
    repo.save_themes(saved_themes(REF, version=1, label="Getting to school"))
    assert stored_export_source(repo, REF, 1).themes is not None
    source = stored_export_source(repo, REF)
    assert source.themes is not None
    assert source.themes.questions[0].themes[0].quotes[0].text == APPROVED


def test_the_app_export_has_what_people_told_us_with_the_approved_quote(repo):
    without = export_downloads(repo, REF, with_charts=False)
    before = all_text(open_docx(without.docx))
    repo.save_themes(saved_themes(REF, version=2))
    downloads = export_downloads(repo, REF, with_charts=False)
    text = all_text(open_docx(downloads.docx))
    assert (without.told_us, downloads.told_us) == (False, True)
    assert APPROVED not in before
    assert TOLD_US in text
    assert "School transport: 50 people" in text
    assert APPROVED in text


def test_the_themes_chart_of_a_group_that_stood_out_is_in_the_word_eia_with_its_words(repo):
    from tests.export.builders import require_browser

    require_browser()
    repo.save_themes(saved_themes(REF, version=2))
    doc = open_docx(export_downloads(repo, REF).docx)
    shapes = {s._inline.docPr.get("title"): s._inline.docPr.get("descr") for s in doc.inline_shapes}
    title = "Themes of “Anything else?” by race"
    assert shapes[title] == (
        "Bar chart. School transport: raised more often by Asian (50% against 25%)."
    )
    text = all_text(doc)
    told_us = text[text.index(TOLD_US) :]
    assert "“Anything else?”: how many times as often each group of race raised each" in told_us


def test_without_charts_the_themes_have_no_caption_left_behind(repo):
    repo.save_themes(saved_themes(REF, version=2))
    doc = open_docx(export_downloads(repo, REF, with_charts=False).docx)
    assert len(doc.inline_shapes) == 0
    assert "how many times as often each group" not in all_text(doc)
