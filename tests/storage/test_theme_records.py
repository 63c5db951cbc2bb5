"""Free-text themes kept with an assessment: published aggregates and edits, nothing more."""

import pytest
from pydantic import ValidationError

from eia_app.domain.saved_themes import SavedThemes
from tests.factories import REFERENCE, make_assessment
from tests.themes.saved_factory import APPROVED, QUESTION, saved_themes, themes_result


def test_saved_themes_read_back_equal_with_their_edits(repo):
    repo.add_version(make_assessment(), saved_by="Alex", change_summary="First version")
    assert repo.latest_themes(REFERENCE) is None
    saved = saved_themes(REFERENCE)
    repo.save_themes(saved)

    back = repo.latest_themes(REFERENCE)
    assert back == saved
    assert back.edits_by_column()[QUESTION].renames == {"t1": "School transport"}
    assert back.edits_by_column()[QUESTION].merges == (("t1", "t4"),)
    # Splits are applied in the order written, so the order must survive storage.
    assert list(back.edits_by_column()[QUESTION].splits.items()) == [("t3", 2), ("t3.1", 3)]
    assert back.themes.questions[0].themes[0].quotes[0].text == APPROVED


def test_the_latest_themes_at_or_before_a_version_are_returned(repo):
    for _ in range(3):
        repo.add_version(make_assessment(), saved_by="Alex", change_summary="Saved")
    repo.save_themes(saved_themes(REFERENCE, 1, "First"))
    repo.save_themes(saved_themes(REFERENCE, 3, "Third"))
    repo.save_themes(saved_themes(REFERENCE, 1, "First again"))

    def label(version):
        found = repo.latest_themes(REFERENCE, version)
        return found.edits[0].renames["t1"]

    assert label(1) == "First again"
    assert label(2) == "First again"
    assert label(3) == "Third"
    assert label(None) == "Third"
    assert repo.latest_themes("EIA-2099-0001") is None


@pytest.mark.parametrize(
    "themes",
    [themes_result(approved=False), themes_result(internal=True)],
    ids=["unapproved", "internal"],
)
def test_unapproved_quotes_and_internal_documents_cannot_be_saved(themes):
    with pytest.raises(ValidationError):
        SavedThemes.model_validate(
            {**saved_themes(REFERENCE).model_dump(), "themes": themes.model_dump(by_alias=True)}
        )
