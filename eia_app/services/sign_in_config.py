"""The ``[auth]`` secrets Streamlit's sign-in reads, written from the ``EIA_OIDC_*`` settings.

Streamlit takes its OpenID Connect settings only from a secrets file. ``eia serve``
writes one into a private folder (readable by its owner alone) and points Streamlit at
it, so a deployment configures sign-in with environment variables and nobody edits a
file that holds the client secret.
"""

import json
import os
import tempfile
from pathlib import Path

from eia_app.settings import SignIn

SECRETS_NAME = "secrets.toml"


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


def write_auth_secrets(sign_in: SignIn, folder: Path | None = None) -> Path:
    """Write the ``[auth]`` secrets into a file only this user can read.

    Args:
        sign_in: The provider settings.
        folder: Where to write; defaults to a new private temporary folder.

    Returns:
        The file's path, for Streamlit's ``--secrets.files`` option.
    """
    target = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="eia-auth-"))
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = target / SECRETS_NAME
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(auth_secrets(sign_in))
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
