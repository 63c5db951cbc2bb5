"""Where the files of the revised SEND example are, and the dates both test modules use."""

from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "examples" / "send_strategy_2024_27"
REVISED = FOLDER / "eia_revised_post_consultation.json"
CONSULTATION_STAGE = FOLDER / "eia_consultation_stage.json"
SURVEY = FOLDER / "send_consultation_responses.csv"
RESPONDENT_TYPE = "In what capacity are you responding to this consultation?"
FINAL_CABINET = date(2025, 6, 17)
