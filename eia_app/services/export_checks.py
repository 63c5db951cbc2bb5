"""Checks made before an assessment is exported, listed to the author and never printed.

The facts of an assessment that disagree with each other (its status against the
approval and publication dates, its review date against the open actions) are
shown to the author before the document is written: on the app's Export page, above
the download, and by ``eia export`` on stderr. The rules and their severity are those
of :func:`eia_app.domain.consistency.check_consistency`, which ``eia validate`` and the
app's check pages also use.
"""

from eia_app.domain.assessment import Assessment
from eia_app.domain.consistency import check_consistency
from eia_app.domain.details import Stage
from eia_app.domain.issues import Issue

# Why an error matters, said once for both shells.
ERRORS_EXPLAINED = (
    "The document would state both of these facts about its standing, so a reader could "
    "not tell which is true. Correct the assessment before it is published."
)


def consistency_notes(assessment: Assessment, stage: Stage | None = None) -> list[Issue]:
    """List the facts of an assessment that disagree, for the author to settle before export.

    Args:
        assessment: The assessment about to be exported.
        stage: The stage it is exported for; defaults to its own.

    Returns:
        Errors (the record would contradict itself) and warnings (worth a look),
        in the order of the checks; empty when everything agrees.
    """
    return check_consistency(assessment, stage)


def consistency_lines(assessment: Assessment) -> tuple[list[str], int]:
    """The consistency problems as lines for a terminal, and how many are errors.

    Args:
        assessment: The assessment about to be exported.

    Returns:
        One line per problem ("Error: ..." or "Warning: ..."), errors first, and the
        number of errors.
    """
    issues = consistency_notes(assessment)
    errors = [i for i in issues if i.blocking]
    warnings = [i for i in issues if not i.blocking]
    lines = [f"Error: {i.as_sentence()}" for i in errors]
    lines += [f"Warning: {i.as_sentence()}" for i in warnings]
    return lines, len(errors)
