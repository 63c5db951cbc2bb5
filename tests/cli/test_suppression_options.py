"""``--min-count`` and ``--preset``: one preset table and one default, from the analysis layer."""

import inspect

import click
import pytest
from click.testing import CliRunner

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
from eia_app.cli.app import cli
from eia_app.cli.reach_commands import choose_min_count
from eia_app.domain.publication import DEFAULT_MIN_COUNT, SUPPRESSION_PRESETS
from eia_app.services.reach import analyse_survey


def test_the_default_threshold_is_the_default_preset():
    assert SUPPRESSION_PRESETS["default"] == DEFAULT_MIN_COUNT
    assert choose_min_count(None, None) == DEFAULT_MIN_COUNT
    default = inspect.signature(analyse_survey).parameters["min_count"].default
    assert default == DEFAULT_MIN_COUNT


@pytest.mark.parametrize(("name", "count"), sorted(SUPPRESSION_PRESETS.items()))
def test_each_preset_gives_its_threshold(name, count):
    assert choose_min_count(None, name) == count


def test_an_unknown_preset_is_a_usage_error_naming_the_presets():
    with pytest.raises(click.BadParameter, match="Unknown suppression preset 'lenient'"):
        choose_min_count(None, "lenient")


def test_help_shows_the_default_and_every_preset_from_the_table():
    text = " ".join(CliRunner().invoke(cli, ["reach", "--help"]).output.split())
    assert f"(default {DEFAULT_MIN_COUNT})" in text
    for name, count in SUPPRESSION_PRESETS.items():
        assert f"{name} ({count})" in text
