"""Add the append-only audit trail.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSAL = "audit_events is append-only: its rows are never changed or deleted"

# PostgreSQL: one function refuses both statements; the triggers call it.
PG_FUNCTION = f"""
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{REFUSAL}';
END;
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    """Create the table, then triggers that refuse UPDATE and DELETE on it."""
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("actor_email", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_events_reference", "audit_events", ["reference"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for statement in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{statement.lower()} BEFORE {statement} "
                "ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
            )
    else:
        for statement in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{statement.lower()} BEFORE {statement} "
                f"ON audit_events BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
            )


def downgrade() -> None:
    """Drop the triggers and the table."""
    for statement in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS audit_events_no_{statement} ON audit_events"
                   if op.get_bind().dialect.name == "postgresql"
                   else f"DROP TRIGGER IF EXISTS audit_events_no_{statement}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    op.drop_index("ix_audit_events_reference", table_name="audit_events")
    op.drop_table("audit_events")
