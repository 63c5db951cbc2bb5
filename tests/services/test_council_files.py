"""The council's own Word template and baselines: who may keep them, how they are checked,
that every change is audited, and that the export and the reach comparison really use them."""

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from eia_app.analysis.baselines import BaselineError
from eia_app.domain.audit import AuditAction
from eia_app.domain.council_files import CouncilFileKind
from eia_app.domain.errors import PermissionDeniedError
from eia_app.domain.permissions import Action, Actor, Role, can
from eia_app.export.docx import ReportTemplateError
from eia_app.services import council_files
from eia_app.services.assessments import save_assessment
from eia_app.services.audit import audit_events
from eia_app.services.council_file_checks import CouncilFileError, safe_file_name
from eia_app.services.downloads import export_downloads
from eia_app.services.reach_baselines import choose_baseline, choose_cohort
from eia_app.services.reach_upload import analyse_upload, baseline_choices, cohort_choices
from eia_app.storage import InMemoryAssessmentRepository
from eia_app.storage.council_files import InMemoryCouncilFileStore
from tests.export.docx_checks import all_text, open_docx
from tests.factories import REFERENCE, make_assessment

TEMPLATE, BASELINE = CouncilFileKind.TEMPLATE, CouncilFileKind.BASELINE
ADMIN = Actor(name="Ada Admin", email="ada@council.example", roles=frozenset({Role.ADMINISTRATOR}))
OFFICER = Actor(name="Olu Officer", email="olu@council.example", roles=frozenset({Role.OFFICER}))
REVIEWER = Actor(name="Rae Reviewer", email="rae@council.example", roles=frozenset({Role.REVIEWER}))
MARK = "Rutland Borough Council house style"
# A population nobody lives in: nine in ten women, so a comparison with it is unmistakable.
BASELINE_CSV = (
    b"characteristic,category_id,count,baseline_label\n"
    b"sex,female,900,Our own residents survey 2026\n"
    b"sex,male,100,\n"
)
SURVEY = Path(__file__).resolve().parents[2] / "examples/send_strategy_2024_27"
SURVEY_FILE = SURVEY / "send_consultation_responses.csv"


def word(text: str) -> bytes:
    doc = Document()
    doc.add_paragraph(text)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def store():
    return InMemoryCouncilFileStore()


@pytest.fixture
def repo():
    return InMemoryAssessmentRepository()


def upload_template(store, repo, name="council.docx", data=None, actor=ADMIN):
    data = word(f"{MARK}: {{{{ doc.title }}}}") if data is None else data
    return council_files.upload_template(store, repo, actor=actor, file_name=name, data=data)


def upload_baseline(store, repo, name="residents.csv", data=BASELINE_CSV, actor=ADMIN):
    return council_files.upload_baseline(store, repo, actor=actor, file_name=name, data=data)


@pytest.mark.parametrize("person", [OFFICER, REVIEWER], ids=["officer", "reviewer"])
def test_only_an_administrator_may_upload_or_remove(store, repo, person):
    with pytest.raises(PermissionDeniedError) as refused:
        upload_template(store, repo, actor=person)
    assert str(refused.value) == can(person, Action.MANAGE_TEMPLATES).reason
    assert "administrator" in str(refused.value)
    with pytest.raises(PermissionDeniedError) as refused:
        upload_baseline(store, repo, actor=person)
    assert str(refused.value) == can(person, Action.MANAGE_BASELINES).reason
    assert store.files(TEMPLATE) == store.files(BASELINE) == []
    upload_template(store, repo)
    with pytest.raises(PermissionDeniedError):
        council_files.remove_file(store, repo, actor=person, kind=TEMPLATE, name="council.docx")
    assert [f.name for f in store.files(TEMPLATE)] == ["council.docx"]
    assert [e.actor for e in audit_events(repo)] == ["Ada Admin"]


def test_an_administrator_uploads_replaces_and_removes_and_each_is_audited(store, repo):
    first = upload_template(store, repo)
    assert (first.replaced, first.info.uploaded_by, first.info.uploaded_by_email) == (
        False,
        "Ada Admin",
        "ada@council.example",
    )
    again = upload_template(store, repo, data=word(f"{MARK} v2 {{{{ doc.title }}}}"))
    assert again.replaced is True
    assert [f.name for f in council_files.list_files(store, TEMPLATE)] == ["council.docx"]
    assert b"v2" in zipfile.ZipFile(io.BytesIO(store.content(TEMPLATE, "council.docx"))).read(
        "word/document.xml"
    )
    upload_baseline(store, repo)
    council_files.remove_file(store, repo, actor=ADMIN, kind=TEMPLATE, name="council.docx")
    assert store.files(TEMPLATE) == []
    events = audit_events(repo)
    assert [e.action for e in events] == [
        AuditAction.TEMPLATE_CHANGED,
        AuditAction.TEMPLATE_CHANGED,
        AuditAction.BASELINE_CHANGED,
        AuditAction.TEMPLATE_CHANGED,
    ]
    assert {(e.actor, e.actor_email) for e in events} == {("Ada Admin", "ada@council.example")}
    assert [e.detail.split(" (")[0] for e in events] == [
        "council.docx uploaded",
        "council.docx replaced",
        "residents.csv uploaded",
        "council.docx removed",
    ]
    with pytest.raises(CouncilFileError, match="no Word template called council.docx"):
        council_files.remove_file(store, repo, actor=ADMIN, kind=TEMPLATE, name="council.docx")


@pytest.mark.parametrize(
    ("uploaded", "kind", "kept"),
    [
        ("../x.docx", TEMPLATE, "x.docx"),
        ("../../etc/cron.d/x.docx", TEMPLATE, "x.docx"),
        ("/var/www/x.docx", TEMPLATE, "x.docx"),
        ("C:\\Users\\ada\\Council template.DOCX", TEMPLATE, "Council template.docx"),
        (".hidden.docx", TEMPLATE, "hidden.docx"),
        (".docx", TEMPLATE, "template.docx"),
        ("evil\x00name;rm -rf *.csv", BASELINE, "evil_name_rm -rf.csv"),
        ('<script>alert("x")<.csv', BASELINE, "script_alert(_x_).csv"),
        ("a" * 300 + ".csv", BASELINE, "a" * 96 + ".csv"),
    ],
)
def test_uploaded_names_are_made_safe(uploaded, kind, kept):
    name = safe_file_name(uploaded, kind)
    assert name == kept
    assert "/" not in name
    assert "\\" not in name
    assert not name.startswith(".")


@pytest.mark.parametrize("uploaded", ["/etc/passwd", "x.docx.exe", "..", ""])
def test_a_name_without_the_right_ending_is_refused(uploaded):
    with pytest.raises(CouncilFileError, match=r"is not a Word document \(\.docx\)"):
        safe_file_name(uploaded, TEMPLATE)


def test_a_traversing_name_is_kept_under_its_safe_name(store, repo):
    kept = upload_template(store, repo, name="../../council.docx")
    assert kept.info.name == "council.docx"
    assert store.content(TEMPLATE, "council.docx") is not None


def test_a_file_that_is_not_word_is_refused_naming_it(store, repo):
    with pytest.raises(ReportTemplateError, match=r"notes\.docx cannot be read as a Word"):
        upload_template(store, repo, name="notes.docx", data=b"just some text, not a zip")
    assert store.files(TEMPLATE) == []
    assert audit_events(repo) == []


def test_a_zip_bomb_is_refused_naming_it(store, repo, monkeypatch):
    monkeypatch.setenv("EIA_MAX_TEMPLATE_COMPRESSION_RATIO", "50")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("word/document.xml", b"0" * 5_000_000)
    with pytest.raises(ReportTemplateError, match=r"bomb\.docx"):
        upload_template(store, repo, name="bomb.docx", data=buffer.getvalue())
    assert store.files(TEMPLATE) == []


def with_part(name: str, content: bytes) -> bytes:
    """A real .docx with one of its parts replaced."""
    original = zipfile.ZipFile(io.BytesIO(word("{{ doc.title }}")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as changed:
        for item in original.infolist():
            changed.writestr(item, content if item.filename == name else original.read(item))
    return buffer.getvalue()


@pytest.mark.parametrize(
    "content",
    [b"<w:document garbage", b'<?xml version="1.0"?><spreadsheet/>'],
    ids=["broken-xml", "foreign-xml"],
)
def test_a_zip_with_unreadable_word_parts_is_refused_in_plain_words(store, repo, content):
    data = with_part("word/document.xml", content)
    with pytest.raises(ReportTemplateError, match=r"Template odd\.docx could not be used"):
        upload_template(store, repo, name="odd.docx", data=data)
    assert store.files(TEMPLATE) == []


def test_a_template_that_cannot_render_is_refused_at_upload(store, repo):
    broken = word("{{ doc.title }} {{ doc.nonsense }}")
    with pytest.raises(ReportTemplateError, match=r"broken\.docx uses a variable .*nonsense"):
        upload_template(store, repo, name="broken.docx", data=broken)
    hostile = word("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(ReportTemplateError, match=r"hostile\.docx tries something"):
        upload_template(store, repo, name="hostile.docx", data=hostile)
    assert store.files(TEMPLATE) == []


@pytest.mark.parametrize(
    ("csv", "words"),
    [
        ("characteristic,count\nsex,5\n", "needs the columns characteristic, category_id, count"),
        (
            "characteristic,category_id,count\nsex,female,10\nsex,male,many\n",
            "row 3, column count: 'many'",
        ),
        (
            "characteristic,category_id,count\nsex,female,10\nsex,male,4\nsex,female,3\n",
            "row 4, column category_id: sex/female appears twice (first on row 2)",
        ),
        (
            "characteristic,category_id,count\nsex,female,10\nsexx,male,10\n",
            "row 3, column characteristic: 'sexx' is not a characteristic",
        ),
        ("characteristic,category_id,count\n", "needs the columns"),
    ],
)
def test_a_bad_baseline_is_refused_naming_the_file_row_and_column(store, repo, csv, words):
    with pytest.raises((BaselineError, CouncilFileError)) as refused:
        upload_baseline(store, repo, name="ours.csv", data=csv.encode())
    assert "ours.csv" in str(refused.value)
    assert words in str(refused.value)
    assert store.files(BASELINE) == []
    assert audit_events(repo) == []


def test_the_export_is_built_from_the_council_template(store, repo):
    save_assessment(repo, make_assessment(), saved_by="Olu Officer")
    upload_template(store, repo)
    chosen = council_files.council_file(store, TEMPLATE, "council.docx")
    made = export_downloads(repo, REFERENCE, with_charts=False, template=chosen, exported_by="Olu")
    text = all_text(open_docx(made.docx))
    assert f"{MARK}: SEND Strategy 2024-27" in text
    assert made.template_name == "council.docx"
    assert audit_events(repo)[-1].detail.endswith("(council template council.docx)")
    built_in = export_downloads(repo, REFERENCE, with_charts=False)
    assert MARK not in all_text(open_docx(built_in.docx))
    assert built_in.template_name == ""


def test_the_pickers_offer_the_council_baseline_labelled_as_its_own(store, repo):
    assert all("council" not in c.id for c in baseline_choices(None, store))
    upload_baseline(store, repo)
    [info] = store.files(BASELINE)
    own = council_files.baseline_choice(info)
    choices = baseline_choices(None, store)
    assert [c.id for c in choices][:2] == ["census2021-e10000018", own]
    assert choices[1].label == "Your council's own file: residents.csv (uploaded by Ada Admin)"
    assert [c.id for c in baseline_choices("resid", store)][0] == own
    assert own in [c.id for c in cohort_choices(store)]
    assert own not in [c.id for c in baseline_choices(None)]  # no store, no council files


def test_choosing_the_council_baseline_drives_the_comparison(store, repo):
    upload_baseline(store, repo)
    own = council_files.baseline_choice(store.files(BASELINE)[0])
    data = SURVEY_FILE.read_bytes()
    result = analyse_upload(data, SURVEY_FILE.name, baseline=own, council=store)
    assert result.baseline.label == "Our own residents survey 2026"
    shares = {c.id: c.baseline_share for c in result.characteristics["sex"].categories}
    assert shares["female"] == pytest.approx(0.9)
    assert shares["male"] == pytest.approx(0.1)
    shipped = analyse_upload(data, SURVEY_FILE.name, council=store)
    shipped_shares = {c.id: c.baseline_share for c in shipped.characteristics["sex"].categories}
    assert shipped_shares["female"] != pytest.approx(0.9)


def test_a_read_council_baseline_is_used_as_it_is_by_both_choosers(store, repo):
    upload_baseline(store, repo)
    own = council_files.baseline_choice(store.files(BASELINE)[0])
    baseline = council_files.council_baseline(store, own)
    assert choose_baseline(baseline) is baseline
    assert choose_cohort(baseline) is baseline
    assert baseline.counts("sex") == {"female": 900, "male": 100}


def test_a_removed_council_baseline_says_so(store, repo):
    upload_baseline(store, repo)
    own = council_files.baseline_choice(store.files(BASELINE)[0])
    council_files.remove_file(store, repo, actor=ADMIN, kind=BASELINE, name="residents.csv")
    with pytest.raises(BaselineError, match="residents.csv has been removed"):
        analyse_upload(SURVEY_FILE.read_bytes(), SURVEY_FILE.name, baseline=own, council=store)


def test_the_trial_report_has_content_so_a_fault_inside_a_loop_is_found(store, repo):
    # A blank assessment has no contributors, so only the full example reaches the loop.
    looped = word("{% for c in details.contributors %}{{ c.nonsense }}{% endfor %}")
    with pytest.raises(ReportTemplateError, match=r"looped\.docx uses a variable .*nonsense"):
        upload_template(store, repo, name="looped.docx", data=looped)
