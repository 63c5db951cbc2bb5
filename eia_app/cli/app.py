"""The root ``eia`` command group and the error handling shared by every command."""

import atexit
import os
import sys
import threading
from typing import TYPE_CHECKING, NoReturn

import click

from eia_app import __version__
from eia_app.domain.errors import EIAError
from eia_app.settings import DEBUG_VARIABLE, load_settings

if TYPE_CHECKING:
    from eia_app.services.progress import Steps


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eia")
def cli() -> None:
    """Equality Impact Assessment toolkit."""


def command_steps() -> "Steps":
    """The progress reporter for a command: slow steps on stderr, the budget from settings."""
    from eia_app.services.progress import Steps

    def show(line: str) -> None:
        click.echo(line, err=True)

    return Steps(report=show, budget=load_settings().time_limits.step_seconds)


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


def _status(done: SystemExit) -> int:
    """The exit status Python would give for ``done`` (printing a message, as it would)."""
    if done.code is None:
        return 0
    if isinstance(done.code, int):
        return done.code
    print(done.code, file=sys.stderr)
    return 1


def run() -> NoReturn:
    """Entry point of the installed ``eia`` command: :func:`main`, then a prompt exit.

    Python's own shutdown tears down every module and object one by one, which for
    ``eia reach`` (pandas, pyarrow, the registry) took about 0.3 s after the work was
    done. The process is ending, so instead the output is flushed, exit handlers run
    and other threads are waited for, and then the process ends at once. Tests call
    :func:`main`, which leaves the interpreter running.
    """
    try:
        main()
        code = 0
    except SystemExit as done:
        code = _status(done)
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            # A closed pipe (``eia reach | head``): nothing more can be shown.
            code = code or 1
    os._exit(code)
