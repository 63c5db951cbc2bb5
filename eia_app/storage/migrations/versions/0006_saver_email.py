"""Record the e-mail of whoever saved each version, so that rules compare people, not names.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the saver's e-mail to every version; versions saved before it keep an empty one."""
    with op.batch_alter_table("assessment_versions") as batch:
        batch.add_column(
            sa.Column("saved_by_email", sa.String(320), nullable=False, server_default="")
        )


def downgrade() -> None:
    """Drop the saver's e-mail."""
    with op.batch_alter_table("assessment_versions") as batch:
        batch.drop_column("saved_by_email")
