"""The ``[auth]`` secrets Streamlit's sign-in reads, written from the ``EIA_OIDC_*`` settings.

Streamlit takes its OpenID Connect settings only from a secrets file. ``eia serve``
writes one into a private folder (readable by its owner alone) and points Streamlit at
it, so a deployment configures sign-in with environment variables and nobody edits a
file that holds the client secret.

``eia serve`` becomes the Streamlit server, so nothing is left to delete the file when
it stops. Instead each user has one private folder, and the file's name comes from a
digest of its text: restarts with the same settings rewrite the same file rather than
leave a copy of the client secret behind each time, and two servers with different
settings on one machine do not overwrite each other's.
"""

import getpass
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path

from eia_app.domain.errors import SettingsError
from eia_app.settings import SignIn

SECRETS_NAME = "secrets.toml"
"""The file's name in a folder given by the caller (a test's, say)."""


def auth_secrets(sign_in: SignIn) -> str:
    """Return the TOML text of Streamlit's ``[auth]`` section for a provider.

    Args:
        sign_in: The provider settings.

    Returns:
        The text; every value is a quoted TOML string.
    """
    values = {
        "redirect_uri": sign_in.redirect_uri,
        "cookie_secret": sign_in.cookie_secret,
        "client_id": sign_in.client_id,
        "client_secret": sign_in.client_secret,
        "server_metadata_url": sign_in.metadata_url,
    }
    # A JSON string is a valid TOML basic string, so quotes and backslashes are escaped.
    lines = [f"{name} = {json.dumps(value)}" for name, value in values.items()]
    return "[auth]\n" + "\n".join(lines) + "\n"


def private_folder(base: Path | None = None) -> Path:
    """Return this user's private folder for sign-in secrets, creating it if need be.

    Args:
        base: The folder it is made in; defaults to the system's temporary folder.

    Returns:
        ``eia-auth-<user>`` in ``base``, owned by this user and closed to everyone else.

    Raises:
        SettingsError: If that folder exists but belongs to someone else or is open to
            others (someone may be trying to read the secret): it is not used.
    """
    folder = Path(base or tempfile.gettempdir()) / f"eia-auth-{getpass.getuser()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        found = folder.lstat()
    except OSError:
        found = None
    if (
        found is None
        or not stat.S_ISDIR(found.st_mode)
        or found.st_uid != os.getuid()
        or stat.S_IMODE(found.st_mode) & 0o077
    ):
        raise SettingsError(
            f"{folder} is not a private folder of this user, so the sign-in secrets are not "
            "written there: remove it, or make it yours with mode 700, and start again."
        )
    return folder


def write_auth_secrets(sign_in: SignIn, folder: Path | None = None) -> Path:
    """Write the ``[auth]`` secrets into a file only this user can read.

    Args:
        sign_in: The provider settings.
        folder: Where to write (as ``secrets.toml``); by default this user's
            :func:`private_folder`, as ``secrets-<digest>.toml``.

    Returns:
        The file's path, for Streamlit's ``--secrets.files`` option.

    Raises:
        SettingsError: If the default folder is not private to this user.
    """
    text = auth_secrets(sign_in)
    if folder is None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        path = private_folder() / f"secrets-{digest}.toml"
    else:
        Path(folder).mkdir(mode=0o700, parents=True, exist_ok=True)
        path = Path(folder) / SECRETS_NAME
    # O_NOFOLLOW: a link planted where the file goes is refused, not written through.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    return path


def streamlit_options(sign_in: SignIn | None, folder: Path | None = None) -> list[str]:
    """Return the ``streamlit run`` options that turn sign-in on, if a provider is set.

    Args:
        sign_in: The provider settings; None for single-user mode.
        folder: Where to write the secrets; defaults to a new private temporary folder.

    Returns:
        ``["--secrets.files", PATH]``, or nothing in single-user mode.
    """
    if sign_in is None:
        return []
    return ["--secrets.files", str(write_auth_secrets(sign_in, folder))]
