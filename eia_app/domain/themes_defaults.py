"""The default range of themes per question, in a module light enough for CLI start-up."""

DEFAULT_MIN_THEMES = 3
DEFAULT_MAX_THEMES = 12
