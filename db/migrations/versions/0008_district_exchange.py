"""District exchange: imported requisitions, the import log, approved quantities, delivery
notes and their receipts; all append-only.

Revision ID: 0008_district_exchange
Revises: 0007_requisitions
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_district_exchange"
down_revision = "0007_requisitions"
branch_labels = None
depends_on = None

_NO_REWRITE = "Ces enregistrements ne se modifient pas : une correction ajoute une ligne."
_TABLES = (
    "requisition_imports",
    "approved_quantities",
    "delivery_notes",
    "delivery_note_lines",
    "delivery_receipts",
)


def _fk(table: str, column: str, referred: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{referred}.id"], name=f"fk_{table}_{column}_{referred}"
    )


def _stamp() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("entered_by", sa.String(100), nullable=False),
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    ]


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): the append-only triggers stay in place.
    op.add_column(
        "requisitions", sa.Column("source", sa.String(10), nullable=False, server_default="local")
    )
    op.add_column("requisitions", sa.Column("admissions", sa.Integer, nullable=True))
    op.add_column(
        "requisitions", sa.Column("file_name", sa.String(255), nullable=False, server_default="")
    )
    op.add_column(
        "requisitions", sa.Column("checksum", sa.String(64), nullable=False, server_default="")
    )
    op.add_column(
        "requisition_lines",
        sa.Column("downstream", sa.Integer, nullable=False, server_default="0"),
    )

    op.create_table(
        "requisition_imports",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("checksum", sa.String(64), nullable=False, server_default=""),
        sa.Column("facility_code", sa.String(40), nullable=False, server_default=""),
        sa.Column("period", sa.Date, nullable=True),
        sa.Column("sequence", sa.Integer, nullable=True),
        sa.Column("record_uuid", sa.String(36), nullable=False, server_default=""),
        sa.Column("version", sa.Integer, nullable=True),
        sa.Column("outcome", sa.String(12), nullable=False),
        sa.Column("message", sa.Text, nullable=False, server_default=""),
        *_stamp(),
        sa.PrimaryKeyConstraint("id", name="pk_requisition_imports"),
        sa.UniqueConstraint("uuid", name="uq_requisition_imports_uuid"),
    )
    op.create_index(
        "ix_requisition_imports_facility_period",
        "requisition_imports",
        ["facility_code", "period"],
    )
    op.create_table(
        "approved_quantities",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("record_uuid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("facility_id", sa.Integer, nullable=False),
        sa.Column("depot_id", sa.Integer, nullable=False),
        sa.Column("period", sa.Date, nullable=False),
        sa.Column("product_id", sa.Integer, nullable=False),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.Column("voided", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        *_stamp(),
        sa.PrimaryKeyConstraint("id", name="pk_approved_quantities"),
        sa.UniqueConstraint("uuid", name="uq_approved_quantities_uuid"),
        sa.UniqueConstraint("record_uuid", "version", name="uq_approved_quantities_record_version"),
        _fk("approved_quantities", "facility_id", "facilities"),
        _fk("approved_quantities", "depot_id", "facilities"),
        _fk("approved_quantities", "product_id", "products"),
    )
    op.create_index(
        "ix_approved_quantities_depot_period", "approved_quantities", ["depot_id", "period"]
    )
    op.create_table(
        "delivery_notes",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("record_uuid", sa.String(36), nullable=False),
        sa.Column("number", sa.String(120), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("from_code", sa.String(40), nullable=False),
        sa.Column("from_name", sa.String(200), nullable=False),
        sa.Column("to_code", sa.String(40), nullable=False),
        sa.Column("to_name", sa.String(200), nullable=False),
        sa.Column("region", sa.String(200), nullable=False),
        sa.Column("district", sa.String(200), nullable=False),
        sa.Column("period", sa.Date, nullable=False),
        sa.Column("requisition_sequence", sa.Integer, nullable=True),
        sa.Column("issued_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=True),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("shortfalls", sa.Text, nullable=False, server_default="[]"),
        sa.Column("checksum", sa.String(64), nullable=False, server_default=""),
        *_stamp(),
        sa.PrimaryKeyConstraint("id", name="pk_delivery_notes"),
        sa.UniqueConstraint("uuid", name="uq_delivery_notes_uuid"),
        sa.UniqueConstraint("record_uuid", "direction", name="uq_delivery_notes_record_direction"),
    )
    op.create_table(
        "delivery_note_lines",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("note_id", sa.Integer, nullable=False),
        sa.Column("line_no", sa.Integer, nullable=False),
        sa.Column("product_code", sa.String(40), nullable=False),
        sa.Column("product_name", sa.String(200), nullable=False),
        sa.Column("base_unit", sa.String(40), nullable=False),
        sa.Column("pack_unit", sa.String(40), nullable=False),
        sa.Column("pack_size", sa.Integer, nullable=False),
        sa.Column("lot", sa.String(60), nullable=False),
        sa.Column("expiry", sa.Date, nullable=True),
        sa.Column("quantity", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_delivery_note_lines"),
        sa.UniqueConstraint("note_id", "line_no", name="uq_delivery_note_lines_line"),
        _fk("delivery_note_lines", "note_id", "delivery_notes"),
    )
    op.create_table(
        "delivery_receipts",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("note_id", sa.Integer, nullable=False),
        sa.Column("line_no", sa.Integer, nullable=False),
        sa.Column("received", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("movement_uuid", sa.String(36), nullable=False, server_default=""),
        sa.Column("received_on", sa.Date, nullable=False),
        *_stamp(),
        sa.PrimaryKeyConstraint("id", name="pk_delivery_receipts"),
        sa.UniqueConstraint("uuid", name="uq_delivery_receipts_uuid"),
        sa.UniqueConstraint("note_id", "line_no", name="uq_delivery_receipts_line"),
        _fk("delivery_receipts", "note_id", "delivery_notes"),
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
    op.drop_table("delivery_receipts")
    op.drop_table("delivery_note_lines")
    op.drop_table("delivery_notes")
    op.drop_index("ix_approved_quantities_depot_period", table_name="approved_quantities")
    op.drop_table("approved_quantities")
    op.drop_index("ix_requisition_imports_facility_period", table_name="requisition_imports")
    op.drop_table("requisition_imports")
    with op.batch_alter_table("requisition_lines") as batch:
        batch.drop_column("downstream")
    with op.batch_alter_table("requisitions") as batch:
        for column in ("checksum", "file_name", "admissions", "source"):
            batch.drop_column(column)
