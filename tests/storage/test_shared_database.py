"""A shared database, on SQLite and on a real PostgreSQL server: migrations, concurrent
writers, a writer killed mid-save, the append-only audit trail and restarts."""

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

import eia_app.storage.council_files  # noqa: F401  (its table joins Base.metadata on import)
import eia_app.storage.people  # noqa: F401  (its tables join Base.metadata on import)
from eia_app.domain.audit import AuditAction
from eia_app.domain.conflicts import VersionConflictError
from eia_app.domain.versions import WorkingCopy
from eia_app.services.assessments import save_assessment
from eia_app.services.audit import audit_events, record_event
from eia_app.storage import SqlAlchemyAssessmentRepository, create_database_engine, migrate
from eia_app.storage.tables import Base
from tests.factories import REFERENCE, make_assessment

ROOT = Path(__file__).resolve().parents[2]
REVISIONS = ["0001", "0002", "0003", "0004", "0005", "0006", "0007"]
TABLES_AT = {
    "0001": {"assessments", "assessment_versions"},
    "0002": {"working_copies", "reach_results", "review_events"},
    "0003": {"audit_events"},
    "0004": {"people", "assessment_shares"},
    "0005": {"theme_results"},
    "0006": set(),  # a column: the saver's e-mail on each version
    "0007": {"council_files"},
}


def tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_an_empty_database_upgrades_one_migration_at_a_time_to_the_models(database_url):
    engine = create_database_engine(database_url)
    expected: set[str] = set()
    for revision in REVISIONS:
        migrate(engine, revision)
        expected |= TABLES_AT[revision]
        assert tables(engine) == expected
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # Types the two databases spell differently are not a difference of schema.
    assert [d for d in differences if d[0] != "modify_type"] == []
    engine.dispose()


def test_migrations_downgrade_to_nothing_and_upgrade_again(database_url):
    from alembic import command
    from alembic.config import Config

    from eia_app.storage.database import MIGRATIONS_DIR

    engine = create_database_engine(database_url)
    migrate(engine)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    assert "council_files" not in tables(engine)
    assert {"theme_results", "people"} <= tables(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    assert "theme_results" not in tables(engine)
    assert {"audit_events"} <= tables(engine)
    assert "people" not in tables(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    assert "audit_events" not in tables(engine)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert tables(engine) == set()
    migrate(engine)
    assert {"audit_events", "theme_results", "council_files"} <= tables(engine)
    engine.dispose()


def test_a_database_holding_first_release_data_is_upgraded_in_place(database_url):
    engine = create_database_engine(database_url)
    migrate(engine, "0001")
    saved_at = datetime(2026, 1, 5, 9, 30)
    payload = make_assessment().model_dump_json()
    with engine.begin() as connection:
        # Written as the first release wrote it, with no code of today's in between.
        connection.execute(
            text("INSERT INTO assessments (reference, created_at) VALUES (:r, :t)"),
            {"r": REFERENCE, "t": saved_at},
        )
        connection.execute(
            text(
                "INSERT INTO assessment_versions (reference, version, saved_by, saved_at, "
                "change_summary, title, status, stage, directorate, review_date, payload) "
                "VALUES (:r, 1, 'Alex', :t, 'First version', 'SEND', 'draft', "
                "'consultation', NULL, NULL, :p)"
            ),
            {"r": REFERENCE, "t": saved_at, "p": payload},
        )
    migrate(engine)
    repo = SqlAlchemyAssessmentRepository(engine)
    old = repo.get(REFERENCE)
    assert (old.info.version, old.info.saved_by) == (1, "Alex")
    assert old.info.saved_at == saved_at.replace(tzinfo=UTC)
    assert old.assessment == make_assessment()
    stored = save_assessment(repo, make_assessment(status="in_review"), saved_by="Jo")
    assert stored.info.version == 2
    assert [e.action for e in audit_events(repo, REFERENCE)] == [AuditAction.SAVED]
    engine.dispose()


def test_a_save_from_an_old_version_is_refused_naming_who_saved_since(database_engine):
    repo = SqlAlchemyAssessmentRepository(database_engine)
    save_assessment(repo, make_assessment(), saved_by="Alex", base_version=0)
    save_assessment(repo, make_assessment(status="in_review"), saved_by="Jo", base_version=1)

    with pytest.raises(VersionConflictError) as refused:
        save_assessment(
            repo, make_assessment(key_details__title="Mine"), saved_by="Sam", base_version=1
        )

    assert [(i.version, i.saved_by) for i in refused.value.since] == [(2, "Jo")]
    assert "Jo saved version 2 at " in str(refused.value)
    assert [i.version for i in repo.versions(REFERENCE)] == [1, 2]
    with pytest.raises(VersionConflictError, match="after a new assessment"):
        save_assessment(repo, make_assessment(), saved_by="Kim", base_version=0)


@pytest.mark.parametrize("base", [0, 1])
def test_of_twelve_concurrent_saves_from_one_version_exactly_one_succeeds(database_engine, base):
    repo = SqlAlchemyAssessmentRepository(database_engine)
    if base:
        save_assessment(repo, make_assessment(), saved_by="Alex", base_version=0)
    start = threading.Barrier(12)
    saved, refused, other = [], [], []

    def writer(n: int) -> None:
        assessment = make_assessment(key_details__title=f"Edit {n}")
        start.wait()
        try:
            saved.append(save_assessment(repo, assessment, saved_by=f"user {n}", base_version=base))
        except VersionConflictError as conflict:
            refused.append(conflict)
        except Exception as problem:  # noqa: BLE001 - collected, and asserted empty below
            other.append(problem)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert other == []
    assert (len(saved), len(refused)) == (1, 11)
    winner = saved[0].info
    assert winner.version == base + 1
    assert all(c.since and c.since[-1].saved_by == winner.saved_by for c in refused)
    assert [i.version for i in repo.versions(REFERENCE)] == list(range(1, base + 2))
    latest = repo.get(REFERENCE)
    assert latest.assessment.key_details.title == f"Edit {winner.saved_by.split()[-1]}"


# A writer that stops inside its save transaction, after the new row is written and
# before the commit, and says so; the test then kills it with SIGKILL.
WRITER = """
import sys, time
import eia_app.storage.sql as sql
from eia_app.services.assessments import save_assessment
from eia_app.storage import SqlAlchemyAssessmentRepository, create_database_engine
from tests.factories import make_assessment

original = sql._add_row
def stalled(*args, **kwargs):
    row = original(*args, **kwargs)
    print("inside the transaction", flush=True)
    time.sleep(60)
    return row
sql._add_row = stalled
repo = SqlAlchemyAssessmentRepository(create_database_engine(sys.argv[1]))
save_assessment(repo, make_assessment(key_details__title="Half saved"), saved_by="Killed",
                base_version=1)
"""


def test_a_writer_killed_mid_save_leaves_the_last_version_readable(database_url):
    engine = create_database_engine(database_url)
    migrate(engine)
    repo = SqlAlchemyAssessmentRepository(engine)
    first = save_assessment(repo, make_assessment(), saved_by="Alex", base_version=0)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, database_url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "inside the transaction"
        os.kill(writer.pid, signal.SIGKILL)
        assert writer.wait(timeout=30) == -signal.SIGKILL
    finally:
        if writer.poll() is None:
            writer.kill()
    engine.dispose()

    reopened = SqlAlchemyAssessmentRepository(create_database_engine(database_url))
    assert [i.version for i in reopened.versions(REFERENCE)] == [1]
    assert reopened.get(REFERENCE).assessment == first.assessment
    assert [e.actor for e in audit_events(reopened, REFERENCE)] == ["Alex"]
    # Nothing half-written blocks the next writer: the same save now goes through.
    again = save_assessment(
        reopened, make_assessment(key_details__title="Saved"), saved_by="Jo", base_version=1
    )
    assert again.info.version == 2
    assert [(e.actor, e.version) for e in audit_events(reopened, REFERENCE)] == [
        ("Alex", 1),
        ("Jo", 2),
    ]


def test_the_audit_trail_refuses_updates_and_deletes(database_engine):
    repo = SqlAlchemyAssessmentRepository(database_engine)
    record_event(repo, AuditAction.ROLE_CHANGED, actor="Admin", detail="Jo is now a reviewer")
    for statement in ("UPDATE audit_events SET actor = 'Someone else'", "DELETE FROM audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), database_engine.begin() as c:
            c.execute(text(statement))
    [event] = audit_events(repo)
    assert (event.actor, event.detail) == ("Admin", "Jo is now a reviewer")
    assert not [
        name
        for name in dir(repo)
        if "audit" in name and name.startswith(("update", "delete", "remove", "discard"))
    ]


def test_working_copies_and_versions_survive_a_restart(database_url):
    engine = create_database_engine(database_url)
    migrate(engine)
    repo = SqlAlchemyAssessmentRepository(engine)
    save_assessment(repo, make_assessment(), saved_by="Alex")
    copy = WorkingCopy(
        reference=REFERENCE,
        user="Alex",
        based_on_version=1,
        values={"key_details.title": "Typed, not saved"},
        kept_at=datetime.now(UTC),
    )
    repo.keep_working_copy(copy)
    engine.dispose()

    restarted = create_database_engine(database_url)
    migrate(restarted)  # what the app does on start: nothing to do
    again = SqlAlchemyAssessmentRepository(restarted)
    assert again.working_copy(REFERENCE, "Alex") == copy
    assert again.get(REFERENCE).info.saved_by == "Alex"
    restarted.dispose()
