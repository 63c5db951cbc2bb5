"""What a person's unsaved changes would change in the latest version, field by field.

When someone else saved while a person was editing, the person is shown, for each field
they changed, the text now stored beside their own, so that they can merge the two by
hand rather than overwrite or lose either.
"""

from eia_app.domain.errors import EIAError
from eia_app.domain.repository import AssessmentRepository
from eia_app.domain.version_diff import FieldDifference, field_differences
from eia_app.domain.versions import WorkingCopy
from eia_app.services.assessments import load_assessment
from eia_app.services.sections import REVIEW_STEP_FIELDS
from eia_app.services.working_copies import apply_changes


def compare_with_latest(repo: AssessmentRepository, copy: WorkingCopy) -> list[FieldDifference]:
    """Compare the latest stored version with it as the working copy would make it.

    Args:
        repo: Where assessments are stored.
        copy: The person's working copy (their unsaved changes).

    Returns:
        One entry per field the copy would change: ``before`` is the text stored now,
        ``after`` the person's own. Empty if the copy changes nothing, or if it cannot
        be applied (it is still kept; the page says what to correct when it is saved).
    """
    latest = load_assessment(repo, copy.reference)
    values = {p: v for p, v in copy.values.items() if p not in REVIEW_STEP_FIELDS}
    try:
        mine = apply_changes(latest.assessment, values)
    except EIAError:
        return []
    return field_differences(latest.assessment, mine)
