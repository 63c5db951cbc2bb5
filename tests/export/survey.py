"""A small consultation survey for the export tests, analysed by the real reach engine.

The Word, chart and summary tests read reach results that the engine produced, so
they can never test a shape the engine would not write.
"""

import csv
from pathlib import Path

from eia_app.domain.reach import ReachResult
from eia_app.services.reach import analyse_survey

SEX = "What is your gender?"  # asked as gender: the engine notes it counts sex
ETHNIC = "What is your ethnic group?"
PREGNANT = "Are you pregnant, or have you given birth in the last 26 weeks?"
# Answer -> respondents; the black and mixed groups are small enough to be withheld.
ANSWERS = {
    SEX: {"Female": 301, "Male": 97, "": 2},
    ETHNIC: {
        "White": 343,
        "Asian or Asian British": 19,
        "Black, Black British, Caribbean or African": 3,
        "Mixed or multiple ethnic groups": 2,
        "Other ethnic group": 12,
        "Human": 2,  # cannot be placed; too few to show
        "": 19,
    },
    PREGNANT: {"Yes": 14, "No": 336, "": 50},
}
RESPONDENTS = 400


def write_transport_survey(path: Path) -> Path:
    """Write the survey: 400 respondents, one column per question, answers in blocks."""
    columns = {question: [a for a, n in answers.items() for _ in range(n)]
               for question, answers in ANSWERS.items()}  # fmt: skip
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Response ID", *ANSWERS])
        for row in range(RESPONDENTS):
            writer.writerow([f"R{row + 1:04d}", *(columns[q][row] for q in ANSWERS)])
    return path


def transport_reach(folder: Path) -> ReachResult:
    """The survey analysed against the default (Leicestershire) baseline."""
    return analyse_survey(write_transport_survey(folder / "send_transport_survey.csv"))
