"""Typed text shown inside Markdown keeps no Markdown of its own."""

import pytest

from eia_app.ui.plain import plain, plain_rows


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("![x](https://tracker.example/p.png)", r"\!\[x\]\(https\://tracker\.example/p\.png\)"),
        ("**bold** _it_ `code`", r"\*\*bold\*\* \_it\_ \`code\`"),
        ("# Heading", r"\# Heading"),
        ("<b>", r"\<b\>"),
        ("Plain words", "Plain words"),
    ],
)
def test_markdown_punctuation_is_escaped(typed, shown):
    assert plain(typed) == shown


def test_every_cell_of_a_table_is_plain():
    assert plain_rows([{"Who": "[me](x)", "When": "01/01/2026"}]) == [
        {"Who": r"\[me\]\(x\)", "When": r"01/01/2026"}
    ]
