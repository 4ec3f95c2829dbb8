"""Importing facilities' requisition workbooks at the district (or at an NGO or the region).

Every file is checked as a whole, its problems named by sheet, row and column:

- errors (the file imports nothing): not a readable workbook, not an approved requisition, a
  checksum that does not match its data (edited by hand), E ≠ A + B + D − C, stock-out days
  outside the month, a requested quantity that differs from the calculated one without a
  justification, a negative quantity, usable stock above stock on hand, a product twice;
- flags (the file imports and the flags are shown with it): this month's A differs from the
  last imported E of the same facility and product (continuity), RUTF requested far from
  what the facility's reported admissions need.

A valid file then imports whole, or not at all when it is a duplicate (same sequence number:
nothing changes) or older than the one already imported; a newer version of the same period
replaces the older one. Every attempt is written to the import log."""

from __future__ import annotations

import calendar
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from openpyxl.utils import get_column_letter

from core.catalogue import Category, Product
from core.errors import DomainError
from core.exchange.movements import Problem
from core.exchange.requisition_workbook import (
    DATA_SHEET,
    LINE_COLUMNS,
    RequisitionFile,
    read_requisition_workbook,
)
from core.facilities import Facility, new_facility
from core.nutrition import NutritionSettings, resolve_nutrition_settings
from core.pcima import resolve_report_settings
from core.pcima_services import RUTF_PRODUCT
from core.ports import UnitOfWork, UnitOfWorkFactory
from core.requisition import (
    ImportOutcome,
    ImportRecord,
    Requisition,
    RequisitionLine,
    of_period_fr,
    period_label_fr,
)
from core.services import Context
from core.stock import add_months, month_end

log = logging.getLogger(__name__)

# How far RUTF requested (with usable stock and stock on order) may be from what the reported
# admissions need before it is flagged, in percent (the RUTF check's tolerance setting).
_RUTF_DEFAULT_MONTHS = 3


def _column(name: str) -> str:
    return str(get_column_letter(LINE_COLUMNS.index(name) + 1))


@dataclass(frozen=True)
class FileImport:
    """What importing one file did: its outcome, the requisition read (None when unreadable),
    errors (why it was refused), flags (kept with an imported requisition), and what it
    replaced or added to the database."""

    file: str
    outcome: ImportOutcome
    requisition: Requisition | None = None
    errors: list[Problem] = field(default_factory=list)
    flags: list[Problem] = field(default_factory=list)
    message: str = ""
    replaced_sequence: int | None = None
    created_facility: bool = False
    created_products: tuple[str, ...] = ()

    @property
    def imported(self) -> bool:
        return self.outcome in (ImportOutcome.IMPORTED, ImportOutcome.REPLACED)


# --- checks on the file alone -----------------------------------------------------------------


def file_errors(read: RequisitionFile, today: date) -> list[Problem]:
    """Why a read workbook cannot be imported (empty when it can)."""
    if read.problems or read.requisition is None:
        return list(read.problems)
    req = read.requisition
    errors: list[Problem] = []

    def error(row: int | None, column: str | None, message: str) -> None:
        errors.append(Problem(read.file, DATA_SHEET, row, column, message))

    if not read.checksum_matches:
        error(
            read.checksum_row,
            "B",
            "la somme de contrôle ne correspond pas aux données : le classeur a été modifié "
            "après son export (à la main ou abîmé). Demandez à l'établissement de l'exporter "
            "de nouveau depuis SahelStock.",
        )
    if req.is_draft or req.sequence is None:
        error(
            None,
            None,
            "cette réquisition est un brouillon, non approuvée par le directeur : elle ne peut "
            "pas être importée. Demandez la réquisition approuvée.",
        )
    if month_end(req.period) > today:
        error(
            None,
            None,
            f"la période {period_label_fr(req.period)} n'est pas terminée le "
            f"{today:%d/%m/%Y} : vérifiez la date de l'ordinateur de l'établissement.",
        )
    days = calendar.monthrange(req.period.year, req.period.month)[1]
    seen: dict[str, int] = {}
    rows = read.line_rows or tuple(range(1, len(req.lines) + 1))
    for line, row in zip(req.lines, rows, strict=False):
        errors.extend(_line_errors(read.file, line, row, days, seen))
    return errors


def _line_errors(
    file: str, line: RequisitionLine, row: int, days: int, seen: dict[str, int]
) -> list[Problem]:
    r = line.report
    problems: list[Problem] = []

    def error(column: str, message: str) -> None:
        problems.append(Problem(file, DATA_SHEET, row, _column(column), message))

    code = r.product_code
    if not code.strip():
        error("product_code", "le code du produit manque.")
    elif code in seen:
        error("product_code", f"{code} figure deux fois (aussi ligne {seen[code]}).")
    else:
        seen[code] = row
    if line.pack_size < 1:
        error("pack_size", f"{code} : la taille du conditionnement doit être 1 ou plus.")
    for name, value in (
        ("beginning_balance", r.beginning_balance),
        ("received", r.received),
        ("consumed", r.consumed),
        ("stock_on_hand", r.stock_on_hand),
        ("usable_stock", line.usable_stock),
        ("amc", line.amc),
        ("max_quantity", line.max_quantity),
        ("on_order", line.on_order),
        ("downstream", line.downstream),
        ("calculated", line.calculated),
        ("requested", line.requested),
    ):
        if value < 0:
            error(name, f"{code} : « {name} » ne peut pas être négatif ({value}).")
    expected = r.beginning_balance + r.received + r.adjustments - r.consumed
    if r.stock_on_hand != expected:
        error(
            "stock_on_hand",
            f"{code} : le stock final E ({r.stock_on_hand}) ne vaut pas A + B + D − C = "
            f"{r.beginning_balance} + {r.received} + ({r.adjustments}) − {r.consumed} = "
            f"{expected}.",
        )
    if not 0 <= r.stockout_days <= days:
        error(
            "stockout_days",
            f"{code} : {r.stockout_days} jours de rupture ; entre 0 et {days} jours sont "
            "possibles dans ce mois.",
        )
    if line.usable_stock > r.stock_on_hand:
        error(
            "usable_stock",
            f"{code} : le stock utilisable ({line.usable_stock}) dépasse le stock final "
            f"({r.stock_on_hand}).",
        )
    if line.requested != line.calculated and not line.justification.strip():
        error(
            "justification",
            f"{code} : la quantité demandée ({line.requested}) diffère de la quantité calculée "
            f"({line.calculated}) sans justification.",
        )
    return problems


# --- flags that need what was imported before ---------------------------------------------------


def requisition_flags(
    requisition: Requisition,
    previous: Requisition | None,
    nutrition: NutritionSettings,
    rutf_tolerance_percent: int,
    file: str = "",
    line_rows: Sequence[int] = (),
) -> list[Problem]:
    """Continuity with the facility's previous requisition, and RUTF requested versus the
    admissions the facility reported. `line_rows` locates lines in the file (when read)."""
    flags: list[Problem] = []
    rows: list[int | None] = list(line_rows) or [None] * len(requisition.lines)

    def flag(row: int | None, column: str | None, message: str) -> None:
        flags.append(Problem(file, DATA_SHEET if file else "", row, column, message))

    if previous is not None:
        expected_previous = add_months(requisition.period, -1)
        before = previous.lines and {line.product_code: line for line in previous.lines}
        if previous.period != expected_previous:
            flag(
                None,
                None,
                f"la réquisition {of_period_fr(expected_previous)} manque : la "
                f"continuité est vérifiée avec celle {of_period_fr(previous.period)}.",
            )
        for line, row in zip(requisition.lines, rows, strict=False):
            earlier = before.get(line.product_code) if before else None
            if earlier is None:
                continue
            a, e = line.report.beginning_balance, earlier.report.stock_on_hand
            if a != e:
                flag(
                    row,
                    _column("beginning_balance"),
                    f"{line.product_code} : le stock initial A ({a}) n'est pas le stock final "
                    f"E {of_period_fr(previous.period)} ({e}) ; écart {a - e:+d}.",
                )
    rutf = next((x for x in requisition.lines if x.product_code == RUTF_PRODUCT), None)
    if rutf is not None and requisition.admissions:
        row = rows[requisition.lines.index(rutf)]
        flag_text = rutf_admissions_flag(
            rutf, requisition.admissions, requisition.period, nutrition, rutf_tolerance_percent
        )
        if flag_text:
            flag(row, _column("requested"), flag_text)
    return flags


def rutf_admissions_flag(
    line: RequisitionLine,
    admissions: int,
    period: date,
    nutrition: NutritionSettings,
    tolerance_percent: int,
) -> str:
    """A French sentence when RUTF requested + usable stock + on order is further than the
    tolerance from admissions × sachets per child × the months of the maximum stock; "" when
    it is within."""
    months = round(line.max_quantity / line.amc) if line.amc else _RUTF_DEFAULT_MONTHS
    months = max(months, 1)
    per_child = nutrition.rutf_sachets_per_child
    expected = admissions * per_child * months
    covered = line.requested + line.usable_stock + line.on_order
    if expected <= 0:
        return ""
    gap = (covered - expected) * 100 / expected
    if abs(gap) <= tolerance_percent:
        return ""
    direction = "de plus" if gap > 0 else "de moins"
    return (
        f"ATPE : {admissions} admission(s) URENAS en {period_label_fr(period)} × {per_child} "
        f"sachets × {months} mois = {expected} sachets attendus ; demandé {line.requested} + "
        f"SDU {line.usable_stock} + en commande {line.on_order} = {covered}, soit "
        f"{abs(gap):.0f} % {direction} (tolérance {tolerance_percent} %). Vérifiez les "
        "admissions déclarées ou la quantité demandée."
    )


def rutf_tolerance(uow: UnitOfWork) -> tuple[NutritionSettings, int]:
    """The nutrition settings and the RUTF check's tolerance, from the settings table."""
    stored = uow.settings.all()
    tolerance = resolve_report_settings(stored).rutf_check_tolerance_percent
    return resolve_nutrition_settings(stored), int(tolerance)


# --- importing ------------------------------------------------------------------------------


def import_requisition_files(
    uow_factory: UnitOfWorkFactory,
    ctx: Context,
    paths: Sequence[Path | str],
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[FileImport]:
    """Import requisition workbooks one by one (each file in its own transaction: a valid
    file imports whole, an invalid one imports nothing); `progress(done, total, file)` is
    called after each. Returns what happened to each file, in the order given."""
    results: list[FileImport] = []
    total = len(paths)
    with uow_factory() as uow:
        nutrition, tolerance = rutf_tolerance(uow)
    for done, path in enumerate(paths, start=1):
        if cancelled is not None and cancelled():
            break
        read = read_requisition_workbook(path)
        result = _import_one(uow_factory(), ctx, read, nutrition, tolerance)
        results.append(result)
        if progress is not None:
            progress(done, total, Path(path).name)
    return results


def _import_one(
    uow: UnitOfWork,
    ctx: Context,
    read: RequisitionFile,
    nutrition: NutritionSettings,
    tolerance: int,
) -> FileImport:
    req = read.requisition
    errors = file_errors(read, ctx.today())
    with uow:
        if errors or req is None:
            return _log(uow, ctx, read, FileImport(read.file, ImportOutcome.REFUSED, req, errors))
        try:
            created_facility, facility = _facility_for(uow, req)
        except DomainError as exc:
            problem = Problem(read.file, DATA_SHEET, None, None, f"établissement : {exc}")
            return _log(
                uow, ctx, read, FileImport(read.file, ImportOutcome.REFUSED, req, [problem])
            )
        existing = uow.requisitions.find(facility.code, req.period)
        assert req.sequence is not None
        if existing is not None and existing.sequence is not None:
            unchanged = _against_existing(read, req, existing)
            if unchanged is not None:
                return _log(uow, ctx, read, unchanged)
        previous = uow.requisitions.latest_before(facility.code, req.period)
        flags = requisition_flags(req, previous, nutrition, tolerance, read.file, read.line_rows)
        created_products = _products_for(uow, req)
        stored = replace(
            req,
            facility_code=facility.code,
            source="imported",
            file_name=read.file,
            checksum=read.stored_checksum,
            entered_by=ctx.user,
            device=ctx.device,
            version=req.version,
        )
        replaced_sequence = None
        if existing is not None:
            replaced_sequence = existing.sequence
            if existing.record_uuid == req.record_uuid:
                stored = replace(stored, version=max(req.version, existing.version + 1))
            else:
                uow.requisitions.add(
                    replace(existing, entered_by=ctx.user, device=ctx.device),
                    recorded_at=ctx.clock(),
                    voided=True,
                    note=f"Remplacée par la réquisition n° {req.sequence} ({read.file}).",
                )
                stored = replace(stored, version=1)
        uow.requisitions.add(stored, recorded_at=ctx.clock())
        outcome = ImportOutcome.IMPORTED if existing is None else ImportOutcome.REPLACED
        message = ""
        if existing is not None:
            message = (
                f"remplace la réquisition n° {existing.sequence} de "
                f"{period_label_fr(req.period)} importée auparavant"
                + (f" ({existing.file_name})" if existing.file_name else "")
                + "."
            )
        result = FileImport(
            read.file,
            outcome,
            stored,
            [],
            flags,
            message,
            replaced_sequence,
            created_facility,
            created_products,
        )
        return _log(uow, ctx, read, result)


def _against_existing(
    read: RequisitionFile, req: Requisition, existing: Requisition
) -> FileImport | None:
    """Duplicate, older or conflicting file: a FileImport that changes nothing; None when
    the file is newer and replaces the existing requisition."""
    assert req.sequence is not None and existing.sequence is not None
    label = f"{req.facility_code}, {period_label_fr(req.period)}"
    if req.sequence == existing.sequence:
        if req.record_uuid == existing.record_uuid and req.version == existing.version:
            return FileImport(
                read.file,
                ImportOutcome.DUPLICATE,
                req,
                message=f"la réquisition n° {req.sequence} ({label}) est déjà importée : "
                "rien ne change.",
            )
        problem = Problem(
            read.file,
            DATA_SHEET,
            None,
            None,
            f"une autre réquisition n° {req.sequence} ({label}) est déjà importée avec un "
            "contenu différent : deux fichiers portent le même numéro. Demandez à "
            "l'établissement lequel est le bon.",
        )
        return FileImport(read.file, ImportOutcome.REFUSED, req, [problem])
    if req.sequence < existing.sequence:
        return FileImport(
            read.file,
            ImportOutcome.OLDER,
            req,
            message=f"la réquisition n° {existing.sequence}, plus récente, est déjà importée "
            f"pour {label} : ce fichier (n° {req.sequence}) ne change rien.",
        )
    return None


def _facility_for(uow: UnitOfWork, req: Requisition) -> tuple[bool, Facility]:
    """The requisition's facility, created from the workbook's header when unknown here."""
    found = uow.facilities.find(req.facility_code)
    if found is not None:
        return False, found
    supplier = req.supplier_code if uow.facilities.find(req.supplier_code) else None
    facility = new_facility(
        req.facility_code,
        req.facility_name,
        req.facility_type,
        req.region,
        req.district,
        supplier,
    )
    return True, uow.facilities.add(facility)


def _products_for(uow: UnitOfWork, req: Requisition) -> tuple[str, ...]:
    """Products of the requisition unknown here are added to the catalogue (category
    medicines, to be checked), named and packed as in the file."""
    known = {p.code for p in uow.products.list()}
    missing = [
        Product(
            code=line.product_code,
            name=line.product_name or line.product_code,
            category=Category.MEDICINES,
            base_unit=line.base_unit or "unité",
            pack_unit=line.pack_unit,
            pack_size=max(line.pack_size, 1),
        )
        for line in req.lines
        if line.product_code not in known
    ]
    if missing:
        uow.products.add_missing(missing)
    return tuple(p.code for p in missing)


def _log(uow: UnitOfWork, ctx: Context, read: RequisitionFile, result: FileImport) -> FileImport:
    req = result.requisition
    if result.outcome is ImportOutcome.REFUSED:
        uow.rollback()
    message = result.message or "; ".join(str(p) for p in result.errors[:20])
    if result.outcome is ImportOutcome.REFUSED and len(result.errors) > 20:
        message += f" (et {len(result.errors) - 20} autre(s) problème(s))"
    if result.flags:
        message = (message + " " if message else "") + f"{len(result.flags)} signalement(s)."
    uow.requisitions.add_import(
        ImportRecord(
            file_name=read.file,
            outcome=result.outcome,
            message=message,
            checksum=read.stored_checksum,
            facility_code=req.facility_code if req else "",
            period=req.period if req else None,
            sequence=req.sequence if req else None,
            record_uuid=req.record_uuid if req else "",
            version=req.version if req else None,
            entered_by=ctx.user,
            device=ctx.device,
            recorded_at=ctx.clock(),
        )
    )
    uow.commit()
    log.info("Requisition file %s: %s", read.file, result.outcome.value)
    return result
