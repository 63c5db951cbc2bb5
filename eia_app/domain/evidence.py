"""Evidence and data behind the assessment, including what is missing."""

from datetime import date
from enum import StrEnum

from eia_app.domain.fields import SHORT_ID_PATTERN, StrictModel, guided, guided_list


class EvidenceQuality(StrEnum):
    """How much weight an item of evidence can bear."""

    STRONG = "strong"
    MODERATE = "moderate"
    LIMITED = "limited"


class EvidenceItem(StrictModel):
    """One source of evidence: data, research, feedback or complaints."""

    id: str = guided(
        "Evidence reference",
        "Short id used to cite this item from the impact sections, for example EV1.",
        pattern=SHORT_ID_PATTERN,
        default=...,
    )
    title: str = guided("What it is", "A short description of the evidence.", default=...)
    source: str | None = guided(
        "Source", "Who published it and where to find it (table name, report, web address)."
    )
    source_date: date | None = guided("Date", "When the data were collected or published.")
    characteristics: list[str] = guided_list(
        "Groups it covers", "Registry ids of the characteristics and groups this evidence informs."
    )
    summary: str | None = guided("What it tells us", "The findings that matter for equality.")
    quality: EvidenceQuality | None = guided(
        "Strength", "Strong, moderate or limited, judged on coverage, recency and reliability."
    )
    gaps: str | None = guided(
        "Gaps", "What this evidence cannot tell us; say so plainly where there is no data."
    )
    gap_action: str | None = guided(
        "Action to fill the gap",
        "How and when the gap will be closed (carry it to the action plan).",
    )


class Evidence(StrictModel):
    """Section 5: the evidence base."""

    items: list[EvidenceItem] = guided_list(
        "Evidence items", "Every source used, with its strength and gaps."
    )
    no_evidence_statement: str | None = guided(
        "Where there is no evidence",
        "Name the groups with no data and explain why, and how that risk is managed.",
    )
