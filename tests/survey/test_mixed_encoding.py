"""A UTF-8 export with a few Windows-1252 rows, however far apart: each bad row is found
and numbered, and the rest is read as UTF-8, whatever the size of the file."""

from eia_app.analysis.survey.encoding import repair_text

HEADER = "Respondent ID,Comment\n"


def export(rows: int, bad_at: set[int]) -> bytes:
    """``rows`` answers (one line each, line 2 onwards); the rows in ``bad_at`` in cp1252."""
    lines = [HEADER.encode("utf-8")]
    for number in range(1, rows + 1):
        if number in bad_at:
            lines.append(f"{number},Cost £5 – “too much”\n".encode("cp1252"))
        else:
            lines.append(f"{number},Café fine {'x' * 40}\n".encode())
    return b"".join(lines)


def test_bad_rows_in_different_windows_are_all_found_and_numbered_by_line():
    # About 60 bytes a line: 60,000 rows make several one-megabyte windows.
    bad = {3, 25_000, 40_001, 59_999}
    data = export(60_000, bad)
    assert len(data) > 3 * (1 << 20)

    repaired = repair_text(data)

    assert repaired.encoding == "utf-8"
    assert repaired.redecoded_lines == tuple(sorted(n + 1 for n in bad))  # the header is line 1
    text = repaired.data.decode("utf-8")
    assert text.count("Cost £5 – “too much”") == len(bad)
    assert text.count("Café fine") == 60_000 - len(bad)
    assert text.startswith(HEADER)


def test_a_file_in_windows_1252_throughout_is_left_to_that_encoding():
    data = HEADER.encode() + b"".join(
        f"{n},Cost £{n} – “dear”\n".encode("cp1252") for n in range(1, 30_000)
    )
    repaired = repair_text(data)
    assert repaired.encoding == "cp1252"
    assert repaired.redecoded_lines == ()
