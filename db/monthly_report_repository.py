"""Imported monthly LMIS reports over SQLAlchemy Core: report sites and products, append-only
versions of each report (the latest wins), inserted in bulk."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select

from core.errors import DomainError
from core.monthly import MonthlyStockReport
from core.monthly_reports import ReportProduct, ReportSite, StoredReport, first_of_month
from db.repositories import CatalogueBoundRepository
from db.tables import (
    facilities,
    monthly_reports,
    products,
    report_products,
    report_sites,
)

_CHUNK = 500

_REPORT_FROM = monthly_reports.join(
    report_sites, monthly_reports.c.site_id == report_sites.c.id
).join(report_products, monthly_reports.c.product_id == report_products.c.id)
_REPORT_COLUMNS = (
    report_sites.c.code.label("site_code"),
    report_sites.c.region,
    report_sites.c.district,
    report_products.c.code.label("product_code"),
    monthly_reports.c.month,
    monthly_reports.c.version,
    monthly_reports.c.stock_initial,
    monthly_reports.c.stock_received,
    monthly_reports.c.stock_distributed,
    monthly_reports.c.stock_adjustment,
    monthly_reports.c.stock_end,
    monthly_reports.c.stockout_days,
    monthly_reports.c.reported_amc,
    monthly_reports.c.ordered,
    monthly_reports.c.source_file,
    monthly_reports.c.entered_by,
    monthly_reports.c.device,
    monthly_reports.c.recorded_at,
)
_NEWER = monthly_reports.alias("newer")
# Served by the unique index (site_id, product_id, month, version).
_LATEST_VERSION = (
    select(func.max(_NEWER.c.version))
    .where(
        _NEWER.c.site_id == monthly_reports.c.site_id,
        _NEWER.c.product_id == monthly_reports.c.product_id,
        _NEWER.c.month == monthly_reports.c.month,
    )
    .scalar_subquery()
)
_INSERT_REPORT = monthly_reports.insert()


def _stored(row: Any) -> StoredReport:
    return StoredReport(
        report=MonthlyStockReport(
            site_code=row.site_code,
            product_code=row.product_code,
            year=row.month.year,
            month=row.month.month,
            beginning_balance=row.stock_initial,
            received=row.stock_received,
            consumed=row.stock_distributed,
            adjustments=row.stock_adjustment,
            stock_on_hand=row.stock_end,
            stockout_days=row.stockout_days,
            reported_amc=row.reported_amc,
            ordered=row.ordered,
            region=row.region,
            district=row.district,
        ),
        version=row.version,
        source_file=row.source_file,
        entered_by=row.entered_by,
        device=row.device,
        recorded_at=row.recorded_at,
    )


class SqlMonthlyReportRepository(CatalogueBoundRepository):
    # --- report sites and products ----------------------------------------------------------

    def sites(self) -> list[ReportSite]:
        rows = self._conn.execute(
            select(
                report_sites.c.code,
                report_sites.c.region,
                report_sites.c.district,
                facilities.c.code.label("facility_code"),
            )
            .select_from(
                report_sites.outerjoin(facilities, report_sites.c.facility_id == facilities.c.id)
            )
            .order_by(report_sites.c.code)
        )
        return [ReportSite(r.code, r.region, r.district, r.facility_code) for r in rows]

    def products(self) -> list[ReportProduct]:
        rows = self._conn.execute(
            select(report_products.c.code, products.c.code.label("product_code"))
            .select_from(
                report_products.outerjoin(products, report_products.c.product_id == products.c.id)
            )
            .order_by(report_products.c.code)
        )
        return [ReportProduct(r.code, r.product_code) for r in rows]

    def add_sites(self, sites: Sequence[ReportSite]) -> None:
        if sites:
            self._conn.execute(
                report_sites.insert(),
                [
                    {
                        "code": s.code,
                        "region": s.region,
                        "district": s.district,
                        "facility_id": self._facilities.id_of(s.facility_code)
                        if s.facility_code
                        else None,
                    }
                    for s in sites
                ],
            )

    def add_products(self, items: Sequence[ReportProduct]) -> None:
        if items:
            self._conn.execute(
                report_products.insert(),
                [
                    {
                        "code": p.code,
                        "product_id": self._products.id_of(p.product_code)
                        if p.product_code
                        else None,
                    }
                    for p in items
                ],
            )

    def link_site(self, code: str, facility_code: str | None) -> None:
        facility_id = self._facilities.id_of(facility_code) if facility_code else None
        self._conn.execute(
            report_sites.update().where(report_sites.c.code == code).values(facility_id=facility_id)
        )

    def link_product(self, code: str, product_code: str | None) -> None:
        product_id = self._products.id_of(product_code) if product_code else None
        self._conn.execute(
            report_products.update()
            .where(report_products.c.code == code)
            .values(product_id=product_id)
        )

    def _ids(self, table: Any, codes: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(codes))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            found.update(
                (code, int(id_))
                for code, id_ in self._conn.execute(
                    select(table.c.code, table.c.id).where(table.c.code.in_(chunk))
                )
            )
        return found

    # --- reports ------------------------------------------------------------------------------

    def latest(
        self,
        site_codes: Iterable[str] | None = None,
        product_codes: Iterable[str] | None = None,
    ) -> list[StoredReport]:
        query = (
            select(*_REPORT_COLUMNS)
            .select_from(_REPORT_FROM)
            .where(monthly_reports.c.version == _LATEST_VERSION)
        )
        if product_codes is not None:
            query = query.where(report_products.c.code.in_(sorted(set(product_codes))))
        order = (report_sites.c.code, report_products.c.code, monthly_reports.c.month)
        if site_codes is None:
            return [_stored(r) for r in self._conn.execute(query.order_by(*order))]
        wanted = sorted(set(site_codes))
        result: list[StoredReport] = []
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows = self._conn.execute(query.where(report_sites.c.code.in_(chunk)).order_by(*order))
            result.extend(_stored(r) for r in rows)
        return result

    def add_versions(self, versions: Sequence[StoredReport]) -> int:
        """Append versions in one executemany (bound parameters, one cached statement)."""
        if not versions:
            return 0
        site_ids = self._ids(report_sites, (v.report.site_code for v in versions))
        product_ids = self._ids(report_products, (v.report.product_code for v in versions))
        rows = []
        for v in versions:
            r = v.report
            if r.site_code not in site_ids or r.product_code not in product_ids:
                raise DomainError(
                    f"Site {r.site_code} ou produit {r.product_code} des rapports inconnu."
                )
            assert v.recorded_at is not None, "a report version is stamped before it is stored"
            rows.append(
                {
                    "uuid": str(uuidlib.uuid4()),
                    "site_id": site_ids[r.site_code],
                    "product_id": product_ids[r.product_code],
                    "month": first_of_month(r),
                    "version": v.version,
                    "stock_initial": r.beginning_balance,
                    "stock_received": r.received,
                    "stock_distributed": r.consumed,
                    "stock_adjustment": r.adjustments,
                    "stock_end": r.stock_on_hand,
                    "stockout_days": r.stockout_days,
                    "reported_amc": r.reported_amc,
                    "ordered": r.ordered,
                    "source_file": v.source_file[:260],
                    "entered_by": v.entered_by,
                    "device": v.device,
                    "recorded_at": v.recorded_at,
                }
            )
        self._conn.execute(_INSERT_REPORT, rows)
        return len(rows)

    def versions(
        self, site_code: str, product_code: str, year: int, month: int
    ) -> list[StoredReport]:
        rows = self._conn.execute(
            select(*_REPORT_COLUMNS)
            .select_from(_REPORT_FROM)
            .where(
                report_sites.c.code == site_code,
                report_products.c.code == product_code,
                monthly_reports.c.month == date(year, month, 1),
            )
            .order_by(monthly_reports.c.version)
        )
        return [_stored(r) for r in rows]
