"""One free-text question's themes on screen: table, chart, findings, quotes and edits.

The quotes shown are candidates, redacted, and kept in the officer's session only;
each has its own Approve box, and only approved quotes are ever saved or exported.
Renames and merges go through a form, and a split through its own, whose button starts
one new analysis, so that counts and findings are worked out again by the engine,
never patched on screen. A split the engine refuses (a part too small to publish) is
taken back and its reason shown beside the control.
"""

import re

import streamlit as st

from eia_app.charts.themes import (
    flagged_characteristics,
    themes_by_group_figure,
    themes_by_group_text,
)
from eia_app.domain.issues import Issue, IssueLevel
from eia_app.domain.theme_edits import (
    MAX_SPLIT_PARTS,
    SPLIT_PARTS,
    ThemeEdits,
    merged_ids,
    merged_with,
    split_with,
)
from eia_app.domain.themes import OTHER_LABEL, QuestionThemes, count_text, question_summary
from eia_app.ui.components import error_summary, heading
from eia_app.ui.reach_results import short_key
from eia_app.ui.tables import html_table

EDITS_KEY = "eia.themes.edits"
PROBLEMS_KEY = "eia.themes.problems"
# The split just asked for, with the edits before it, until the engine has accepted it.
PENDING_SPLIT_KEY = "eia.themes.pending_split"
NO_FINDING = "No group raised any theme more often than commenters as a whole, beyond chance."
# Characters Markdown would read as formatting or links: a comment is shown as typed.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def plain(text: str) -> str:
    """Text typed by someone else, escaped so that Markdown shows it as written."""
    return _MARKDOWN.sub(r"\\\1", text)


def current_edits(column: str) -> ThemeEdits:
    """The officer's edits to one question so far in this session."""
    edits: dict[str, ThemeEdits] = st.session_state.setdefault(EDITS_KEY, {})
    return edits.get(column) or ThemeEdits(column=column)


def _keep_edits(edits: ThemeEdits) -> None:
    st.session_state.setdefault(EDITS_KEY, {})[edits.column] = edits


def themes_table(question: QuestionThemes) -> None:
    """The table of a question's themes: name, key phrases and how many raised it."""
    rows = [(t.label, ", ".join(t.key_phrases), count_text(t.count)) for t in question.themes]
    if question.other:
        rows.append((OTHER_LABEL, "in no theme", count_text(question.other)))
    headers = [("Theme", "14em"), ("Key phrases", "20em"), ("People", "6em")]
    caption = f"Themes of “{question.column}”"
    st.markdown(html_table(caption, headers, rows), unsafe_allow_html=True)


def findings(question: QuestionThemes) -> None:
    """What each group raised more often, in plain sentences (complements never named)."""
    heading("What each group raised more often", 4)
    sentences = [sentence for theme in question.themes for sentence in theme.findings]
    st.markdown("\n".join(f"- {s}" for s in sentences) if sentences else NO_FINDING)


def _chart(question: QuestionThemes) -> None:
    characteristics = {
        block.characteristic: block.label
        for theme in question.themes
        for block in theme.by_characteristic
    }
    if not characteristics:
        return
    flagged = list(flagged_characteristics(question))
    options = list(characteristics)
    first = options.index(flagged[0]) if flagged else 0
    key = short_key(question.column)
    chosen = str(
        st.selectbox(
            "Chart the themes by",
            options,
            index=first,
            key=f"eia.themes.chart_by.{key}",
            format_func=characteristics.__getitem__,
            help="How many times as often each group raised each theme as all who commented.",
        )
    )
    alternative = themes_by_group_text(question, chosen)
    chart, words = st.columns([3, 2])
    with chart:
        st.plotly_chart(
            themes_by_group_figure(question, chosen),
            key=f"eia.themes.chart.{key}.{chosen}",
            config={"displaylogo": False},
            theme=None,
            alt=alternative,
        )
    with words:
        st.markdown(f"**The chart in words**\n\n{alternative}")


def _quotes(question: QuestionThemes) -> None:
    """Every candidate quote with its Approve box; the approvals go into the edits."""
    heading("Quotes to approve", 4)
    st.markdown(
        "These comments are close to the centre of their theme. E-mail addresses, phone "
        "numbers, postcodes, NHS numbers, web addresses, dates and the names that could be "
        "found are replaced by [brackets]. Read each one before approving it: a detail "
        "such as a school or a rare condition can still identify someone. Only approved "
        "quotes are saved and published."
    )
    edits = current_edits(question.column)
    approved = set(edits.approved_quotes)
    chosen = []
    for theme in question.themes:
        for quote in theme.quotes:
            said = f"> {plain(quote.text)}"
            if quote.attribution:
                said += f"\n>\n> ({plain(quote.attribution)})"
            st.markdown(f"**{plain(theme.label)}**\n\n{said}")
            box = f"eia.themes.approve.{short_key(question.column)}.{theme.id}.{quote.id}"
            if st.checkbox("Approve this quote for publication", value=quote.id in approved,
                           key=box):  # fmt: skip
                chosen.append(quote.id)
    if not any(theme.quotes for theme in question.themes):
        st.markdown("No comment could be offered as a quote.")
    _keep_edits(edits.model_copy(update={"approved_quotes": tuple(dict.fromkeys(chosen))}))


def _apply(question: QuestionThemes, keys: list[tuple[str, str]], merge_key: str) -> None:
    """Keep the names and the merge chosen in the form, for the analysis the rerun starts."""
    edits = current_edits(question.column)
    labels = {t.id: t.label for t in question.themes}
    renames = dict(edits.renames)
    problems = []
    for theme_id, key in keys:
        name = " ".join(str(st.session_state.get(key) or "").split())
        if not name:
            problems.append(
                Issue(level=IssueLevel.ERROR, field=key, label=f"Name of “{labels[theme_id]}”",
                      message="Enter a name for the theme, or keep the name shown.")
            )  # fmt: skip
        elif name != labels[theme_id]:
            renames[theme_id] = name
    merge = [str(m) for m in st.session_state.get(merge_key) or []]
    if len(merge) == 1:
        problems.append(
            Issue(level=IssueLevel.ERROR, field=merge_key, label="Themes to merge",
                  message="Choose two or more themes to merge, or none.")
        )  # fmt: skip
    st.session_state[PROBLEMS_KEY] = {question.column: problems}
    if problems:
        return
    edits = edits.model_copy(update={"renames": renames})
    _keep_edits(merged_with(edits, merge) if merge else edits)
    # The merged themes are gone from the next result: start the next merge afresh.
    st.session_state[merge_key] = []


def _split_problem(column: str, message: str) -> None:
    """Show one reason a split was not made, beside the split control."""
    field = f"eia.themes.split_theme.{short_key(column)}"
    problem = Issue(level=IssueLevel.ERROR, field=field, label="Theme to split", message=message)
    st.session_state[PROBLEMS_KEY] = {column: [problem]}


def _split(question: QuestionThemes, theme_key: str, parts_key: str) -> None:
    """Keep the split chosen, for the analysis the rerun starts (refused there if too small)."""
    before = current_edits(question.column)
    theme_id = str(st.session_state.get(theme_key))
    parts = int(st.session_state.get(parts_key) or SPLIT_PARTS)
    if theme_id in merged_ids(before):
        label = next((t.label for t in question.themes if t.id == theme_id), theme_id)
        _split_problem(
            question.column, f"“{label}” is a merge of themes: undo the merges to split it."
        )
        return
    st.session_state[PROBLEMS_KEY] = {question.column: []}
    st.session_state[PENDING_SPLIT_KEY] = (question.column, before)
    _keep_edits(split_with(before, theme_id, parts))


def refuse_pending_split(message: str) -> bool:
    """Take back the split just asked for, with the engine's reason, if there is one.

    Args:
        message: Why the engine refused it, in plain words.

    Returns:
        True when a split was taken back (the themes can be worked out again).
    """
    pending = st.session_state.pop(PENDING_SPLIT_KEY, None)
    if pending is None:
        return False
    column, before = pending
    _keep_edits(before)
    _split_problem(column, message)
    return True


def split_accepted() -> None:
    """Forget the split just asked for, once the engine has applied it."""
    st.session_state.pop(PENDING_SPLIT_KEY, None)


def _split_form(question: QuestionThemes) -> None:
    key = short_key(question.column)
    labels = {t.id: t.label for t in question.themes}
    if not labels:
        return
    theme_key, parts_key = f"eia.themes.split_theme.{key}", f"eia.themes.split_parts.{key}"
    if st.session_state.get(theme_key) not in labels:
        # The theme last chosen is gone (split, merged or undone): start from the first.
        st.session_state.pop(theme_key, None)
    with st.form(f"eia.themes.split.{key}"):
        st.markdown("**Split a theme**")
        st.selectbox(
            "Theme to split",
            list(labels),
            key=theme_key,
            format_func=labels.__getitem__,
            help="A theme whose comments are about more than one thing. Its comments are "
            "grouped again into parts, each with its own key phrases and counts.",
        )
        st.number_input(
            "Number of parts", min_value=SPLIT_PARTS, max_value=MAX_SPLIT_PARTS,
            value=SPLIT_PARTS, step=1, key=parts_key,
        )  # fmt: skip
        st.form_submit_button(
            "Split the theme", on_click=_split, args=(question, theme_key, parts_key)
        )


def _edit_form(question: QuestionThemes) -> None:
    heading("Rename, merge or split themes", 4)
    problems = st.session_state.get(PROBLEMS_KEY, {}).get(question.column)
    if problems:
        error_summary(problems)
    _split_form(question)
    key = short_key(question.column)
    labels = {t.id: t.label for t in question.themes}
    with st.form(f"eia.themes.edit.{key}"):
        keys = []
        for theme in question.themes:
            name_key = f"eia.themes.name.{key}.{theme.id}"
            keys.append((theme.id, name_key))
            st.text_input(
                f"Name of the theme “{theme.label}”",
                value=theme.label,
                key=name_key,
                help=f"Key phrases: {', '.join(theme.key_phrases)}.",
            )
        merge_key = f"eia.themes.merge.{key}"
        st.multiselect(
            "Themes to merge into one",
            list(labels),
            key=merge_key,
            format_func=labels.__getitem__,
            help="Choose two or more. The merged theme keeps the name of the first chosen.",
        )
        st.form_submit_button(
            "Apply the names and merges", on_click=_apply, args=(question, keys, merge_key)
        )


def show_question(question: QuestionThemes, *, editable: bool = True) -> None:
    """Draw one question's themes; with the quotes and the edit form while editing.

    Args:
        question: The question's themes (candidates while editing, approved when saved).
        editable: False for themes read back from the library.
    """
    heading(question.column, 3)
    st.markdown(question_summary(question))
    themes_table(question)
    _chart(question)
    findings(question)
    if editable:
        _quotes(question)
        _edit_form(question)
        return
    quotes = [(t.label, q.text) for t in question.themes for q in t.quotes]
    if quotes:
        heading("Approved quotes", 4)
        st.markdown("\n\n".join(f"**{plain(label)}**\n\n> {plain(text)}" for label, text in quotes))


def _undo(column: str) -> None:
    edits = current_edits(column)
    _keep_edits(edits.model_copy(update={"renames": {}, "merges": (), "splits": {}}))


def undo_button(column: str) -> None:
    """A button that forgets the splits, merges and names of one question (approvals kept)."""
    edits = current_edits(column)
    if edits.renames or edits.merges or edits.splits:
        st.button(
            "Undo the splits, merges and names",
            key=f"eia.themes.undo.{short_key(column)}",
            on_click=_undo,
            args=(column,),
        )
