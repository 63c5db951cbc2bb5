"""Every file limit is a setting: read from its EIA_MAX_* variable and listed in the README."""

import pytest

from eia_app.domain.errors import SettingsError
from eia_app.domain.limits import (
    JsonLimits,
    SurveyLimits,
    TemplateLimits,
    TimeLimits,
    limit_fields,
)
from eia_app.settings import load_settings

KINDS = {
    "survey_limits": SurveyLimits,
    "json_limits": JsonLimits,
    "template_limits": TemplateLimits,
    "time_limits": TimeLimits,
}


def all_variables():
    for attribute, kind in KINDS.items():
        for name, item in limit_fields(kind).items():
            yield attribute, name, item.metadata["variable"]


@pytest.mark.parametrize(("attribute", "name", "variable"), list(all_variables()))
def test_each_limit_is_read_from_its_variable(attribute, name, variable):
    default = getattr(KINDS[attribute](), name)
    assert getattr(getattr(load_settings({}), attribute), name) == default
    settings = load_settings({variable: f"{default + 1:,}"})  # "1,001": commas are allowed
    assert getattr(getattr(settings, attribute), name) == default + 1


@pytest.mark.parametrize(("attribute", "name", "variable"), list(all_variables()))
def test_each_limit_is_in_the_readme_with_its_default(project_root, attribute, name, variable):
    readme = (project_root / "README.md").read_text(encoding="utf-8")
    default = getattr(KINDS[attribute](), name)
    assert f"| `{variable}` | `{default}`" in readme


def test_a_limit_that_is_not_a_number_is_refused_with_its_name():
    with pytest.raises(SettingsError, match="EIA_MAX_TEMPLATE_PARTS must be a whole number"):
        load_settings({"EIA_MAX_TEMPLATE_PARTS": "lots"})


def test_a_breach_names_the_limit_the_value_and_the_variable():
    message = TemplateLimits().breach("t.docx", "max_template_parts", 5001)
    assert message == (
        "t.docx: number of parts is 5,001, more than the limit of 1,000; "
        "save the template again in Word, or raise EIA_MAX_TEMPLATE_PARTS."
    )
    assert (
        JsonLimits()
        .breach("a.json", "max_json_depth", 65, at_least=True)
        .startswith("a.json: nesting depth is at least 65, more than the limit of 64;")
    )
