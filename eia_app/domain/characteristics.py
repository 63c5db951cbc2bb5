"""Identifiers of the protected characteristics and of local groups of interest."""

from enum import StrEnum


class CharacteristicId(StrEnum):
    """The nine protected characteristics of the Equality Act 2010 (section 4)."""

    AGE = "age"
    DISABILITY = "disability"
    GENDER_REASSIGNMENT = "gender_reassignment"
    MARRIAGE_CIVIL_PARTNERSHIP = "marriage_civil_partnership"
    PREGNANCY_MATERNITY = "pregnancy_maternity"
    RACE = "race"
    RELIGION_BELIEF = "religion_belief"
    SEX = "sex"
    SEXUAL_ORIENTATION = "sexual_orientation"


class GroupKind(StrEnum):
    """Whether a group is protected by law or is a locally chosen group of interest."""

    PROTECTED = "protected"
    LOCAL = "local"


class PsedAim(StrEnum):
    """The three aims of the Public Sector Equality Duty (Equality Act 2010, s149(1))."""

    ELIMINATE_DISCRIMINATION = "eliminate_discrimination"
    ADVANCE_EQUALITY = "advance_equality"
    FOSTER_GOOD_RELATIONS = "foster_good_relations"


PSED_AIM_LABELS: dict[PsedAim, str] = {
    PsedAim.ELIMINATE_DISCRIMINATION: (
        "Eliminate unlawful discrimination, harassment and victimisation"
    ),
    PsedAim.ADVANCE_EQUALITY: "Advance equality of opportunity",
    PsedAim.FOSTER_GOOD_RELATIONS: "Foster good relations between different groups",
}
