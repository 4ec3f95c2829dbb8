"""The schema as SQLAlchemy Core tables; Alembic revisions in db/migrations create it."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

facilities = Table(
    "facilities",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("type", String(20), nullable=False),
    Column("region", String(60), nullable=False),
    Column("district", String(100), nullable=False),
    Column("supplier_id", Integer, ForeignKey("facilities.id"), nullable=True),
)

products = Table(
    "products",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("name_en", String(200), nullable=False, server_default=""),
    Column("category", String(20), nullable=False),
    Column("base_unit", String(40), nullable=False),
    Column("pack_unit", String(40), nullable=False, server_default=""),
    Column("pack_size", Integer, nullable=False, server_default="1"),
    Column("unicef_code", String(40), nullable=False, server_default=""),
    Column("msf_code", String(40), nullable=False, server_default=""),
    Column("national_code", String(40), nullable=False, server_default=""),
    Column("gtin", String(14), nullable=False, server_default=""),
    Column("has_lots", Boolean, nullable=False),
    Column("has_expiry", Boolean, nullable=False),
    Column("is_equipment", Boolean, nullable=False),
    CheckConstraint("pack_size >= 1", name="pack_size_positive"),
)

lots = Table(
    "lots",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("lot", String(60), nullable=False),
    Column("expiry", Date, nullable=True),
    UniqueConstraint("product_id", "lot", name="uq_lots_product_lot"),
)

movements = Table(
    "movements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("facility_id", Integer, ForeignKey("facilities.id"), nullable=False),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("lot_id", Integer, ForeignKey("lots.id"), nullable=False),
    Column("occurred_on", Date, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("reason", String(30), nullable=True),
    Column("counterpart", String(200), nullable=False, server_default=""),
    Column("reference", String(200), nullable=False, server_default=""),
    Column("note", Text, nullable=False, server_default=""),
    Column("counted", Integer, nullable=True),
    Column("reverses", String(36), nullable=True),
    Column("origin_facility", String(40), nullable=False),
    Column("origin_device", String(100), nullable=False),
    Column("entered_by", String(100), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Index(
        "ix_movements_facility_day",
        "facility_id",
        "occurred_on",
        "product_id",
        "lot_id",
        "kind",
        "quantity",
    ),
    Index("ix_movements_lot_day", "facility_id", "product_id", "lot_id", "occurred_on"),
    Index("ix_movements_reverses", "reverses"),
)

# Running balance per facility, product and lot, kept in step with `movements` in the same
# transaction, so stock on hand is read from a few hundred rows whatever the ledger's size.
stock_balances = Table(
    "stock_balances",
    metadata,
    Column("facility_id", Integer, ForeignKey("facilities.id"), primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), primary_key=True),
    Column("lot_id", Integer, ForeignKey("lots.id"), primary_key=True),
    Column("quantity", Integer, nullable=False),
    Column("first_on", Date, nullable=False),
)

settings = Table(
    "settings",
    metadata,
    Column("scope", String(80), primary_key=True),
    Column("key", String(80), primary_key=True),
    Column("value", String(200), nullable=False),
)

app_meta = Table(
    "app_meta",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("value", Text, nullable=False),
)
