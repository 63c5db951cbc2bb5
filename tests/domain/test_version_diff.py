"""The readable comparison: labelled fields in form order, and words within long text."""

from eia_app.domain.assessment import Assessment
from eia_app.domain.version_diff import (
    EMPTY,
    WordChange,
    WordKind,
    field_differences,
    word_changes,
)
from tests.export.builders import consultation_data, final_data

LONG = (
    "The panel meets monthly to agree placements for children with plans and reports to "
    "the schools forum every term on what it decided and why it decided it."
)


def test_word_changes_give_removed_then_added_words_between_unchanged_runs():
    after = LONG.replace("meets monthly", "meets every fortnight")
    assert word_changes(LONG, after) == (
        WordChange(WordKind.SAME, "The panel meets"),
        WordChange(WordKind.REMOVED, "monthly"),
        WordChange(WordKind.ADDED, "every fortnight"),
        WordChange(WordKind.SAME, " ".join(LONG.split()[4:])),
    )


def test_fields_are_labelled_in_form_order_with_before_and_after():
    old = Assessment.model_validate(consultation_data())
    new = Assessment.model_validate(final_data())
    differences = field_differences(old, new)
    labels = [d.label for d in differences]
    assert labels[:2] == ["Status", "Stage"]
    stage = differences[1]
    assert (stage.before, stage.after) == ("consultation", "final")
    assert "Decision > Reasons" in labels
    assert labels.index("Decision > Reasons") < labels.index("Sign-off > Approved by > Name")
    reasons = differences[labels.index("Decision > Reasons")]
    assert reasons.after == "Consultation showed risks for young children."
    assert reasons.words == ()  # short text is shown whole, not word by word


def test_long_text_is_marked_word_by_word_and_long_unchanged_runs_are_cut():
    data = consultation_data()
    data["decision"]["summary"] = LONG
    old = Assessment.model_validate(data)
    data["decision"]["summary"] = LONG.replace("every term", "every half term")
    new = Assessment.model_validate(data)
    [difference] = field_differences(old, new)
    assert difference.label == "Decision > Summary of impacts"
    assert difference.marked == (
        "... to the schools forum every [added: half] term "
        "on what it decided and why it decided it."
    )


def test_emptied_text_and_removed_rows_are_shown_as_empty():
    data = final_data()
    new = Assessment.model_validate(data)
    data["decision"]["justification"] = LONG
    data["actions"].append({"id": "A9", "action": "An extra action"})
    old = Assessment.model_validate(data)
    differences = {d.label: d for d in field_differences(old, new)}
    emptied = differences["Decision > Justification for continuing"]
    assert (emptied.before, emptied.after, emptied.words) == (LONG, EMPTY, ())
    removed = [d for label, d in differences.items() if label.startswith("Action plan > row")]
    assert removed
    assert all(d.after == EMPTY for d in removed)


def test_identical_versions_have_no_differences():
    same = Assessment.model_validate(final_data())
    assert field_differences(same, same.model_copy()) == []
