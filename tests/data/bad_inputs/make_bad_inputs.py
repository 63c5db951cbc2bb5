"""Write the corpus of broken and hostile files that the toolkit must survive.

Survey exports (:data:`BUILDERS`) go to ``eia reach``; assessment JSON files
(:data:`JSON_BUILDERS`) to ``eia validate`` and ``eia export``; custom Word
templates (:data:`TEMPLATE_BUILDERS`) to ``eia export --template``.

Usage::

    python tests/data/bad_inputs/make_bad_inputs.py FOLDER

The files are generated rather than committed (the zip bomb inflates to 600 MB and
two others are 50 MB and more). ``tests/survey/test_bad_inputs.py`` and
``benchmarks/bench_bad_inputs.py`` call :func:`make_bad_inputs` into a temporary
folder. ``password_protected.xlsx`` is a stand-in: Excel writes an encrypted
workbook as an OLE compound file, so a file starting with the OLE (CFB) magic
bytes and named .xlsx is what the reader sees.
"""

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

HEADERS = ["Respondent ID", "What is your ethnic group?", "What is your age?", "Do you agree?"]
ROWS = [
    [str(i), race, age, opinion]
    for i, (race, age, opinion) in enumerate(
        [
            ("White British", "25-34", "Agree"),
            ("Asian or Asian British", "35-44", "Disagree"),
            ("Black British", "45-54", "Agree"),
            ("Mixed", "16-24", "Neither"),
            ("White Irish", "65+", "Agree"),
        ]
        * 4,
        start=1,
    )
]
_MB = 1_000_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _csv(rows: list[list[str]], delimiter: str = ",", end: str = "\n") -> str:
    return "".join(delimiter.join(row) + end for row in rows)


def _survey(delimiter: str = ",") -> str:
    return _csv([HEADERS, *ROWS], delimiter)


def _workbook(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _merged_header() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Response", "About you", None, "Your views"])
    sheet.merge_cells("B1:C1")
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zip_bomb(inflated: int) -> bytes:
    """A workbook-looking zip whose one sheet inflates to ``inflated`` bytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            block = b"\0" * _MB
            for _ in range(inflated // _MB):
                part.write(block)
    return buffer.getvalue()


_OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.sheet.main+xml"/>'
    '<Override PartName="/xl/chartsheets/sheet1.xml" '
    f'ContentType="{_OFFICE}.chartsheet+xml"/>'
    "</Types>"
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def _chart_only() -> bytes:
    """A workbook whose only sheet is a chart sheet, its zip parts written by hand."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main" xmlns:r="{_REL}"><sheets><sheet name="Chart1" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG_REL}"><Relationship '
        f'Id="rId1" Type="{_REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
        "xl/chartsheets/sheet1.xml": '<chartsheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews>'
        "</chartsheet>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _mixed_encodings() -> bytes:
    head = _csv([HEADERS, *ROWS[:5]]).encode("utf-8") + "6,White British,£25,Agree\n".encode()
    pasted = "7,Caf\u00e9 owner \u201cmixed\u201d,25-34,Agree\n".encode("cp1252")
    return head + pasted + _csv(ROWS[7:]).encode("utf-8")


def _nul_bytes() -> bytes:
    text = _survey().encode("utf-8")
    return text[:60] + b"\0" + text[60:120] + b"\0\0" + text[120:]


def _wide() -> bytes:
    columns = 100_000
    header = ["What is your ethnic group?"] + [f"Q{i}" for i in range(1, columns)]
    row = ["White British"] + ["x"] * (columns - 1)
    return _csv([header, row, row]).encode()


def _huge_cell() -> bytes:
    return (_survey() + "99,White British,25-34," + "x" * (50 * _MB) + "\n").encode()


def _html_page() -> bytes:
    return (
        b"<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n"
        b"<body><h1>Something went wrong</h1><p>Please try again later.</p></body></html>\n"
    )


def _injection_answers() -> bytes:
    rows = [
        HEADERS + ["Any comments?"],
        ["1", "White British", "25-34", "Agree", '"=HYPERLINK(""http://x"",""click"")"'],
        ["2", "=1+1", "+44", "@SUM(A1)", "-2+3"],
        ["3", "<script>alert(1)</script>", "25-34", "<b>Agree</b>", "<img src=x onerror=1>"],
        *[row + ["ok"] for row in ROWS],
    ]
    return _csv(rows).encode()


def _truncated_xlsx() -> bytes:
    whole = _workbook([HEADERS, *ROWS])
    return whole[: len(whole) // 2]


# File name -> its bytes (None: the name is not created, or is a folder).
BUILDERS: dict[str, Callable[[], bytes]] = {
    "empty.csv": lambda: b"",
    "whitespace_only.csv": lambda: b"\n  \n\t\n",
    "header_only.csv": lambda: _csv([HEADERS]).encode(),
    "random_bytes.csv": lambda: bytes(range(256)) * 64,
    "png_named.xlsx": lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    "truncated.xlsx": _truncated_xlsx,
    "zip_bomb.xlsx": lambda: _zip_bomb(600 * _MB),
    "ratio_bomb.xlsx": lambda: _zip_bomb(40 * _MB),
    "nul_bytes.csv": _nul_bytes,
    "mixed_encodings.csv": _mixed_encodings,
    "utf16_bom.csv": lambda: _survey("\t").encode("utf-16"),
    "utf16_no_bom.csv": lambda: _survey("\t").encode("utf-16-le"),
    "cp1252.csv": lambda: (_survey() + "99,White British,25-34,“Agree” £\n").encode("cp1252"),
    "utf8_bom.csv": lambda: _survey().encode("utf-8-sig"),
    "semicolons.csv": lambda: _survey(";").encode(),
    "duplicate_headers.csv": lambda: _csv(
        [HEADERS + ["Do you agree?"]] + [r + ["No"] for r in ROWS]
    ).encode(),
    "blank_headers.csv": lambda: _csv(
        [HEADERS + ["", ""]] + [r + ["a", "b"] for r in ROWS]
    ).encode(),
    "merged_header.xlsx": _merged_header,
    "columns_100000.csv": _wide,
    "cell_50mb.csv": _huge_cell,
    "formulas_and_html.csv": _injection_answers,
    "html_error_page.csv": _html_page,
    "password_protected.xlsx": lambda: _OLE_MAGIC + bytes(512 * 8),
    "chart_only.xlsx": _chart_only,
    "unclosed_quote.csv": lambda: (
        _survey() + '21,"White British,25-34,Agree\n22,Mixed,16-24,Agree\n'
    ).encode(),
    "blank_lines.csv": lambda: (
        _csv([HEADERS, [], *ROWS[:10], [], [], *ROWS[10:], []]).replace("\n\n", "\n\n\n").encode()
    ),
    "no_equality_questions.csv": lambda: _csv(
        [["Respondent ID", "Do you agree?", "Any comments?"]]
        + [[str(i), "Agree", "Fine"] for i in range(1, 21)]
    ).encode(),
    "ragged_rows.csv": lambda: (_survey() + "21,White British,25-34,Agree,extra,cells\n").encode(),
    "cr_only_newlines.csv": lambda: _csv([HEADERS, *ROWS], end="\r").encode(),
    "crlf_newlines.csv": lambda: _csv([HEADERS, *ROWS], end="\r\n").encode(),
    "plain_survey.xlsx": lambda: _workbook([HEADERS, *ROWS]),
    "xlsx_named.csv": lambda: _workbook([HEADERS, *ROWS]),
    "rows_over_limit.csv": lambda: _survey().encode(),
    "size_over_limit.csv": lambda: _survey().encode(),
}


def _nested(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


def _many_parts(count: int) -> bytes:
    """A .docx-looking zip with ``count`` tiny parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for number in range(count):
            archive.writestr(f"word/media/part{number}.xml", "<a/>")
    return buffer.getvalue()


# Assessment JSON files, for ``eia validate`` and ``eia export``.
JSON_BUILDERS: dict[str, Callable[[], bytes]] = {
    "assessment_not_json.json": lambda: b"Equality impact assessment\n{ not: json,,\n",
    "assessment_nested_10000.json": lambda: _nested(10_000),
    "assessment_long_text.json": lambda: b'{"title": "' + b"x" * 300_000 + b'"}',
    "assessment_binary.json": lambda: bytes(range(256)) * 16,
    "assessment_oversize.json": lambda: b'{"title": "A small file, refused by a small limit"}',
}
# Custom Word templates, for ``eia export --template``.
TEMPLATE_BUILDERS: dict[str, Callable[[], bytes]] = {
    "template_zip_bomb.docx": lambda: _zip_bomb(250 * _MB),
    "template_ratio_bomb.docx": lambda: _zip_bomb(40 * _MB),
    "template_not_a_zip.docx": lambda: b"Dear colleague, the template is attached.\n",
    "template_5000_parts.docx": lambda: _many_parts(5_000),
    "template_oversize.docx": lambda: _many_parts(3),
}
NOT_FILES = ("missing.csv", "a_folder.csv")
"""Names that are not written as files: one is missing, one is a folder."""


def make_bad_inputs(folder: Path) -> dict[str, Path]:
    """Write every file of the corpus into a folder.

    Args:
        folder: Where to write (created if need be).

    Returns:
        Name -> path, for every case including the missing file and the folder.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, build in {**BUILDERS, **JSON_BUILDERS, **TEMPLATE_BUILDERS}.items():
        paths[name] = folder / name
        paths[name].write_bytes(build())
    paths["missing.csv"] = folder / "missing.csv"
    paths["a_folder.csv"] = folder / "a_folder.csv"
    paths["a_folder.csv"].mkdir(exist_ok=True)
    return paths


if __name__ == "__main__":
    written = make_bad_inputs(Path(sys.argv[1] if len(sys.argv) > 1 else "bad_inputs"))
    print(f"Wrote {len(written)} cases to {sys.argv[1] if len(sys.argv) > 1 else 'bad_inputs'}")
