"""Add the free-text themes saved with an assessment version (aggregates only).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the table of saved themes."""
    op.create_table(
        "theme_results",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(32), sa.ForeignKey("assessments.reference"),
                  nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("saved_by", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("source_digest", sa.String(64), nullable=False),
        sa.Column("edits", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_theme_results_reference", "theme_results", ["reference"])


def downgrade() -> None:
    """Drop the table of saved themes."""
    op.drop_index("ix_theme_results_reference", table_name="theme_results")
    op.drop_table("theme_results")
