"""Key details, people and the life-cycle status of an assessment."""

from datetime import date

from eia_app.domain.fields import EMAIL_PATTERN, REFERENCE_PATTERN, StrictModel, guided, guided_list
from eia_app.domain.lifecycle import STATUS_LABELS, Stage, Status

__all__ = ["STATUS_LABELS", "Contributor", "KeyDetails", "Person", "Stage", "Status"]


class Person(StrictModel):
    """A named officer with their job title and contact details."""

    name: str | None = guided("Name", "Full name of the person.")
    job_title: str | None = guided("Job title", "Their job title or role in the council.")
    email: str | None = guided(
        "Email", "A work email address people can use.", pattern=EMAIL_PATTERN
    )
    phone: str | None = guided("Telephone", "A work telephone number.")


class Contributor(StrictModel):
    """Someone who helped with the assessment, and in what capacity."""

    name: str = guided("Name", "Full name of the contributor.", default=...)
    job_title: str | None = guided("Job title", "Their job title.")
    organisation: str | None = guided(
        "Organisation",
        "Their organisation, if not the council (a parent carer forum, an NHS body).",
    )
    role: str = guided(
        "Role in the assessment",
        "What they did: author, equality adviser, data adviser, legal adviser, lived experience.",
        default=...,
    )


class KeyDetails(StrictModel):
    """Section 1: what is being assessed and who is responsible."""

    title: str | None = guided(
        "Title of the policy or proposal",
        "The name the decision-makers will recognise, as in the committee report.",
        max_length=300,
    )
    reference: str | None = guided(
        "EIA reference",
        "Unique reference in the form EIA-YYYY-NNNN, for example EIA-2025-0001.",
        pattern=REFERENCE_PATTERN,
        examples=["EIA-2025-0001"],
    )
    directorate: str | None = guided("Directorate or department", "The department that owns it.")
    service: str | None = guided("Service or team", "The service area that leads the work.")
    lead_officer: Person = guided(
        "Lead officer",
        "The officer accountable for the assessment and who people can contact about it.",
        default_factory=Person,
    )
    contributors: list[Contributor] = guided_list(
        "Contributors",
        "Everyone involved and their role, including partners and people with lived experience.",
    )
    implementing_officer: Person = guided(
        "Officer responsible for implementation",
        "Who will carry out the policy and the actions in this assessment.",
        default_factory=Person,
    )
    date_started: date | None = guided("Date started", "When work on this assessment began.")
    due_regard_started: date | None = guided(
        "Date due regard began",
        "When the council started to consider equality for this proposal; due regard must come "
        "before the decision, not after it.",
    )
    due_regard_approach: str | None = guided(
        "How due regard is paid",
        "For example a working group with partners, or a single officer with equality advice.",
    )
