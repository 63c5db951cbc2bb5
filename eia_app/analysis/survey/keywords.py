"""Header patterns that suggest what a survey question asks (data for the recogniser)."""

import re
from typing import Final

# Target -> (pattern, weight); the best-matching pattern gives the header score.
HEADER_PATTERNS: Final[dict[str, tuple[tuple[str, float], ...]]] = {
    "age": (
        (r"\bhow old\b", 0.9),
        (r"\bage\b", 0.7),
        (r"\bages?d? ?(group|band|range)\b", 0.8),
        (r"date of birth|year of birth", 0.8),
    ),
    "disability": (
        (r"\bdisab", 0.8),
        (r"health conditions?|illness|12 months", 0.8),
        (r"day[- ]to[- ]day", 0.8),
    ),
    "gender_reassignment": (
        (r"same as .*(sex|gender).*(birth|born)", 0.95),
        (r"different (from|to|than) .*(sex|gender).*(birth|born)", 0.95),
        (r"\btrans(gender)?\b", 0.8),
        (r"gender identity", 0.8),
        (r"gender reassignment", 0.9),
    ),
    "marriage_civil_partnership": (
        (r"marri|marital", 0.9),
        (r"civil partner", 0.9),
        (r"relationship status", 0.7),
    ),
    "pregnancy_maternity": ((r"pregnan", 0.9), (r"given birth|maternity|26 weeks", 0.9)),
    "race": ((r"ethnic", 0.95), (r"\brace\b", 0.7)),
    "religion_belief": ((r"religio", 0.95), (r"\bbelief", 0.8), (r"\bfaith\b", 0.8)),
    "sex": ((r"\bsex\b", 0.9), (r"\bgender\b", 0.6), (r"\bare you (male|female)\b", 0.9)),
    "sexual_orientation": ((r"sexual orientation|sexuality", 0.95),),
    "carers": (
        (r"\bcarer\b|\bcaring\b|unpaid care", 0.85),
        (r"look after,? or give any help or support", 0.95),
    ),
    "armed_forces": ((r"armed forces|veteran|military|reservist", 0.9),),
    "respondent_type": (
        (
            r"responding as|on behalf of|in what capacity|capacity (are|do) you|"
            r"are you (responding|replying)|best describes? (you|your role)\b|"
            r"which of (these|the following) (are|describes?) you\b|who are you",
            0.8,
        ),
    ),
    "opinion": (
        (r"\bagree\b|\bdisagree\b", 0.8),
        (r"\bsupport\b|\boppose\b", 0.7),
        (r"satisf", 0.7),
        (r"to what extent|how far", 0.6),
    ),
}

# A header about someone other than the respondent ("What age group do you work with?").
OTHER_PERSON: Final = re.compile(
    r"work with|working with|your (child|children|son|daughter|pupils|clients|service users|"
    r"organisation|school|business)|the (person|people) you (care for|support|look after)|"
    r"(children|pupils|clients|people) (you|in your)"
)
# A header about the child or young person a parent answers for ("How old is your child?").
# Compared with a service cohort (children with EHC plans), these are the questions to use.
CHILD_SUBJECT: Final = re.compile(
    r"your (child|children|son|daughter)|(the|this) (child|young person)|child or young person"
)
# Pattern-specific exclusions: the header score is cut when these appear.
EXCLUSIONS: Final[dict[str, re.Pattern[str]]] = {
    "sex": re.compile(r"birth|born|identify|orientation|sexuality"),
    "disability": re.compile(r"look after,? or give any help|\bcarer\b"),
    "age": re.compile(r"old age|\bagree"),
}
# Free-text companions of a question ("Other - Text", "please specify").
WRITE_IN: Final = re.compile(r"(- other - text|_text|please (specify|describe|say))\s*$")

# Disability question parts, tried in this order.
DISABILITY_PARTS: Final = (
    ("activity", re.compile(r"day[- ]to[- ]day|reduce your ability|limit")),
    ("self", re.compile(r"consider yourself|\bdisab")),
    (
        "condition",
        re.compile(
            r"12 months|twelve months|long[- ]?(term|lasting|standing)|"
            r"health conditions?|illness"
        ),
    ),
)
REVERSED_GENDER: Final = re.compile(
    r"different (from|to|than)|\btrans(gender)?\b|gender reassignment"
)

# Targets whose answers alone can identify the question (no header evidence needed).
ANSWER_DISTINCTIVE: Final = frozenset(
    {
        "race",
        "religion_belief",
        "sexual_orientation",
        "marriage_civil_partnership",
        "sex",
        "age",
        "opinion",
    }
)
