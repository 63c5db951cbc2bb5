"""A free-text question added to the synthetic export, with known themes and a known bias.

The comments are written by the toolkit's seeded generator (five themes: transport,
EHC plan delays, mainstream inclusion support, communication and translation,
respite) with a bias a themes analysis should find: Asian respondents raise
translation five times as often as others, and parents and carers raise transport
and respite twice as often. The column is drawn from its own random generator after
the rest of the file, so every other answer, and so every reach figure, is unchanged.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from eia_app.analysis.themes.synthetic import make_comments
from synthetic.consultation import COMMENT_QUESTION, PARENT, TYPE_QUESTION
from synthetic.equality_questions import ETHNIC_QUESTION

EFFECT_QUESTION = "How would the proposals in the draft strategy affect you or your family?"
SHARE_ANSWERING = 0.45


def _bias(key: str) -> dict[str, float]:
    kind, asian = key.split("|")
    bias = {"transport": 2.0, "respite": 2.0} if kind == PARENT else {}
    if asian == "asian":
        bias["translation"] = 5.0
    return bias


def add_free_text(frame: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Insert the free-text question after the comment box, answered by about 45%.

    Args:
        frame: The export built by ``responses.build``.
        seed: Seed of this column's own random generator.

    Returns:
        A new frame with the column added.
    """
    rng = np.random.default_rng(seed)
    ethnic = frame[ETHNIC_QUESTION].fillna("").astype(str).str.casefold()
    asian = np.where(ethnic.str.startswith("asian"), "asian", "other")
    keys = [f"{kind}|{a}" for kind, a in zip(frame[TYPE_QUESTION], asian, strict=True)]
    answering = rng.random(len(frame)) < SHARE_ANSWERING
    writers = [k for k, yes in zip(keys, answering, strict=True) if yes]
    comments = make_comments(seed, writers, {k: _bias(k) for k in set(writers)})
    column = np.full(len(frame), "", dtype=object)
    column[answering] = [c.text for c in comments]
    out = frame.copy()
    out.insert(out.columns.get_loc(COMMENT_QUESTION) + 1, EFFECT_QUESTION, column)
    return out
