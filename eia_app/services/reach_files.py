"""Reach results and column mappings as files: reading a saved result, saving a mapping."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from eia_app.analysis.file_limits import check_size, load_json
from eia_app.analysis.survey import mapping_to_json
from eia_app.domain.errors import ReachError
from eia_app.domain.issues import issues_from_validation_error
from eia_app.domain.limits import JsonLimits
from eia_app.domain.reach import REACH_SCHEMA, ReachResult


def _refuse_reach(message: str) -> ReachError:
    return ReachError(f"--reach: {message}")


def read_reach_file(path: Path, limits: JsonLimits | None = None) -> ReachResult:
    """Read a reach result saved with ``eia reach --format json``, checking it against the schema.

    Args:
        path: The JSON file.
        limits: Size, nesting and text limits (default: the defaults), checked
            before the document is validated.

    Returns:
        The result.

    Raises:
        ReachError: If the file cannot be read or is not a valid ``eia.reach/1``
            document; the message names the first field at fault.
    """
    limits = limits or JsonLimits()
    check_size(path, limits, "max_json_bytes", _refuse_reach)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ReachError(f"--reach: {path.name} could not be read ({error.strerror}).") from None
    except UnicodeDecodeError:
        raise ReachError(
            f"--reach: {path.name} is not UTF-8 text; write it again with "
            f"`eia reach SURVEY --format json -o {path.name}`."
        ) from None
    load_json(text, path.name, limits, _refuse_reach)
    try:
        return ReachResult.model_validate_json(text)
    except ValidationError as error:
        issues = issues_from_validation_error(error, ReachResult, whole="the reach result")
        more = f" (and {len(issues) - 1} more problems)" if len(issues) > 1 else ""
        raise ReachError(
            f"--reach: {path.name} is not a valid {REACH_SCHEMA} result: "
            f"{issues[0].as_file_problem().removesuffix('.')}{more}. Write it again with "
            f"`eia reach SURVEY --format json -o {path.name}`; `eia schema --reach` prints "
            "the schema."
        ) from None


def save_mapping(result: ReachResult, out: Path) -> Path:
    """Save the recognised columns of a reach result as a reusable mapping file.

    Args:
        result: A result from :func:`analyse_survey`.
        out: File to write (JSON); reuse it with ``mapping_file`` / ``--mapping-file``.

    Returns:
        The path written.

    Raises:
        ReachError: If the file cannot be written.
    """
    try:
        out.write_text(mapping_to_json(result.questions) + "\n", encoding="utf-8")
    except OSError as error:
        raise ReachError(
            f"--save-mapping: could not write {out.name} ({error.strerror})."
        ) from None
    return out
