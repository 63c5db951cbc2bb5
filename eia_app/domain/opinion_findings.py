"""Opinion findings in plain words: how a group's views differed, for every reader.

One wording for the terminal, the app and the Word document: "about 1 in 3 Asian
respondents agreed, against about 4 in 5 other respondents", and "too few responses
to detect a difference, n = 19" for a group under the ``small_group`` threshold, so
that a small group is never said to hold the same views as everyone else. No test
statistic appears here: the tests are in the methods appendix.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from eia_app.domain.reach import (
    CharacteristicReach,
    OpinionCrosstab,
    OpinionFlag,
    OpinionRow,
    Opinions,
)
from eia_app.domain.reach_findings import named_list, one_in, percent

# Characteristics whose category labels read as an adjective before "respondents"
# ("Asian respondents", "Hindu respondents"); other labels are quoted as answers.
_ADJECTIVE_LABELS = frozenset(
    {"race", "religion_belief", "sex", "sexual_orientation", "disability"}
)


def group_words(characteristic: str, label: str) -> str:
    """A group of respondents in words, such as "Asian respondents" or "respondents aged 18 to 24".

    Args:
        characteristic: Registry id of the characteristic.
        label: The category's label.

    Returns:
        The phrase.
    """
    if characteristic == "age":
        return f"respondents aged {label[:1].lower()}{label[1:]}"
    if characteristic in _ADJECTIVE_LABELS:
        return f"{label} respondents"
    return f"respondents who answered '{label}'"


def _agree_count(row: OpinionRow, agree: Sequence[str]) -> int | None:
    values = [row.counts.get(answer) for answer in agree]
    if row.count is None or any(v is None for v in values):
        return None
    return sum(int(v) for v in values if v is not None)


def _proportions(own: float, others: float) -> tuple[str, str]:
    """Both shares as "about 1 in 3", or as "91.7% of" when those words would read the same."""
    words = one_in(own), one_in(others)
    if words[0] != words[1] and round(own * 10) != round(others * 10):
        return words
    return f"{percent(own)} of", f"{percent(others)} of"


def _small_label(characteristic: str, label: str) -> str:
    return f"Aged {label[:1].lower()}{label[1:]}" if characteristic == "age" else label


def _too_few(small: Sequence[tuple[str, int]]) -> str:
    if len(small) == 1:
        label, count = small[0]
        return f"{label}: too few responses to detect a difference, n = {count}."
    listed = named_list([f"{label} (n = {count})" for label, count in small], 0, "")
    return f"Too few responses to detect a difference: {listed}."


def opinion_sentences(
    table: OpinionCrosstab,
    labels: Mapping[str, str],
    *,
    small_group: int,
    characteristic: str = "race",
    complement: str | None = None,
) -> list[str]:
    """Plain sentences on one opinion question by one characteristic.

    A flagged group is described against everyone else ("about 1 in 3 Asian
    respondents agreed, against about 4 in 5 other respondents"). The complement of
    a protected group is not described (its figures mirror the group's), nor is the
    second of two groups. Groups with fewer than ``small_group`` answers are listed
    as too few to detect a difference, with their number.

    Args:
        table: The crosstab.
        labels: Category id -> label.
        small_group: Fewest answers for a group's difference to be detectable.
        characteristic: Registry id, for the wording of the groups.
        complement: Category id of the characteristic's complement, if it has one.

    Returns:
        One sentence per flagged group, then one for the small groups.
    """
    agree = list(table.agree_answers)
    counts = {row.group: _agree_count(row, agree) for row in table.rows}
    total = sum(row.count or 0 for row in table.rows if counts[row.group] is not None)
    agreeing = sum(n for n in counts.values() if n is not None)
    two_groups = sum(1 for row in table.rows if row.count) == 2
    sentences: list[str] = []
    small: list[tuple[str, int]] = []
    for row in table.rows:
        label = labels.get(row.group, row.group)
        if row.count is not None and 0 < row.count < small_group and row.flag is None:
            small.append((_small_label(characteristic, label), row.count))
            continue
        if row.flag is None or row.agree_share is None or row.group == complement:
            continue
        if two_groups and sentences:
            continue  # with two groups, the second's figures mirror the first's
        who = group_words(characteristic, label)
        own, size = counts[row.group], row.count or 0
        if row.flag is OpinionFlag.DIFFERS or own is None or total - size <= 0:
            sentences.append(
                f"{who[:1].upper()}{who[1:]} answered differently from other respondents, "
                "by more than chance would explain."
            )
            continue
        mine, theirs = _proportions(row.agree_share, (agreeing - own) / (total - size))
        sentences.append(
            f"{mine.capitalize()} {who} agreed, against {theirs} other respondents: "
            "a difference larger than chance would explain."
        )
    if small:
        sentences.append(_too_few(small))
    return sentences


@dataclass(frozen=True)
class OpinionFindings:
    """What one opinion question showed, by group, in plain sentences.

    Attributes:
        question: The question as asked.
        sentences: Sentences on the groups whose views differed, then on the groups too
            small to tell, characteristic by characteristic.
    """

    question: str
    sentences: tuple[str, ...]

    @property
    def differences(self) -> tuple[str, ...]:
        """Only the sentences on groups whose views differed."""
        return tuple(s for s in self.sentences if "too few responses" not in s)


def opinion_findings(
    opinions: Opinions,
    characteristics: Mapping[str, CharacteristicReach],
    *,
    small_group: int,
) -> tuple[OpinionFindings, ...]:
    """The plain findings of every opinion question of a result (or of one split group).

    Args:
        opinions: Opinion question -> characteristic id -> crosstab.
        characteristics: The characteristics the crosstabs are by (for labels and
            complements).
        small_group: The ``small_group`` threshold of the result.

    Returns:
        One entry per question, in the result's order.
    """
    found = []
    for question, by_characteristic in opinions.items():
        sentences: list[str] = []
        for cid, table in by_characteristic.items():
            block = characteristics.get(cid)
            labels = block.labels if block else {}
            complement = (
                next((c.id for c in block.categories if c.complement), None) if block else None
            )
            sentences += opinion_sentences(
                table, labels, small_group=small_group, characteristic=cid, complement=complement
            )
        found.append(OpinionFindings(question, tuple(sentences)))
    return tuple(found)
