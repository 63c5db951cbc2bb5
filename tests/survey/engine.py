"""The survey engine's counting functions with the shipped registry's groups passed in.

The engine takes its categories from the registry (the services layer passes them);
these tests exercise the engine itself, so they pass the shipped registry directly.
"""

from eia_app.analysis import survey as engine
from eia_app.services.reference import get_registry


def tally_survey(survey, matches, assignments=None, age_bands=None):
    """``engine.tally_survey`` over the shipped registry's groups."""
    groups = get_registry().groups
    return engine.tally_survey(survey, matches, assignments, age_bands, groups=groups)


def opinion_crosstab_counts(survey, question, match, detail=False):
    """``engine.opinion_crosstab_counts`` with the registry group of the match."""
    target = match.target if isinstance(match, engine.QuestionMatch) else match[0].target
    group = get_registry().get(target)
    return engine.opinion_crosstab_counts(survey, question, match, detail, group=group)
