"""Use cases of monthly stock reports: importing LMIS report files, linking their sites and
products to facilities and the catalogue, and one monthly history per facility and product."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from core.errors import DomainError, NotFound
from core.forecast.reader import read_lmis_reports
from core.monthly import MonthlyStockReport, month_index
from core.monthly_reports import (
    MonthlyImportResult,
    ReportProduct,
    ReportSite,
    StoredReport,
    report_key,
    report_values,
)
from core.ports import Change, LotBalance, UnitOfWork
from core.services import Context, get_facility
from core.stock import add_months, month_end, month_start, month_summaries

log = logging.getLogger(__name__)


# --- import ---------------------------------------------------------------------------------


def import_monthly_reports(
    uow: UnitOfWork,
    ctx: Context,
    path: Path,
    dry_run: bool = False,
    progress: Callable[[float, str], None] | None = None,
) -> MonthlyImportResult:
    """Import a monthly LMIS report file (DOMAIN.md §6), all or nothing.

    A file with any problem (a value that cannot be read, a duplicate report) writes nothing.
    Rows whose identity E = A + B + D − C does not hold are imported as they are and listed
    in `warnings`. Unknown sites and products are created as report-only entries, linked at
    once to a facility / catalogue product with the same code when there is one. A report
    already stored with the same values adds nothing; with other values it adds a version
    that replaces the stored one, stamped with the file's name, the time and the user."""
    if progress:
        progress(0.0, f"Lecture de {path.name}…")
    content = read_lmis_reports(path)
    if content.problems:
        return MonthlyImportResult(
            content.file,
            len(content.reports),
            0,
            0,
            0,
            (),
            (),
            content.warnings,
            content.problems,
            dry_run,
            committed=False,
        )
    reports = content.reports
    stamp_time = ctx.clock()
    added = replaced = unchanged = 0
    with uow:
        repo = uow.monthly_reports
        sites = {s.code: s for s in repo.sites()}
        known_products = {p.code: p for p in repo.products()}
        new_sites = _new_sites(uow, reports, sites)
        new_products = _new_products(uow, reports, known_products)
        repo.add_sites(new_sites)
        repo.add_products(new_products)
        if progress:
            progress(0.3, "Comparaison avec les rapports déjà importés…")
        known_site_codes = {r.site_code for r in reports if r.site_code in sites}
        current = {s.key: s for s in repo.latest(known_site_codes)} if known_site_codes else {}
        versions: list[StoredReport] = []
        for report in reports:
            stored = current.get(report_key(report))
            if stored is None:
                version = 1
                added += 1
            elif report_values(stored.report) == report_values(report):
                unchanged += 1
                continue
            else:
                version = stored.version + 1
                replaced += 1
            versions.append(
                StoredReport(report, version, content.file, ctx.user, ctx.device, stamp_time)
            )
        if progress:
            progress(0.6, f"Enregistrement de {len(versions)} rapport(s)…")
        repo.add_versions(versions)
        committed = not dry_run
        if committed:
            uow.commit()
        else:
            uow.rollback()
    if progress:
        progress(
            1.0, "Import terminé." if committed else "Essai terminé : rien n'a été enregistré."
        )
    log.info(
        "Monthly reports %s: %d rows, %d added, %d replaced, %d unchanged, %d warnings, "
        "committed=%s",
        content.file,
        len(reports),
        added,
        replaced,
        unchanged,
        len(content.warnings),
        committed,
    )
    return MonthlyImportResult(
        content.file,
        len(reports),
        added,
        replaced,
        unchanged,
        tuple(s.code for s in new_sites),
        tuple(p.code for p in new_products),
        content.warnings,
        [],
        dry_run,
        committed,
        unlinked_sites=tuple(s.code for s in new_sites if s.facility_code is None),
        unlinked_products=tuple(p.code for p in new_products if p.product_code is None),
    )


def _new_sites(
    uow: UnitOfWork, reports: Sequence[MonthlyStockReport], known: dict[str, ReportSite]
) -> list[ReportSite]:
    """Report sites to create, in file order; a site whose code is a facility's code (case
    ignored) is linked to it unless that facility already has a report site."""
    facilities = {f.code.casefold(): f.code for f in uow.facilities.list()}
    taken = {s.facility_code for s in known.values() if s.facility_code}
    created: dict[str, ReportSite] = {}
    for report in reports:
        code = report.site_code
        if code in known or code in created:
            continue
        facility = facilities.get(code.casefold())
        if facility in taken:
            facility = None
        if facility is not None:
            taken.add(facility)
        created[code] = ReportSite(code, report.region, report.district, facility)
    return list(created.values())


def _new_products(
    uow: UnitOfWork, reports: Sequence[MonthlyStockReport], known: dict[str, ReportProduct]
) -> list[ReportProduct]:
    catalogue = {p.code.casefold(): p.code for p in uow.products.list()}
    taken = {p.product_code for p in known.values() if p.product_code}
    created: dict[str, ReportProduct] = {}
    for report in reports:
        code = report.product_code
        if code in known or code in created:
            continue
        product = catalogue.get(code.casefold())
        if product in taken:
            product = None
        if product is not None:
            taken.add(product)
        created[code] = ReportProduct(code, product)
    return list(created.values())


# --- linking report sites and products ------------------------------------------------------


def list_report_sites(uow: UnitOfWork) -> list[ReportSite]:
    with uow:
        return uow.monthly_reports.sites()


def list_report_products(uow: UnitOfWork) -> list[ReportProduct]:
    with uow:
        return uow.monthly_reports.products()


def map_report_site(
    uow: UnitOfWork, site_code: str, facility_code: str | None, dry_run: bool = False
) -> ReportSite:
    """Link a report site to a facility of this database (None: unlink it). A facility has
    at most one report site, so that its imported history is one series."""
    with uow:
        site = next((s for s in uow.monthly_reports.sites() if s.code == site_code), None)
        if site is None:
            raise NotFound(
                f"Site de rapport « {site_code} » inconnu : importez d'abord ses rapports."
            )
        if facility_code is not None:
            facility = get_facility(uow, facility_code)
            facility_code = facility.code
            other = next(
                (
                    s
                    for s in uow.monthly_reports.sites()
                    if s.facility_code == facility_code and s.code != site_code
                ),
                None,
            )
            if other is not None:
                raise DomainError(
                    f"L'établissement {facility_code} est déjà relié au site de rapport "
                    f"{other.code} : déliez-le d'abord."
                )
        uow.monthly_reports.link_site(site_code, facility_code)
        if not dry_run:
            uow.commit()
        return replace(site, facility_code=facility_code)


def map_report_product(
    uow: UnitOfWork, report_product_code: str, product_code: str | None, dry_run: bool = False
) -> ReportProduct:
    """Link a product code of the reports to a catalogue product (None: unlink it); a
    catalogue product has at most one report product."""
    with uow:
        item = next(
            (p for p in uow.monthly_reports.products() if p.code == report_product_code), None
        )
        if item is None:
            raise NotFound(
                f"Produit de rapport « {report_product_code} » inconnu : importez d'abord "
                "ses rapports."
            )
        if product_code is not None:
            product = uow.products.find(product_code)
            if product is None:
                raise NotFound(
                    f"Produit {product_code} inconnu (voir « python main.py products »)."
                )
            product_code = product.code
            other = next(
                (
                    p
                    for p in uow.monthly_reports.products()
                    if p.product_code == product_code and p.code != report_product_code
                ),
                None,
            )
            if other is not None:
                raise DomainError(
                    f"Le produit {product_code} est déjà relié au produit de rapport "
                    f"{other.code} : déliez-le d'abord."
                )
        uow.monthly_reports.link_product(report_product_code, product_code)
        if not dry_run:
            uow.commit()
        return replace(item, product_code=product_code)


def report_versions(
    uow: UnitOfWork, site_code: str, product_code: str, year: int, month: int
) -> list[StoredReport]:
    """Every stored version of one imported report, oldest first (report codes)."""
    with uow:
        return uow.monthly_reports.versions(site_code, product_code, year, month)


# --- one monthly history ------------------------------------------------------------------------


def _months(first: date, last: date) -> list[date]:
    start, end = month_start(first), month_start(last)
    count = month_index(end.year, end.month) - month_index(start.year, start.month) + 1
    return [add_months(start, i) for i in range(max(count, 0))]


def _ledger_reports(
    site_code: str,
    product_code: str,
    months: Sequence[date],
    opening: Iterable[LotBalance],
    changes: Iterable[Change],
    tracked_from: date,
    region: str,
    district: str,
) -> list[MonthlyStockReport]:
    return [
        MonthlyStockReport(
            site_code=site_code,
            product_code=product_code,
            year=m.month.year,
            month=m.month.month,
            beginning_balance=m.opening,
            received=m.received,
            consumed=m.consumed,
            adjustments=m.adjustments,
            stock_on_hand=m.closing,
            stockout_days=m.stockout_days,
            region=region,
            district=district,
        )
        for m in month_summaries(months, opening, changes, tracked_from=tracked_from)
    ]


def _complete_by(months: list[date], as_of: date | None) -> list[date]:
    return months if as_of is None else [m for m in months if month_end(m) <= as_of]


def monthly_history(
    uow: UnitOfWork,
    facility_or_site_code: str,
    product_code: str,
    first: date,
    last: date,
    as_of: date | None = None,
) -> list[MonthlyStockReport]:
    """The monthly reports of one facility (or report site) and product, months `first` to
    `last` (any day of each), oldest first.

    For a facility whose ledger has this product: every month from the month of its first
    movement, derived from the ledger (month_summaries: A, B, C, D, E and stock-out days;
    `adjusted_consumption` follows). Months before that, and report-only sites, come from
    the imported reports (the facility's linked report site, the product's linked report
    product). A month with no report is absent, never a zero month. With `as_of`, ledger
    months that end after it (not complete) are left out. Records carry the codes asked for."""
    months = _months(first, last)
    if not months:
        return []
    with uow:
        facility = uow.facilities.find(facility_or_site_code)
        sites = uow.monthly_reports.sites()
        site = next(
            (
                s
                for s in sites
                if (facility is not None and s.facility_code == facility.code)
                or s.code == facility_or_site_code
            ),
            None,
        )
        if facility is None and site is None:
            raise NotFound(f"Établissement ou site de rapport « {facility_or_site_code} » inconnu.")
        product = uow.products.find(product_code)
        item = next(
            (
                p
                for p in uow.monthly_reports.products()
                if (product is not None and p.product_code == product.code)
                or p.code == product_code
            ),
            None,
        )
        if product is None and item is None:
            raise NotFound(f"Produit « {product_code} » inconnu (catalogue et rapports importés).")
        # Asked by report codes that are linked: the same history as by the linked codes.
        if facility is None and site is not None and site.facility_code is not None:
            facility = uow.facilities.find(site.facility_code)
        if product is None and item is not None and item.product_code is not None:
            product = uow.products.find(item.product_code)
        ledger: list[MonthlyStockReport] = []
        ledger_from: date | None = None
        if facility is not None and product is not None:
            started = uow.ledger.first_movement_dates(facility.code).get(product.code)
            if started is not None:
                ledger_from = max(month_start(started), months[0])
                ledger_months = _complete_by([m for m in months if m >= ledger_from], as_of)
                if ledger_months:
                    start = ledger_months[0]
                    opening = [
                        b
                        for b in uow.ledger.lot_balances(facility.code, start - timedelta(days=1))
                        if b.product_code == product.code
                    ]
                    changes = [
                        c
                        for c in uow.ledger.changes(
                            facility.code, start, month_end(ledger_months[-1])
                        )
                        if c.product_code == product.code
                    ]
                    ledger = _ledger_reports(
                        facility_or_site_code,
                        product_code,
                        ledger_months,
                        opening,
                        changes,
                        started,
                        facility.region,
                        facility.district,
                    )
        imported: list[StoredReport] = []
        if site is not None and item is not None:
            imported = uow.monthly_reports.latest([site.code], [item.code])
    low = month_index(months[0].year, months[0].month)
    high = month_index(months[-1].year, months[-1].month)
    if ledger_from is not None:
        high = min(high, month_index(ledger_from.year, ledger_from.month) - 1)
    earlier = [
        replace(s.report, site_code=facility_or_site_code, product_code=product_code)
        for s in imported
        if low <= s.report.period <= high
    ]
    return earlier + ledger


def all_monthly_histories(
    uow: UnitOfWork, as_of: date, site_codes: Collection[str] | None = None
) -> list[MonthlyStockReport]:
    """Every monthly history this database holds, for the forecast: ordered by series (site,
    product) then month; `core.forecast.series.build_series` groups it.

    Series are named by facility and catalogue product codes where the report site and
    product are linked, by the report codes otherwise. A facility's product with ledger
    history gives ledger months from its first movement to the last month complete at
    `as_of`; imported reports fill the months before (the rule of `monthly_history`).
    With `site_codes`, only those facilities and sites (by the names series get)."""
    last = add_months(month_start(as_of), -1) if as_of < month_end(as_of) else month_start(as_of)
    ledger: list[MonthlyStockReport] = []
    ledger_from: dict[tuple[str, str], int] = {}
    with uow:
        for facility in uow.facilities.list():
            if site_codes is not None and facility.code not in site_codes:
                continue
            first_dates = uow.ledger.first_movement_dates(facility.code)
            if not first_dates:
                continue
            start = month_start(min(first_dates.values()))
            if start > last:
                continue
            by_product: dict[str, list[Change]] = defaultdict(list)
            for change in uow.ledger.changes(facility.code, start, month_end(last)):
                by_product[change.product_code].append(change)
            for product_code, started in sorted(first_dates.items()):
                months = _months(started, last)
                if not months:
                    continue
                ledger_from[(facility.code, product_code)] = month_index(
                    started.year, started.month
                )
                ledger.extend(
                    _ledger_reports(
                        facility.code,
                        product_code,
                        months,
                        [],
                        by_product.get(product_code, []),
                        started,
                        facility.region,
                        facility.district,
                    )
                )
        site_names = {s.code: s.facility_code or s.code for s in uow.monthly_reports.sites()}
        product_names = {p.code: p.product_code or p.code for p in uow.monthly_reports.products()}
        stored = uow.monthly_reports.latest()
    imported = []
    for s in stored:
        site = site_names.get(s.report.site_code, s.report.site_code)
        if site_codes is not None and site not in site_codes:
            continue
        product = product_names.get(s.report.product_code, s.report.product_code)
        since = ledger_from.get((site, product))
        if since is not None and s.report.period >= since:
            continue
        if site != s.report.site_code or product != s.report.product_code:
            imported.append(replace(s.report, site_code=site, product_code=product))
        else:
            imported.append(s.report)
    return sorted(ledger + imported, key=lambda r: (r.site_code, r.product_code, r.period))
