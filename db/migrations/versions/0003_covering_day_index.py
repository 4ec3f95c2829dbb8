"""Make the facility/day index cover product, lot, kind and quantity.

Stock as of a past date and the monthly series read every movement of a facility after a
date; with the columns in the index SQLite answers from the index alone (6.2 ms → about
1 ms at 10 million rows, see BENCHMARKS.md).

Revision ID: 0003_covering_day_index
Revises: 0002_stock_balances
Create Date: 2026-11-21
"""

from alembic import op

revision = "0003_covering_day_index"
down_revision = "0002_stock_balances"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_movements_facility_day", table_name="movements")
    op.create_index(
        "ix_movements_facility_day",
        "movements",
        ["facility_id", "occurred_on", "product_id", "lot_id", "kind", "quantity"],
    )


def downgrade() -> None:
    op.drop_index("ix_movements_facility_day", table_name="movements")
    op.create_index("ix_movements_facility_day", "movements", ["facility_id", "occurred_on"])
