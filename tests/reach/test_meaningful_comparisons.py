"""Meaningful comparisons in plain words: complements, one universe, material gaps only."""

import csv
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
from eia_app.analysis.category_counts import CategoryTally
from eia_app.analysis.representation import Thresholds, category_result
from eia_app.charts.reach import describe_flags, describe_reach_chart
from eia_app.cli.app import cli
from eia_app.domain.assessment import Assessment
from eia_app.domain.opinion_findings import opinion_findings, opinion_sentences
from eia_app.domain.reach import OpinionCrosstab, OpinionFlag, OpinionRow, RepresentationFlag
from eia_app.domain.reach_findings import findings, flag_sentence
from eia_app.export.implications import reach_sentence
from eia_app.export.reach_context import build_reach_context
from eia_app.export.summary import build_equality_implications
from eia_app.services.reach import analyse_survey
from eia_app.services.reference import get_registry

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "send_strategy_2024_27"
SEND = EXAMPLE / "send_consultation_responses.csv"
COMPLEMENTS = {
    "carers": "not_carer",
    "disability": "not_disabled",
    "gender_reassignment": "same_as_birth_sex",
    "pregnancy_maternity": "not_pregnant_or_recent_birth",
    "armed_forces": "not_armed_forces_community",
}
STATISTICS_WORDS = ("95% interval", "chi-squared", "chi-square", "degrees of freedom", " pp")


@pytest.fixture(scope="module")
def send():
    return analyse_survey(SEND)


@pytest.fixture(scope="module")
def paragraph(send):
    revised = EXAMPLE / "eia_revised_post_consultation.json"
    assessment = Assessment.model_validate_json(revised.read_text(encoding="utf-8"))
    return build_equality_implications(assessment, reach=send)


def _named_gaps(sentence: str) -> list[float]:
    return [float(n) for n in re.findall(r"([\d.]+) percentage points (?:below|above)", sentence)]


def test_the_registry_marks_each_yes_no_complement():
    registry = get_registry()
    assert {g.id: g.complement for g in registry.groups if g.complement} == COMPLEMENTS


def test_send_paragraph_names_no_complement_and_no_small_gap(send, paragraph):
    reach_part = reach_sentence(send)
    assert reach_part in paragraph
    complements = [
        c.label for block in send.characteristics.values() for c in block.categories if c.complement
    ]
    assert "Does not provide unpaid care" in complements  # under-represented, yet never named
    for label in complements:
        assert label not in reach_part
    gaps = _named_gaps(reach_part)
    assert gaps
    assert min(gaps) >= 2
    assert gaps[0] == max(gaps)  # largest gap first


def test_send_paragraph_compares_age_like_the_rest_and_names_asian_families_and_men(
    send, paragraph
):
    age = send.characteristics["age"]
    assert age.universe == send.characteristics["race"].universe
    assert age.universe == "usual residents aged 16 and over"
    assert "Under 16" not in paragraph
    assert "Asian, Asian British or Asian Welsh (3.1% of respondents against 7.9%" in paragraph
    male = "Male (21.9% of respondents against 48.9% of Leicestershire's usual residents aged 16"
    assert male in paragraph


def test_send_paragraph_names_five_groups_then_how_many_more(send):
    under = findings(send.characteristics.values(), RepresentationFlag.UNDER)
    assert len(under) > 5
    sentence = reach_sentence(send)
    assert len(_named_gaps(sentence)) == 5
    assert f"and {len(under) - 5} more in the appendix." in sentence


def _all_complements_survey(tmp_path: Path) -> Path:
    """Every respondent is in the protected group, so every complement is under-represented."""
    with SEND.open(encoding="utf-8-sig", newline="") as handle:
        headers = next(csv.reader(handle))
    result = analyse_survey(SEND)
    by_target = {q.target: q.column for q in result.questions if q.target in COMPLEMENTS}
    disability = [q.column for q in result.questions if q.target == "disability"]
    answers = {
        by_target["carers"]: "Yes",
        by_target["gender_reassignment"]: "No",
        by_target["pregnancy_maternity"]: "Yes",
        by_target["armed_forces"]: "Yes",
        **dict.fromkeys(disability, "Yes, a lot"),
    }
    wanted = [h for h in headers if h in answers]
    path = tmp_path / "complements.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(wanted)
        for n in range(200):
            # A few in each complement, enough to be shown and flagged as under.
            row = {c: answers[c] for c in wanted}
            if n % 20 == 0:
                row = {c: ("No" if answers[c] != "No" else "Yes") for c in wanted}
            writer.writerow([row[c] for c in wanted])
    return path


def test_a_survey_where_every_complement_is_under_represented_names_none(tmp_path):
    result = analyse_survey(_all_complements_survey(tmp_path))
    complements = [
        (block, c)
        for block in result.characteristics.values()
        for c in block.categories
        if c.complement
    ]
    flagged = [c for _, c in complements if c.flag is RepresentationFlag.UNDER]
    assert {c.id for c in flagged} >= {"not_carer", "not_disabled", "not_armed_forces_community"}
    context = build_reach_context(result)
    sentences = [reach_sentence(result)]
    for block in result.characteristics.values():
        sentences += [flag_sentence(block), describe_flags(block.categories)]
        sentences.append(describe_reach_chart(block.label, block))
    sentences += [c["flag_sentence"] for c in context["characteristics"]]
    terminal = CliRunner().invoke(cli, ["reach", str(tmp_path / "complements.csv")]).output
    sentences += [line for line in terminal.splitlines() if "Finding:" in line]
    # The chart's text alternative lists every bar's figures; what matters is that no
    # sentence names a complement among the under- or over-represented groups.
    named = [part for s in sentences for part in s.split("represented:")[1:]]
    assert named  # the protected groups themselves are named
    for _, category in complements:
        for part in named:
            assert category.label not in part, part
    rows = [
        r for c in context["characteristics"] for r in c["rows"] if r["label"] == "Not disabled"
    ]
    assert rows
    assert rows[0]["flag"] == "Comparison group"


def test_parity_only_for_under_represented_groups_that_are_not_the_majority(send):
    rows = [c for block in send.characteristics.values() for c in block.categories]
    with_parity = [c for c in rows if c.needed_for_parity]
    assert with_parity
    for c in with_parity:
        assert c.flag is RepresentationFlag.UNDER
        assert c.baseline_share is not None
        assert c.baseline_share < 0.5
    majority = category_result(CategoryTally("white", "White", 300), 1000, 0.6, Thresholds())
    assert majority.flag == "under"
    assert majority.needed_for_parity is None
    minority = category_result(CategoryTally("asian", "Asian", 30), 1000, 0.08, Thresholds())
    assert minority.needed_for_parity == 55


def test_rows_without_a_population_figure_say_no_comparison(send):
    context = build_reach_context(send)
    pregnancy = next(c for c in context["characteristics"] if c["id"] == "pregnancy_maternity")
    category_rows = pregnancy["rows"][:2]
    assert [r["flag"] for r in category_rows] == ["No comparison", "No comparison"]
    assert all(r["flag"] != "In line" for r in category_rows)


def test_a_gap_under_two_points_is_not_flagged_unless_the_threshold_is_lowered(send):
    mixed = next(c for c in send.characteristics["race"].categories if c.id == "mixed")
    assert mixed.gap_pp is not None
    assert 0 < mixed.gap_pp < 2
    assert mixed.flag is None
    assert send.thresholds.min_gap_pp == 2
    lowered = analyse_survey(SEND, thresholds={"min_gap_pp": 0})
    again = next(c for c in lowered.characteristics["race"].categories if c.id == "mixed")
    assert again.flag is RepresentationFlag.OVER


def test_every_table_reconciles_to_the_respondents(send):
    context = build_reach_context(send)
    for block, entry in zip(send.characteristics.values(), context["characteristics"], strict=True):
        shown = sum(c.count for c in block.categories if c.count is not None)
        assert shown + sum(n for _, n in block.reconciliation()) == send.respondents
        total = entry["rows"][-1]
        assert (total["label"], total["count"]) == ("All respondents", f"{send.respondents:,}")
        counts = [r["count"] for r in entry["rows"][:-1] if r["count"] != "[c]"]
        assert sum(int(n.replace(",", "")) for n in counts) == send.respondents, block.label
    race = dict(send.characteristics["race"].reconciliation())
    assert race["Did not answer"] == 110
    assert sum(race.values()) == 1538 - 1379  # 1,379 answered, the rest accounted for


def test_findings_sentences_use_plain_words(send):
    context = build_reach_context(send)
    sentences = [reach_sentence(send)]
    for entry in context["characteristics"]:
        sentences += [entry["flag_sentence"], *entry["notes"]]
    for sentence in sentences:
        for words in STATISTICS_WORDS:
            assert words not in sentence, sentence
        assert "Merge small categories" not in sentence
        assert "No baseline was chosen" not in sentence
    assert any("percentage points below" in s for s in sentences)
    methods = context["methods"]["lines"]
    assert any("chi-squared" in line and "degrees of freedom" in line for line in methods)
    assert any("not a random sample" in line for line in methods)
    assert any("No baseline was chosen" in note for note in send.notes_for_author)


def test_a_small_group_is_too_few_to_detect_a_difference():
    table = OpinionCrosstab(
        answers=("Agree", "Disagree"),
        agree_answers=("Agree",),
        rows=(
            OpinionRow(group="a", count=19, counts={"Agree": 9, "Disagree": 10},
                       row_percent={"Agree": 47.4, "Disagree": 52.6}, agree_share=0.4737),
            OpinionRow(group="b", count=400, counts={"Agree": 320, "Disagree": 80},
                       row_percent={"Agree": 80.0, "Disagree": 20.0}, agree_share=0.8),
        ),
    )  # fmt: skip
    said = opinion_sentences(table, {"a": "Asian", "b": "White"}, small_group=30)
    assert said == ["Asian: too few responses to detect a difference, n = 19."]


def test_a_flagged_opinion_is_said_as_one_in_n_against_the_others():
    table = OpinionCrosstab(
        answers=("Agree", "Disagree"),
        agree_answers=("Agree",),
        rows=(
            OpinionRow(group="a", count=60, counts={"Agree": 20, "Disagree": 40},
                       row_percent={}, agree_share=1 / 3, flag=OpinionFlag.LESS_AGREE),
            OpinionRow(group="b", count=400, counts={"Agree": 320, "Disagree": 80},
                       row_percent={}, agree_share=0.8, flag=OpinionFlag.MORE_AGREE),
        ),
    )  # fmt: skip
    said = opinion_sentences(table, {"a": "Asian", "b": "White"}, small_group=30)
    assert said[0].startswith("About 1 in 3 Asian respondents agreed, against about 8 in 10")
    assert "chi" not in " ".join(said)
    # With two groups the second's figures only mirror the first's: one sentence.
    assert len(said) == 1


def _three_groups(small: int = 12) -> OpinionCrosstab:
    return OpinionCrosstab(
        answers=("Agree", "Disagree"),
        agree_answers=("Agree",),
        rows=(
            OpinionRow(group="a", count=60, counts={"Agree": 20, "Disagree": 40},
                       row_percent={}, agree_share=1 / 3, flag=OpinionFlag.LESS_AGREE),
            OpinionRow(group="b", count=400, counts={"Agree": 320, "Disagree": 80},
                       row_percent={}, agree_share=0.8, flag=OpinionFlag.MORE_AGREE),
            OpinionRow(group="c", count=small, counts={"Agree": 6, "Disagree": small - 6},
                       row_percent={}, agree_share=6 / small),
        ),
    )  # fmt: skip


def test_opinion_findings_of_a_result_use_the_characteristics_labels(send):
    table = _three_groups()
    table = table.model_copy(
        update={"rows": tuple(r.model_copy(update={"group": g}) for r, g in
                              zip(table.rows, ("asian", "white", "black"), strict=True))}
    )  # fmt: skip
    found = opinion_findings({"Q1": {"race": table}}, send.characteristics, small_group=30)
    assert [f.question for f in found] == ["Q1"]
    sentences = found[0].sentences
    asian = "Asian, Asian British or Asian Welsh"
    assert sentences[0].startswith(f"About 1 in 3 {asian} respondents agreed")
    assert "against about 8 in 10 other respondents" in sentences[0]  # 326 of 412
    black = send.characteristics["race"].labels["black"]
    assert sentences[-1] == f"{black}: too few responses to detect a difference, n = 12."
    assert found[0].differences == sentences[:2]


def test_the_small_group_threshold_is_the_results_setting():
    table = _three_groups(small=40)
    at_30 = opinion_sentences(table, {}, small_group=30, characteristic="race")
    at_50 = opinion_sentences(table, {}, small_group=50, characteristic="race")
    assert not any("too few" in s for s in at_30)
    assert at_50[-1] == "c: too few responses to detect a difference, n = 40."


def test_a_complement_is_not_described_and_close_shares_are_given_as_percentages():
    table = OpinionCrosstab(
        answers=("Agree", "Disagree"),
        agree_answers=("Agree",),
        rows=(
            OpinionRow(group="not_disabled", count=500, counts={"Agree": 460, "Disagree": 40},
                       row_percent={}, agree_share=0.92, flag=OpinionFlag.MORE_AGREE),
            OpinionRow(group="disabled", count=300, counts={"Agree": 258, "Disagree": 42},
                       row_percent={}, agree_share=0.86, flag=OpinionFlag.LESS_AGREE),
        ),
    )  # fmt: skip
    said = opinion_sentences(
        table,
        {"disabled": "Disabled", "not_disabled": "Not disabled"},
        small_group=30,
        characteristic="disability",
        complement="not_disabled",
    )
    assert len(said) == 1
    assert said[0].startswith("86% of Disabled respondents agreed, against 92% of other")


def test_children_invited_compares_age_over_all_ages(send):
    invited = analyse_survey(SEND, children_invited=True)
    assert invited.children_invited is True
    age = invited.characteristics["age"]
    assert [c.id for c in age.categories][0] == "0-15"
    assert age.categories[0].baseline_share is not None
    assert any("Children under 16 were invited" in note for note in age.notes)
    assert send.characteristics["age"].categories[0].id == "16-17"
    assert [c.label for c in send.characteristics["age"].outside_universe] == ["Under 16"]


def test_the_cli_sets_thresholds_and_children_invited():
    runner = CliRunner()
    result = runner.invoke(
        cli, ["reach", str(SEND), "--threshold", "min_gap_pp=5", "--children-invited"]
    )
    assert result.exit_code == 0, result.output
    assert "gap of at least 5 percentage points" in result.output
    assert "Children under 16 were invited" in result.output
    bad = runner.invoke(cli, ["reach", str(SEND), "--threshold", "min_gap_pp"])
    assert bad.exit_code != 0


def test_word_context_has_each_opinion_question_with_its_plain_findings(send):
    opinions = build_reach_context(send)["opinions"]
    assert [o["question"] for o in opinions] == list(send.opinions)
    early = opinions[0]["sentences"]
    assert any(s.startswith("About 7 in 10 respondents aged under 16 agreed") for s in early)
    assert any(s.endswith("too few responses to detect a difference, n = 19.") for s in early)
    assert not any("chi-squared" in s or "p =" in s for o in opinions for s in o["sentences"])
    assert build_reach_context(None)["opinions"] == []
