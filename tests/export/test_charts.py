"""Reach figures: paired bars with Wilson intervals, text labels, and a text alternative."""

import pytest

from eia_app.charts.reach import build_reach_figure, describe_flags, describe_reach_chart
from eia_app.export.images import ChartRenderingError, render_pngs
from tests.export.builders import require_browser


def test_figure_pairs_respondent_and_population_bars_with_intervals(reach_result):
    race = reach_result.characteristics["race"]
    figure = build_reach_figure("Ethnic group", race)
    respondents, population = figure.data
    assert respondents.orientation == "h"
    # Asian: 19 of 379 (5.01%), Wilson interval 3.23% to 7.70%, population 7.93%.
    assert list(respondents.x)[2] == pytest.approx(5.01)
    assert list(respondents.error_x.array)[2] == pytest.approx(2.69)
    assert list(respondents.error_x.arrayminus)[2] == pytest.approx(1.78)
    assert list(population.x)[2] == pytest.approx(7.93)
    assert respondents.x[1] is None  # withheld: no bar at all
    labels = [note.text for note in figure.layout.annotations]
    assert labels[:6] == ["90.5%", "88.6%", "[c] withheld", "1.4%", "5.0%", "7.9%"]
    ticks = [t.replace("<br>", " ") for t in figure.layout.yaxis.ticktext]
    assert ticks[2] == "Asian, Asian British or Asian Welsh (under-represented)"
    assert population.marker.pattern.shape == "/"  # not colour alone
    # Filled with the colour and hatched over it: plain hatching would be white on white.
    assert population.marker.pattern.fillmode == "overlay"


def test_without_a_baseline_only_respondent_bars_are_drawn(reach_result):
    figure = build_reach_figure("Pregnancy", reach_result.characteristics["pregnancy_maternity"])
    assert len(figure.data) == 1


def test_alt_text_states_the_comparison_figures_and_flags(reach_result):
    alt = describe_reach_chart("Ethnic group", reach_result.characteristics["race"])
    assert alt.startswith("Bar chart comparing the share of respondents in each Ethnic group")
    assert "379 respondents" in alt
    assert "Asian, Asian British or Asian Welsh: 5.0% of respondents against 7.9%" in alt
    assert "Mixed or Multiple ethnic groups: respondent figure withheld" in alt
    assert "Under-represented: Asian, Asian British or Asian Welsh." in alt
    assert "Over-represented: Other ethnic group." in alt


def test_flags_sentence_is_empty_when_nothing_is_flagged(reach_result):
    unflagged = reach_result.characteristics["pregnancy_maternity"].categories
    assert describe_flags(unflagged) == ""
    assert describe_flags(reach_result.characteristics["sex"].categories) == (
        "Under-represented: Male. Over-represented: Female."
    )


def test_all_charts_render_in_one_browser_session(reach_result):
    require_browser()
    figures = {
        key: build_reach_figure(key, value) for key, value in reach_result.characteristics.items()
    }
    rendered = render_pngs(figures)
    assert set(rendered.images) == set(figures)
    assert all(png.startswith(b"\x89PNG") for png in rendered.images.values())
    assert rendered.startup_seconds > 0


def test_a_missing_browser_is_reported_in_one_sentence(reach_result, tmp_path):
    figure = build_reach_figure("Sex", reach_result.characteristics["sex"])
    with pytest.raises(ChartRenderingError, match="no Chromium browser was found at"):
        render_pngs({"sex": figure}, browser_path=str(tmp_path / "missing"))
