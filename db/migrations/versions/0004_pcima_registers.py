"""PCIMA registers: screenings, campaign tallies, admissions/exits and monthly totals.

Each is append-only like the ledger: a correction is a new version of the same record.

Revision ID: 0004_pcima_registers
Revises: 0003_covering_day_index
Create Date: 2026-11-21
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004_pcima_registers"
down_revision = "0003_covering_day_index"
branch_labels = None
depends_on = None

_NO_REWRITE = "Les registres PCIMA ne se modifient pas : une correction ajoute une version."
_TABLES = ("screenings", "screening_tallies", "pcima_events", "pcima_totals")
_TOTALS = (
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


def _versioned(name: str, *columns: sa.Column[Any], index: tuple[str, list[str]]) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("record_uuid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("facility_id", sa.Integer, nullable=False),
        *columns,
        sa.Column("voided", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("entered_by", sa.String(100), nullable=False),
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        sa.UniqueConstraint("uuid", name=f"uq_{name}_uuid"),
        sa.UniqueConstraint("record_uuid", "version", name=f"uq_{name}_record_version"),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=f"fk_{name}_facility_id_facilities"
        ),
    )
    op.create_index(index[0], name, index[1])


def upgrade() -> None:
    _versioned(
        "screenings",
        sa.Column("screened_on", sa.Date, nullable=False),
        sa.Column("place", sa.String(120), nullable=False, server_default=""),
        sa.Column("person_ref", sa.String(80), nullable=False),
        sa.Column("grp", sa.String(10), nullable=False),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("age_months", sa.Integer, nullable=True),
        sa.Column("muac_mm", sa.Integer, nullable=False),
        sa.Column("oedema", sa.String(3), nullable=False),
        sa.Column("weight_g", sa.Integer, nullable=True),
        sa.Column("height_mm", sa.Integer, nullable=True),
        sa.Column("measured_lying", sa.Boolean, nullable=True),
        sa.Column("complications", sa.Boolean, nullable=False),
        sa.Column("whz", sa.Float, nullable=True),
        sa.Column("whz_class", sa.String(10), nullable=True),
        sa.Column("muac_class", sa.String(10), nullable=False),
        sa.Column("classification", sa.String(10), nullable=False),
        sa.Column("referral", sa.String(10), nullable=True),
        sa.Column("reasons", sa.Text, nullable=False, server_default=""),
        index=("ix_screenings_facility_day", ["facility_id", "screened_on"]),
    )
    _versioned(
        "screening_tallies",
        sa.Column("screened_on", sa.Date, nullable=False),
        sa.Column("place", sa.String(120), nullable=False, server_default=""),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("grp", sa.String(10), nullable=False),
        sa.Column("screened", sa.Integer, nullable=False),
        sa.Column("sam", sa.Integer, nullable=False),
        sa.Column("mam", sa.Integer, nullable=False),
        sa.Column("normal", sa.Integer, nullable=False),
        sa.Column("oedema", sa.Integer, nullable=False),
        index=("ix_screening_tallies_facility_day", ["facility_id", "screened_on"]),
    )
    _versioned(
        "pcima_events",
        sa.Column("unit", sa.String(10), nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("child_ref", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("admission", sa.String(20), nullable=True),
        sa.Column("criterion", sa.String(10), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=True),
        index=("ix_pcima_events_facility_day", ["facility_id", "occurred_on"]),
    )
    _versioned(
        "pcima_totals",
        sa.Column("unit", sa.String(10), nullable=False),
        sa.Column("month", sa.Date, nullable=False),
        sa.Column("beginning", sa.Integer, nullable=True),
        *(sa.Column(name, sa.Integer, nullable=False) for name in _TOTALS),
        index=("ix_pcima_totals_facility_month", ["facility_id", "month"]),
    )
    dialect = op.get_bind().dialect.name
    for table in _TABLES:
        if dialect == "sqlite":
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{_NO_REWRITE}'); END"
                )
    if dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION pcima_append_only() RETURNS trigger AS $$ BEGIN "
            f"RAISE EXCEPTION '{_NO_REWRITE}'; END $$ LANGUAGE plpgsql"
        )
        for table in _TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION pcima_append_only()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in _TABLES:
        if dialect == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS pcima_append_only()")
    for table in reversed(_TABLES):
        op.drop_table(table)
