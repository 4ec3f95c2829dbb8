"""Importing a movements file into the ledger: all rows or none, and never the same row twice."""

from __future__ import annotations

import logging
import uuid as uuid_module
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from core.catalogue import Product
from core.errors import DomainError, InsufficientStock
from core.exchange.movements import MovementFile, MovementRow, Problem, read_movement_file
from core.ledger import INCOMING, Movement, MovementKind, Reason
from core.ports import UnitOfWork
from core.services import (
    Context,
    CountLine,
    _check_date,
    _count_movements,
    _lot,
    _lot_for_incoming,
    _lot_loss_movement,
    _outgoing_movements,
    _post,
)

log = logging.getLogger(__name__)

# Fixed for ever: row uuids derive from it, so that a file imported on two laptops, or twice,
# gives the same ledger rows.
SAHELSTOCK_NAMESPACE = uuid_module.UUID("6f1d3c52-8a0e-5b8e-9c47-2d51a7e0b3f4")
PROGRESS_EVERY = 200

_DATE, _FACILITY, _PRODUCT = "Date", "Établissement", "Produit"
_QUANTITY, _LOT, _EXPIRY = "Quantité", "Lot", "Péremption"


@dataclass(frozen=True)
class ImportResult:
    """What an import did, or would have done.

    `rows` counts the file's non-blank data rows; `added` the rows written to the ledger, or
    that would have been in a dry run or had there been no problem (`committed` says whether
    anything was written); `already_imported` the rows found in the ledger already;
    `new_rows` the rows counted in `added`, in file order, for a preview."""

    file: str
    rows: int
    added: int
    already_imported: int
    problems: list[Problem]
    dry_run: bool
    committed: bool
    new_rows: tuple[MovementRow, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "rows": self.rows,
            "added": self.added,
            "already_imported": self.already_imported,
            "dry_run": self.dry_run,
            "committed": self.committed,
            "problems": [p.to_dict() for p in self.problems],
        }


def row_uuid(row: MovementRow, occurrence: int) -> str:
    """The deterministic uuid of a row: its normalised content and how many identical rows
    came before it in the same file."""
    other = row.counterpart or (row.reason.value if row.reason else "")
    content = "|".join(
        (
            row.occurred_on.isoformat(),
            row.facility_code,
            row.product_code,
            row.kind.value,
            str(row.quantity),
            row.lot,
            row.expiry.isoformat() if row.expiry else "",
            other,
            row.reference,
            str(occurrence),
        )
    )
    return str(uuid_module.uuid5(SAHELSTOCK_NAMESPACE, content))


def part_uuid(row_id: str, lot: str) -> str:
    """The uuid of the part of a row that the application put on `lot` (FEFO, counts)."""
    return str(uuid_module.uuid5(uuid_module.UUID(row_id), lot))


class _RowProblem(Exception):
    """A row that cannot be posted, and the column to correct."""

    def __init__(self, column: str | None, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


@contextmanager
def _blame(column: str | None, short_stock: str | None = _QUANTITY) -> Iterator[None]:
    """Turn a domain error into a problem of the column the user has to correct."""
    try:
        yield
    except InsufficientStock as exc:
        raise _RowProblem(short_stock, str(exc)) from None
    except DomainError as exc:
        raise _RowProblem(column, str(exc)) from None


def import_movements(
    uow: UnitOfWork,
    ctx: Context,
    path: Path,
    dry_run: bool = False,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Read a movements file and post every row through the ledger rules, in one transaction
    committed only when no row has a problem (and not in a dry run, nor when cancelled)."""
    if progress:
        progress(0.0, f"Lecture de {path.name}…")
    content = read_movement_file(path)
    if content.problems:
        return ImportResult(
            content.file, content.data_rows, 0, 0, content.problems, dry_run, committed=False
        )
    return _import_content(uow, ctx, content, dry_run, progress, cancelled)


def check_movements(
    uow: UnitOfWork,
    ctx: Context,
    path: Path,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """A dry run for a preview that lists as many problems as it can at once: when some rows
    cannot be read, the rows that could are still checked for unknown codes."""
    if progress:
        progress(0.0, f"Lecture de {path.name}…")
    content = read_movement_file(path)
    if not content.problems:
        return _import_content(uow, ctx, content, True, progress, cancelled)
    problems = list(content.problems)
    if content.rows:
        with uow:
            facilities, products = _code_maps(uow)
        for row in content.rows:
            problems.extend(_unknown_codes(row, facilities, products))
        problems.sort(key=lambda p: (p.row is None, p.row or 0))
    return ImportResult(content.file, content.data_rows, 0, 0, problems, True, committed=False)


def _code_maps(uow: UnitOfWork) -> tuple[dict[str, str], dict[str, Product]]:
    """Facility codes and products by their case-folded code."""
    facilities = {f.code.casefold(): f.code for f in uow.facilities.list()}
    products = {p.code.casefold(): p for p in uow.products.list()}
    return facilities, products


def _unknown_codes(
    row: MovementRow, facilities: dict[str, str], products: dict[str, Product]
) -> list[Problem]:
    problems = []
    if row.facility_code.casefold() not in facilities:
        problems.append(
            _problem(
                row,
                _FACILITY,
                f"établissement « {row.facility_code} » inconnu ; utilisez un code de "
                "la liste des établissements (feuille Listes du modèle).",
            )
        )
    if row.product_code.casefold() not in products:
        problems.append(
            _problem(
                row,
                _PRODUCT,
                f"produit « {row.product_code} » inconnu ; utilisez un code du "
                "catalogue (feuille Instructions du modèle).",
            )
        )
    return problems


def _import_content(
    uow: UnitOfWork,
    ctx: Context,
    content: MovementFile,
    dry_run: bool,
    progress: Callable[[float, str], None] | None,
    cancelled: Callable[[], bool] | None,
) -> ImportResult:
    """Post the rows of a file read without problems (see import_movements)."""
    rows = content.rows
    ids = _row_ids(rows)
    problems: list[Problem] = []
    added = already = 0
    new_rows: list[MovementRow] = []
    stopped = False
    with uow:
        facilities, products = _code_maps(uow)
        resolved: list[tuple[MovementRow, str, Product]] = []
        for row in rows:
            facility = facilities.get(row.facility_code.casefold())
            product = products.get(row.product_code.casefold())
            problems.extend(_unknown_codes(row, facilities, products))
            if facility is not None and product is not None:
                canonical = replace(row, facility_code=facility, product_code=product.code)
                resolved.append((canonical, ids[id(row)], product))
        done = _already_imported(uow, ctx, resolved)
        ordered = sorted(resolved, key=lambda item: item[0].occurred_on)
        total = len(ordered)
        for number, (row, row_id, product) in enumerate(ordered, start=1):
            if cancelled is not None and cancelled():
                stopped = True
                break
            if progress and number % PROGRESS_EVERY == 0:
                progress(number / total, f"Ligne {number} sur {total}…")
            if row_id in done:
                already += 1
                continue
            try:
                for movement in _movements_of(uow, ctx, row, row_id, product):
                    with _blame(_QUANTITY):
                        _post(uow, ctx, movement)
                added += 1
                new_rows.append(row)
            except _RowProblem as exc:
                problems.append(_problem(row, exc.column, exc.message))
        if stopped:
            problems.append(
                Problem(
                    content.file,
                    content.sheet,
                    None,
                    None,
                    "import annulé avant la fin : rien n'a été enregistré.",
                )
            )
        committed = not (problems or dry_run)
        if committed:
            uow.commit()
        else:
            uow.rollback()
    problems.sort(key=lambda p: (p.row is None, p.row or 0))
    if progress:
        progress(1.0, "Import terminé." if committed else "Terminé : rien n'a été enregistré.")
    log.info(
        "Import of %s: %d rows, %d added, %d already imported, %d problems, committed=%s",
        content.file,
        content.data_rows,
        added,
        already,
        len(problems),
        committed,
    )
    return ImportResult(
        content.file,
        content.data_rows,
        added,
        already,
        problems,
        dry_run,
        committed,
        tuple(sorted(new_rows, key=lambda r: r.row)),
    )


def _problem(row: MovementRow, column: str | None, message: str) -> Problem:
    return Problem(row.file, row.sheet, row.row, column, message)


def _row_ids(rows: list[MovementRow]) -> dict[int, str]:
    """Each row's uuid, keyed by id(row), numbering identical rows in file order."""
    seen: dict[str, int] = {}
    ids: dict[int, str] = {}
    for row in rows:
        # Codes match whatever their case, so the same row typed in another case is the same row.
        normalised = replace(
            row, facility_code=row.facility_code.upper(), product_code=row.product_code.upper()
        )
        first = row_uuid(normalised, 0)
        occurrence = seen.get(first, 0)
        seen[first] = occurrence + 1
        ids[id(row)] = first if occurrence == 0 else row_uuid(normalised, occurrence)
    return ids


def _app_chooses_lot(row: MovementRow, product: Product) -> bool:
    """Whether the lots of this row's movements are picked by the application."""
    return product.has_lots and not row.lot and row.kind not in INCOMING


def _already_imported(
    uow: UnitOfWork, ctx: Context, rows: list[tuple[MovementRow, str, Product]]
) -> set[str]:
    """The row uuids of rows that are in the ledger already (as a whole or as lot parts)."""
    candidates: dict[str, str] = {}
    lots_of: dict[tuple[str, str], list[str]] = {}
    for row, row_id, product in rows:
        candidates[row_id] = row_id
        if _app_chooses_lot(row, product):
            key = (row.facility_code, row.product_code)
            if key not in lots_of:
                lots_of[key] = [
                    s.lot
                    for s in uow.ledger.lot_stock(row.facility_code, product.code, ctx.today())
                ]
            for lot in lots_of[key]:
                candidates[part_uuid(row_id, lot)] = row_id
    found = uow.ledger.existing_uuids(candidates)
    return {candidates[u] for u in found}


def _movements_of(
    uow: UnitOfWork, ctx: Context, row: MovementRow, row_id: str, product: Product
) -> list[Movement]:
    """The checked ledger rows of a file row, with their deterministic uuids."""
    with _blame(_DATE):
        _check_date(ctx, row.occurred_on)
    lot = row.lot
    if lot and not product.has_lots:
        raise _RowProblem(
            _LOT, f"{product.code} n'est pas suivi par lot : laissez la colonne Lot vide."
        )
    movements = _plan(uow, ctx, row, product)
    note = f"Import {row.file}, ligne {row.row}"
    if len(movements) == 1 and not _app_chooses_lot(row, product):
        ids = [row_id]
    else:
        ids = [part_uuid(row_id, m.lot) for m in movements]
    return [
        replace(m, uuid=u, note=note, reference=row.reference)
        for m, u in zip(movements, ids, strict=True)
    ]


def _incoming_lot(uow: UnitOfWork, product: Product, row: MovementRow) -> tuple[str, date | None]:
    lot_wrong = product.has_lots and not row.lot.strip()
    with _blame(_LOT if lot_wrong else _EXPIRY):
        return _lot_for_incoming(uow, product, row.lot, row.expiry)


def _plan(uow: UnitOfWork, ctx: Context, row: MovementRow, product: Product) -> list[Movement]:
    facility, on, kind = row.facility_code, row.occurred_on, row.kind
    if kind in INCOMING:
        lot, expiry = _incoming_lot(uow, product, row)
        return [
            Movement(
                facility_code=facility,
                product_code=product.code,
                occurred_on=on,
                kind=kind,
                quantity=row.quantity,
                lot=lot,
                expiry=expiry,
                reason=row.reason,
                counterpart=row.counterpart,
            )
        ]
    if kind is MovementKind.LOSS and (row.lot or row.reason is Reason.EXPIRED):
        assert row.reason is not None
        if product.has_lots and not row.lot:
            raise _RowProblem(
                _LOT,
                f"pour une perte de produits périmés, indiquez le lot périmé de {product.code}.",
            )
        with _blame(_LOT):
            return [
                _lot_loss_movement(uow, facility, product, row.quantity, row.reason, on, row.lot)
            ]
    if kind in (MovementKind.ISSUE, MovementKind.TRANSFER_OUT, MovementKind.LOSS):
        with _blame(_LOT):
            return _outgoing_movements(
                uow,
                ctx,
                facility,
                product.code,
                row.quantity,
                on,
                kind,
                row.lot or None,
                reason=row.reason,
                counterpart=row.counterpart,
            )
    if kind is MovementKind.ADJUSTMENT:
        if product.has_lots and not row.lot:
            raise _RowProblem(
                _LOT, f"un ajustement porte sur un lot : indiquez le lot de {product.code}."
            )
        if row.quantity > 0:
            lot, expiry = _incoming_lot(uow, product, row)
        else:
            lot, expiry = row.lot, _lot(uow, facility, product.code, row.lot, on).expiry
        return [
            Movement(
                facility_code=facility,
                product_code=product.code,
                occurred_on=on,
                kind=kind,
                quantity=row.quantity,
                lot=lot,
                expiry=expiry,
                reason=row.reason,
            )
        ]
    assert kind is MovementKind.COUNT
    line = CountLine(product.code, row.quantity, row.lot or None, row.expiry)
    with _blame(_EXPIRY if row.lot else _LOT):
        return _count_movements(
            uow, facility, on, line, row.reason or Reason.COUNT_CORRECTION, note=""
        )
