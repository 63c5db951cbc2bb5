"""The error raised when a survey export cannot be read or understood."""

from eia_app.domain.errors import EIAError


class SurveyReadError(EIAError):
    """A survey file, sheet or column mapping could not be read.

    The message is one line: it names the file (and the row, column or sheet where
    that helps) and says what the user can do about it.
    """
