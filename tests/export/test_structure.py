"""The exported SEND EIA is built for its readers: summary, contents, numbering, landscape tables.

Also: no test statistic outside the methods appendix, and no wording about the
software or instructions to the author anywhere in the document.
"""

import re

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from eia_app.services.assessments import read_assessment_file
from eia_app.services.export import export_assessment
from eia_app.services.reach import analyse_survey
from tests.conftest import ROOT
from tests.export.docx_checks import open_docx

SEND = ("examples", "send_strategy_2024_27")
STORED_VERSION = "2 (saved 6 June 2025 by SEND Strategy Lead)"

# Wording about the software, instructions to the author and code-repository wording.
SOFTWARE_WORDING = (
    "No baseline was chosen",
    "was used",
    "Not stored in the library",
    "EIA_",
    "--",
    "repository",
    "github",
    ".csv",
    ".json",
    "catalogue",
)
# "run " and "setting" are ordinary words in the assessment's own text ("will run
# listening sessions", "school or setting"); as instructions they name a command or
# a setting, which these patterns catch.
SOFTWARE_PATTERNS = (
    r"\brun (?:eia|python|the command)\b",
    r"\bsettings?\s+(?:EIA_|`|--|[A-Z][A-Z_]{3,}\b)",
    r"\b(?:the|this) setting\b",
    r"\bEIA_[A-Z]",
)
STATISTICS = ("chi-squared", "degrees of freedom", "p <", "p =", "95% interval", " pp")
ENGINE_INSTRUCTIONS = ("Merge small", "before relying")


@pytest.fixture(scope="module")
def send_export():
    root = ROOT.joinpath(*SEND)
    final = read_assessment_file(root / "eia_revised_post_consultation.json")
    consultation = read_assessment_file(root / "eia_consultation_stage.json")
    reach = analyse_survey(root / "send_consultation_responses.csv")
    return export_assessment(
        final, reach=reach, previous=consultation, with_charts=False, version=STORED_VERSION
    )


@pytest.fixture(scope="module")
def send_doc(send_export):
    return open_docx(send_export.docx)


def paragraph_texts(doc) -> list[str]:
    """Every paragraph of the body, table cells included, in reading order."""
    return [
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    ]


def body_and_methods(doc) -> tuple[str, str]:
    texts = paragraph_texts(doc)
    # The methods appendix starts at its heading (the contents line above links to it).
    start = max(i for i, t in enumerate(texts) if t == "Appendix B: Methods")
    return "\n".join(texts[:start]), "\n".join(texts[start:])


def styled(doc, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def test_summary_comes_before_the_contents_and_the_contents_before_section_1(send_doc):
    texts = [p.text for p in send_doc.paragraphs]
    summary = texts.index("Summary")
    contents = texts.index("Contents")
    first = texts.index("1 Version and quality control")
    assert summary < contents < first
    assert send_doc.paragraphs[summary].style.name == "Heading 1"
    # The contents and section 1 each start a page.
    assert send_doc.paragraphs[contents].paragraph_format.page_break_before
    assert send_doc.paragraphs[first].paragraph_format.page_break_before


def test_front_summary_has_the_conclusion_ratings_risks_actions_and_decision(send_doc):
    texts = [p.text for p in send_doc.paragraphs]
    front = texts[: texts.index("Contents")]
    assert "Conclusion: Adjust the proposal" in front
    rows = [[c.text for c in row.cells] for row in send_doc.tables[0].rows]
    # Race is the one rating that changed since the consultation stage.
    assert ["Negative", "Race (was positive)"] in rows
    assert any(t.startswith("1 rating changed since the consultation-stage version") for t in front)
    risks = [t for t in front if t.startswith("Race (negative):")]
    assert len(risks) == 1
    # Disability (a risk), and the armed forces and rural communities (unknown) are risks too.
    assert any(t.startswith("Disability (positive with a risk of negative):") for t in front)
    assert any(t.startswith("Armed forces") and "(unknown):" in t for t in front)
    # The actions are the open ones for those groups, soonest due first, not the first
    # three (done) of the plan; the rest are counted so the page is not spilled.
    actions = [t.split(":")[0] for t in front if re.match(r"A\d+:", t)]
    assert actions == ["A10", "A5", "A7"]
    assert any(
        re.match(r"And \d+ more in the action plan: see the full assessment", t) for t in front
    )
    assert "Decision by: Cabinet, 17 June 2025. Next review: 30 September 2026." in front


def test_headings_are_numbered_and_appendices_lettered(send_doc):
    level1 = styled(send_doc, "Heading 1")
    numbered = [h for h in level1 if h[:1].isdigit()]
    assert numbered[:3] == ["1 Version and quality control", "2 Key details", "3 Screening"]
    assert [int(h.split()[0]) for h in numbered] == list(range(1, len(numbered) + 1))
    assert "Appendix A: Reach of the consultation in full" in level1
    assert "Appendix B: Methods" in level1
    level2 = styled(send_doc, "Heading 2")
    assert "2.1 Contributors" in level2
    assert "A.1 Age" in level2


def test_contents_is_a_toc_field_listing_every_numbered_section(send_doc):
    body = send_doc.element.body
    instructions = [i.text for i in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith('TOC \\o "1-1"') for i in instructions)
    lines = styled(send_doc, "TOC 1")
    numbered = [h for h in styled(send_doc, "Heading 1") if h[:1].isdigit() or h.startswith("Ap")]
    # Each line is the heading, a tab and a page number worked out by a PAGEREF field.
    assert [line.split("\t")[0] for line in lines] == numbered
    assert sum(i.strip().startswith("PAGEREF _Toc_eia_") for i in instructions) == len(lines)
    settings = send_doc.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_headings_stay_with_what_follows(send_doc):
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        assert send_doc.styles[name].paragraph_format.keep_with_next
    body = send_doc.element.body
    for table in body.iterchildren(qn("w:tbl")):
        before = table.getprevious()
        if before is not None and before.tag == qn("w:p"):
            assert before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def _section_of_each_table(doc) -> dict[str, str]:
    """Caption of each table -> orientation of the section it sits in."""
    found, captions = {}, []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            caption = child.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}")
            if caption is not None:
                captions.append(caption.get(qn("w:val")))
        breaks = child.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if child.tag == qn("w:p") else None
        if child.tag == qn("w:sectPr") or breaks is not None:
            size = (breaks if breaks is not None else child).find(qn("w:pgSz"))
            orientation = size.get(qn("w:orient")) or "portrait"
            found.update(dict.fromkeys(captions, orientation))
            captions = []
    return found


def test_wide_tables_sit_in_landscape_sections(send_doc):
    orientation = _section_of_each_table(send_doc)
    for caption in ("Evidence", "Impact on each group", "Human rights", "Action plan"):
        assert orientation[caption] == "landscape", caption
    assert orientation["Version and quality control"] == "portrait"
    landscape = [s for s in send_doc.sections if s.orientation == WD_ORIENT.LANDSCAPE]
    assert len(landscape) == 3
    assert all(s.page_width > s.page_height for s in landscape)


def test_action_plan_has_success_measure_and_progress_columns(send_doc):
    header = next(
        [c.text for c in t.rows[0].cells]
        for t in send_doc.tables
        if t.rows[0].cells[0].text == "Ref" and len(t.columns) == 7
    )
    assert header == [
        "Ref",
        "Action",
        "Issue it addresses",
        "Owner",
        "Due",
        "Success measure",
        "Progress",
    ]


def test_body_has_one_table_of_flagged_groups_and_the_appendix_the_full_reach(send_doc):
    texts = [p.text for p in send_doc.paragraphs]
    reach = texts.index("7.4 Reach of the consultation")
    assert re.match(r"\d+ groups were flagged as under- or over-represented", texts[reach + 1])
    flagged = next(t for t in send_doc.tables if t.rows[0].cells[1].text == "Characteristic")
    header = [c.text for c in flagged.rows[0].cells]
    assert header[0] == "Group"
    # Largest difference first.
    differences = [float(r.cells[5].text.split()[0]) for r in flagged.rows[1:]]
    assert differences == sorted(differences, reverse=True)
    appendix = texts.index("Appendix A: Reach of the consultation in full")
    assert all(texts.index(h) > appendix for h in ("A.1 Age", "A.2 Disability"))


def test_every_table_using_a_symbol_has_a_legend_under_it(send_doc):
    for table in send_doc.element.body.iterchildren(qn("w:tbl")):
        text = "".join(t.text or "" for t in table.iter(qn("w:t")))
        used = [s for s in ("[c]", "[x]", "[z]") if s in text]
        if not used:
            continue
        legend = "".join(t.text or "" for t in table.getnext().iter(qn("w:t")))
        for symbol in used:
            assert symbol in legend
        if "[c]" in used:
            assert "(a count below 5)" in legend


def test_methods_appendix_has_the_statistics_and_the_self_selection_statement(send_doc):
    _, methods = body_and_methods(send_doc)
    assert "not a random sample" in methods
    assert "chi-squared 1734.6, 1 degree of freedom, p < 0.001" in methods
    assert "chi-squared 0.1, 1 degree of freedom, p = 0.741" in methods
    assert "Some expected counts are below 5, so the p-value is approximate." in methods


def test_no_software_wording_or_author_instruction_anywhere(send_doc):
    text = "\n".join(paragraph_texts(send_doc))
    for phrase in SOFTWARE_WORDING:
        assert phrase.lower() not in text.lower(), phrase
    for pattern in SOFTWARE_PATTERNS:
        assert not re.search(pattern, text), pattern


def test_the_author_is_told_on_screen_what_the_document_leaves_out(send_export):
    default = "No baseline was chosen, so the default, Leicestershire: Census 2021, was used"
    assert any(note.startswith(default) for note in send_export.notes)
    assert any(n.startswith("The summary was shortened to fit one page") for n in send_export.notes)


def test_no_test_statistic_or_engine_instruction_outside_the_methods_appendix(send_doc):
    body, _ = body_and_methods(send_doc)
    for phrase in STATISTICS + ENGINE_INSTRUCTIONS:
        assert phrase.lower() not in body.lower(), phrase


def test_views_by_group_are_in_the_body_in_plain_words(send_doc):
    texts = [p.text for p in send_doc.paragraphs]
    start = next(i for i, t in enumerate(texts) if t.endswith("How views differed between groups"))
    end = next(i for i, t in enumerate(texts) if t.endswith("What people said"))
    appendix = texts.index("Appendix A: Reach of the consultation in full")
    assert start < end < appendix  # in the body, after the reach and before what people said
    views = texts[start:end]
    early = next(i for i, t in enumerate(views) if t.startswith("To what extent do you agree"))
    assert "identified and met as early as possible" in views[early]
    under_16 = next(t for t in views if "respondents aged under 16 agreed" in t)
    assert under_16.startswith("About 7 in 10")
    assert "against about 9 in 10 other respondents" in under_16
    assert any(t.endswith("too few responses to detect a difference, n = 19.") for t in views)
    said = "\n".join(views).lower()
    for phrase in STATISTICS:
        assert phrase.lower() not in said, phrase
