"""Imported monthly LMIS reports: report sites and products, stored versions, import results,
and how a file is recognised as monthly reports rather than movements."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.exchange.movements import Problem
from core.monthly import MonthlyStockReport

# Column names only monthly LMIS reports have (DOMAIN.md §6); a movements file has none.
LMIS_ONLY_COLUMNS = frozenset(
    {
        "site_code",
        "product_code",
        "stock_initial",
        "stock_received",
        "stock_distributed",
        "stock_adjustment",
        "stock_end",
        "average_monthly_consumption",
        "stock_stockout_days",
        "stock_ordered",
    }
)
_SNIFF_BYTES = 64 * 1024
_MAX_XLSX_EXPANDED = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReportSite:
    """A site named in imported reports; `facility_code` links it to a facility of this
    database (None: a report-only site, e.g. outside Mali)."""

    code: str
    region: str = ""
    district: str = ""
    facility_code: str | None = None


@dataclass(frozen=True, slots=True)
class ReportProduct:
    """A product code named in imported reports, optionally linked to a catalogue product."""

    code: str
    product_code: str | None = None


@dataclass(frozen=True, slots=True)
class StoredReport:
    """One stored version of an imported report (codes are the report site and product codes).

    Version 1 is the first import; a later version replaced the one before it, and says from
    which file, when and by whom."""

    report: MonthlyStockReport
    version: int
    source_file: str
    entered_by: str = ""
    device: str = ""
    recorded_at: datetime | None = None

    @property
    def key(self) -> tuple[str, str, int, int]:
        return report_key(self.report)


def report_key(report: MonthlyStockReport) -> tuple[str, str, int, int]:
    """The identity of a report: one per site, product and month."""
    return report.site_code, report.product_code, report.year, report.month


def report_values(report: MonthlyStockReport) -> tuple[int | None, ...]:
    """What a report says; two imports of a report with equal values are the same report."""
    return (
        report.beginning_balance,
        report.received,
        report.consumed,
        report.adjustments,
        report.stock_on_hand,
        report.stockout_days,
        report.reported_amc,
        report.ordered,
    )


def first_of_month(report: MonthlyStockReport) -> date:
    return date(report.year, report.month, 1)


@dataclass(frozen=True)
class MonthlyImportResult:
    """What an import of monthly reports did, or would have done (`dry_run`, or problems).

    `added` reports were new, `replaced` had other values than the stored version (a new
    version was added), `unchanged` were already stored with these values. `warnings` are
    rows whose identity E = A + B + D − C does not hold: imported as they are, never fixed."""

    file: str
    rows: int
    added: int
    replaced: int
    unchanged: int
    sites_created: tuple[str, ...]
    products_created: tuple[str, ...]
    warnings: list[Problem]
    problems: list[Problem]
    dry_run: bool
    committed: bool
    unlinked_sites: tuple[str, ...] = field(default=())
    unlinked_products: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "kind": "monthly_reports",
            "rows": self.rows,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "sites_created": list(self.sites_created),
            "products_created": list(self.products_created),
            "unlinked_sites": list(self.unlinked_sites),
            "unlinked_products": list(self.unlinked_products),
            "dry_run": self.dry_run,
            "committed": self.committed,
            "warnings": [w.to_dict() for w in self.warnings],
            "problems": [p.to_dict() for p in self.problems],
        }


def _header_cells_csv(path: Path) -> list[str]:
    with path.open("rb") as handle:
        data = handle.read(_SNIFF_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return [cell.strip().strip('"').strip() for cell in first.split(delimiter)]


def _header_cells_xlsx(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        if sum(info.file_size for info in archive.infolist()) > _MAX_XLSX_EXPANDED:
            return []  # the reader that takes the file says why it is refused
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as workbook:
        if not workbook.sheet_names:
            return []
        sheet = workbook.get_sheet_by_name(workbook.sheet_names[0])
        for row in sheet.iter_rows():
            cells = ["" if c is None else str(c).strip() for c in row]
            if any(cells):
                return cells
    return []


def is_monthly_report_file(path: Path) -> bool:
    """Whether the header row of `path` has columns of monthly LMIS reports (DOMAIN.md §6).

    Any one such column is enough, so that a report file missing a column is told which one
    by the reports reader rather than treated as a movements file. Unreadable files: False
    (the movements import then says what is wrong with them)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            cells = _header_cells_csv(path)
        elif suffix == ".xlsx":
            cells = _header_cells_xlsx(path)
        else:
            return False
    except Exception:  # a damaged file: not recognised here, reported by the import it goes to
        return False
    return any(cell.lower() in LMIS_ONLY_COLUMNS for cell in cells)
