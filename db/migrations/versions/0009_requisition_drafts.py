"""Requisition drafts: what the director typed into a requisition not yet approved, kept
across restarts; one row per facility and month, replaced and deleted (no append-only trigger).

Revision ID: 0009_requisition_drafts
Revises: 0008_district_exchange
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_requisition_drafts"
down_revision = "0008_district_exchange"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "requisition_drafts",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("facility_id", sa.Integer, nullable=False),
        sa.Column("period", sa.Date, nullable=False),
        sa.Column("revising", sa.Integer, nullable=True),
        sa.Column("edits", sa.Text, nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
        sa.Column("saved_by", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_requisition_drafts"),
        sa.UniqueConstraint("facility_id", "period", name="uq_requisition_drafts_facility_period"),
        sa.ForeignKeyConstraint(
            ["facility_id"],
            ["facilities.id"],
            name="fk_requisition_drafts_facility_id_facilities",
        ),
    )


def downgrade() -> None:
    op.drop_table("requisition_drafts")
