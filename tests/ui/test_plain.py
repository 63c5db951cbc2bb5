"""Typed text shown inside Markdown keeps no Markdown of its own."""

import pytest

from eia_app.ui.plain import plain, plain_rows


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("![x](https://tracker.example/p.png)", r"\!\[x\](https://tracker.example/p.png)"),
        ("**bold** `code` gender_reassignment", r"\*\*bold\*\* \`code\` gender_reassignment"),
        ("# Heading", r"\# Heading"),
        ("$x$ ~~gone~~ a|b", r"\$x\$ \~\~gone\~\~ a\|b"),
        ("Key details > Title: Fill this in.", "Key details > Title: Fill this in."),
    ],
)
def test_markdown_punctuation_is_escaped(typed, shown):
    assert plain(typed) == shown


def test_every_cell_of_a_table_is_plain():
    assert plain_rows([{"Who": "[me](x)", "When": "01/01/2026"}]) == [
        {"Who": r"\[me\](x)", "When": "01/01/2026"}
    ]
