"""Fixtures shared by the app's AppTest tests."""

import pytest

from eia_app.services.workspace import close_repositories


@pytest.fixture
def database_url(tmp_path, monkeypatch):
    """A fresh SQLite library for each test; the app seeds the SEND example into it."""
    url = f"sqlite:///{(tmp_path / 'eia.sqlite').as_posix()}"
    monkeypatch.setenv("EIA_DATABASE_URL", url)
    monkeypatch.setenv("EIA_USER", "Test Officer")
    yield url
    close_repositories()
