"""The council file store keeps bytes and who uploaded them, on SQLite and PostgreSQL alike."""

from datetime import UTC, datetime, timedelta

import pytest

from eia_app.domain.council_files import CouncilFileInfo, CouncilFileKind
from eia_app.storage import create_database_engine, migrate
from eia_app.storage.council_files import InMemoryCouncilFileStore, SqlCouncilFileStore
from tests.databases import DATABASES, empty_database

TEMPLATE, BASELINE = CouncilFileKind.TEMPLATE, CouncilFileKind.BASELINE
WHEN = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
# Bytes a text column would mangle: a NUL, a byte that is not UTF-8, a zip's signature.
CONTENT = b"PK\x03\x04\x00\xff\xfe binary \x00 end"


def info(
    name: str, kind: CouncilFileKind = TEMPLATE, minutes: int = 0, **changes
) -> CouncilFileInfo:
    values = {
        "kind": kind,
        "name": name,
        "digest": "ab" * 32,
        "size": len(CONTENT),
        "uploaded_by": "Ada Admin",
        "uploaded_by_email": "ada@council.example",
        "uploaded_at": WHEN + timedelta(minutes=minutes),
        **changes,
    }
    return CouncilFileInfo(**values)


@pytest.fixture(params=["memory", *DATABASES])
def store(request, tmp_path):
    """Each store in turn: in memory, then on migrated SQLite, then on PostgreSQL."""
    if request.param == "memory":
        yield InMemoryCouncilFileStore()
        return
    engine = create_database_engine(empty_database(request.param, tmp_path))
    migrate(engine)
    yield SqlCouncilFileStore(engine)
    engine.dispose()


def test_a_file_round_trips_with_its_bytes_and_who_uploaded_it(store):
    assert store.files(TEMPLATE) == []
    assert store.keep(info("council.docx"), CONTENT) is False
    assert store.content(TEMPLATE, "council.docx") == CONTENT
    assert store.files(TEMPLATE) == [info("council.docx")]
    assert store.files(BASELINE) == []
    assert store.content(BASELINE, "council.docx") is None


def test_the_same_name_replaces_and_kinds_are_apart(store):
    store.keep(info("a.docx"), b"first")
    store.keep(info("b.docx", minutes=1), b"other")
    store.keep(info("a.csv", BASELINE, minutes=2), b"baseline")
    assert store.keep(info("a.docx", minutes=3, uploaded_by="Bo"), b"second") is True
    assert store.content(TEMPLATE, "a.docx") == b"second"
    listed = store.files(TEMPLATE)
    assert [(f.name, f.uploaded_by) for f in listed] == [("a.docx", "Bo"), ("b.docx", "Ada Admin")]
    assert [f.name for f in store.files(BASELINE)] == ["a.csv"]


def test_remove_removes_only_that_file(store):
    store.keep(info("a.docx"), b"first")
    store.keep(info("a.docx", BASELINE), b"same name, other kind")
    assert store.remove(TEMPLATE, "a.docx") is True
    assert store.remove(TEMPLATE, "a.docx") is False
    assert store.content(TEMPLATE, "a.docx") is None
    assert store.content(BASELINE, "a.docx") == b"same name, other kind"


def test_files_survive_reopening_the_database(database_url):
    engine = create_database_engine(database_url)
    migrate(engine)
    SqlCouncilFileStore(engine).keep(info("council.docx"), CONTENT)
    engine.dispose()
    again = create_database_engine(database_url)
    migrate(again)
    reopened = SqlCouncilFileStore(again)
    assert reopened.content(TEMPLATE, "council.docx") == CONTENT
    [kept] = reopened.files(TEMPLATE)
    assert kept.uploaded_at == WHEN
    again.dispose()
