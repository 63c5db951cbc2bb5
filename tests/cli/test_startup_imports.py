"""The command line starts quickly: heavy libraries load only in the commands using them."""

import json
import subprocess
import sys

HEAVY = (
    "pandas",
    "scipy",
    "statsmodels",
    "plotly",
    "openpyxl",
    "sqlalchemy",
    "sklearn",
    "wordllama",
)


def loaded_after(code: str) -> list[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules = set(json.loads(out.stdout.splitlines()[-1]))
    return [name for name in HEAVY if name in modules]


def test_importing_the_command_line_loads_no_heavy_library():
    assert loaded_after("import eia_app.cli.commands") == []


def test_help_builds_no_pydantic_model():
    # The models take a few tenths of a second to build; --help lists commands only.
    code = "from eia_app.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules = set(json.loads(out.stdout.splitlines()[-1]))
    assert "pydantic" not in modules
    assert not {"eia_app.domain.assessment", "eia_app.domain.reach"} & modules


def test_reach_loads_neither_scipy_nor_statsmodels():
    # The engine's few formulas are in light_stats: neither scipy nor statsmodels loads.
    probe = "import eia_app.services.reach, sys\nprint(sorted(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "'scipy'" not in out.stdout
    assert "'statsmodels'" not in out.stdout
    assert "'openpyxl'" not in out.stdout


def test_help_and_validate_load_no_heavy_library(tmp_path):
    from tests.examples.send_revised import CONSULTATION_STAGE

    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom eia_app.cli.app import cli\n"
        "import eia_app.cli.commands\n"
        f"for args in (['--help'], ['validate', {str(CONSULTATION_STAGE)!r}]):\n"
        "    result = CliRunner().invoke(cli, args)\n"
        "    assert result.exit_code in (0, 1), result.output\n"
    )
    assert loaded_after(code) == []


def test_the_reach_command_does_load_the_engine():
    # The probe itself must be able to see a heavy import, or the tests above prove nothing.
    assert "pandas" in loaded_after("import eia_app.services.reach")
