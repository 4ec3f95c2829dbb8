"""The whole monthly chain on three SQLite files standing for three laptops: two CSComs export
their approved R&R, the CSRéf imports both, approves quantities, exports its own requisition one
level up and the delivery notes, and each CSCom receives its delivery note."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from core import services
from core.catalogue import load_catalogue
from core.district import (
    district_requisition,
    district_review,
    import_delivery_note,
    issue_delivery_notes,
    pending_deliveries,
    prepare_delivery_notes,
    receive_delivery,
    set_approved_quantity,
)
from core.exchange.delivery_workbook import read_delivery_workbook, write_delivery_workbook
from core.exchange.requisition_workbook import read_requisition_workbook, write_requisition_workbook
from core.facilities import new_facility
from core.ledger import MovementKind
from core.orders import StockOrder, add_order
from core.requisition import ImportOutcome
from core.requisition_import import import_requisition_files
from core.requisition_services import approve_requisition, compute_requisition
from core.services import Context, ReceiptLine
from db.engine import open_database
from db.uow import SqlAlchemyUnitOfWork
from tests.conftest import CATALOGUE

OCTOBER = date(2026, 10, 1)
NOW = datetime(2026, 11, 21, 12, 0)
CSREF, SEVARE, SOCOURA = "CSREF-MOP", "CSCOM-SEV", "CSCOM-SOC"


@dataclass
class Laptop:
    """One facility's laptop: its own database file, its own user."""

    factory: Callable[[], SqlAlchemyUnitOfWork]
    ctx: Context

    def uow(self) -> SqlAlchemyUnitOfWork:
        return self.factory()


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[dict[str, Laptop]]:
    machines: dict[str, Laptop] = {}
    engines = []
    for code in (CSREF, SEVARE, SOCOURA):
        db = open_database(str(tmp_path / f"{code}.db"))
        engines.append(db)
        factory = (lambda engine: lambda: SqlAlchemyUnitOfWork(engine))(db.engine)
        services.seed_catalogue(factory(), load_catalogue(CATALOGUE))
        services.add_facility(
            factory(), new_facility(CSREF, "CSRéf de Mopti", "CSRef", "Mopti", "Mopti")
        )
        if code != CSREF:  # each CSCom knows itself and its depot; the depot knows only itself
            name = "CSCom de Sévaré" if code == SEVARE else "CSCom de Socoura"
            services.add_facility(
                factory(), new_facility(code, name, "CSCom", "Mopti", "Mopti", CSREF)
            )
        user = "pharmacien" if code == CSREF else f"dtc-{code[-3:].lower()}"
        machines[code] = Laptop(factory, Context(device=code, user=user, clock=lambda: NOW))
    yield machines
    for db in engines:
        db.dispose()


def _month_of_rutf(laptop: Laptop, code: str, received: int, dispensed: int) -> None:
    uow, ctx = laptop.uow(), laptop.ctx
    services.receive_stock(
        uow, ctx, code, date(2026, 8, 2), [ReceiptLine("RUTF", received, "C1", date(2028, 3, 31))]
    )
    for month in (8, 9, 10):
        services.dispense(uow, ctx, code, "RUTF", dispensed, date(2026, month, 20))


def test_two_cscoms_a_csref_and_back(laptops: dict[str, Laptop], tmp_path: Path) -> None:
    depot, sev, soc = laptops[CSREF], laptops[SEVARE], laptops[SOCOURA]

    # --- each CSCom: three months of RUTF, its October R&R approved and exported ------------
    _month_of_rutf(sev, SEVARE, 1500, 450)  # AMC 450 → max 1350, SDU 150 → 1200 = 8 cartons
    _month_of_rutf(soc, SOCOURA, 1000, 300)  # AMC 300 → max 900, SDU 100 → 800 → 900 (6 ctn)
    files = []
    rr: dict[str, object] = {}
    for laptop, code in ((sev, SEVARE), (soc, SOCOURA)):
        draft = compute_requisition(laptop.uow(), laptop.ctx, code, OCTOBER)
        approved = approve_requisition(laptop.uow(), laptop.ctx, draft, f"DTC {code}")
        rr[code] = approved
        files.append(write_requisition_workbook(approved, tmp_path / f"RR_{code}_2026-10.xlsx"))
    sev_line = rr[SEVARE].line("RUTF")  # type: ignore[attr-defined]
    soc_line = rr[SOCOURA].line("RUTF")  # type: ignore[attr-defined]
    assert (sev_line.report.stock_on_hand, sev_line.amc, sev_line.requested) == (150, 450, 1200)
    assert (soc_line.report.stock_on_hand, soc_line.amc, soc_line.requested) == (100, 300, 900)

    # --- the CSRéf: its own stock, then both files imported ---------------------------------
    services.receive_stock(
        depot.uow(),
        depot.ctx,
        CSREF,
        date(2026, 9, 1),
        [
            ReceiptLine("RUTF", 900, "EARLY", date(2027, 2, 28)),
            ReceiptLine("RUTF", 1500, "LATE", date(2027, 12, 31)),
        ],
    )
    services.dispense(depot.uow(), depot.ctx, CSREF, "RUTF", 150, date(2026, 9, 15))
    services.dispense(depot.uow(), depot.ctx, CSREF, "RUTF", 150, date(2026, 10, 15))
    add_order(
        depot.uow(),
        depot.ctx,
        StockOrder(CSREF, "RUTF", 300, date(2026, 12, 5), "BC-2026-11", "EPH Mopti"),
    )
    results = import_requisition_files(depot.factory, depot.ctx, files)
    assert [r.outcome for r in results] == [ImportOutcome.IMPORTED, ImportOutcome.IMPORTED]
    assert all(r.created_facility for r in results)

    review = district_review(depot.uow(), depot.ctx, CSREF, OCTOBER)
    assert [f.code for f in review.facilities] == [SEVARE, SOCOURA]  # supplied by the CSRéf
    assert {f.code: f.approved["RUTF"] for f in review.facilities} == {
        SEVARE: 1200,
        SOCOURA: 900,
    }
    (rutf,) = review.products
    assert (rutf.requested, rutf.approved, rutf.depot_usable) == (2100, 2100, 2100)
    assert review.warnings() == []  # 900 + 1500 − 300 dispensed = 2100 usable: just enough

    # The pharmacist raises Sévaré by a carton: now more than the depot holds, and said so.
    warnings = set_approved_quantity(
        depot.uow(), depot.ctx, CSREF, SEVARE, OCTOBER, "RUTF", 1350, "Afflux à Sévaré"
    )
    assert len(warnings) == 1 and "2\u202f250" in warnings[0] and "2\u202f100" in warnings[0]
    # ...then gives Socoura a carton less, back within the depot's stock.
    assert (
        set_approved_quantity(
            depot.uow(), depot.ctx, CSREF, SOCOURA, OCTOBER, "RUTF", 750, "Stock du dépôt"
        )
        == []
    )
    review = district_review(depot.uow(), depot.ctx, CSREF, OCTOBER)
    assert {f.code: f.approved["RUTF"] for f in review.facilities} == {
        SEVARE: 1350,
        SOCOURA: 750,
    }

    # --- the CSRéf's own requisition one level up ---------------------------------------------
    own = district_requisition(depot.uow(), depot.ctx, CSREF, OCTOBER)
    line = own.line("RUTF")
    # Own AMC (150, 150 over two months) = 150 → max 450; approved 2100 for the CSComs;
    # usable at the end of October 2100; on order 300: 450 + 2100 − 2100 − 300 = 150 → 1 carton.
    assert (line.amc, line.max_quantity, line.downstream) == (150, 450, 2100)
    assert (line.usable_stock, line.on_order, line.calculated) == (2100, 300, 150)
    approved_own = approve_requisition(depot.uow(), depot.ctx, own, "Pharmacien du district")
    up = read_requisition_workbook(
        write_requisition_workbook(approved_own, tmp_path / "RR_CSREF-MOP_2026-10.xlsx")
    )
    assert up.checksum_matches and up.requisition is not None
    assert up.requisition.facility_type == "CSRef"
    assert up.requisition.line("RUTF").downstream == 2100
    assert up.requisition.line("RUTF").requested == 150

    # --- delivery notes, FEFO from the depot's lots ------------------------------------------
    notes = prepare_delivery_notes(depot.uow(), depot.ctx, CSREF, OCTOBER)
    by_code = {n.to_code: n for n in notes}
    assert [(x.lot, x.quantity) for x in by_code[SEVARE].lines] == [("EARLY", 600), ("LATE", 750)]
    assert [(x.lot, x.quantity) for x in by_code[SOCOURA].lines] == [("LATE", 750)]
    assert all(not n.shortfalls for n in notes)
    issue_delivery_notes(depot.uow(), depot.ctx, notes)
    with depot.uow() as uow:
        left = uow.ledger.lot_stock(CSREF, "RUTF", date(2026, 11, 21))
        outs = [
            m
            for m in uow.ledger.movements(CSREF, "RUTF")
            if m.kind is MovementKind.TRANSFER_OUT and m.reference.startswith("BL-")
        ]
    assert sum(s.balance for s in left) == 0  # everything left the depot
    after = district_review(depot.uow(), depot.ctx, CSREF, OCTOBER)
    assert {f.code: f.delivery_note for f in after.facilities} == {
        SEVARE: "BL-CSREF-MOP-2026-10-CSCOM-SEV",
        SOCOURA: "BL-CSREF-MOP-2026-10-CSCOM-SOC",
    }
    assert after.products[0].to_ship == 0 and after.warnings() == []  # shipped, not owed
    assert prepare_delivery_notes(depot.uow(), depot.ctx, CSREF, OCTOBER) == []
    assert sorted((m.counterpart, m.lot, -m.quantity) for m in outs) == [
        (SEVARE, "EARLY", 600),
        (SEVARE, "LATE", 750),
        (SOCOURA, "LATE", 750),
    ]
    note_files = {
        n.to_code: write_delivery_workbook(n, tmp_path / f"{n.number}.xlsx") for n in notes
    }
    assert read_delivery_workbook(note_files[SEVARE]).checksum_matches

    # --- each CSCom receives its note ------------------------------------------------------
    stored = import_delivery_note(sev.uow(), sev.ctx, note_files[SEVARE])
    assert [n.note.number for n in pending_deliveries(sev.uow(), SEVARE)] == [stored.note.number]
    receive_delivery(
        sev.uow(),
        sev.ctx,
        stored.note.record_uuid,
        date(2026, 11, 21),
        {1: (600, ""), 2: (750, "")},
    )
    stored_soc = import_delivery_note(soc.uow(), soc.ctx, note_files[SOCOURA])
    done = receive_delivery(
        soc.uow(),
        soc.ctx,
        stored_soc.note.record_uuid,
        date(2026, 11, 21),
        {1: (735, "Un carton ouvert, 15 sachets abîmés")},
    )
    assert done.discrepancies == [(1, 750, 735, "Un carton ouvert, 15 sachets abîmés")]
    assert pending_deliveries(soc.uow(), SOCOURA) == []

    for laptop, code, before, received in ((sev, SEVARE, 150, 1350), (soc, SOCOURA, 100, 735)):
        with laptop.uow() as uow:
            lots = {
                s.lot: (s.expiry, s.balance)
                for s in uow.ledger.lot_stock(code, "RUTF", date(2026, 11, 21))
                if s.balance
            }
            receipts = [
                m
                for m in uow.ledger.movements(code, "RUTF")
                if m.kind is MovementKind.RECEIPT and m.counterpart == CSREF
            ]
        assert sum(balance for _, balance in lots.values()) == before + received
        assert sum(m.quantity for m in receipts) == received  # B of November's R&R
        assert all(m.reference.startswith("BL-CSREF-MOP-2026-10-") for m in receipts)
    assert lots["LATE"] == (date(2027, 12, 31), 735)  # the lot and expiry travelled with it

    # The same note again is refused; nothing is received twice.
    with pytest.raises(Exception, match="déjà réceptionné"):
        import_delivery_note(soc.uow(), soc.ctx, note_files[SOCOURA])


BACKENDS = ("sqlite", "postgresql")


def test_a_shared_district_server_runs_the_same_month(uow, ctx, facilities) -> None:
    """On one database for the district (SQLite or PostgreSQL): the CSCom approves its R&R
    there, the CSRéf reviews and approves it, issues the note, the CSCom receives it."""
    from tests.integration.test_requisition import worked_example

    csref, cscom = facilities
    worked_example(uow, ctx, cscom)
    services.receive_stock(
        uow, ctx, csref, date(2026, 9, 1), [ReceiptLine("RUTF", 3000, "DEP1", date(2027, 9, 30))]
    )
    approved = approve_requisition(uow, ctx, compute_requisition(uow, ctx, cscom, OCTOBER), "DTC")
    review = district_review(uow, ctx, csref, OCTOBER)
    (row,) = review.facilities
    assert row.requisition is not None and row.requisition.sequence == approved.sequence
    assert row.approved == {"RUTF": 1650}
    set_approved_quantity(uow, ctx, csref, cscom, OCTOBER, "RUTF", 1500, "Dépôt limité")
    set_approved_quantity(uow, ctx, csref, cscom, OCTOBER, "RUTF", 1350, "Dépôt très limité")
    assert district_review(uow, ctx, csref, OCTOBER).facilities[0].approved == {"RUTF": 1350}
    (note,) = prepare_delivery_notes(uow, ctx, csref, OCTOBER)
    issue_delivery_notes(uow, ctx, [note])
    (pending,) = pending_deliveries(uow, cscom)
    assert pending.direction == "out" and pending.note.lines[0].quantity == 1350
    done = receive_delivery(uow, ctx, note.record_uuid, date(2026, 11, 21), {1: (1350, "")})
    assert done.is_received and done.discrepancies == []
    assert pending_deliveries(uow, cscom) == []
    with uow:
        lots = {s.lot: s.balance for s in uow.ledger.lot_stock(cscom, "RUTF", date(2026, 11, 21))}
    assert lots["DEP1"] == 1350
