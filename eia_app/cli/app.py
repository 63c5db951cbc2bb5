"""The root ``eia`` command group and the error handling shared by every command."""

import sys

import click

from eia_app import __version__
from eia_app.domain.errors import EIAError
from eia_app.settings import DEBUG_VARIABLE, load_settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eia")
def cli() -> None:
    """Equality Impact Assessment toolkit."""


def _register_commands() -> None:
    # Imported here so that each module can decorate ``cli`` without a cycle.
    from eia_app.cli import commands  # noqa: F401


def main(argv: list[str] | None = None) -> None:
    """Run the CLI, turning any user-facing error into one line on stderr.

    Args:
        argv: Arguments without the program name; defaults to ``sys.argv[1:]``.
    """
    _register_commands()
    try:
        # With standalone_mode=False click returns the exit code instead of raising it.
        code = cli.main(args=argv, prog_name="eia", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as problem:
        problem.show()
        sys.exit(problem.exit_code)
    except EIAError as problem:
        click.echo(f"Error: {problem}", err=True)
        sys.exit(1)
    except OSError as problem:
        # Files and folders named on the command line: say which and why, not a traceback.
        where = f" ({problem.filename})" if problem.filename else ""
        click.echo(f"Error: {problem.strerror or problem}{where}.", err=True)
        sys.exit(1)
    except Exception as problem:  # noqa: BLE001 - last line of defence for users
        if load_settings().debug:
            raise
        click.echo(
            f"Error: unexpected problem ({type(problem).__name__}: {problem}). "
            f"Run again with {DEBUG_VARIABLE}=1 for details and report it.",
            err=True,
        )
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
