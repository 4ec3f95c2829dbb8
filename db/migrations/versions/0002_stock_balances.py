"""Running balance per facility, product and lot, back-filled from the ledger.

Revision ID: 0002_stock_balances
Revises: 0001_initial
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_stock_balances"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_balances",
        sa.Column("facility_id", sa.Integer, nullable=False),
        sa.Column("product_id", sa.Integer, nullable=False),
        sa.Column("lot_id", sa.Integer, nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("first_on", sa.Date, nullable=False),
        sa.PrimaryKeyConstraint("facility_id", "product_id", "lot_id", name="pk_stock_balances"),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name="fk_stock_balances_facility_id_facilities"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_stock_balances_product_id_products"
        ),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name="fk_stock_balances_lot_id_lots"),
    )
    op.execute(
        "INSERT INTO stock_balances (facility_id, product_id, lot_id, quantity, first_on) "
        "SELECT facility_id, product_id, lot_id, SUM(quantity), MIN(occurred_on) "
        "FROM movements GROUP BY facility_id, product_id, lot_id"
    )


def downgrade() -> None:
    op.drop_table("stock_balances")
