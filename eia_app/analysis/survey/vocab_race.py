"""How people write ethnic groups (Census 2011 and 2021, GSS harmonised, council variants).

Only spellings live here: which categories exist, their labels and their broad groups
are the registry's (``protected_characteristics/race.yaml``).
"""

from typing import Final

# Labels matched as a whole answer (after folding; "/", "or", "and", "-" are equivalent).
RACE_LABELS: Final[dict[str, str]] = {
    # Broad groups on their own count at group level only.
    "White": "white",
    "Mixed": "mixed",
    "Mixed or multiple ethnic groups": "mixed",
    "Mixed/multiple ethnic group": "mixed",
    "Asian": "asian",
    "Asian or Asian British": "asian",
    "Asian, Asian British or Asian Welsh": "asian",
    "Black": "black",
    "Black or Black British": "black",
    "Black, Black British, Caribbean or African": "black",
    "Black, Black British, Black Welsh, Caribbean or African": "black",
    "Black/African/Caribbean/Black British": "black",
    "Other ethnic group": "other_ethnic_group",
    "Other ethnic groups": "other_ethnic_group",
    # White
    "English, Welsh, Scottish, Northern Irish or British": "white_british",
    "English/Welsh/Scottish/Northern Irish/British": "white_british",
    "English, Scottish, Welsh, Northern Irish or British": "white_british",
    "White British": "white_british",
    "British": "white_british",
    "English": "white_british",
    "Welsh": "white_british",
    "Scottish": "white_british",
    "Northern Irish": "white_british",
    "Irish": "white_irish",
    "White Irish": "white_irish",
    "Gypsy or Irish Traveller": "white_gypsy_or_irish_traveller",
    "Gypsy, Traveller or Irish Traveller": "white_gypsy_or_irish_traveller",
    "Irish Traveller": "white_gypsy_or_irish_traveller",
    "Gypsy": "white_gypsy_or_irish_traveller",
    "Traveller": "white_gypsy_or_irish_traveller",
    "Roma": "white_roma",
    "Any other White background": "white_other",
    "Other White": "white_other",
    "White other": "white_other",
    "Polish": "white_other",
    # Mixed
    "White and Black Caribbean": "mixed_white_black_caribbean",
    "White and Black African": "mixed_white_black_african",
    "White and Asian": "mixed_white_asian",
    "Mixed White and Black Caribbean": "mixed_white_black_caribbean",
    "Mixed White and Black African": "mixed_white_black_african",
    "Mixed White and Asian": "mixed_white_asian",
    "Any other Mixed or Multiple ethnic background": "mixed_other",
    "Any other Mixed/Multiple background": "mixed_other",
    "Any other mixed multiple ethnic background": "mixed_other",
    "Any other mixed background": "mixed_other",
    "Any mixed background": "mixed_other",
    "Mixed - Any mixed background": "mixed_other",
    "Other Mixed or Multiple ethnic groups": "mixed_other",
    "Other Mixed": "mixed_other",
    # Asian
    "Indian": "asian_indian",
    "Indian or British Indian": "asian_indian",
    "Asian Indian": "asian_indian",
    "Pakistani": "asian_pakistani",
    "Pakistani or British Pakistani": "asian_pakistani",
    "Asian Pakistani": "asian_pakistani",
    "Bangladeshi": "asian_bangladeshi",
    "Bangladeshi or British Bangladeshi": "asian_bangladeshi",
    "Asian Bangladeshi": "asian_bangladeshi",
    "Chinese": "asian_chinese",
    "Asian Chinese": "asian_chinese",
    "Any other Asian background": "asian_other",
    "Any other Asian/Asian British background": "asian_other",
    "Other Asian": "asian_other",
    # Black
    "Caribbean": "black_caribbean",
    "Black Caribbean": "black_caribbean",
    "African": "black_african",
    "Black African": "black_african",
    "Any other Black, Black British, or Caribbean background": "black_other",
    "Any other Black, Black British, Black Welsh, Caribbean or African background": ("black_other"),
    "Any other Black/African/Caribbean background": "black_other",
    "Any other Black background": "black_other",
    "Other Black": "black_other",
    # Other ethnic group
    "Arab": "other_arab",
    "Any other ethnic group": "other_any",
    "Any other ethnic background": "other_any",
    "Other ethnic group - any other": "other_any",
}

# Group prefixes written before a detailed label ("White - Irish", "Asian or Asian British:
# Indian"); the answer after the prefix is looked up in that group's labels first.
RACE_PREFIXES: Final[dict[str, str]] = {
    "White": "white",
    "Mixed": "mixed",
    "Mixed or multiple": "mixed",
    "Mixed/multiple ethnic group": "mixed",
    "Mixed/multiple ethnic groups": "mixed",
    "Mixed or Multiple ethnic groups": "mixed",
    "Asian": "asian",
    "Asian British": "asian",
    "Asian or Asian British": "asian",
    "Asian, Asian British or Asian Welsh": "asian",
    "Black": "black",
    "Black British": "black",
    "Black or Black British": "black",
    "Black/African/Caribbean/Black British": "black",
    "Black, Black British, Caribbean or African": "black",
    "Black, Black British, Black Welsh, Caribbean or African": "black",
    "Other": "other_ethnic_group",
    "Other ethnic group": "other_ethnic_group",
    "Other ethnic groups": "other_ethnic_group",
}

# Labels that only make sense after a group prefix ("Black - Any other background").
RACE_GROUP_LABELS: Final[dict[str, dict[str, str]]] = {
    "white": {"Any other background": "white_other", "Other": "white_other"},
    "mixed": {"Any other background": "mixed_other", "Other": "mixed_other"},
    "asian": {"Any other background": "asian_other", "Other": "asian_other"},
    "black": {"Any other background": "black_other", "Other": "black_other"},
    "other_ethnic_group": {"Any other background": "other_any", "Any other": "other_any"},
}
