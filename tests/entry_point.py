"""Run the ``eia`` entry point in this process, as the tests of whole commands need."""

from click.testing import CliRunner

from eia_app.cli.app import main


def run_eia(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run ``eia ARGS`` through the real entry point; exit code, stdout, stderr."""
    with CliRunner().isolation(env=env) as (out, err, *_):
        try:
            main(args)
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
    return code, out.getvalue().decode(), err.getvalue().decode()
