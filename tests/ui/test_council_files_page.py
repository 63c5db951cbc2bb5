"""AppTest tests of the Templates and baselines page, and of the Export page using its template.

Sign-in is the provider's, which AppTest cannot reach, so a test that needs a signed-in
person replaces ``signin.who_is_here`` with one returning that person, roles and all;
everything after it (the actor kept for the run, the permission rules) is the app's own.
"""

from eia_app.domain.audit import AuditAction
from eia_app.domain.permissions import Action, Actor, Role, can
from eia_app.services.audit import audit_events
from eia_app.services.workspace import open_workspace
from eia_app.ui.export_page import DOWNLOADS_KEY
from tests.export.docx_checks import all_text as docx_text
from tests.export.docx_checks import open_docx
from tests.services.test_council_files import MARK, word
from tests.ui.test_app_smoke import all_text, go_to, start_app

PAGE = "council_files"
ADMIN = Actor(name="Ada Admin", email="ada@council.example", roles=frozenset({Role.ADMINISTRATOR}))
OFFICER = Actor(name="Olu Officer", email="olu@council.example", roles=frozenset({Role.OFFICER}))
# The uploaders' keys until a file is kept (each keep gives a new, empty uploader).
TEMPLATE_UPLOAD = "eia.files.upload.template.0"
BASELINE_UPLOAD = "eia.files.upload.baseline.0"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SEX = "Sex: respondents compared with the population"


def click(at, label: str):
    at = next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def listed(at) -> list[dict]:
    return [row for frame in at.dataframe for row in frame.value.to_dict("records")]


def test_an_administrator_uploads_a_template_sees_it_listed_and_removes_it(database_url, signed_in):
    signed_in(ADMIN)
    at = go_to(start_app(), PAGE, reference=None)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Templates and baselines"]
    assert "No template has been uploaded" in all_text(at)
    at.file_uploader(key=TEMPLATE_UPLOAD).set_value(
        ("../council.docx", word(f"{MARK} {{{{ doc.title }}}}"), DOCX)
    )
    at = click(at.run(), "Check and keep the template")
    assert [s.value for s in at.success] == ["council.docx was checked and kept."]
    # The uploader is empty again: pressing the button twice keeps the file once.
    [uploader] = [u for u in at.get("file_uploader") if u.label.startswith("Word template")]
    assert uploader.value is None
    at = click(at, "Check and keep the template")
    assert [e.value for e in at.error][0].startswith("There is a problem: choose a file first")
    [row] = listed(at)
    assert (row["Name"], row["Uploaded by"], row["E-mail"]) == (
        "council.docx",
        "Ada Admin",
        "ada@council.example",
    )
    assert "Delete council.docx from the council's files" in [b.label for b in at.button]
    [event] = [
        e
        for e in audit_events(open_workspace(database_url))
        if e.action is AuditAction.TEMPLATE_CHANGED
    ]
    assert (event.actor, event.actor_email) == ("Ada Admin", "ada@council.example")
    assert event.detail.startswith("council.docx uploaded")
    at = click(at, "Delete council.docx from the council's files")
    assert [s.value for s in at.success] == ["council.docx was removed."]
    assert listed(at) == []
    assert "Delete council.docx from the council's files" not in [b.label for b in at.button]


def test_a_bad_baseline_is_refused_naming_its_row_and_column(database_url, signed_in):
    signed_in(ADMIN)
    at = go_to(start_app(), PAGE, reference=None)
    bad = b"characteristic,category_id,count\nsex,female,10\nsex,male,lots\n"
    at.file_uploader(key=BASELINE_UPLOAD).set_value(("ours.csv", bad, "text/csv"))
    at = click(at.run(), "Check and keep the baseline")
    [error] = [e.value for e in at.error]
    assert error.startswith("There is a problem: Baseline file ours.csv, row 3, column count")
    assert listed(at) == []


def test_what_a_refused_file_holds_is_shown_as_typed_not_as_markdown(database_url):
    at = go_to(start_app(), PAGE, reference=None)
    tracker = "![x](https://tracker.example/p.png)"
    bad = f"characteristic,category_id,count\n{tracker},female,10\n".encode()
    at.file_uploader(key=BASELINE_UPLOAD).set_value(("ours.csv", bad, "text/csv"))
    at = click(at.run(), "Check and keep the baseline")
    [error] = [e.value for e in at.error]
    assert "row 2, column characteristic" in error
    assert tracker not in error
    assert "\\!\\[x\\](https://tracker.example/p.png)" in error


def test_an_officer_sees_why_not_and_no_uploader(database_url, signed_in):
    signed_in(OFFICER)
    at = go_to(start_app(), PAGE, reference=None)
    assert not at.exception, at.exception
    assert can(OFFICER, Action.MANAGE_TEMPLATES).reason in [i.value for i in at.info]
    assert not at.get("file_uploader")
    assert not [b for b in at.button if b.label.startswith(("Check and keep", "Remove"))]
    links = [str(link.proto.label) for link in at.sidebar.get("page_link")]
    assert "Templates and baselines" not in links


def test_single_user_mode_lists_this_page_but_not_people_and_roles(database_url):
    at = go_to(start_app(), "library", reference=None)
    links = [str(link.proto.label) for link in at.sidebar.get("page_link")]
    assert "Templates and baselines" in links
    assert "People and roles" not in links
    at = go_to(at, PAGE, reference=None)
    assert at.get("file_uploader")


def test_the_export_page_uses_the_council_template_unless_told_not_to(database_url):
    at = go_to(start_app(), PAGE, reference=None)
    at.file_uploader(key=TEMPLATE_UPLOAD).set_value(
        ("council.docx", word(f"{MARK}: {{{{ doc.title }}}}"), DOCX)
    )
    at = click(at.run(), "Check and keep the template")
    at = go_to(at, "export")
    assert not at.exception, at.exception
    text = all_text(at)
    assert "built from the council's template council.docx, uploaded by Test Officer" in text
    at = click(at, "Prepare the downloads")
    made = at.session_state[DOWNLOADS_KEY]
    assert made.template_name == "council.docx"
    assert MARK in docx_text(open_docx(made.docx))
    picker = next(r for r in at.radio if r.label == "Word template")
    at = picker.set_value("").run()
    at = click(at, "Prepare the downloads")
    made = at.session_state[DOWNLOADS_KEY]
    assert made.template_name == ""
    assert MARK not in docx_text(open_docx(made.docx))


def test_the_reach_page_compares_with_a_council_baseline_when_chosen(database_url):
    from tests.ui.test_reach_page import choose, reach_page, table_rows, upload

    at = go_to(start_app(), PAGE, reference=None)
    own = (
        b"characteristic,category_id,count,baseline_label\n"
        b"sex,female,900,Our residents\nsex,male,100,\n"
    )
    at.file_uploader(key=BASELINE_UPLOAD).set_value(("residents.csv", own, "text/csv"))
    click(at.run(), "Check and keep the baseline")
    at = upload(reach_page())
    picker = next(s for s in at.selectbox if s.label == "Compare the respondents with")
    assert "Your council's own file: residents.csv (uploaded by Test Officer)" in picker.options
    # The population share column: Leicestershire's Census figure, then the council's own.
    assert table_rows(at, SEX)["Female"][3] == "51.1%"
    choose(picker, "Your council's own file: residents.csv").run()
    assert not at.exception, at.exception
    assert table_rows(at, SEX)["Female"][3] == "90.0%"
    assert table_rows(at, SEX)["Male"][3] == "10.0%"
    assert "**Our residents**" in "\n".join(str(m.value) for m in at.markdown)
