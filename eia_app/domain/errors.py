"""Exceptions the core raises; shells turn them into one clear message for a user."""


class EIAError(Exception):
    """Base of every error a user can act on; its message says what to do."""


class InvalidAssessmentError(EIAError):
    """An assessment file or form could not be read as an assessment."""


class NotFoundError(EIAError):
    """A stored assessment or version does not exist."""


class ReachError(EIAError):
    """A reach option (baseline, column, assignment, threshold) cannot be used.

    The message is one line naming the option and the file or value at fault.
    """


class SurveyReadError(EIAError):
    """A survey file, sheet or column mapping could not be read.

    The message is one line: it names the file (and the row, column or sheet where
    that helps) and says what the user can do about it.
    """


class ReviewError(EIAError):
    """A review step (submit, return, approve, publish, revise) is not allowed now.

    The message says why in plain words, and what would make it allowed.
    """


class SettingsError(EIAError):
    """An ``EIA_*`` environment variable holds a value the toolkit cannot use."""


class PermissionDeniedError(EIAError):
    """The signed-in person's roles do not allow what they asked for.

    The message says why in plain words, and who can do it instead.
    """


class ThemesError(EIAError):
    """Free-text themes cannot be found: a missing column, option or optional library."""


class ThemeSplitError(ThemesError):
    """A theme cannot be split: a part would be too small to publish.

    Attributes:
        theme_id: The theme whose split was refused, so a shell can drop that edit.
    """

    def __init__(self, message: str, theme_id: str) -> None:
        super().__init__(message)
        self.theme_id = theme_id
