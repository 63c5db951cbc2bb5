"""Convert a Word report to a tagged (accessible) PDF with LibreOffice."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document

from eia_app.domain.errors import EIAError
from eia_app.export.contents import unwrap_contents_field

# Writer's PDF export options: tagged structure (headings, tables, figures with
# alt text), PDF/UA identification and bookmarks from the headings.
PDF_FILTER_OPTIONS = {
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
}
SOFFICE_NAMES = ("soffice", "libreoffice")


class PdfConversionError(EIAError):
    """LibreOffice is missing or could not convert the document."""


class PdfTimeoutError(PdfConversionError):
    """LibreOffice was stopped because it ran past its timeout."""


def find_soffice() -> str:
    """Return the LibreOffice program to run.

    Returns:
        Its path.

    Raises:
        PdfConversionError: If LibreOffice is not installed.
    """
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise PdfConversionError(
        "LibreOffice (soffice) was not found: install LibreOffice Writer to make PDFs, "
        "or open the .docx in Word and save it as PDF."
    )


def _with_live_page_numbers(docx_path: Path, folder: Path) -> Path:
    """A copy whose contents page numbers LibreOffice works out (see unwrap_contents_field).

    Args:
        docx_path: The Word document.
        folder: A scratch folder for the copy, which keeps the document's name.

    Returns:
        The copy, or the document itself when it has no contents field.
    """
    try:
        document = Document(str(docx_path))
    except Exception:  # not a .docx python-docx can read: LibreOffice says why
        return docx_path
    if not unwrap_contents_field(document):
        return docx_path
    copy = folder / "pages" / docx_path.name
    copy.parent.mkdir()
    document.save(str(copy))
    return copy


def convert_to_pdf(docx_path: Path, out_dir: Path, *, timeout: float = 180.0) -> Path:
    """Convert a .docx file to a tagged PDF in ``out_dir``.

    Args:
        docx_path: The Word document.
        out_dir: Folder for the PDF, which gets the document's name with ``.pdf``.
        timeout: Seconds to wait for LibreOffice.

    Returns:
        The PDF's path.

    Raises:
        PdfConversionError: If LibreOffice is missing, fails or times out.
    """
    soffice = find_soffice()
    if not docx_path.is_file():
        raise PdfConversionError(f"{docx_path} does not exist: export the .docx first.")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = "pdf:writer_pdf_Export:" + json.dumps(PDF_FILTER_OPTIONS, separators=(",", ":"))
    # A private profile per run: two LibreOffice processes cannot share one.
    with tempfile.TemporaryDirectory(prefix="eia-lo-") as profile:
        docx_path = _with_live_page_numbers(docx_path, Path(profile))
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(docx_path),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            # subprocess.run has killed LibreOffice by now: nothing is left running.
            raise PdfTimeoutError(
                f"LibreOffice took more than {timeout:.0f} s to convert {docx_path.name}."
            ) from None
    pdf = out_dir / (docx_path.stem + ".pdf")
    if done.returncode != 0 or not pdf.is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise PdfConversionError(
            f"LibreOffice could not convert {docx_path.name} to PDF ({detail[0]})."
        )
    return pdf
