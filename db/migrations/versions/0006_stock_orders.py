"""Stock on order: deliveries a facility expects, append-only versions like the registers.

Revision ID: 0006_stock_orders
Revises: 0005_monthly_reports
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_stock_orders"
down_revision = "0005_monthly_reports"
branch_labels = None
depends_on = None

_NO_REWRITE = "Les commandes en cours ne se modifient pas : un changement ajoute une version."


def upgrade() -> None:
    op.create_table(
        "stock_orders",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("record_uuid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("facility_id", sa.Integer, nullable=False),
        sa.Column("product_id", sa.Integer, nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("expected_on", sa.Date, nullable=False),
        sa.Column("reference", sa.String(200), nullable=False, server_default=""),
        sa.Column("supplier", sa.String(200), nullable=False, server_default=""),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("voided", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("entered_by", sa.String(100), nullable=False),
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stock_orders"),
        sa.UniqueConstraint("uuid", name="uq_stock_orders_uuid"),
        sa.UniqueConstraint("record_uuid", "version", name="uq_stock_orders_record_version"),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name="fk_stock_orders_facility_id_facilities"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_stock_orders_product_id_products"
        ),
    )
    op.create_index("ix_stock_orders_facility_day", "stock_orders", ["facility_id", "expected_on"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER stock_orders_no_{action.lower()} BEFORE {action} ON "
                f"stock_orders BEGIN SELECT RAISE(ABORT, '{_NO_REWRITE}'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION stock_orders_append_only() RETURNS trigger AS $$ BEGIN "
            f"RAISE EXCEPTION '{_NO_REWRITE}'; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER stock_orders_append_only BEFORE UPDATE OR DELETE ON stock_orders "
            "FOR EACH ROW EXECUTE FUNCTION stock_orders_append_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS stock_orders_no_update")
        op.execute("DROP TRIGGER IF EXISTS stock_orders_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS stock_orders_append_only ON stock_orders")
        op.execute("DROP FUNCTION IF EXISTS stock_orders_append_only()")
    op.drop_table("stock_orders")
