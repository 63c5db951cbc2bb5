"""Drawing a reach result: what was read, each characteristic's table and chart, opinions.

The same drawing serves a fresh analysis and a result saved with the assessment, so
a manager who opens the assessment later sees what the analyst saw, without the file.
"""

import hashlib
from typing import Any

import streamlit as st

from eia_app.charts.reach import build_reach_figure, describe_flags, describe_reach_chart
from eia_app.domain.opinion_findings import opinion_findings
from eia_app.domain.publication import SYMBOL_LEGEND
from eia_app.domain.reach import CharacteristicReach, ReachResult, SurveyLayout
from eia_app.services.reach_tables import (
    CATEGORY_HEADINGS,
    ReachView,
    characteristic_rows,
    flag_sentence,
    number,
    opinion_headings,
    opinion_rows,
)
from eia_app.ui.components import heading
from eia_app.ui.tables import html_table

LAYOUT_NAMES = {
    SurveyLayout.CITIZEN_SPACE: "Citizen Space",
    SurveyLayout.SMARTSURVEY: "SmartSurvey",
    SurveyLayout.SURVEYMONKEY: "SurveyMonkey",
    SurveyLayout.QUALTRICS: "Qualtrics",
    SurveyLayout.MICROSOFT_FORMS: "Microsoft Forms",
    SurveyLayout.GOOGLE_FORMS: "Google Forms",
    SurveyLayout.PLAIN: "a plain table (one header row)",
}
_WIDE = "14em"
_NARROW = "6em"


# Figures kept for the results in the session (8 results x about 12 characteristics).
FIGURES_KEY = "eia.reach.figures"
MAX_FIGURES = 120


def short_key(text: str) -> str:
    """A widget-key part for any text (headers and answers can be long or odd)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def show_source(result: ReachResult, target_labels: dict[str, str]) -> None:
    """Say what was read: the file, layout, encoding or sheet, and each question found.

    Args:
        result: The analysis.
        target_labels: "target[:part]" -> words, for the "Read as" column.
    """
    source = result.source
    where = [f"Layout: {LAYOUT_NAMES.get(source.layout, source.layout.value)}"]
    where.append(f"Encoding: {source.encoding}" if source.encoding else f"Sheet: {source.sheet}")
    st.markdown(
        f"**File:** {source.file}. {'. '.join(where)}. **Responses:** {result.respondents:,}."
    )
    rows = []
    for question in result.questions:
        value = question.target
        if question.target == "disability" and question.part:
            value = f"disability:{question.part}"
        label = target_labels.get(value, target_labels.get(question.target, question.target))
        rows.append(
            (question.column, label, f"{question.confidence * 100:.0f}%", question.reason or "")
        )
    headers = [("Column", "18em"), ("Read as", "10em"), ("Confidence", _NARROW), ("Why", _WIDE)]
    st.markdown(html_table("Questions recognised", headers, rows), unsafe_allow_html=True)


def show_reach(result: ReachResult, view: ReachView) -> None:
    """Show the figures of everyone, or of one group: summary, tables, charts, opinions.

    Args:
        result: The analysis (for the baseline and the suppression rule).
        view: The part of it being shown.
    """
    heading("Who responded", 2)
    who = f"the group “{view.group}”" if view.group else "all respondents"
    baseline = result.baseline
    st.markdown(
        f"Figures for {who}: {view.respondents:,} responses, compared with "
        f"**{baseline.label}** ({baseline.universe})."
    )
    if baseline.note:
        st.caption(baseline.note)
    # Advice for the analyst: on screen only, never in the exported document.
    for note in result.notes_for_author:
        st.info(note)
    rule = (
        "Every count is shown: for internal analysis only, do not publish."
        if result.suppression_off
        else f"Counts from 1 to {result.min_count - 1} are withheld to protect privacy."
    )
    legend = "; ".join(f"{symbol} {words}" for symbol, words in SYMBOL_LEGEND.items())
    st.markdown(f"{rule} Symbols in the tables: {legend}.")
    _summary(view)
    for cid, block in view.characteristics.items():
        _characteristic(cid, block, view.group)
    _opinions(result, view)
    if view.group is None:
        _cohort(result)
        _respondent_groups(result)


def _cohort(result: ReachResult) -> None:
    """The questions about the child, compared with the cohort chosen."""
    if result.cohort is None:
        return
    heading("About the child: compared with the cohort", 2)
    st.markdown(
        f"Questions about the child are compared with **{result.cohort.baseline.label}**; "
        f"the respondents' own answers above with **{result.baseline.label}**."
    )
    if not result.cohort.characteristics:
        st.markdown("No question about the child was recognised in this file.")
    for cid, block in result.cohort.characteristics.items():
        _characteristic(f"cohort.{cid}", block, None)


def _respondent_groups(result: ReachResult) -> None:
    """Parents and carers apart from professionals: each characteristic's finding."""
    groups = result.respondent_groups
    if groups is None:
        return
    heading("Parents and carers apart from professionals", 2)
    if groups.note:
        st.markdown(groups.note)
    for name, part in groups.groups.items():
        heading(f"{name}: {part.respondents:,} respondents", 3)
        st.markdown(
            "\n".join(
                f"- **{block.label}**: {flag_sentence(block)}"
                for block in part.characteristics.values()
            )
        )


def _summary(view: ReachView) -> None:
    heading("Who is under- or over-represented", 3)
    lines = [
        f"- **{block.label}**: {flags}"
        for block in view.characteristics.values()
        if (flags := describe_flags(block.categories))
    ]
    st.markdown(
        "\n".join(lines)
        if lines
        else "No group is flagged as under- or over-represented against the population."
    )


def _figure(block: CharacteristicReach) -> Any:
    """The block's figure, built once per result.

    Results are kept (and reused) in the session, so a rerun for another split or
    population does not build unchanged charts again.
    """
    built: dict[int, tuple[CharacteristicReach, Any]] = st.session_state.setdefault(FIGURES_KEY, {})
    cached = built.get(id(block))
    if cached is None or cached[0] is not block:
        if len(built) >= MAX_FIGURES:
            built.clear()
        cached = (block, build_reach_figure(block.label, block))
        built[id(block)] = cached
    return cached[1]


def _characteristic(cid: str, block: CharacteristicReach, group: str | None) -> None:
    heading(block.label, 3)
    st.markdown(
        f"Question: {block.question}  \nAnswered {number(block.answered)}; prefer not to say "
        f"{number(block.prefer_not_to_say)}; not answered {number(block.not_answered)}."
    )
    st.markdown(flag_sentence(block))
    st.caption(f"Compared with: {block.population or block.universe or 'no population figure'}.")
    widths = [("Category", "16em"), *[(h, _NARROW) for h in CATEGORY_HEADINGS[1:]]]
    caption = f"{block.label}: respondents compared with the population"
    st.markdown(html_table(caption, widths, characteristic_rows(block)), unsafe_allow_html=True)
    alternative = describe_reach_chart(block.label, block)
    chart, words = st.columns([3, 2])
    with chart:
        st.plotly_chart(
            _figure(block),
            key=f"eia.reach.chart.{short_key(group or '')}.{cid}",
            config={"displaylogo": False},
            # The figure's own colours and hatching (as in the Word export), not the
            # Streamlit theme, which repaints the population bars.
            theme=None,
            alt=alternative,
        )
    with words:
        st.markdown(f"**The chart in words**\n\n{alternative}")
    for note in block.notes:
        st.markdown(f"Note: {note}")
    reconciled = "; ".join(f"{words} {count:,}" for words, count in block.reconciliation())
    if reconciled:
        st.markdown(
            f"Also counted, to make up the {block.respondents:,} respondents: {reconciled}."
        )
    if block.unrecognised:
        listed = ", ".join(f"“{raw}” ({number(n)})" for raw, n in block.unrecognised.items())
        st.markdown(f"Answers not placed in a category: {listed}.")


def _opinions(result: ReachResult, view: ReachView) -> None:
    if not view.opinions:
        return
    heading("Opinion questions by group", 2)
    found = opinion_findings(
        view.opinions, view.characteristics, small_group=result.thresholds.small_group
    )
    for findings, (question, by_characteristic) in zip(found, view.opinions.items(), strict=True):
        heading(question, 3)
        lines = [f"- {sentence}" for sentence in findings.sentences]
        if not findings.differences:
            lines.insert(0, "No group's answers differ from other respondents' beyond chance.")
        st.markdown("\n".join(lines))
        with st.expander("Answers by group, as percentages of each group"):
            for cid, table in by_characteristic.items():
                block = view.characteristics.get(cid)
                label = block.label if block else cid
                labels = block.labels if block else {}
                headers = [("Group", "12em"), *[(h, _NARROW) for h in opinion_headings(table)[1:]]]
                st.markdown(
                    html_table(f"{label}: {question}", headers, opinion_rows(table, labels)),
                    unsafe_allow_html=True,
                )
