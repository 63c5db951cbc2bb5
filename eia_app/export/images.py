"""Render plotly figures to PNG through one headless Chromium session.

Kaleido 1.x drives a Chrome or Chromium already installed on the machine; it
finds ``chromium`` on the PATH, or the browser named by ``BROWSER_PATH`` or by
the ``browser_path`` argument. Starting the browser takes about two seconds,
so every chart of one export is drawn in the same session.
"""

import asyncio
import concurrent.futures
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import kaleido
import plotly.graph_objects as go
from choreographer.browsers.chromium import ChromeNotFoundError

from eia_app.domain.errors import EIAError

PNG_OPTIONS = {"format": "png", "scale": 2}


class ChartRenderingError(EIAError):
    """Charts could not be drawn, usually because no Chromium browser was found."""


@dataclass
class RenderedCharts:
    """PNG images by chart key, with how long the browser and each chart took.

    Attributes:
        images: PNG bytes by chart key.
        startup_seconds: Time to start the browser.
        chart_seconds: Time spent drawing each chart, by key.
    """

    images: dict[str, bytes] = field(default_factory=dict)
    startup_seconds: float = 0.0
    chart_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        """Browser start-up plus every chart."""
        return self.startup_seconds + sum(self.chart_seconds.values())


async def _render_all(
    figures: Mapping[str, go.Figure], browser_path: str | None, timeout: float
) -> RenderedCharts:
    result = RenderedCharts()
    options: dict[str, Any] = {"n": 1, "mathjax": False, "timeout": timeout}
    if browser_path:
        options["path"] = browser_path
    started = time.perf_counter()
    async with kaleido.Kaleido(**options) as session:
        # A tiny first figure makes the page load and compile plotly.js, so that
        # start-up is counted once here rather than in the first real chart.
        await session.calc_fig(
            go.Figure(go.Bar(x=[1])), opts=dict(PNG_OPTIONS, width=50, height=50)
        )
        result.startup_seconds = time.perf_counter() - started
        for key, figure in figures.items():
            began = time.perf_counter()
            layout = figure.layout
            opts = dict(PNG_OPTIONS, width=layout.width or 800, height=layout.height or 450)
            result.images[key] = await session.calc_fig(figure, opts=opts)
            result.chart_seconds[key] = time.perf_counter() - began
    return result


def _run(coroutine: Any) -> RenderedCharts:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)  # type: ignore[no-any-return]
    # Called from inside an event loop (a notebook, some servers): use a thread.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()  # type: ignore[no-any-return]


def render_pngs(
    figures: Mapping[str, go.Figure],
    *,
    browser_path: str | None = None,
    timeout: float = 60.0,
) -> RenderedCharts:
    """Render every figure to PNG in a single browser session.

    Args:
        figures: Figures by chart key, drawn in this order.
        browser_path: Chromium or Chrome executable; None to let kaleido find one.
        timeout: Seconds allowed for any one chart.

    Returns:
        The PNG images and timings.

    Raises:
        ChartRenderingError: If no browser could be started or a chart failed.
    """
    if not figures:
        return RenderedCharts()
    try:
        return _run(_render_all(figures, browser_path, timeout))
    except ChromeNotFoundError as missing:
        named = browser_path or os.environ.get("BROWSER_PATH")
        where = f" at {named}" if named else ""
        raise ChartRenderingError(
            f"Charts could not be drawn: no Chromium browser was found{where}. Install "
            "Chromium (the 'chromium' package) or set BROWSER_PATH to a Chrome or Chromium "
            "executable."
        ) from missing
    except Exception as bad:  # kaleido and choreographer raise many kinds of error
        raise ChartRenderingError(
            f"Charts could not be drawn: Chromium failed ({type(bad).__name__}: {bad}). "
            "Check that Chromium starts on this machine, or export without charts."
        ) from bad
