"""Monthly LMIS reports imported from files, with their report sites and report products.

The reports are append-only like the ledger: a re-import with other values adds a version.

Revision ID: 0005_monthly_reports
Revises: 0004_pcima_registers
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_monthly_reports"
down_revision = "0004_pcima_registers"
branch_labels = None
depends_on = None

_NO_REWRITE = (
    "Les rapports mensuels importés ne se modifient pas : un nouvel import ajoute une version."
)


def upgrade() -> None:
    op.create_table(
        "report_sites",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("region", sa.String(200), nullable=False, server_default=""),
        sa.Column("district", sa.String(200), nullable=False, server_default=""),
        sa.Column("facility_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_report_sites"),
        sa.UniqueConstraint("code", name="uq_report_sites_code"),
        sa.UniqueConstraint("facility_id", name="uq_report_sites_facility_id"),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name="fk_report_sites_facility_id_facilities"
        ),
    )
    op.create_table(
        "report_products",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("product_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_report_products"),
        sa.UniqueConstraint("code", name="uq_report_products_code"),
        sa.UniqueConstraint("product_id", name="uq_report_products_product_id"),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_report_products_product_id_products"
        ),
    )
    op.create_table(
        "monthly_reports",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("site_id", sa.Integer, nullable=False),
        sa.Column("product_id", sa.Integer, nullable=False),
        sa.Column("month", sa.Date, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("stock_initial", sa.Integer, nullable=False),
        sa.Column("stock_received", sa.Integer, nullable=False),
        sa.Column("stock_distributed", sa.Integer, nullable=False),
        sa.Column("stock_adjustment", sa.Integer, nullable=False),
        sa.Column("stock_end", sa.Integer, nullable=False),
        sa.Column("stockout_days", sa.Integer, nullable=False),
        sa.Column("reported_amc", sa.Integer, nullable=True),
        sa.Column("ordered", sa.Integer, nullable=True),
        sa.Column("source_file", sa.String(260), nullable=False),
        sa.Column("entered_by", sa.String(100), nullable=False),
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_monthly_reports"),
        sa.UniqueConstraint("uuid", name="uq_monthly_reports_uuid"),
        sa.UniqueConstraint(
            "site_id", "product_id", "month", "version", name="uq_monthly_reports_record_version"
        ),
        sa.ForeignKeyConstraint(
            ["site_id"], ["report_sites.id"], name="fk_monthly_reports_site_id_report_sites"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["report_products.id"],
            name="fk_monthly_reports_product_id_report_products",
        ),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER monthly_reports_no_{action.lower()} BEFORE {action} ON "
                f"monthly_reports BEGIN SELECT RAISE(ABORT, '{_NO_REWRITE}'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION monthly_reports_append_only() RETURNS trigger AS $$ BEGIN "
            f"RAISE EXCEPTION '{_NO_REWRITE}'; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER monthly_reports_append_only BEFORE UPDATE OR DELETE ON "
            "monthly_reports FOR EACH ROW EXECUTE FUNCTION monthly_reports_append_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS monthly_reports_no_update")
        op.execute("DROP TRIGGER IF EXISTS monthly_reports_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS monthly_reports_append_only ON monthly_reports")
        op.execute("DROP FUNCTION IF EXISTS monthly_reports_append_only()")
    op.drop_table("monthly_reports")
    op.drop_table("report_products")
    op.drop_table("report_sites")
