"""Test data for the export tests: a consultation-stage and a final assessment, and helpers."""

import os
import shutil
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent


def consultation_data() -> dict[str, Any]:
    """A complete consultation-stage assessment of a SEND transport change, as JSON data."""
    return {
        "status": "in_review",
        "stage": "consultation",
        "key_details": {
            "title": "Home to school transport for children with SEND",
            "reference": "EIA-2026-0042",
            "directorate": "Children and Family Services",
            "service": "SEND Transport",
            "lead_officer": {
                "name": "Priya Shah",
                "job_title": "Head of SEND Transport",
                "email": "priya.shah@example.gov.uk",
            },
            "implementing_officer": {"name": "Tom Reed", "job_title": "Transport Manager"},
            "contributors": [{"name": "Ann Lee", "role": "Equality adviser"}],
            "date_started": "2026-01-12",
            "due_regard_started": "2026-01-12",
            "due_regard_approach": "A working group with the parent carer forum.",
        },
        "quality": {"date_completed": "2026-02-20", "change_note": "Consultation draft"},
        "screening": {
            "entries": [{"group_id": "disability", "relevance": "high", "note": "All users"}],
            "commits_significant_resources": True,
            "full_assessment_required": True,
            "reasons": "The service is used only by disabled children.",
        },
        "purpose": {
            "summary": "Replace door-to-door taxis with personal travel budgets.",
            "what_is_changing": "Families receive a budget instead of a taxi.",
            "intended_outcomes": ["More independence", "Lower cost"],
            "who_is_affected": "About 2,100 children and their families.",
            "decision_route": {
                "decision_maker": "Cabinet",
                "meeting_date": "2026-06-16",
                "key_decision": True,
            },
        },
        "evidence": {
            "items": [
                {
                    "id": "EV1",
                    "title": "SEND transport caseload 2025",
                    "source": "Council data",
                    "characteristics": ["disability", "age"],
                    "summary": "2,100 children use it.",
                    "quality": "strong",
                },
            ]
        },
        "consultation": {
            "plan": {
                "start_date": "2026-03-01",
                "end_date": "2026-04-12",
                "methods": ["Online survey", "Drop-in events"],
                "accessible_formats": ["easy_read", "bsl"],
                "groups_targeted": ["Parent carers"],
            },
            "prior_engagement": "Two workshops with the parent carer forum.",
        },
        "impacts": [
            {
                "group_id": "disability",
                "rating": "negative",
                "reasoning": "Some children cannot travel independently.",
                "evidence_refs": ["EV1"],
                "mitigation": "Keep taxis for children with complex needs.",
            },
            {"group_id": "age", "rating": "unknown", "reasoning": "Younger children may lose out."},
            {"group_id": "carers", "rating": "negative", "reasoning": "Parents must drive."},
        ],
        "psed": [{"aim": "advance_equality", "analysis": "Budgets can widen choice."}],
        "human_rights": {
            "articles": [
                {
                    "article": "Protocol 1, Article 2: education",
                    "right_type": "qualified",
                    "engaged": True,
                    "analysis": "Access to school.",
                }
            ],
            "conclusion": "No breach expected.",
        },
        "combined": {"intersectional": "Disabled children in rural areas."},
        "decision": {"outcome": "adjust", "summary": "Adjust the proposal after consultation."},
        "actions": [
            {
                "id": "A1",
                "action": "Publish an Easy Read guide",
                "owner": "SEND Transport",
                "due_date": "2026-07-01",
            },
            {"id": "A2", "action": "Pilot budgets in one district", "owner": "Tom Reed"},
        ],
        "monitoring": {
            "arrangements": "Quarterly report to the SEND board.",
            "indicators": ["Complaints by disability"],
        },
        "sign_off": {"completed_by": {"name": "Priya Shah", "signed_on": "2026-02-20"}},
    }


def final_data() -> dict[str, Any]:
    """The same assessment revised after consultation."""
    data = deepcopy(consultation_data())
    data["stage"], data["status"] = "final", "approved"
    data["quality"] = {"date_completed": "2026-05-20", "change_note": "Revised after consultation"}
    data["impacts"][1] = {
        "group_id": "age",
        "rating": "negative",
        "reasoning": "Under-8s cannot use budgets safely.",
        "mitigation": "Keep taxis for children under 8.",
    }
    data["evidence"]["items"].append(
        {
            "id": "EV2",
            "title": "Consultation survey 2026",
            "source": "Council survey",
            "characteristics": ["disability", "sex", "race"],
            "summary": "412 responses.",
            "quality": "moderate",
        }
    )
    data["actions"].append(
        {"id": "A3", "action": "Review travel budgets for under-8s", "owner": "Priya Shah"}
    )
    data["consultation"].update(
        {
            "respondents_summary": "412 people responded.",
            "what_people_said": "Parents worried about safety.",
            "you_said_we_did": [
                {
                    "you_said": "Young children cannot travel alone.",
                    "we_did": "Taxis stay for under-8s.",
                    "group_ids": ["age"],
                }
            ],
            "gunning_statement": "Six weeks, with Easy Read and BSL versions.",
        }
    )
    data["decision"]["reasons"] = "Consultation showed risks for young children."
    data["monitoring"]["review_date"] = "2027-06-01"
    data["sign_off"].update(
        {
            "reviewed_by": {"name": "Ann Lee", "role": "Equality lead", "signed_on": "2026-05-21"},
            "approved_by": {"name": "Sam Green", "role": "Director", "signed_on": "2026-05-22"},
        }
    )
    return data


def require_program(name: str) -> str:
    """Return the path of a program, skipping the test locally but failing on CI if it is absent."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{name} is required on CI but was not found on the PATH")
    pytest.skip(f"{name} is not installed; install it to run this test")
    raise AssertionError("unreachable")


BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def require_browser() -> None:
    """Skip (locally) or fail (on CI) when no Chromium is available for kaleido."""
    if os.environ.get("BROWSER_PATH") or any(shutil.which(name) for name in BROWSER_NAMES):
        return
    if os.environ.get("CI"):
        pytest.fail("Chromium is required on CI to draw charts but was not found on the PATH")
    pytest.skip("Chromium is not installed; install it (package 'chromium') to draw charts")
