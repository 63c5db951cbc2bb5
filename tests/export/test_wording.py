"""Small wording helpers used in Cabinet text."""

import pytest

from eia_app.export.text import count_of


@pytest.mark.parametrize(
    ("number", "singular", "plural", "expected"),
    [
        (1, "action", None, "1 action"),
        (16, "action", None, "16 actions"),
        (0, "group", None, "0 groups"),
        (1538, "response", None, "1,538 responses"),
        (2, "person", "people", "2 people"),
    ],
)
def test_count_of_writes_the_right_form_of_the_noun(number, singular, plural, expected):
    assert count_of(number, singular, plural) == expected
