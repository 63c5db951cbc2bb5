"""Reading consultation survey exports and counting who responded.

The input side of the respondent-reach engine: read an export from any common
platform, recognise the equality-monitoring questions, normalise answers to
canonical categories and hand :class:`~eia_app.analysis.category_counts.CharacteristicTally`
objects to the statistics.
"""

from eia_app.analysis.survey.by_characteristic import (
    opinion_columns,
    respondent_type_groups,
    split_survey,
    tally_survey,
)
from eia_app.analysis.survey.crosstab import opinion_crosstab_counts
from eia_app.analysis.survey.mapping import mapping_from_json, mapping_to_json
from eia_app.analysis.survey.model import LAYOUTS, QuestionMatch, SurveyData
from eia_app.analysis.survey.readers import list_sheets, read_survey
from eia_app.analysis.survey.recognise import recognise_questions
from eia_app.domain.errors import SurveyReadError

__all__ = [
    "LAYOUTS",
    "QuestionMatch",
    "SurveyData",
    "SurveyReadError",
    "list_sheets",
    "mapping_from_json",
    "mapping_to_json",
    "opinion_columns",
    "opinion_crosstab_counts",
    "read_survey",
    "recognise_questions",
    "respondent_type_groups",
    "split_survey",
    "tally_survey",
]
