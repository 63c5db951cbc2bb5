"""Review and approval: the status, the steps the user may take, revision and the history."""

from typing import Any

import streamlit as st

from eia_app.domain.errors import EIAError
from eia_app.domain.permissions import Action
from eia_app.domain.versions import ReviewAction, StoredAssessment
from eia_app.services import access, review
from eia_app.services import revision as revision_service
from eia_app.ui import components, state
from eia_app.ui.form_fields import option_label
from eia_app.ui.plain import plain_rows

COMMENT_KEY = "eia.review.comment"
PROBLEM_KEY = "eia.review.problem"
REVISION_KEY = "eia.review.revision"
SHARE_KEY = "eia.review.share_with"

STEP_BUTTONS: dict[ReviewAction, str] = {
    ReviewAction.SUBMITTED: "Submit for review",
    ReviewAction.RETURNED: "Return for changes",
    ReviewAction.APPROVED: "Approve this version",
    ReviewAction.PUBLISHED: "Publish",
}
STEP_NAMES: dict[ReviewAction, str] = {
    ReviewAction.SUBMITTED: "Submitted for review",
    ReviewAction.COMMENTED: "Commented",
    ReviewAction.RETURNED: "Returned for changes",
    ReviewAction.APPROVED: "Approved",
    ReviewAction.PUBLISHED: "Published",
}
DONE: dict[ReviewAction, str] = {
    ReviewAction.SUBMITTED: "Submitted for review as version {version}.",
    ReviewAction.RETURNED: "Returned for changes as version {version}, a draft again.",
    ReviewAction.APPROVED: "Approved as version {version}.",
    ReviewAction.PUBLISHED: "Published as version {version}.",
}


def render() -> None:
    """Draw the review-and-approval page for the open assessment."""
    st.title("Review and approval")
    components.show_flash()
    stored = components.load_current()
    if stored is None:
        return
    components.assessment_caption(stored)
    reference = stored.info.reference
    st.header("Status")
    st.markdown(f"Status: **{option_label(stored.assessment.status)}**")
    _steps(reference)
    _sharing(reference)
    _revision(stored)
    _history(reference)


def _steps(reference: str) -> None:
    st.header("What you can do")
    problem = st.session_state.pop(PROBLEM_KEY, None)
    if problem:
        st.error(f"There is a problem: {problem}")
        components.focus_alert("There is a problem")
    checks = review.step_checks(
        state.repository(), reference, actor=state.saved_by(), person=state.actor(),
        people=state.people(),
    )  # fmt: skip
    st.text_area(
        "Comment",
        key=COMMENT_KEY,
        help="Say what needs to change when you return it; a comment is kept with this version.",
    )
    allowed = [check for check in checks if check.allowed]
    for check in allowed:
        st.button(
            STEP_BUTTONS[check.action],
            key=f"eia.review.step.{check.action.value}",
            type="primary" if check.action is not ReviewAction.RETURNED else "secondary",
            on_click=_take,
            args=(reference, check.action),
        )
    st.button("Add the comment", key="eia.review.add_comment", on_click=_comment, args=(reference,))
    refused = [check for check in checks if not check.allowed]
    if refused:
        st.markdown(
            "Not available now:\n"
            + "\n".join(f"- **{STEP_BUTTONS[c.action]}**: {c.reason}" for c in refused)
        )


def _sharing(reference: str) -> None:
    """Who else may edit it; the owner (or anyone it is shared with) can add a colleague."""
    people = state.people()
    if people is None:
        return  # single-user mode: nobody to share with
    st.header("Shared with")
    shared = sorted(people.shared_with(reference))
    st.markdown(", ".join(shared) if shared else "Nobody yet.")
    if not state.may(Action.EDIT, reference).allowed:
        return
    st.text_input("Colleague's e-mail", key=SHARE_KEY, help="They can then edit it too.")
    st.button("Share", key="eia.review.share", on_click=_share, args=(reference,))


def _share(reference: str) -> None:
    email = str(st.session_state.get(SHARE_KEY, "")).strip()
    people = state.people()
    try:
        assert people is not None  # the button is drawn only when people sign in
        access.share(state.repository(), people, by=state.actor(), reference=reference,
                     email=email)  # fmt: skip
    except EIAError as problem:
        st.session_state[PROBLEM_KEY] = str(problem)
        return
    st.session_state[SHARE_KEY] = ""
    state.flash(f"{reference} is now shared with {email}.")


def _take(reference: str, action: ReviewAction) -> None:
    text = str(st.session_state.get(COMMENT_KEY, ""))
    repo, user = state.repository(), state.saved_by()
    # The services check the roles again: a button drawn on a stale page is refused there.
    person, people = state.actor(), state.people()
    steps: dict[ReviewAction, Any] = {
        ReviewAction.SUBMITTED: lambda: review.submit_for_review(
            repo, reference, by=user, comment=text, person=person, people=people
        ),
        ReviewAction.RETURNED: lambda: review.return_for_changes(
            repo, reference, by=user, comment=text, person=person, people=people
        ),
        ReviewAction.APPROVED: lambda: review.approve(
            repo, reference, by=user, comment=text, person=person, people=people
        ),
        ReviewAction.PUBLISHED: lambda: review.publish(
            repo, reference, by=user, person=person, people=people
        ),
    }
    try:
        stored = steps[action]()
    except EIAError as problem:
        st.session_state[PROBLEM_KEY] = str(problem)
        return
    st.session_state[COMMENT_KEY] = ""
    state.flash(DONE[action].format(version=stored.info.version))


def _comment(reference: str) -> None:
    text = str(st.session_state.get(COMMENT_KEY, ""))
    try:
        event = review.comment(
            state.repository(), reference, by=state.saved_by(), text=text,
            person=state.actor(), people=state.people(),
        )  # fmt: skip
    except EIAError as problem:
        st.session_state[PROBLEM_KEY] = str(problem)
        return
    st.session_state[COMMENT_KEY] = ""
    state.flash(f"Your comment was added to version {event.version}.")


def _revision(stored: StoredAssessment) -> None:
    reference = stored.info.reference
    started = st.session_state.get(REVISION_KEY)
    if started is not None and started.stored.info.reference == reference:
        _revision_prompts(started)
        return
    if not revision_service.revisable_after_consultation(stored):
        return
    if not state.may(Action.EDIT, reference).allowed:
        return  # only someone who may edit it starts its final-stage version
    st.header("Revise after consultation")
    st.write(
        f"Version {stored.info.version} is the approved consultation-stage assessment. Start "
        "the final-stage version from it once the consultation has closed: everything is "
        "kept, it becomes a draft at the final stage, and the sign-off starts again."
    )
    st.button(
        "Start the final-stage version",
        key="eia.review.revise",
        on_click=_revise,
        args=(reference,),
    )


def _revise(reference: str) -> None:
    try:
        revision = revision_service.revise_after_consultation(
            state.repository(), reference, saved_by=state.saved_by(), person=state.actor(),
            people=state.people(),
        )  # fmt: skip
    except EIAError as problem:
        st.session_state[PROBLEM_KEY] = str(problem)
        return
    st.session_state[REVISION_KEY] = revision
    state.flash(
        f"Version {revision.stored.info.version} is the final-stage draft, started from "
        f"approved version {revision.from_version}."
    )


def _revision_prompts(revision: revision_service.Revision) -> None:
    st.header("Sections to look at after consultation")
    st.write("A consultation usually changes these sections. Work through each one:")
    for prompt in revision.prompts:
        st.markdown(f"**{prompt.title}**: {prompt.why}")
        st.button(
            f"Go to {prompt.title}",
            key=f"eia.review.goto.{prompt.section_id}",
            on_click=state.request_page,
            args=(prompt.section_id,),
        )


def _history(reference: str) -> None:
    st.header("Review history")
    rows = []
    for entry in review.review_history(state.repository(), reference):
        info = entry.info
        for event in reversed(entry.events):
            rows.append(
                {
                    "Version": str(info.version),
                    "What": STEP_NAMES[event.action],
                    "Who": event.by,
                    "When": f"{event.at:%d/%m/%Y %H:%M}",
                    "Comment": event.comment or "None",
                }
            )
        rows.append(
            {
                "Version": str(info.version),
                "What": f"Saved ({option_label(entry.status).lower()}, "
                f"{option_label(entry.stage).lower()} stage)",
                "Who": info.saved_by,
                "When": f"{info.saved_at:%d/%m/%Y %H:%M}",
                "Comment": info.change_summary or "None",
            }
        )
    st.write("Newest first. Times are UTC. To compare two versions, use Check and history.")
    st.table(plain_rows(rows), hide_index=True)
