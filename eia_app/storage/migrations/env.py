"""Alembic environment: runs migrations on the connection the application hands over."""

from alembic import context
from sqlalchemy import create_engine

from eia_app.storage.tables import Base

target_metadata = Base.metadata


def _run_offline(url: str) -> None:
    # Offline mode writes SQL for a database administrator instead of running it.
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def _run_online() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    # Developers running the ``alembic`` command give the URL in their own config.
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as own_connection:
        context.configure(
            connection=own_connection, target_metadata=target_metadata, render_as_batch=True
        )
        context.run_migrations()


if context.is_offline_mode():
    _run_offline(context.config.get_main_option("sqlalchemy.url") or "")
else:
    _run_online()
