"""Behaviour every assessment repository shares, run against the in-memory and SQLite stores."""

from datetime import UTC, date, timedelta

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.domain.details import Stage, Status
from eia_app.domain.errors import InvalidAssessmentError, NotFoundError
from eia_app.domain.versions import AssessmentFilter
from eia_app.storage.records import utc_now
from tests.factories import make_assessment


def save(repo, assessment: Assessment, by: str = "tester", summary: str = "First version"):
    return repo.add_version(assessment, saved_by=by, change_summary=summary)


def test_first_save_is_version_one_and_reads_back_equal(repo):
    original = make_assessment()
    stored = save(repo, original, by="Alex")

    assert stored.info.version == 1
    assert stored.info.saved_by == "Alex"
    fetched = repo.get("EIA-2025-0001")
    assert fetched.assessment == original
    assert fetched.info == stored.info


def test_saving_twice_keeps_two_different_readable_versions(repo):
    first = make_assessment()
    second = make_assessment(key_details__title="SEND Strategy 2024-27 (revised)")
    save(repo, first)
    save(repo, second, by="Jo", summary="Changed: Key details")

    v1, v2 = repo.get("EIA-2025-0001", 1), repo.get("EIA-2025-0001", 2)
    assert v1.assessment == first
    assert v2.assessment == second
    assert v1.assessment != v2.assessment
    assert (v2.info.version, v2.info.saved_by, v2.info.change_summary) == (
        2,
        "Jo",
        "Changed: Key details",
    )


def test_latest_version_is_the_current_one(repo):
    save(repo, make_assessment())
    save(repo, make_assessment(status="in_review"))
    save(repo, make_assessment(status="approved"))

    current = repo.get("EIA-2025-0001")
    assert current.info.version == 3
    assert current.assessment.status is Status.APPROVED
    assert repo.list()[0].version == 3


def test_history_lists_every_version_oldest_first(repo):
    for title in ("One", "Two", "Three"):
        save(repo, make_assessment(key_details__title=title), summary=title)

    history = repo.versions("EIA-2025-0001")
    assert [info.version for info in history] == [1, 2, 3]
    assert [info.change_summary for info in history] == ["One", "Two", "Three"]
    assert history[0].saved_at <= history[1].saved_at <= history[2].saved_at


def test_saved_times_are_utc_and_recent(repo):
    before = utc_now()
    stored = save(repo, make_assessment())
    fetched = repo.get("EIA-2025-0001")

    assert fetched.info.saved_at.tzinfo is not None
    assert fetched.info.saved_at.utcoffset() == timedelta(0)
    assert before <= fetched.info.saved_at <= before + timedelta(minutes=1)
    assert fetched.info.saved_at == stored.info.saved_at.astimezone(UTC)


def test_a_stored_version_cannot_be_changed_through_a_returned_object(repo):
    save(repo, make_assessment())
    fetched = repo.get("EIA-2025-0001")
    fetched.assessment.purpose.intended_outcomes.append("Sneaked in")

    assert "Sneaked in" not in repo.get("EIA-2025-0001").assessment.purpose.intended_outcomes


def test_unknown_reference_is_reported_with_a_hint(repo):
    with pytest.raises(NotFoundError) as caught:
        repo.get("EIA-2025-0009")
    assert str(caught.value) == (
        "No assessment with reference EIA-2025-0009. Run `eia list` to see references."
    )
    with pytest.raises(NotFoundError, match="EIA-2025-0009"):
        repo.versions("EIA-2025-0009")


@pytest.mark.parametrize("version", [0, 3, 99])
def test_unknown_version_names_the_versions_that_exist(repo, version):
    save(repo, make_assessment())
    save(repo, make_assessment(status="in_review"))

    with pytest.raises(NotFoundError) as caught:
        repo.get("EIA-2025-0001", version)
    assert f"no version {version}" in str(caught.value)
    assert "1 to 2" in str(caught.value)


def test_an_assessment_without_reference_is_refused(repo):
    with pytest.raises(InvalidAssessmentError, match="EIA reference is empty"):
        save(repo, make_assessment(key_details__reference=None))
    assert repo.count() == 0


def test_count_counts_assessments_not_versions(repo):
    assert repo.count() == 0
    save(repo, make_assessment())
    save(repo, make_assessment(status="in_review"))
    save(repo, make_assessment(key_details__reference="EIA-2025-0002"))

    assert repo.count() == 2


def test_list_shows_current_versions_ordered_by_reference(repo):
    save(repo, make_assessment(key_details__reference="EIA-2025-0003", key_details__title="C"))
    save(repo, make_assessment(key_details__reference="EIA-2025-0001", key_details__title="A"))
    save(repo, make_assessment(key_details__reference="EIA-2025-0001", key_details__title="A2"))

    rows = repo.list()
    assert [(r.reference, r.title, r.version) for r in rows] == [
        ("EIA-2025-0001", "A2", 2),
        ("EIA-2025-0003", "C", 1),
    ]
    first = rows[0]
    assert first.stage is Stage.CONSULTATION
    assert first.directorate == "Children and Family Services"
    assert first.review_date == date(2028, 9, 1)
    assert first.saved_by == "tester"


def test_list_shows_a_placeholder_title_for_an_untitled_draft(repo):
    save(repo, make_assessment(key_details__title=None))
    assert repo.list()[0].title == "Untitled assessment"


@pytest.fixture
def library(repo):
    """Three assessments with different status, directorate and review date."""
    save(
        repo,
        make_assessment(
            key_details__reference="EIA-2025-0001",
            status="approved",
            key_details__directorate="Adults and Communities",
            monitoring__review_date=date(2026, 3, 1),
        ),
    )
    save(
        repo,
        make_assessment(
            key_details__reference="EIA-2025-0002",
            status="draft",
            key_details__directorate="Children and Family Services",
            monitoring__review_date=date(2027, 6, 30),
        ),
    )
    save(
        repo,
        make_assessment(
            key_details__reference="EIA-2025-0003",
            status="approved",
            key_details__directorate="Children and Family Services",
            monitoring__review_date=None,
        ),
    )
    # A later version changes the status: only the current version counts.
    save(
        repo,
        make_assessment(
            key_details__reference="EIA-2025-0002",
            status="approved",
            key_details__directorate="Children and Family Services",
            monitoring__review_date=date(2027, 6, 30),
        ),
    )
    return repo


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({}, ["EIA-2025-0001", "EIA-2025-0002", "EIA-2025-0003"]),
        ({"status": "approved"}, ["EIA-2025-0001", "EIA-2025-0002", "EIA-2025-0003"]),
        ({"status": "draft"}, []),
        ({"directorate": "children and family services"}, ["EIA-2025-0002", "EIA-2025-0003"]),
        ({"directorate": "ADULTS AND COMMUNITIES"}, ["EIA-2025-0001"]),
        ({"directorate": "Children"}, []),
        ({"review_before": date(2027, 6, 30)}, ["EIA-2025-0001", "EIA-2025-0002"]),
        ({"review_before": date(2027, 6, 29)}, ["EIA-2025-0001"]),
        ({"review_before": date(2020, 1, 1)}, []),
        (
            {
                "status": "approved",
                "directorate": "Children and Family Services",
                "review_before": date(2030, 1, 1),
            },
            ["EIA-2025-0002"],
        ),
    ],
    ids=[
        "no criteria",
        "status approved",
        "status draft (old version ignored)",
        "directorate lower case",
        "directorate upper case",
        "directorate is not a substring",
        "review due on the day",
        "review due before",
        "review none due",
        "all criteria",
    ],
)
def test_list_filters(library, criteria, expected):
    rows = library.list(AssessmentFilter.model_validate(criteria))
    assert [row.reference for row in rows] == expected
