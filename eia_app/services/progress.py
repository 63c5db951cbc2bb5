"""Long steps of a job: say what is happening when one is slow, and give up past a budget.

Services do not print. A shell (the CLI, the app) passes a :class:`Steps` with a
callback that shows a line of text where its user looks (stderr, a status box); the
service runs each long step through :meth:`Steps.run`. The step itself runs on a
worker thread while the caller's thread waits, so the callback is always called on
the caller's thread (Streamlit's ``status.write`` needs that) and a step that
overruns the budget can be abandoned without waiting for it.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final, TypeVar

from eia_app.domain.errors import EIAError
from eia_app.domain.limits import TimeLimits, limit_fields

ProgressCallback = Callable[[str], None]
"""The callback protocol: receives one line saying what a slow step is doing."""

T = TypeVar("T")

ANNOUNCE_AFTER: Final = 2.0  # seconds: a quicker step is not worth a line
REPEAT_EVERY: Final = 10.0  # seconds between "still ..." lines
_BUDGET_VARIABLE: Final = limit_fields(TimeLimits)["step_seconds"].metadata["variable"]


class TimeBudgetError(EIAError):
    """A step ran past the time budget and was abandoned; the message says what to do."""


@dataclass
class _Outcome:
    value: Any = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)


@dataclass(frozen=True)
class Steps:
    """Runs the named steps of a job, reporting slow ones and abandoning overruns.

    Attributes:
        report: Where progress lines go; None to show nothing.
        budget: Seconds any one step may take (``TimeLimits.step_seconds``); None
            for no limit.
        announce_after: Seconds before a running step is first reported.
        every: Seconds between later reports of the same step.
    """

    report: ProgressCallback | None = None
    budget: float | None = None
    announce_after: float = ANNOUNCE_AFTER
    every: float = REPEAT_EVERY

    def run(self, words: str, work: Callable[[], T], *, advice: str = "") -> T:
        """Run one step, reporting it while it is slow and abandoning it past the budget.

        Args:
            words: What the step does, as a phrase ("drawing the charts").
            work: The step.
            advice: What the user can do instead, for the give-up message
                ("leave them out with --no-charts").

        Returns:
            What ``work`` returns.

        Raises:
            TimeBudgetError: If the step runs past the budget.
            BaseException: Whatever ``work`` raises, unchanged.
        """
        if self.report is None and self.budget is None:
            return work()
        outcome = _Outcome()

        def target() -> None:
            try:
                outcome.value = work()
            except BaseException as problem:  # noqa: BLE001 - raised again on the caller's thread
                outcome.error = problem
            finally:
                outcome.done.set()

        # A daemon thread: an abandoned step must not keep the process alive.
        threading.Thread(target=target, name=f"step: {words}", daemon=True).start()
        self._wait(words, outcome, advice)
        if outcome.error is not None:
            raise outcome.error
        return outcome.value  # type: ignore[no-any-return]

    def _wait(self, words: str, outcome: _Outcome, advice: str) -> None:
        started = time.monotonic()
        next_report = self.announce_after
        budget = math.inf if self.budget is None else self.budget
        while True:
            elapsed = time.monotonic() - started
            deadline = min(next_report if self.report else math.inf, budget)
            if outcome.done.wait(timeout=max(deadline - elapsed, 0.0)):
                return
            elapsed = time.monotonic() - started
            if elapsed >= budget:
                raise TimeBudgetError(give_up_message(words, budget, advice))
            if self.report is not None and elapsed >= next_report:
                lead = "Still " + words if next_report > self.announce_after else words
                self.report(f"{lead[0].upper()}{lead[1:]}... ({elapsed:.0f} s)")
                next_report += self.every


def give_up_message(words: str, budget: float, advice: str = "") -> str:
    """The one line for a step abandoned past the budget.

    Args:
        words: What the step does.
        budget: The budget in seconds.
        advice: What the user can do instead, if anything.

    Returns:
        "<Step> did not finish within the time budget of N s; <advice>, or raise
        EIA_TIME_BUDGET (seconds)."
    """
    instead = f"{advice}, or " if advice else ""
    return (
        f"{words[0].upper()}{words[1:]} did not finish within the time budget of "
        f"{budget:g} s; {instead}raise {_BUDGET_VARIABLE} (seconds)."
    )
