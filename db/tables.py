"""The schema as SQLAlchemy Core tables; Alembic revisions in db/migrations create it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
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


def _versioned(name: str, *columns: Column[Any], indexes: tuple[Index, ...] = ()) -> Table:
    """A register of append-only versions of records (a correction is the next version of the
    same record_uuid; the latest version is the record): the PCIMA registers, stock orders."""
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("uuid", String(36), nullable=False, unique=True),
        Column("record_uuid", String(36), nullable=False),
        Column("version", Integer, nullable=False),
        Column("facility_id", Integer, ForeignKey("facilities.id"), nullable=False),
        *columns,
        Column("voided", Boolean, nullable=False),
        Column("note", Text, nullable=False, server_default=""),
        Column("entered_by", String(100), nullable=False),
        Column("device", String(100), nullable=False),
        Column("recorded_at", DateTime, nullable=False),
        UniqueConstraint("record_uuid", "version", name=f"uq_{name}_record_version"),
        *indexes,
    )


screenings = _versioned(
    "screenings",
    Column("screened_on", Date, nullable=False),
    Column("place", String(120), nullable=False, server_default=""),
    Column("person_ref", String(80), nullable=False),
    Column("grp", String(10), nullable=False),
    Column("sex", String(1), nullable=True),
    Column("age_months", Integer, nullable=True),
    Column("muac_mm", Integer, nullable=False),
    Column("oedema", String(3), nullable=False),
    Column("weight_g", Integer, nullable=True),
    Column("height_mm", Integer, nullable=True),
    Column("measured_lying", Boolean, nullable=True),
    Column("complications", Boolean, nullable=False),
    Column("whz", Float, nullable=True),
    Column("whz_class", String(10), nullable=True),
    Column("muac_class", String(10), nullable=False),
    Column("classification", String(10), nullable=False),
    Column("referral", String(10), nullable=True),
    Column("reasons", Text, nullable=False, server_default=""),
    indexes=(Index("ix_screenings_facility_day", "facility_id", "screened_on"),),
)

screening_tallies = _versioned(
    "screening_tallies",
    Column("screened_on", Date, nullable=False),
    Column("place", String(120), nullable=False, server_default=""),
    Column("source", String(20), nullable=False),
    Column("grp", String(10), nullable=False),
    Column("screened", Integer, nullable=False),
    Column("sam", Integer, nullable=False),
    Column("mam", Integer, nullable=False),
    Column("normal", Integer, nullable=False),
    Column("oedema", Integer, nullable=False),
    indexes=(Index("ix_screening_tallies_facility_day", "facility_id", "screened_on"),),
)

pcima_events = _versioned(
    "pcima_events",
    Column("unit", String(10), nullable=False),
    Column("occurred_on", Date, nullable=False),
    Column("child_ref", String(80), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("admission", String(20), nullable=True),
    Column("criterion", String(10), nullable=True),
    Column("outcome", String(20), nullable=True),
    indexes=(Index("ix_pcima_events_facility_day", "facility_id", "occurred_on"),),
)

TOTAL_COLUMNS = (
    "new_muac",
    "new_whz",
    "new_oedema",
    "relapse",
    "readmission",
    "transfer_in",
    "cured",
    "died",
    "defaulted",
    "non_response",
    "transfer_out",
)

pcima_totals = _versioned(
    "pcima_totals",
    Column("unit", String(10), nullable=False),
    Column("month", Date, nullable=False),
    Column("beginning", Integer, nullable=True),
    *(Column(name, Integer, nullable=False) for name in TOTAL_COLUMNS),
    indexes=(Index("ix_pcima_totals_facility_month", "facility_id", "month"),),
)

# Monthly LMIS reports imported from files (DOMAIN.md §6). Their sites and products are often
# not facilities or catalogue products of this database: they are kept as report sites and
# report products, each optionally linked to a facility / a catalogue product.
report_sites = Table(
    "report_sites",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("region", String(200), nullable=False, server_default=""),
    Column("district", String(200), nullable=False, server_default=""),
    Column("facility_id", Integer, ForeignKey("facilities.id"), nullable=True, unique=True),
)

report_products = Table(
    "report_products",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(40), nullable=False, unique=True),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=True, unique=True),
)

# One record per (site, product, month); a re-import with other values appends the next
# version, stamped with its source file and time; the latest version is the record. Append-only
# like APPEND_ONLY_TABLES (triggers in migration 0005), listed apart from the PCIMA registers.
monthly_reports = Table(
    "monthly_reports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("site_id", Integer, ForeignKey("report_sites.id"), nullable=False),
    Column("product_id", Integer, ForeignKey("report_products.id"), nullable=False),
    Column("month", Date, nullable=False),
    Column("version", Integer, nullable=False),
    Column("stock_initial", Integer, nullable=False),
    Column("stock_received", Integer, nullable=False),
    Column("stock_distributed", Integer, nullable=False),
    Column("stock_adjustment", Integer, nullable=False),
    Column("stock_end", Integer, nullable=False),
    Column("stockout_days", Integer, nullable=False),
    Column("reported_amc", Integer, nullable=True),
    Column("ordered", Integer, nullable=True),
    Column("source_file", String(260), nullable=False),
    Column("entered_by", String(100), nullable=False),
    Column("device", String(100), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    UniqueConstraint(
        "site_id", "product_id", "month", "version", name="uq_monthly_reports_record_version"
    ),
)

APPEND_ONLY_TABLES = (
    "movements",
    "screenings",
    "screening_tallies",
    "pcima_events",
    "pcima_totals",
)

app_meta = Table(
    "app_meta",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("value", Text, nullable=False),
)

# Stock on order / in transit: deliveries a facility expects, until received or cancelled.
stock_orders = _versioned(
    "stock_orders",
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("quantity", Integer, nullable=False),
    Column("expected_on", Date, nullable=False),
    Column("reference", String(200), nullable=False, server_default=""),
    Column("supplier", String(200), nullable=False, server_default=""),
    Column("status", String(12), nullable=False),
    indexes=(Index("ix_stock_orders_facility_day", "facility_id", "expected_on"),),
)

# Approved requisitions (R&R, issue 5): a version per approval or later correction; the latest
# version is the requisition. The figures are a frozen copy of what was approved (names, packs
# and quantities), not recomputed from the ledger. Append-only (triggers in migration 0007).
requisitions = _versioned(
    "requisitions",
    Column("period", Date, nullable=False),
    Column("sequence", Integer, nullable=False),
    Column("status", String(12), nullable=False),
    Column("facility_name", String(200), nullable=False),
    Column("facility_type", String(20), nullable=False),
    Column("region", String(200), nullable=False),
    Column("district", String(200), nullable=False),
    Column("supplier_code", String(40), nullable=False, server_default=""),
    Column("approved_by", String(200), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("source", String(10), nullable=False, server_default="local"),
    Column("admissions", Integer, nullable=True),
    Column("file_name", String(255), nullable=False, server_default=""),
    Column("checksum", String(64), nullable=False, server_default=""),
    indexes=(Index("ix_requisitions_facility_period", "facility_id", "period"),),
)

requisition_lines = Table(
    "requisition_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("requisition_id", Integer, ForeignKey("requisitions.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("record_uuid", String(36), nullable=False),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("product_name", String(200), nullable=False),
    Column("base_unit", String(40), nullable=False),
    Column("pack_unit", String(40), nullable=False),
    Column("pack_size", Integer, nullable=False),
    Column("beginning_balance", Integer, nullable=False),
    Column("received", Integer, nullable=False),
    Column("consumed", Integer, nullable=False),
    Column("adjustments", Integer, nullable=False),
    Column("stock_on_hand", Integer, nullable=False),
    Column("stockout_days", Integer, nullable=False),
    Column("usable_stock", Integer, nullable=False),
    Column("amc", Integer, nullable=False),
    Column("max_quantity", Integer, nullable=False),
    Column("on_order", Integer, nullable=False),
    Column("downstream", Integer, nullable=False, server_default="0"),
    Column("calculated", Integer, nullable=False),
    Column("requested", Integer, nullable=False),
    Column("justification", Text, nullable=False, server_default=""),
    Column("remarks", Text, nullable=False, server_default=""),
    UniqueConstraint("requisition_id", "line_no", name="uq_requisition_lines_line"),
)

# What the director typed into a requisition not yet approved (migration 0009): one row per
# facility and month, replaced at every edit and deleted at approval; scratch work, not the
# ledger. `edits` is JSON, {product_code: {"requested", "justification", "remarks"}}, null
# where the line keeps the computed value; `revising` the sequence number of the approved
# requisition revised, null for a draft.
requisition_drafts = Table(
    "requisition_drafts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("facility_id", Integer, ForeignKey("facilities.id"), nullable=False),
    Column("period", Date, nullable=False),
    Column("revising", Integer, nullable=True),
    Column("edits", Text, nullable=False),
    Column("saved_at", DateTime, nullable=False),
    Column("saved_by", String(100), nullable=False),
    UniqueConstraint("facility_id", "period", name="uq_requisition_drafts_facility_period"),
)

# District exchange (migration 0008): imported requisitions are stored in `requisitions` with
# source "imported" and the file's name and checksum; every import attempt is logged.
requisition_imports = Table(
    "requisition_imports",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("file_name", String(255), nullable=False),
    Column("checksum", String(64), nullable=False, server_default=""),
    Column("facility_code", String(40), nullable=False, server_default=""),
    Column("period", Date, nullable=True),
    Column("sequence", Integer, nullable=True),
    Column("record_uuid", String(36), nullable=False, server_default=""),
    Column("version", Integer, nullable=True),
    Column("outcome", String(12), nullable=False),
    Column("message", Text, nullable=False, server_default=""),
    Column("entered_by", String(100), nullable=False),
    Column("device", String(100), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Index("ix_requisition_imports_facility_period", "facility_code", "period"),
)

# Quantities a depot approves for the requisitions of the facilities it supplies: a version
# per change; facility_id is the requesting facility, depot_id the approving one.
approved_quantities = _versioned(
    "approved_quantities",
    Column("depot_id", Integer, ForeignKey("facilities.id"), nullable=False),
    Column("period", Date, nullable=False),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("quantity", Integer, nullable=False),
    indexes=(Index("ix_approved_quantities_depot_period", "depot_id", "period"),),
)

# Delivery notes (bons de livraison): written by the depot ("out") or imported by the
# receiving facility ("in"); a receipt line per note line once the delivery is confirmed.
delivery_notes = Table(
    "delivery_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("record_uuid", String(36), nullable=False),
    Column("number", String(120), nullable=False),
    Column("direction", String(3), nullable=False),
    Column("from_code", String(40), nullable=False),
    Column("from_name", String(200), nullable=False),
    Column("to_code", String(40), nullable=False),
    Column("to_name", String(200), nullable=False),
    Column("region", String(200), nullable=False),
    Column("district", String(200), nullable=False),
    Column("period", Date, nullable=False),
    Column("requisition_sequence", Integer, nullable=True),
    Column("issued_on", Date, nullable=False),
    Column("created_at", DateTime, nullable=True),
    Column("created_by", String(200), nullable=False),
    Column("shortfalls", Text, nullable=False, server_default="[]"),
    Column("checksum", String(64), nullable=False, server_default=""),
    Column("entered_by", String(100), nullable=False),
    Column("device", String(100), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    UniqueConstraint("record_uuid", "direction", name="uq_delivery_notes_record_direction"),
)

delivery_note_lines = Table(
    "delivery_note_lines",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("note_id", Integer, ForeignKey("delivery_notes.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("product_code", String(40), nullable=False),
    Column("product_name", String(200), nullable=False),
    Column("base_unit", String(40), nullable=False),
    Column("pack_unit", String(40), nullable=False),
    Column("pack_size", Integer, nullable=False),
    Column("lot", String(60), nullable=False),
    Column("expiry", Date, nullable=True),
    Column("quantity", Integer, nullable=False),
    UniqueConstraint("note_id", "line_no", name="uq_delivery_note_lines_line"),
)

delivery_receipts = Table(
    "delivery_receipts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("note_id", Integer, ForeignKey("delivery_notes.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("received", Integer, nullable=False),
    Column("reason", Text, nullable=False, server_default=""),
    Column("movement_uuid", String(36), nullable=False, server_default=""),
    Column("received_on", Date, nullable=False),
    Column("entered_by", String(100), nullable=False),
    Column("device", String(100), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    UniqueConstraint("note_id", "line_no", name="uq_delivery_receipts_line"),
)
