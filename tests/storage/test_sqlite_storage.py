"""The SQLite store itself: schema from migrations, data on disk, and plain errors."""

import importlib.util
import json
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from eia_app.storage import (
    SqlAlchemyAssessmentRepository,
    StorageError,
    create_database_engine,
    migrate,
)
from eia_app.storage.database import MIGRATIONS_DIR
from eia_app.storage.records import queryable_fields
from eia_app.storage.tables import Base
from tests.factories import make_assessment


def test_migrations_create_the_schema_in_an_empty_database(sqlite_url, tmp_path):
    engine = create_database_engine(sqlite_url)
    assert inspect(engine).get_table_names() == []

    migrate(engine)

    schema = inspect(engine)
    assert set(schema.get_table_names()) == {
        "alembic_version",
        "assessments",
        "assessment_versions",
        "working_copies",
        "reach_results",
        "review_events",
        "audit_events",
        "people",
        "assessment_shares",
        "theme_results",
        "council_files",
    }
    columns = {column["name"] for column in schema.get_columns("assessment_versions")}
    assert columns == {
        "id",
        "reference",
        "version",
        "saved_by",
        "saved_by_email",
        "saved_at",
        "change_summary",
        "title",
        "status",
        "stage",
        "directorate",
        "review_date",
        "payload",
    }
    unique = schema.get_unique_constraints("assessment_versions")
    assert [sorted(u["column_names"]) for u in unique] == [["reference", "version"]]
    foreign = schema.get_foreign_keys("assessment_versions")
    assert foreign[0]["referred_table"] == "assessments"
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "0007"
    engine.dispose()


def test_the_sqlite_folder_is_created_on_demand(tmp_path):
    target = tmp_path / "a" / "b" / "eia.sqlite"
    engine = create_database_engine(f"sqlite:///{target.as_posix()}")
    migrate(engine)
    engine.dispose()
    assert target.is_file()


def test_migrating_twice_keeps_the_data(sqlite_engine):
    repo = SqlAlchemyAssessmentRepository(sqlite_engine)
    repo.add_version(make_assessment(), saved_by="tester", change_summary="First version")

    migrate(sqlite_engine)

    assert repo.get("EIA-2025-0001").info.version == 1


def test_versions_survive_reopening_the_file(sqlite_url):
    first, second = make_assessment(), make_assessment(status="in_review")
    engine = create_database_engine(sqlite_url)
    migrate(engine)
    writer = SqlAlchemyAssessmentRepository(engine)
    writer.add_version(first, saved_by="Alex", change_summary="First version")
    writer.add_version(second, saved_by="Jo", change_summary="Changed: Status")
    engine.dispose()

    reopened = create_database_engine(sqlite_url)
    reader = SqlAlchemyAssessmentRepository(reopened)
    assert reader.get("EIA-2025-0001", 1).assessment == first
    assert reader.get("EIA-2025-0001").assessment == second
    assert [v.saved_by for v in reader.versions("EIA-2025-0001")] == ["Alex", "Jo"]
    reopened.dispose()


def test_rows_hold_the_full_json_and_queryable_copies(sqlite_engine):
    assessment = make_assessment()
    SqlAlchemyAssessmentRepository(sqlite_engine).add_version(
        assessment, saved_by="Alex", change_summary="First version"
    )

    with sqlite_engine.connect() as connection:
        row = connection.execute(text("SELECT * FROM assessment_versions")).mappings().one()
        created = connection.scalar(text("SELECT created_at FROM assessments"))
    assert json.loads(row["payload"]) == json.loads(assessment.model_dump_json())
    assert (row["reference"], row["version"], row["title"], row["status"], row["stage"]) == (
        "EIA-2025-0001",
        1,
        "SEND Strategy 2024-27",
        "draft",
        "consultation",
    )
    assert row["directorate"] == "Children and Family Services"
    assert str(row["review_date"]) == "2028-09-01"
    assert created is not None


def test_a_new_version_leaves_earlier_rows_untouched(sqlite_engine):
    repo = SqlAlchemyAssessmentRepository(sqlite_engine)
    repo.add_version(make_assessment(), saved_by="Alex", change_summary="First version")
    with sqlite_engine.connect() as connection:
        before = dict(
            connection.execute(text("SELECT * FROM assessment_versions")).mappings().one()
        )

    repo.add_version(make_assessment(status="approved"), saved_by="Jo", change_summary="x")

    with sqlite_engine.connect() as connection:
        rows = (
            connection.execute(text("SELECT * FROM assessment_versions ORDER BY version"))
            .mappings()
            .all()
        )
    assert dict(rows[0]) == before
    assert rows[1]["status"] == "approved"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "is not a database URL"),
        ("nosuchdialect://host/db", "Cannot use the database"),
    ],
)
def test_a_bad_url_is_one_plain_line(url, expected):
    with pytest.raises(StorageError) as caught:
        create_database_engine(url)
    message = str(caught.value)
    assert expected in message
    assert "EIA_DATABASE_URL" in message
    assert "\n" not in message


def test_a_password_in_the_url_is_not_shown():
    with pytest.raises(StorageError) as caught:
        create_database_engine("nosuchdialect://user:hunter2@host/db")
    assert "hunter2" not in str(caught.value)


def test_a_folder_that_cannot_be_created_is_reported(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError, match="Cannot create the folder") as caught:
        create_database_engine(f"sqlite:///{(blocker / 'eia.sqlite').as_posix()}")
    assert "writable" in str(caught.value)


def test_a_database_path_that_cannot_be_opened_is_reported(tmp_path):
    # The "file" is a folder, which SQLite cannot open whoever runs the test.
    engine = create_database_engine(f"sqlite:///{tmp_path.as_posix()}")
    with pytest.raises(StorageError, match="Cannot open the database") as caught:
        migrate(engine)
    assert "\n" not in str(caught.value)


def test_migration_scripts_ship_inside_the_package():
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert (MIGRATIONS_DIR / "script.py.mako").is_file()
    assert (MIGRATIONS_DIR / "versions" / "0001_initial.py").is_file()
    assert MIGRATIONS_DIR.parent == Path(importlib.util.find_spec("eia_app.storage").origin).parent
    # env.py is shipped as a module of this package, not as loose package data.
    assert importlib.util.find_spec("eia_app.storage.migrations.env") is not None


def test_the_migrations_match_the_table_classes(sqlite_engine):
    with sqlite_engine.connect() as connection:
        drift = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert drift == []


def test_simultaneous_saves_get_consecutive_version_numbers(sqlite_engine):
    repo = SqlAlchemyAssessmentRepository(sqlite_engine)
    start = threading.Barrier(4)
    failures: list[Exception] = []

    def save(name: str) -> None:
        start.wait()
        try:
            repo.add_version(make_assessment(), saved_by=name, change_summary="x")
        except Exception as problem:  # collected, and asserted empty below
            failures.append(problem)

    threads = [threading.Thread(target=save, args=(f"user {n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    history = repo.versions("EIA-2025-0001")
    assert [info.version for info in history] == [1, 2, 3, 4]
    assert {info.saved_by for info in history} == {"user 0", "user 1", "user 2", "user 3"}


def test_an_in_memory_database_is_shared_across_threads():
    engine = create_database_engine("sqlite://")
    migrate(engine)
    repo = SqlAlchemyAssessmentRepository(engine)
    repo.add_version(make_assessment(), saved_by="Alex", change_summary="First version")
    seen: list[int] = []

    reader = threading.Thread(target=lambda: seen.append(repo.count()))
    reader.start()
    reader.join()

    assert seen == [1]
    engine.dispose()


def test_a_database_of_the_first_release_is_upgraded_in_place(sqlite_url):
    engine = create_database_engine(sqlite_url)
    migrate(engine, "0001")
    assert "working_copies" not in inspect(engine).get_table_names()
    assessment = make_assessment()
    # Written as the first release wrote it: today's code knows columns that table lacks.
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO assessments (reference, created_at) VALUES (:r, :t)"),
            {"r": "EIA-2025-0001", "t": "2025-01-06 09:00:00"},
        )
        connection.execute(
            text(
                "INSERT INTO assessment_versions (reference, version, saved_by, saved_at, "
                "change_summary, title, status, stage, directorate, review_date, payload) "
                "VALUES (:r, 1, 'Alex', :t, 'Before the upgrade', :title, :status, :stage, "
                ":directorate, :review_date, :payload)"
            ),
            {
                "r": "EIA-2025-0001",
                "t": "2025-01-06 09:00:00",
                **queryable_fields(assessment),
                "payload": assessment.model_dump_json(),
            },
        )
    migrate(engine)
    upgraded = SqlAlchemyAssessmentRepository(engine)
    assert upgraded.get("EIA-2025-0001").info.change_summary == "Before the upgrade"
    assert upgraded.review_events("EIA-2025-0001") == []
    assert {"working_copies", "reach_results", "review_events"} <= set(
        inspect(engine).get_table_names()
    )
    engine.dispose()
