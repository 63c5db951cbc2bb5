"""Every identifier in the redaction set is removed; ordinary words are left alone."""

import pytest

from eia_app.analysis.themes.redact import redact

IDENTIFIERS = [
    ("Write to jane.doe@example.co.uk please", "jane.doe@example.co.uk"),
    ("or j_smith+eia@council.gov.uk", "j_smith+eia@council.gov.uk"),
    ("Ring me on 0116 305 7000", "0116 305 7000"),
    ("mobile 07700 900123", "07700 900123"),
    ("mobile 07700900123", "07700900123"),
    ("call +44 (0)116 496 0999 any time", "496 0999"),
    ("call +44 7700 900 123", "7700 900 123"),
    ("landline (0116) 496-0999", "496-0999"),
    ("London 020 7946 0018", "7946 0018"),
    ("We live at LE1 6ZG now", "LE1 6ZG"),
    ("postcode le167zg", "le167zg"),
    ("in SW1A 1AA", "SW1A 1AA"),
    ("NHS number 943 476 5919", "943 476 5919"),
    ("NHS no 9434765919", "9434765919"),
    ("see www.example.org/page", "www.example.org"),
    ("see https://example.com/a?b=c", "example.com"),
    ("born 12/03/2015", "12/03/2015"),
    ("DOB 3rd March 2015", "3rd March 2015"),
    ("born on March 3, 2015", "March 3, 2015"),
    ("Mrs Patel helped", "Patel"),
    ("Dr. Jones said no", "Jones"),
    ("my son Jack waited", "Jack"),
    ("Our daughter Amy-Rose is 9", "Amy-Rose"),
    ("my twins Tom and Ben", "Ben"),
    ("My name is Sarah Lee and", "Sarah Lee"),
    ("I'm Priya, a parent", "Priya"),
]


@pytest.mark.parametrize(("text", "identifier"), IDENTIFIERS)
def test_identifier_is_removed(text, identifier):
    assert identifier not in redact(text)
    assert "[" in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "I am English and I am worried about transport.",
        "The EHCP took 20 weeks and 3 reviews.",
        "Mainstream schools need more staff in Year 9.",
    ],
)
def test_ordinary_text_is_unchanged(text):
    assert redact(text) == text
