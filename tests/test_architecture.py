"""The layering rules hold: import-linter contracts, plus a direct check on streamlit."""

import ast
from pathlib import Path

from importlinter.cli import lint_imports

PACKAGE = Path(__file__).resolve().parents[1] / "eia_app"


def test_import_linter_contracts_are_kept():
    assert lint_imports(no_cache=True, no_logo=True) == 0


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_ui_package_imports_streamlit():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(name.split(".")[0] == "streamlit" for name in _imported_modules(path))
    ]
    assert offenders == []


def test_domain_imports_only_standard_library_and_pydantic():
    allowed_third_party = {"pydantic", "pydantic_core", "typing_extensions"}
    import sys

    stdlib = set(sys.stdlib_module_names)
    for path in (PACKAGE / "domain").rglob("*.py"):
        for name in _imported_modules(path):
            top = name.split(".")[0]
            assert top in stdlib | allowed_third_party | {"eia_app"}, f"{path.name} imports {name}"
            if top == "eia_app":
                assert name.startswith("eia_app.domain"), f"{path.name} imports {name}"
