"""No respondent-level value from an uploaded survey reaches the database, the logs or a
download meant for publication.

A survey is analysed through the path the app takes (upload bytes, analyse, save the
reach with a version, prepare the downloads). Unique markers sit where respondents' own
words and identities are: the response id, an e-mail, a free-text comment, and one
person's self-described ethnicity. None may be found anywhere afterwards.
"""

import csv
import io
import logging
import sqlite3
import zipfile

import pytest

from eia_app.domain.assessment import Assessment
from eia_app.services.downloads import export_downloads
from eia_app.services.reach_upload import analyse_upload, save_reach_for
from eia_app.services.workspace import close_repositories, open_repository
from tests.export.builders import consultation_data
from tests.export.survey import ETHNIC, SEX

REF = "EIA-2026-0042"
MARKERS = {
    "id": "QZXRESPID7731",
    "email": "qzx.respondent7731@example.org",
    "comment": "QZXCOMMENT7731 my neighbour at 12 Acacia Road",
    "ethnicity": "QZXSELFDESC7731",
}


def survey_bytes() -> bytes:
    """120 respondents; one of them wrote each marker."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Response ID", "Email address", SEX, ETHNIC, "Any other comments?"])
    for number in range(120):
        first = number == 0
        writer.writerow(
            [
                MARKERS["id"] if first else f"R{number:04d}",
                MARKERS["email"] if first else "",
                "Female" if number % 2 else "Male",
                MARKERS["ethnicity"] if first else ("White" if number % 3 else "Asian"),
                MARKERS["comment"] if first else "No comment",
            ]
        )
    return out.getvalue().encode("utf-8")


def _all_text_of(data: bytes) -> str:
    """The text of a file, and of every part inside it when it is a zip (docx, xlsx)."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace")
                             for name in archive.namelist())  # fmt: skip
    return data.decode("utf-8", "replace")


@pytest.fixture
def library(tmp_path):
    url = f"sqlite:///{(tmp_path / 'eia.sqlite').as_posix()}"
    repo = open_repository(url)
    stored = repo.add_version(
        Assessment.model_validate(consultation_data()), saved_by="Priya", change_summary="First"
    )
    yield repo, stored.info.version, tmp_path / "eia.sqlite"
    close_repositories()


def test_markers_from_the_survey_reach_no_database_log_or_published_download(library, caplog):
    repo, version, database_file = library
    caplog.set_level(logging.DEBUG)
    result = analyse_upload(survey_bytes(), "consultation.csv")
    assert result.respondents == 120  # the survey was read, markers and all
    save_reach_for(repo, REF, version, result, {}, saved_by="Priya")
    downloads = export_downloads(repo, REF, version, with_charts=False)
    assert downloads.reach_csv is not None
    assert downloads.reach_xlsx is not None

    with sqlite3.connect(database_file) as connection:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master "
                                                    "WHERE type='table'")]  # fmt: skip
        stored = "\n".join(
            repr(row) for table in tables for row in connection.execute(f"SELECT * FROM {table}")
        )
    assert "reach_results" in tables
    assert "Asian" in stored or "asian" in stored  # the aggregated reach is stored
    published = {
        "reach CSV": _all_text_of(downloads.reach_csv),
        "reach XLSX": _all_text_of(downloads.reach_xlsx),
        "Word EIA": _all_text_of(downloads.docx),
        "summary": _all_text_of(downloads.summary_docx),
        "paragraph": downloads.paragraph,
        "database": stored,
        "database file": database_file.read_bytes().decode("utf-8", "replace"),
        "logs": caplog.text,
    }
    for where, text in published.items():
        for what, marker in MARKERS.items():
            assert marker not in text, f"the respondent's {what} reached the {where}"
