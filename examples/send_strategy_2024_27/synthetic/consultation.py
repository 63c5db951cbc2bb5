"""The consultation questions: respondent type, the five principles and the comment box.

Also the consultation window and the number of responses. Answer shares are
relative weights, in the order of the answer options.
"""

import pandas as pd

RESPONSES = 1_538
OPENS = pd.Timestamp("2025-02-12 09:00")
CLOSES = pd.Timestamp("2025-04-08 23:59")

TYPE_QUESTION = "In what capacity are you responding to this consultation?"
PARENT = "As a parent or carer of a child or young person with SEND"
YOUNG = "As a young person with SEND"
PROFESSIONAL = "As a professional working with children and young people"
ORGANISATION = "On behalf of an organisation, school or setting"
OTHER = "Other"
TYPES = {PARENT: 0.55, YOUNG: 0.10, PROFESSIONAL: 0.25, ORGANISATION: 0.05, OTHER: 0.05}

AGREE = (
    "Strongly agree",
    "Agree",
    "Neither agree nor disagree",
    "Disagree",
    "Strongly disagree",
    "Don't know",
)
_LEAD = "To what extent do you agree or disagree that"
OPINIONS = {
    "early": f"{_LEAD} children and young people's needs should be identified and met as "
    "early as possible?",
    "mainstream": f"{_LEAD} most children and young people with SEND should be supported in "
    "their local mainstream school or setting?",
    "voice": f"{_LEAD} children, young people and families should be equal partners in "
    "decisions about their support?",
    "together": f"{_LEAD} education, health and care services should work together so "
    "families only have to tell their story once?",
    "adulthood": f"{_LEAD} preparation for adulthood should start from Year 9 and cover "
    "work, independent living, friendships and health?",
}
# Answer shares (in AGREE order) by principle and respondent type.
OPINION_SHARES = {
    "early": {
        PARENT: (55, 35, 4, 2, 1, 3),
        YOUNG: (40, 38, 10, 4, 2, 6),
        PROFESSIONAL: (62, 32, 3, 1, 1, 1),
        ORGANISATION: (58, 36, 3, 1, 1, 1),
        OTHER: (45, 35, 8, 4, 3, 5),
    },
    "mainstream": {
        PARENT: (10, 24, 18, 26, 19, 3),
        YOUNG: (4, 10, 14, 34, 34, 4),
        PROFESSIONAL: (22, 40, 16, 14, 6, 2),
        ORGANISATION: (18, 36, 20, 16, 8, 2),
        OTHER: (12, 26, 22, 20, 14, 6),
    },
    "voice": {
        PARENT: (48, 34, 8, 5, 3, 2),
        YOUNG: (62, 28, 5, 2, 1, 2),
        PROFESSIONAL: (35, 42, 14, 5, 2, 2),
        ORGANISATION: (38, 40, 12, 6, 2, 2),
        OTHER: (40, 36, 12, 5, 3, 4),
    },
    "together": {
        PARENT: (58, 30, 5, 3, 2, 2),
        YOUNG: (36, 34, 14, 4, 2, 10),
        PROFESSIONAL: (50, 38, 7, 3, 1, 1),
        ORGANISATION: (52, 36, 7, 3, 1, 1),
        OTHER: (44, 34, 10, 4, 2, 6),
    },
    "adulthood": {
        PARENT: (34, 40, 14, 6, 2, 4),
        YOUNG: (12, 24, 18, 22, 16, 8),
        PROFESSIONAL: (40, 42, 10, 5, 1, 2),
        ORGANISATION: (38, 44, 10, 5, 1, 2),
        OTHER: (30, 38, 16, 7, 3, 6),
    },
}
COMMENT_QUESTION = (
    "Is there anything else you would like to tell us about the draft strategy, including "
    "how it might affect you, your family or people with protected characteristics?"
)
COMMENTS = (
    "Waiting times for assessments are far too long.",
    "Please make the plan available in an easy read version.",
    "Mainstream schools need more training and more staff before this can work.",
    "Transport to specialist provision is a real worry for families like ours.",
    "Good to see co-production mentioned, but it needs to be real, not a tick box.",
    "Support at 16 and 19 drops off a cliff; transition planning must start earlier.",
    "Information should be translated into community languages.",
    "I agree with the principles, but where is the funding?",
    "Short breaks and respite are missing from the strategy.",
    "Health services, especially therapies, are the weakest link.",
    'The phrase "inclusion" must include children who cannot cope in large classes.',
    "Annual reviews are often late, so plans are out of date.\nPlease fix this first.",
)
