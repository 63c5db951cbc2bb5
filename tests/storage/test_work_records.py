"""Records kept beside the versions: working copies, saved reach results, review events.

Run against the in-memory and SQLite repositories alike.
"""

from datetime import timedelta

from eia_app.domain.versions import ReviewAction, ReviewEvent, SavedReach, WorkingCopy
from eia_app.storage.records import utc_now
from tests.export.survey import transport_reach
from tests.factories import make_assessment

REFERENCE = "EIA-2025-0001"


def saved(repo):
    return repo.add_version(make_assessment(), saved_by="Alex", change_summary="First")


def test_a_working_copy_is_kept_per_user_replaced_and_discarded(repo):
    saved(repo)
    now = utc_now()
    typed = {"key_details.title": "  New title with spaces  ", "impacts[0].rating": None}
    repo.keep_working_copy(WorkingCopy(reference=REFERENCE, user="Alex", based_on_version=1,
                                       values=typed, kept_at=now))  # fmt: skip
    repo.keep_working_copy(WorkingCopy(reference=REFERENCE, user="Jo", based_on_version=1,
                                       values={"a": 1}, kept_at=now))  # fmt: skip
    alex = repo.working_copy(REFERENCE, "Alex")
    assert alex.values == typed  # kept exactly as typed, spaces included
    assert alex.kept_at == now
    later = now + timedelta(seconds=5)
    repo.keep_working_copy(alex.model_copy(update={"values": {"x": "y"}, "kept_at": later}))
    assert repo.working_copy(REFERENCE, "Alex").values == {"x": "y"}
    repo.discard_working_copy(REFERENCE, "Alex")
    assert repo.working_copy(REFERENCE, "Alex") is None
    assert repo.working_copy(REFERENCE, "Jo").values == {"a": 1}
    repo.discard_working_copy(REFERENCE, "nobody")  # forgetting nothing is not an error


def test_the_latest_reach_at_or_before_a_version_is_returned(repo, tmp_path):
    saved(repo)
    repo.add_version(make_assessment(key_details__title="Two"), saved_by="Jo", change_summary="")
    repo.add_version(make_assessment(key_details__title="Three"), saved_by="Jo", change_summary="")
    reach = transport_reach(tmp_path)
    assert repo.latest_reach(REFERENCE) is None
    first = SavedReach(reference=REFERENCE, version=1, reach=reach, mapping={"Q": "race"},
                       saved_by="Alex", saved_at=utc_now())  # fmt: skip
    repo.save_reach(first)
    repo.save_reach(first.model_copy(update={"version": 2, "mapping": {"Q": "none"}}))
    assert repo.latest_reach(REFERENCE, 1).mapping == {"Q": "race"}
    assert repo.latest_reach(REFERENCE, 3).mapping == {"Q": "none"}
    assert repo.latest_reach(REFERENCE).version == 2
    assert repo.latest_reach(REFERENCE).reach == reach  # the typed result, whole
    assert repo.latest_reach("EIA-2025-0099") is None


def test_review_events_are_kept_in_order(repo):
    saved(repo)
    now = utc_now()
    steps = [(ReviewAction.SUBMITTED, "Alex", ""), (ReviewAction.COMMENTED, "Sam", "Add EV3"),
             (ReviewAction.APPROVED, "Sam", "")]  # fmt: skip
    for n, (action, by, comment) in enumerate(steps):
        at = now + timedelta(seconds=n)
        event = ReviewEvent(reference=REFERENCE, version=1, action=action, by=by, at=at,
                            comment=comment)  # fmt: skip
        repo.add_review_event(event)
    events = repo.review_events(REFERENCE)
    assert [(e.action, e.by, e.comment) for e in events] == steps
    assert events[2].at == now + timedelta(seconds=2)
    assert repo.review_events("EIA-2025-0099") == []
