"""Approved requisitions (R&R) and their lines, append-only like the registers.

Revision ID: 0007_requisitions
Revises: 0006_stock_orders
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_requisitions"
down_revision = "0006_stock_orders"
branch_labels = None
depends_on = None

_NO_REWRITE = "Une réquisition approuvée ne se modifie pas : une correction ajoute une version."
_TABLES = ("requisitions", "requisition_lines")


def upgrade() -> None:
    op.create_table(
        "requisitions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("record_uuid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("facility_id", sa.Integer, nullable=False),
        sa.Column("period", sa.Date, nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("facility_name", sa.String(200), nullable=False),
        sa.Column("facility_type", sa.String(20), nullable=False),
        sa.Column("region", sa.String(200), nullable=False),
        sa.Column("district", sa.String(200), nullable=False),
        sa.Column("supplier_code", sa.String(40), nullable=False, server_default=""),
        sa.Column("approved_by", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("voided", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("entered_by", sa.String(100), nullable=False),
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_requisitions"),
        sa.UniqueConstraint("uuid", name="uq_requisitions_uuid"),
        sa.UniqueConstraint("record_uuid", "version", name="uq_requisitions_record_version"),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name="fk_requisitions_facility_id_facilities"
        ),
    )
    op.create_index("ix_requisitions_facility_period", "requisitions", ["facility_id", "period"])
    op.create_table(
        "requisition_lines",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("requisition_id", sa.Integer, nullable=False),
        sa.Column("line_no", sa.Integer, nullable=False),
        sa.Column("record_uuid", sa.String(36), nullable=False),
        sa.Column("product_id", sa.Integer, nullable=False),
        sa.Column("product_name", sa.String(200), nullable=False),
        sa.Column("base_unit", sa.String(40), nullable=False),
        sa.Column("pack_unit", sa.String(40), nullable=False),
        sa.Column("pack_size", sa.Integer, nullable=False),
        sa.Column("beginning_balance", sa.Integer, nullable=False),
        sa.Column("received", sa.Integer, nullable=False),
        sa.Column("consumed", sa.Integer, nullable=False),
        sa.Column("adjustments", sa.Integer, nullable=False),
        sa.Column("stock_on_hand", sa.Integer, nullable=False),
        sa.Column("stockout_days", sa.Integer, nullable=False),
        sa.Column("usable_stock", sa.Integer, nullable=False),
        sa.Column("amc", sa.Integer, nullable=False),
        sa.Column("max_quantity", sa.Integer, nullable=False),
        sa.Column("on_order", sa.Integer, nullable=False),
        sa.Column("calculated", sa.Integer, nullable=False),
        sa.Column("requested", sa.Integer, nullable=False),
        sa.Column("justification", sa.Text, nullable=False, server_default=""),
        sa.Column("remarks", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_requisition_lines"),
        sa.UniqueConstraint("requisition_id", "line_no", name="uq_requisition_lines_line"),
        sa.ForeignKeyConstraint(
            ["requisition_id"],
            ["requisitions.id"],
            name="fk_requisition_lines_requisition_id_requisitions",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_requisition_lines_product_id_products"
        ),
    )
    dialect = op.get_bind().dialect.name
    for table in _TABLES:
        if dialect == "sqlite":
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON "
                    f"{table} BEGIN SELECT RAISE(ABORT, '{_NO_REWRITE}'); END"
                )
        elif dialect == "postgresql":
            op.execute(
                f"CREATE FUNCTION {table}_append_only() RETURNS trigger AS $$ BEGIN "
                f"RAISE EXCEPTION '{_NO_REWRITE}'; END $$ LANGUAGE plpgsql"
            )
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in _TABLES:
        if dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")
    op.drop_table("requisition_lines")
    op.drop_index("ix_requisitions_facility_period", table_name="requisitions")
    op.drop_table("requisitions")
