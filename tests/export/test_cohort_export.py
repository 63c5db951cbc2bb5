"""The Word EIA says which population each part of the reach was compared with."""

import pytest

from eia_app.services.assessments import read_assessment_file
from eia_app.services.export import export_assessment
from eia_app.services.reach import analyse_survey
from tests.conftest import ROOT
from tests.export.docx_checks import open_docx

SEND = ROOT / "examples" / "send_strategy_2024_27"
STATISTICS = ("chi-squared", "degrees of freedom", "p <", "p =")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    final = read_assessment_file(SEND / "eia_revised_post_consultation.json")
    reach = analyse_survey(SEND / "send_consultation_responses.csv", cohort="ehcp2025-e10000018")
    doc = open_docx(export_assessment(final, reach=reach, with_charts=False).docx)
    return [p.text for p in doc.paragraphs]


def test_the_body_says_the_childs_questions_were_compared_with_the_cohort(texts):
    appendix = texts.index("Appendix A: Reach of the consultation in full")
    body = texts[:appendix]
    child = next(t for t in body if t.startswith("Questions about the child ("))
    assert "were compared with Leicestershire: children and young people with an EHC plan" in child
    assert "the respondents' own answers with Leicestershire: Census 2021" in child
    assert "Asian, Asian British or Asian Welsh (2.6% of the children respondents answered" in child
    for phrase in STATISTICS:
        assert phrase not in child


def test_parents_and_professionals_are_described_apart_in_the_body(texts):
    appendix = texts.index("Appendix A: Reach of the consultation in full")
    body = texts[:appendix]
    parents = next(t for t in body if t.startswith("Parents and carers (846 respondents)"))
    professionals = next(t for t in body if t.startswith("Professionals (382 respondents)"))
    assert "Male (18% of respondents against 48.9% of Leicestershire's usual residents" in parents
    assert "of Leicestershire's usual residents" in professionals


def test_the_appendix_has_the_childrens_tables_cited_against_the_cohort(texts):
    appendix = texts.index("Appendix A: Reach of the consultation in full")
    headings = [t for t in texts[appendix:] if t.endswith(" of the children")]
    assert [h.split(" ", 1)[1] for h in headings] == [
        "Age of the children",
        "Race of the children",
        "Sex of the children",
    ]
    race = texts.index(headings[1])
    compared = next(t for t in texts[race:] if t.startswith("Compared with: "))
    assert compared.startswith("Compared with: Leicestershire's children and young people with")


def test_eia_export_compares_a_survey_with_the_cohort_it_is_given(tmp_path, capsys):
    from eia_app.cli.app import main

    out = tmp_path / "revised.docx"
    args = ["export", str(SEND / "eia_revised_post_consultation.json"), "--no-charts"]
    args += ["--survey", str(SEND / "send_consultation_responses.csv")]
    args += ["--cohort", "ehcp2025-e10000018", "-o", str(out)]
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 0, capsys.readouterr().err
    texts = [p.text for p in open_docx(out.read_bytes()).paragraphs]
    assert any(t.startswith("Questions about the child (") for t in texts)
    assert "Age of the children" in " ".join(texts)


def test_eia_export_refuses_a_cohort_for_saved_results(tmp_path, capsys):
    from eia_app.cli.app import main

    saved = tmp_path / "reach.json"
    saved.write_text(
        analyse_survey(SEND / "send_consultation_responses.csv").model_dump_json(),
        encoding="utf-8",
    )
    args = ["export", str(SEND / "eia_revised_post_consultation.json"), "--reach", str(saved)]
    args += ["--cohort", "ehcp2025-e10000018", "-o", str(tmp_path / "o.docx")]
    with pytest.raises(SystemExit) as done:
        main(args)
    assert done.value.code == 2
    assert "--baseline and --cohort apply to --survey" in capsys.readouterr().err
    assert not (tmp_path / "o.docx").exists()


def test_the_childrens_tables_in_the_appendix_each_have_their_chart():
    from tests.export.builders import require_browser

    require_browser()
    final = read_assessment_file(SEND / "eia_revised_post_consultation.json")
    reach = analyse_survey(SEND / "send_consultation_responses.csv", cohort="ehcp2025-e10000018")
    doc = open_docx(export_assessment(final, reach=reach).docx)
    titles = [shape._inline.docPr.get("title", "") for shape in doc.inline_shapes]
    children = [t for t in titles if "of the children" in t]
    assert children == [
        "Age of the children: reach chart",
        "Race of the children: reach chart",
        "Sex of the children: reach chart",
    ]
