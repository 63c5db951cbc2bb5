"""Create the assessments and assessment_versions tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create both tables with their keys and indexes."""
    op.create_table(
        "assessments",
        sa.Column("reference", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "assessment_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(32), sa.ForeignKey("assessments.reference"),
                  nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("saved_by", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("change_summary", sa.Text, nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("directorate", sa.Text, nullable=True),
        sa.Column("review_date", sa.Date, nullable=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.UniqueConstraint("reference", "version",
                            name="uq_assessment_versions_reference_version"),
    )
    op.create_index("ix_assessment_versions_reference", "assessment_versions", ["reference"])
    op.create_index("ix_assessment_versions_status", "assessment_versions", ["status"])


def downgrade() -> None:
    """Drop both tables."""
    op.drop_index("ix_assessment_versions_status", table_name="assessment_versions")
    op.drop_index("ix_assessment_versions_reference", table_name="assessment_versions")
    op.drop_table("assessment_versions")
    op.drop_table("assessments")
