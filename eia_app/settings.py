"""Settings read from ``EIA_*`` environment variables, with defaults for a single desktop user.

This is the only module that reads the environment or knows where the toolkit's data
files live. The shells (the app and the CLI) load the settings and pass the values
down; the layers below take folders, URLs and names as arguments.
"""

import getpass
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TypeVar

from eia_app.domain.errors import SettingsError
from eia_app.domain.limits import (
    JsonLimits,
    Limits,
    SurveyLimits,
    TemplateLimits,
    TimeLimits,
    limit_fields,
)

DATABASE_URL_VARIABLE = "EIA_DATABASE_URL"
USER_VARIABLE = "EIA_USER"
EXAMPLES_DIR_VARIABLE = "EIA_EXAMPLES_DIR"
REGISTRY_DIR_VARIABLE = "EIA_REGISTRY_DIR"
BASELINES_DIR_VARIABLE = "EIA_BASELINES_DIR"
TEMPLATES_DIR_VARIABLE = "EIA_TEMPLATES_DIR"
DEBUG_VARIABLE = "EIA_DEBUG"
OIDC_ISSUER_VARIABLE = "EIA_OIDC_ISSUER_URL"
OIDC_CLIENT_ID_VARIABLE = "EIA_OIDC_CLIENT_ID"
OIDC_CLIENT_SECRET_VARIABLE = "EIA_OIDC_CLIENT_SECRET"
OIDC_COOKIE_SECRET_VARIABLE = "EIA_OIDC_COOKIE_SECRET"
OIDC_REDIRECT_VARIABLE = "EIA_OIDC_REDIRECT_URI"
ADMIN_EMAILS_VARIABLE = "EIA_ADMIN_EMAILS"
ALLOWED_DOMAINS_VARIABLE = "EIA_ALLOWED_EMAIL_DOMAINS"

# Relative to the working directory, so each project folder gets its own library.
DEFAULT_DATABASE_FILE = Path("eia-data") / "eia.sqlite"
DEFAULT_TEMPLATE_NAME = "eia_default.docx"
"""The Word template, inside the templates folder."""

L = TypeVar("L", bound=Limits)

_FALSE_WORDS = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True)
class SignIn:
    """The OpenID Connect provider every page signs in through (``EIA_OIDC_*``).

    Attributes:
        issuer_url: The provider's issuer, for Microsoft Entra ID
            ``https://login.microsoftonline.com/<tenant>/v2.0``.
        client_id: The app's client (application) id at the provider.
        client_secret: The app's client secret.
        cookie_secret: A long random string that signs the sign-in cookie.
        redirect_uri: Where the provider sends people back:
            the app's address followed by ``/oauth2callback``.
        admin_emails: People who are made administrators when they sign in.
        allowed_domains: E-mail domains allowed in; empty allows any the provider signs in.
    """

    issuer_url: str
    client_id: str
    client_secret: str
    cookie_secret: str
    redirect_uri: str
    admin_emails: frozenset[str] = frozenset()
    allowed_domains: frozenset[str] = frozenset()

    @property
    def metadata_url(self) -> str:
        """The provider's discovery document, which names its endpoints and keys."""
        return f"{self.issuer_url.rstrip('/')}/.well-known/openid-configuration"


@dataclass(frozen=True)
class Settings:
    """Where assessments are stored, who is saving, and where the data files are.

    Attributes:
        database_url: SQLAlchemy URL of the assessment library (``EIA_DATABASE_URL``).
        user: Name recorded against every version saved (``EIA_USER``).
        examples_dir: Folder holding the example assessments (``EIA_EXAMPLES_DIR``).
        registry_dir: Folder of characteristic and local group files (``EIA_REGISTRY_DIR``).
        baselines_dir: Folder of population baselines (``EIA_BASELINES_DIR``).
        templates_dir: Folder holding the Word template (``EIA_TEMPLATES_DIR``).
        debug: Whether to show a traceback for an unexpected error (``EIA_DEBUG``).
        survey_limits: The largest survey export accepted; each limit is overridden by
            its ``EIA_MAX_*`` variable (see :class:`~eia_app.domain.limits.SurveyLimits`).
        json_limits: The largest assessment or reach JSON file accepted (``EIA_MAX_JSON_*``,
            ``EIA_MAX_TEXT_CHARS``).
        template_limits: The largest custom Word template accepted (``EIA_MAX_TEMPLATE_*``).
        time_limits: How long one step of a command may run (``EIA_TIME_BUDGET``).
        sign_in: The sign-in provider (``EIA_OIDC_*``); None for single-user mode.
    """

    database_url: str
    user: str
    examples_dir: Path
    registry_dir: Path
    baselines_dir: Path
    templates_dir: Path
    debug: bool = False
    survey_limits: SurveyLimits = field(default_factory=SurveyLimits)
    json_limits: JsonLimits = field(default_factory=JsonLimits)
    template_limits: TemplateLimits = field(default_factory=TemplateLimits)
    time_limits: TimeLimits = field(default_factory=TimeLimits)
    sign_in: SignIn | None = None

    @property
    def template_path(self) -> Path:
        """The Word template the report is built from."""
        return self.templates_dir / DEFAULT_TEMPLATE_NAME


def default_database_url(cwd: Path | None = None) -> str:
    """Return the URL of the embedded SQLite library under a working directory.

    Args:
        cwd: Folder to place ``eia-data/eia.sqlite`` in; defaults to the current one.

    Returns:
        An absolute ``sqlite:///`` URL, so that the Streamlit process started by
        ``eia serve`` opens the same file whatever its own working directory.
    """
    folder = (cwd or Path.cwd()).resolve()
    return f"sqlite:///{(folder / DEFAULT_DATABASE_FILE).as_posix()}"


def default_user() -> str:
    """Return the operating-system user name, or "unknown" where there is none."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        # Containers often run under a numeric id with no passwd entry.
        return "unknown"


def shipped_dir(name: str) -> Path:
    """Return a data folder shipped inside the package (``eia_app.shipped_<name>``).

    ``protected_characteristics/``, ``templates/`` and ``examples/`` live at the top of
    the repository, where councils edit them; ``setup.py`` maps them into the package,
    so an installed toolkit (editable or not) finds them from any folder.

    Args:
        name: ``registry``, ``templates`` or ``examples``.

    Returns:
        The folder's path.
    """
    return Path(str(resources.files(f"eia_app.shipped_{name}")))


def default_examples_dir() -> Path:
    """Return the shipped examples (``examples/`` in the repository)."""
    return shipped_dir("examples")


def default_registry_dir() -> Path:
    """Return the shipped registry (``protected_characteristics/`` in the repository)."""
    return shipped_dir("registry")


def default_baselines_dir() -> Path:
    """Return the shipped baselines (``protected_characteristics/baselines/``)."""
    return shipped_dir("registry") / "baselines"


def default_templates_dir() -> Path:
    """Return the shipped Word template folder (``templates/`` in the repository)."""
    return shipped_dir("templates")


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read the settings, falling back to defaults for anything unset or blank.

    Args:
        environ: Variables to read; defaults to ``os.environ`` at call time, so
            tests and ``eia serve`` can change them before opening a workspace.

    Returns:
        The settings.

    Raises:
        SettingsError: If an ``EIA_MAX_*`` limit is not a whole number above 0.
    """
    env = os.environ if environ is None else environ

    def value(name: str) -> str | None:
        return (env.get(name) or "").strip() or None

    def folder(name: str, default: Path) -> Path:
        given = value(name)
        return Path(given).expanduser() if given else default

    def whole_number(name: str, given: str) -> int:
        try:
            number = int(given.replace(",", ""))
        except ValueError:
            number = 0
        if number < 1:
            raise SettingsError(f"{name} must be a whole number above 0, not '{given}'.")
        return number

    def limits(kind: type[L]) -> L:
        chosen = {
            name: whole_number(item.metadata["variable"], given)
            for name, item in limit_fields(kind).items()
            if (given := value(item.metadata["variable"])) is not None
        }
        return kind(**chosen)

    debug = value(DEBUG_VARIABLE)
    return Settings(
        database_url=value(DATABASE_URL_VARIABLE) or default_database_url(),
        user=value(USER_VARIABLE) or default_user(),
        examples_dir=folder(EXAMPLES_DIR_VARIABLE, default_examples_dir()),
        registry_dir=folder(REGISTRY_DIR_VARIABLE, default_registry_dir()),
        baselines_dir=folder(BASELINES_DIR_VARIABLE, default_baselines_dir()),
        templates_dir=folder(TEMPLATES_DIR_VARIABLE, default_templates_dir()),
        debug=debug is not None and debug.lower() not in _FALSE_WORDS,
        survey_limits=limits(SurveyLimits),
        json_limits=limits(JsonLimits),
        template_limits=limits(TemplateLimits),
        time_limits=limits(TimeLimits),
        sign_in=_sign_in(value),
    )


_OIDC_REQUIRED = (
    OIDC_ISSUER_VARIABLE,
    OIDC_CLIENT_ID_VARIABLE,
    OIDC_CLIENT_SECRET_VARIABLE,
    OIDC_COOKIE_SECRET_VARIABLE,
    OIDC_REDIRECT_VARIABLE,
)


def _word_set(given: str | None) -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in (given or "").replace(";", ",").split(",")
                     if w.strip())  # fmt: skip


def _sign_in(value: Callable[[str], str | None]) -> SignIn | None:
    """Read the sign-in provider: all five ``EIA_OIDC_*`` variables, or none of them."""
    given = {name: value(name) for name in _OIDC_REQUIRED}
    missing = [name for name, found in given.items() if found is None]
    if len(missing) == len(_OIDC_REQUIRED):
        return None
    if missing:
        raise SettingsError(
            f"Sign-in needs every one of {', '.join(_OIDC_REQUIRED)}; "
            f"{', '.join(missing)} not set. Set them all, or none for single-user mode."
        )
    redirect = given[OIDC_REDIRECT_VARIABLE] or ""
    if not redirect.endswith("/oauth2callback"):
        raise SettingsError(
            f"{OIDC_REDIRECT_VARIABLE} must be the app's address followed by /oauth2callback, "
            f"not '{redirect}'."
        )
    return SignIn(
        issuer_url=given[OIDC_ISSUER_VARIABLE] or "",
        client_id=given[OIDC_CLIENT_ID_VARIABLE] or "",
        client_secret=given[OIDC_CLIENT_SECRET_VARIABLE] or "",
        cookie_secret=given[OIDC_COOKIE_SECRET_VARIABLE] or "",
        redirect_uri=redirect,
        admin_emails=_word_set(value(ADMIN_EMAILS_VARIABLE)),
        allowed_domains=frozenset(
            d.lstrip("@") for d in _word_set(value(ALLOWED_DOMAINS_VARIABLE))
        ),
    )
