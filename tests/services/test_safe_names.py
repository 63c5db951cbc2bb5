"""No path traversal through download, upload or template names."""

import csv
import io
import tempfile
from pathlib import Path

import pytest

from eia_app.services.downloads import download_stem
from eia_app.services.reach_upload import analyse_upload
from eia_app.settings import DEFAULT_TEMPLATE_NAME, load_settings
from tests.export.survey import SEX


@pytest.mark.parametrize(
    "reference",
    ["../../etc/passwd", "..\\..\\windows\\evil", "EIA-2025-0001/../../x", "/abs", "..", ""],
)
def test_a_download_name_never_names_a_folder(reference):
    stem = download_stem(reference, 3)
    assert "/" not in stem
    assert "\\" not in stem
    assert ".." not in stem
    assert not stem.startswith(".")
    assert stem.endswith("_v3")
    assert Path(stem).name == stem


def test_an_ordinary_reference_keeps_its_name():
    assert download_stem("EIA-2025-0001", 3) == "EIA-2025-0001_v3"


def survey() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Response ID", SEX])
    for number in range(30):
        writer.writerow([f"R{number}", "Female" if number % 2 else "Male"])
    return out.getvalue().encode()


@pytest.mark.parametrize(
    "name",
    ["../../eia_escape_probe.csv", "..\\..\\eia_escape_probe.csv", "/tmp/eia_escape_probe.csv",
     "..", ""],
)  # fmt: skip
def test_an_uploaded_file_name_cannot_choose_where_the_upload_is_written(name):
    temp = Path(tempfile.gettempdir())
    probes = [temp / "eia_escape_probe.csv", temp.parent / "eia_escape_probe.csv"]
    result = analyse_upload(survey(), name)
    assert result.respondents == 30
    assert not any(probe.exists() for probe in probes)
    assert "/" not in (result.source.file or "")
    assert "\\" not in (result.source.file or "")


def test_the_word_template_is_always_the_fixed_name_inside_the_templates_folder(tmp_path):
    settings = load_settings({"EIA_TEMPLATES_DIR": str(tmp_path)})
    assert settings.template_path == tmp_path / DEFAULT_TEMPLATE_NAME
    assert settings.template_path.parent == tmp_path
