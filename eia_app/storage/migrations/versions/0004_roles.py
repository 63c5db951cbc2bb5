"""Add people with their roles, and the assessments shared with them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the people and assessment_shares tables."""
    op.create_table(
        "people",
        sa.Column("email", sa.String(320), primary_key=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("roles", sa.String(100), nullable=False),
    )
    op.create_table(
        "assessment_shares",
        sa.Column("reference", sa.String(32), sa.ForeignKey("assessments.reference"),
                  primary_key=True),
        sa.Column("email", sa.String(320), primary_key=True),
    )


def downgrade() -> None:
    """Drop both tables."""
    op.drop_table("assessment_shares")
    op.drop_table("people")
