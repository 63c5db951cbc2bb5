"""The opinion part of a reach result: one opinion question by one characteristic."""

from enum import StrEnum

from eia_app.domain.reach_base import Count, ReachModel, Share
from eia_app.domain.reach_base import described as _described


class OpinionFlag(StrEnum):
    """How a group's answers to an opinion question differ from everyone else's."""

    MORE_AGREE = "more_agree"
    LESS_AGREE = "less_agree"
    DIFFERS = "differs"

    @property
    def words(self) -> str:
        """The flag in words, as a reader sees it."""
        return {"more_agree": "agree more", "less_agree": "agree less"}.get(
            self.value, "answer differently"
        )


class OpinionRow(ReachModel):
    """One group's answers to an opinion question."""

    group: str = _described("Category id of the group.")
    count: Count | None = _described("Respondents in the group who answered; null when withheld.")
    counts: dict[str, Count | None] = _described("Answer -> respondents; null when withheld.")
    row_percent: dict[str, float | None] = _described("Answer -> percentage of the group.")
    agree_share: Share | None = _described("Share answering an agree point.", None)
    ci_low: Share | None = _described("Lower end of the Wilson interval of the agree share.", None)
    ci_high: Share | None = _described("Upper end of the interval.", None)
    agree_residual: float | None = _described("Adjusted residual of the agree count.", None)
    flag: OpinionFlag | None = _described("more_agree, less_agree, differs or null.", None)


class OpinionTest(ReachModel):
    """Chi-square test of independence of the answers and the groups."""

    chi2: float | None = _described("Test statistic; null when it cannot be computed.", None)
    df: int | None = _described("Degrees of freedom.", None)
    p_value: float | None = _described("p-value of the test.", None)
    min_expected: float | None = _described("Smallest expected count.", None)


class OpinionCrosstab(ReachModel):
    """One opinion question by one characteristic."""

    answers: tuple[str, ...] = _described("Points of the answer scale, in order.")
    agree_answers: tuple[str, ...] = _described("Points counted as agreement.", ())
    rows: tuple[OpinionRow, ...] = _described("One row per category of the characteristic.")
    test: OpinionTest = _described("Test of independence.", default_factory=OpinionTest)
    notes: tuple[str, ...] = _described("Caveats.", ())


Opinions = dict[str, dict[str, OpinionCrosstab]]
