"""What may be published: the symbols of a table, and how small a count may be shown.

Both are rules of publication that every output follows (terminal, CSV/XLSX, Word,
app), so they are written once here and read by the engine and every shell.
"""

# The Government Analysis Function's symbols for tables, used wherever a reader sees
# a table (terminal, CSV/XLSX, Word, app), each with the words of the table legend.
SUPPRESSED = "[c]"
NOT_AVAILABLE = "[x]"
NOT_APPLICABLE = "[z]"
SYMBOL_LEGEND = {
    SUPPRESSED: "confidential: a small number withheld to protect respondents' privacy",
    NOT_AVAILABLE: "not available: there is no figure to show",
    NOT_APPLICABLE: "not applicable",
}

# What stands, in published outputs, for the unrecognised answers that too few people
# gave: a rare free-text answer to an equality question can identify its writer.
RARE_ANSWERS = "Other answers, each given by too few people to show"

# Smallest count shown, by preset: 5 by default; NHS Digital HES withholds 1 to 7;
# the ONS Longitudinal Study uses 10.
SUPPRESSION_PRESETS: dict[str, int] = {"default": 5, "nhs": 8, "strict": 10}
PRESET_NAMES = tuple(SUPPRESSION_PRESETS)
DEFAULT_MIN_COUNT = SUPPRESSION_PRESETS["default"]  # the one default: services, CLI, help


def resolve_min_count(setting: str | int) -> int:
    """Return the threshold for a preset name (``default``, ``nhs``, ``strict``) or a number.

    Raises:
        ValueError: If the name is not a preset or the number is negative.
    """
    if isinstance(setting, str):
        if setting not in SUPPRESSION_PRESETS:
            raise ValueError(f"Unknown suppression preset {setting!r}: use {[*PRESET_NAMES]}")
        return SUPPRESSION_PRESETS[setting]
    if setting < 0:
        raise ValueError(f"min_count must be 0 or more, not {setting}")
    return setting
