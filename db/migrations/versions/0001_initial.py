"""Facilities, catalogue, lots, the append-only ledger and settings.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

_NO_REWRITE = "Le registre des mouvements ne se modifie pas : corrigez par une annulation."


def upgrade() -> None:
    op.create_table(
        "facilities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("region", sa.String(60), nullable=False),
        sa.Column("district", sa.String(100), nullable=False),
        sa.Column("supplier_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_facilities"),
        sa.UniqueConstraint("code", name="uq_facilities_code"),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["facilities.id"], name="fk_facilities_supplier_id_facilities"
        ),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_en", sa.String(200), nullable=False, server_default=""),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("base_unit", sa.String(40), nullable=False),
        sa.Column("pack_unit", sa.String(40), nullable=False, server_default=""),
        sa.Column("pack_size", sa.Integer, nullable=False, server_default="1"),
        sa.Column("unicef_code", sa.String(40), nullable=False, server_default=""),
        sa.Column("msf_code", sa.String(40), nullable=False, server_default=""),
        sa.Column("national_code", sa.String(40), nullable=False, server_default=""),
        sa.Column("gtin", sa.String(14), nullable=False, server_default=""),
        sa.Column("has_lots", sa.Boolean, nullable=False),
        sa.Column("has_expiry", sa.Boolean, nullable=False),
        sa.Column("is_equipment", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_products"),
        sa.UniqueConstraint("code", name="uq_products_code"),
        sa.CheckConstraint("pack_size >= 1", name="ck_products_pack_size_positive"),
    )
    op.create_table(
        "lots",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("product_id", sa.Integer, nullable=False),
        sa.Column("lot", sa.String(60), nullable=False),
        sa.Column("expiry", sa.Date, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_lots"),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_lots_product_id_products"
        ),
        sa.UniqueConstraint("product_id", "lot", name="uq_lots_product_lot"),
    )
    op.create_table(
        "movements",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("facility_id", sa.Integer, nullable=False),
        sa.Column("product_id", sa.Integer, nullable=False),
        sa.Column("lot_id", sa.Integer, nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(30), nullable=True),
        sa.Column("counterpart", sa.String(200), nullable=False, server_default=""),
        sa.Column("reference", sa.String(200), nullable=False, server_default=""),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("counted", sa.Integer, nullable=True),
        sa.Column("reverses", sa.String(36), nullable=True),
        sa.Column("origin_facility", sa.String(40), nullable=False),
        sa.Column("origin_device", sa.String(100), nullable=False),
        sa.Column("entered_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_movements"),
        sa.UniqueConstraint("uuid", name="uq_movements_uuid"),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name="fk_movements_facility_id_facilities"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_movements_product_id_products"
        ),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name="fk_movements_lot_id_lots"),
    )
    op.create_index("ix_movements_facility_day", "movements", ["facility_id", "occurred_on"])
    op.create_index(
        "ix_movements_lot_day", "movements", ["facility_id", "product_id", "lot_id", "occurred_on"]
    )
    op.create_index("ix_movements_reverses", "movements", ["reverses"])
    op.create_table(
        "settings",
        sa.Column("scope", sa.String(80), nullable=False),
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("value", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", name="pk_settings"),
    )
    op.create_table(
        "app_meta",
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_app_meta"),
    )
    _forbid_rewrites()


def _forbid_rewrites() -> None:
    """The ledger is append-only: the database itself refuses UPDATE and DELETE on it."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER movements_no_{action.lower()} BEFORE {action} ON movements "
                f"BEGIN SELECT RAISE(ABORT, '{_NO_REWRITE}'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION movements_append_only() RETURNS trigger AS $$ BEGIN "
            f"RAISE EXCEPTION '{_NO_REWRITE}'; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER movements_append_only BEFORE UPDATE OR DELETE ON movements "
            "FOR EACH ROW EXECUTE FUNCTION movements_append_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS movements_no_update")
        op.execute("DROP TRIGGER IF EXISTS movements_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS movements_append_only ON movements")
        op.execute("DROP FUNCTION IF EXISTS movements_append_only()")
    for table in ("app_meta", "settings", "movements", "lots", "products", "facilities"):
        op.drop_table(table)
