"""Saving the app's themes: only the published document and the edits, reapplied to one file."""

from eia_app.domain.theme_edits import ThemeEdits, merged_with
from eia_app.services.themes_saved import edits_to_reapply, save_themes_for
from eia_app.storage.memory import InMemoryAssessmentRepository
from tests.factories import REFERENCE, make_assessment
from tests.themes.saved_factory import APPROVED, QUESTION, saved_themes, themes_result


def test_a_merge_that_shares_a_theme_with_an_earlier_one_joins_it():
    edits = ThemeEdits(column="Q", merges=(("t1", "t4"), ("t2", "t5")))
    joined = merged_with(edits, ["t1", "t3"])
    assert joined.merges == (("t2", "t5"), ("t1", "t4", "t3"))
    assert merged_with(ThemeEdits(column="Q"), ["t6", "t2"]).merges == (("t6", "t2"),)
    (both,) = merged_with(edits, ["t4", "t5"]).merges
    assert (both[0], sorted(both)) == ("t1", ["t1", "t2", "t4", "t5"])


def test_only_the_approved_quotes_of_the_edits_are_saved():
    repo = InMemoryAssessmentRepository()
    repo.add_version(make_assessment(), saved_by="Alex", change_summary="First version")
    candidates = themes_result(approved=False, internal=True)
    unapproved = save_themes_for(
        repo, REFERENCE, 1, candidates, {QUESTION: ThemeEdits(column=QUESTION)},
        source_digest="cd" * 32, saved_by="Alex",
    )  # fmt: skip
    assert unapproved.themes.questions[0].themes[0].quotes == ()
    assert not unapproved.themes.internal
    approved = save_themes_for(
        repo, REFERENCE, 1, candidates,
        {QUESTION: ThemeEdits(column=QUESTION, approved_quotes=("q1",))},
        source_digest="cd" * 32, saved_by="Alex",
    )  # fmt: skip
    assert [q.text for q in approved.themes.questions[0].themes[0].quotes] == [APPROVED]
    assert repo.latest_themes(REFERENCE) == approved


def test_every_edit_is_reapplied_to_the_same_file():
    saved = saved_themes(REFERENCE)
    same = edits_to_reapply(saved, saved.source_digest)
    assert (same.edits, same.same_file) == (saved.edits_by_column(), True)
    assert edits_to_reapply(None, saved.source_digest).edits == {}


def test_another_export_gets_the_approved_quotes_only():
    saved = saved_themes(REFERENCE)
    unmarked = saved.model_copy(update={"source_digest": ""})
    for other in (edits_to_reapply(saved, "ef" * 32), edits_to_reapply(unmarked, "")):
        assert other.same_file is False
        assert other.edits == {QUESTION: ThemeEdits(column=QUESTION, approved_quotes=("q1",))}
        assert other.quotes == 1
    unapproved = saved.model_copy(
        update={"edits": (saved.edits[0].model_copy(update={"approved_quotes": ()}),)}
    )
    assert edits_to_reapply(unapproved, "ef" * 32).edits == {}


def test_a_carried_approval_publishes_the_same_comment_from_a_new_export():
    repo = InMemoryAssessmentRepository()
    repo.add_version(make_assessment(), saved_by="Alex", change_summary="First version")
    carried = edits_to_reapply(saved_themes(REFERENCE), "ef" * 32).edits
    # The new export's candidate quotes hold the same comment, so its id is the same.
    saved = save_themes_for(
        repo, REFERENCE, 1, themes_result(approved=False, internal=True), carried,
        source_digest="ef" * 32, saved_by="Alex",
    )  # fmt: skip
    assert [q.text for q in saved.themes.questions[0].themes[0].quotes] == [APPROVED]
