"""Write a synthetic Citizen Space-style export for the SEND and Inclusion Strategy 2024-27.

Every row is invented: answers are drawn with a fixed seed from made-up
distributions, so the file holds no personal data. It exists so that the
respondent-reach analysis has something realistic to work on:

* a respondent-type question where parents and carers dominate;
* five agreement questions, one per strategy principle, on which young people
  and some other groups take distinctly different views;
* the GSS / Census 2021 equality monitoring questions, with "Prefer not to say",
  blanks, a few typing variants and a couple of answers nobody could place;
* a free-text question on how the proposals would affect families, whose themes
  (transport, EHC plan delays, mainstream support, translation, respite) and group
  bias (Asian respondents raise translation more often) are known;
* fewer Asian respondents than Leicestershire's population would suggest, and
  tiny groups (Roma, Arab, Sikh ...) so that suppression has work to do.
* questions about the child (age, sex, ethnic group) asked of parents and carers,
  for comparison with the children who have EHC plans (``eia reach --cohort``).

Run it from anywhere; it rewrites ``send_consultation_responses.csv`` next to
itself. The output is identical on every run. The question wording, answer shares
and drawing code live in the ``synthetic`` package beside this script; the names
below are re-exported so that ``benchmarks/make_large_survey.py`` can load this
file as the single source of question wording and options.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the synthetic package sits beside this script
    sys.path.insert(0, str(HERE))

from synthetic.consultation import (  # noqa: E402
    AGREE,
    CLOSES,
    COMMENT_QUESTION,
    COMMENTS,
    OPENS,
    OPINION_SHARES,
    OPINIONS,
    ORGANISATION,
    OTHER,
    PARENT,
    PROFESSIONAL,
    RESPONSES,
    TYPE_QUESTION,
    TYPES,
    YOUNG,
)
from synthetic.equality_questions import (  # noqa: E402
    AGE_BANDS,
    AGE_QUESTION,
    AGE_SHARES,
    ASIAN_RELIGION_SHARES,
    CARER_QUESTION,
    CARER_YES,
    DISABILITY_QUESTION,
    DISABILITY_YES,
    ETHNIC_QUESTION,
    ETHNIC_SHARES,
    FORCES_QUESTION,
    FORCES_SHARES,
    GENDER_QUESTION,
    GENDER_SHARES,
    LIMITATION_QUESTION,
    LIMITATION_SHARES,
    MARITAL_ADULT,
    MARITAL_OPTIONS,
    MARITAL_QUESTION,
    MONITORING,
    ORIENTATION_QUESTION,
    ORIENTATION_SHARES,
    PNTS,
    PREGNANCY_QUESTION,
    RELIGION_QUESTION,
    RELIGION_SHARES,
    SEX_QUESTION,
    SEX_SHARES,
    VARIANTS,
)
from synthetic.free_text import EFFECT_QUESTION, add_free_text  # noqa: E402
from synthetic.responses import build  # noqa: E402

SEED = 2025
OUTPUT = HERE / "send_consultation_responses.csv"

__all__ = [
    "AGE_BANDS",
    "AGE_QUESTION",
    "AGE_SHARES",
    "AGREE",
    "ASIAN_RELIGION_SHARES",
    "CARER_QUESTION",
    "CARER_YES",
    "CLOSES",
    "COMMENTS",
    "COMMENT_QUESTION",
    "DISABILITY_QUESTION",
    "DISABILITY_YES",
    "EFFECT_QUESTION",
    "ETHNIC_QUESTION",
    "ETHNIC_SHARES",
    "FORCES_QUESTION",
    "FORCES_SHARES",
    "GENDER_QUESTION",
    "GENDER_SHARES",
    "LIMITATION_QUESTION",
    "LIMITATION_SHARES",
    "MARITAL_ADULT",
    "MARITAL_OPTIONS",
    "MARITAL_QUESTION",
    "MONITORING",
    "OPENS",
    "OPINIONS",
    "OPINION_SHARES",
    "ORGANISATION",
    "ORIENTATION_QUESTION",
    "ORIENTATION_SHARES",
    "OTHER",
    "OUTPUT",
    "PARENT",
    "PNTS",
    "PREGNANCY_QUESTION",
    "PROFESSIONAL",
    "RELIGION_QUESTION",
    "RELIGION_SHARES",
    "RESPONSES",
    "SEED",
    "SEX_QUESTION",
    "SEX_SHARES",
    "TYPES",
    "TYPE_QUESTION",
    "VARIANTS",
    "YOUNG",
    "add_free_text",
    "build",
    "main",
]


def main() -> None:
    """Write the CSV as UTF-8 with a byte order mark, as Citizen Space does."""
    # The free-text column has its own generator, so the other answers stay as they were.
    frame = add_free_text(build(np.random.default_rng(SEED)), SEED + 1)
    frame.to_csv(OUTPUT, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    print(f"Wrote {len(frame):,} synthetic responses to {OUTPUT.name}")


if __name__ == "__main__":
    main()
