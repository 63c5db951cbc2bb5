"""Add working copies, saved reach results and review events.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _reference() -> sa.Column[str]:
    return sa.Column("reference", sa.String(32), sa.ForeignKey("assessments.reference"),
                     nullable=False)


def upgrade() -> None:
    """Create the three tables."""
    op.create_table(
        "working_copies",
        sa.Column("reference", sa.String(32), sa.ForeignKey("assessments.reference"),
                  primary_key=True),
        sa.Column("user", sa.String(200), primary_key=True),
        sa.Column("based_on_version", sa.Integer, nullable=False),
        sa.Column("kept_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_table(
        "reach_results",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _reference(),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("saved_by", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("mapping", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_reach_results_reference", "reach_results", ["reference"])
    op.create_table(
        "review_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _reference(),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("by", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
    )
    op.create_index("ix_review_events_reference", "review_events", ["reference"])


def downgrade() -> None:
    """Drop the three tables."""
    op.drop_index("ix_review_events_reference", table_name="review_events")
    op.drop_table("review_events")
    op.drop_index("ix_reach_results_reference", table_name="reach_results")
    op.drop_table("reach_results")
    op.drop_table("working_copies")
