"""Ledger scenarios through the use cases, on a migrated SQLite file."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from core import services
from core.consumption import StockStatus
from core.errors import DomainError, InsufficientStock
from core.ledger import MovementKind, Reason
from core.services import CountLine, ReceiptLine
from db.engine import Database
from db.uow import SqlAlchemyUnitOfWork

FAR = date(2028, 6, 30)

BACKENDS = ("sqlite", "postgresql")


def rutf(uow: SqlAlchemyUnitOfWork, facility: str, on: date) -> services.StockLine:
    (line,) = services.facility_stock(uow, facility, on, product_codes=["RUTF"])
    return line


def test_receive_dispense_count_reads_like_the_stock_card(uow, ctx, facilities) -> None:
    _, cscom = facilities
    services.receive_stock(
        uow,
        ctx,
        cscom,
        date(2026, 10, 1),
        [ReceiptLine("RUTF", 450, "A12", date(2027, 3, 31))],
        supplier="CSREF-MOP",
        reference="BL-0412",
    )
    services.dispense(uow, ctx, cscom, "RUTF", 300, date(2026, 10, 10))
    services.record_count(uow, ctx, cscom, date(2026, 10, 31), [CountLine("RUTF", 140, "A12")])
    card = services.product_stock_card(uow, cscom, "RUTF")
    assert [(c.movement.kind, c.movement.quantity, c.balance) for c in card] == [
        (MovementKind.RECEIPT, 450, 450),
        (MovementKind.ISSUE, -300, 150),
        (MovementKind.COUNT, -10, 140),
    ]
    assert card[-1].movement.counted == 140
    assert card[0].movement.entered_by == "dtc" and card[0].movement.origin_device == "poste-test"
    assert rutf(uow, cscom, date(2026, 10, 31)).soh == 140


def test_dispensing_more_than_the_usable_stock_is_refused_and_writes_nothing(
    uow, ctx, facilities
) -> None:
    _, cscom = facilities
    services.receive_stock(
        uow, ctx, cscom, date(2026, 10, 1), [ReceiptLine("RUTF", 100, "A12", FAR)]
    )
    with pytest.raises(InsufficientStock, match="100 utilisable"):
        services.dispense(uow, ctx, cscom, "RUTF", 150, date(2026, 10, 2))
    assert rutf(uow, cscom, date(2026, 11, 21)).soh == 100
    assert len(services.product_stock_card(uow, cscom, "RUTF")) == 1


def test_fefo_dispenses_the_lot_that_expires_first_and_never_an_expired_one(
    uow, ctx, facilities
) -> None:
    _, cscom = facilities
    services.receive_stock(
        uow,
        ctx,
        cscom,
        date(2026, 6, 1),
        [
            ReceiptLine("RUTF", 50, "OLD", date(2026, 11, 1)),
            ReceiptLine("RUTF", 200, "LATE", date(2027, 12, 31)),
            ReceiptLine("RUTF", 100, "SOON", date(2027, 1, 31)),
        ],
    )
    posted = services.dispense(uow, ctx, cscom, "RUTF", 180, date(2026, 11, 20))
    assert [(m.lot, -m.quantity) for m in posted] == [("SOON", 100), ("LATE", 80)]
    with pytest.raises(DomainError, match="périmé"):
        services.dispense(uow, ctx, cscom, "RUTF", 10, date(2026, 11, 20), lot="OLD")
    line = rutf(uow, cscom, date(2026, 11, 21))
    assert (line.soh, line.usable_soh, line.expired) == (170, 120, 50)
    # The expired lot can still be written off as a loss.
    services.record_loss(uow, ctx, cscom, "RUTF", 50, Reason.EXPIRED, date(2026, 11, 21), "OLD")
    assert rutf(uow, cscom, date(2026, 11, 21)).soh == 120


def test_a_backdated_issue_may_not_empty_a_lot_that_later_entries_relied_on(
    uow, ctx, facilities
) -> None:
    _, cscom = facilities
    services.receive_stock(uow, ctx, cscom, date(2026, 9, 1), [ReceiptLine("RUTF", 100, "A", FAR)])
    services.dispense(uow, ctx, cscom, "RUTF", 80, date(2026, 10, 1))
    with pytest.raises(InsufficientStock) as error:
        services.dispense(uow, ctx, cscom, "RUTF", 50, date(2026, 9, 15))
    assert error.value.available == 20


def test_a_reversal_cancels_a_wrong_entry_and_keeps_both_in_the_ledger(
    uow, ctx, facilities
) -> None:
    _, cscom = facilities
    (receipt,) = services.receive_stock(
        uow, ctx, cscom, date(2026, 11, 1), [ReceiptLine("RUTF", 1500, "A12", FAR)]
    )
    (wrong,) = services.dispense(uow, ctx, cscom, "RUTF", 600, date(2026, 11, 2))
    services.reverse_movement(uow, ctx, wrong.uuid, "Saisie en double")
    card = services.product_stock_card(uow, cscom, "RUTF")
    assert [c.balance for c in card] == [1500, 900, 1500]
    assert card[-1].movement.reverses == wrong.uuid and card[-1].movement.note == "Saisie en double"
    with pytest.raises(DomainError, match="déjà été annulée"):
        services.reverse_movement(uow, ctx, wrong.uuid, "encore")
    # The reversal is dated today (periods already reported stay as they were); a receipt
    # whose stock has since left cannot be reversed without going negative.
    services.dispense(uow, ctx, cscom, "RUTF", 1000, date(2026, 11, 21))
    with pytest.raises(InsufficientStock, match="déjà sorti"):
        services.reverse_movement(uow, ctx, receipt.uuid, "mauvais lot")


def test_the_ledger_refuses_updates_and_deletes(database: Database, uow, ctx, facilities) -> None:
    _, cscom = facilities
    services.receive_stock(uow, ctx, cscom, date(2026, 11, 1), [ReceiptLine("RUTF", 10, "A", FAR)])
    with database.engine.begin() as conn, pytest.raises(Exception, match="annulation"):
        conn.execute(text("UPDATE movements SET quantity = 99"))
    with database.engine.begin() as conn, pytest.raises(Exception, match="annulation"):
        conn.execute(text("DELETE FROM movements"))


def test_transfer_moves_the_same_lot_between_two_facilities(uow, ctx, facilities) -> None:
    csref, cscom = facilities
    services.receive_stock(
        uow, ctx, csref, date(2026, 11, 1), [ReceiptLine("RUTF", 1500, "A12", date(2027, 8, 31))]
    )
    services.transfer_stock(uow, ctx, csref, cscom, "RUTF", 600, date(2026, 11, 5))
    assert rutf(uow, csref, date(2026, 11, 21)).soh == 900
    (received,) = services.product_stock_card(uow, cscom, "RUTF")
    assert received.movement.kind is MovementKind.TRANSFER_IN
    assert (received.movement.lot, received.movement.expiry) == ("A12", date(2027, 8, 31))
    assert received.movement.counterpart == csref


def test_future_dates_and_unknown_codes_are_refused_with_a_clear_message(
    uow, ctx, facilities
) -> None:
    _, cscom = facilities
    with pytest.raises(DomainError, match="futur"):
        services.receive_stock(
            uow, ctx, cscom, date(2026, 11, 22), [ReceiptLine("RUTF", 10, "A", FAR)]
        )
    with pytest.raises(DomainError, match="Produit NOPE inconnu"):
        services.receive_stock(uow, ctx, cscom, date(2026, 11, 1), [ReceiptLine("NOPE", 10)])
    with pytest.raises(DomainError, match="lot"):
        services.receive_stock(uow, ctx, cscom, date(2026, 11, 1), [ReceiptLine("RUTF", 10)])


def test_a_receipt_is_saved_whole_or_not_at_all(uow, ctx, facilities) -> None:
    _, cscom = facilities
    with pytest.raises(DomainError, match="Ligne 2"):
        services.receive_stock(
            uow,
            ctx,
            cscom,
            date(2026, 11, 1),
            [ReceiptLine("RUTF", 150, "A", FAR), ReceiptLine("RUTF", 150, "B")],  # no expiry
        )
    assert services.product_stock_card(uow, cscom, "RUTF") == []


def test_a_count_of_the_whole_product_reconciles_its_lots(uow, ctx, facilities) -> None:
    _, cscom = facilities
    services.receive_stock(
        uow,
        ctx,
        cscom,
        date(2026, 10, 1),
        [
            ReceiptLine("RUTF", 100, "SOON", date(2027, 1, 31)),
            ReceiptLine("RUTF", 100, "LATE", date(2027, 9, 30)),
        ],
    )
    posted = services.record_count(uow, ctx, cscom, date(2026, 10, 31), [CountLine("RUTF", 170)])
    assert [(m.lot, m.quantity, m.counted) for m in posted] == [("SOON", -30, 70)]
    posted = services.record_count(uow, ctx, cscom, date(2026, 11, 1), [CountLine("RUTF", 200)])
    assert [(m.lot, m.quantity) for m in posted] == [("LATE", 30)]


def test_worked_example_through_the_ledger(uow, ctx, facilities) -> None:
    """DOMAIN.md §2: A=300, B=450, D=−10 (expired), E=140, previous N 520 and 580."""
    _, cscom = facilities
    services.receive_stock(
        uow,
        ctx,
        cscom,
        date(2026, 7, 31),
        [
            ReceiptLine("RUTF", 1390, "L1", date(2028, 1, 31)),
            ReceiptLine("RUTF", 10, "L0", date(2026, 9, 30)),
        ],
    )
    for day in (5, 12, 19, 26):
        services.dispense(uow, ctx, cscom, "RUTF", 130, date(2026, 8, day), lot="L1")
    for day in (3, 17):
        services.dispense(uow, ctx, cscom, "RUTF", 290, date(2026, 9, day), lot="L1")
    services.receive_stock(
        uow, ctx, cscom, date(2026, 10, 1), [ReceiptLine("RUTF", 450, "L2", date(2028, 3, 31))]
    )
    services.record_loss(uow, ctx, cscom, "RUTF", 10, Reason.EXPIRED, date(2026, 10, 2), "L0")
    services.dispense(uow, ctx, cscom, "RUTF", 600, date(2026, 10, 20))
    services.record_count(uow, ctx, cscom, date(2026, 10, 31), [CountLine("RUTF", 140)])
    line = rutf(uow, cscom, date(2026, 10, 31))
    assert line.usable_soh == 140
    assert line.amc == 567
    assert line.max_quantity == 1701
    assert line.order_quantity == 1650 and line.order_packs == 11
    assert line.months_of_stock is not None and round(line.months_of_stock, 2) == 0.25
    assert line.status is StockStatus.EMERGENCY
    assert line.projected_stockout == date(2026, 11, 7)  # 140 / 567 × 30 = 7.4 days


def test_stock_out_days_raise_the_amc(uow, ctx, facilities) -> None:
    _, cscom = facilities
    services.receive_stock(uow, ctx, cscom, date(2026, 9, 1), [ReceiptLine("RUTF", 21, "A", FAR)])
    services.dispense(uow, ctx, cscom, "RUTF", 21, date(2026, 9, 15))  # out from the 15th
    services.receive_stock(uow, ctx, cscom, date(2026, 10, 1), [ReceiptLine("RUTF", 500, "B", FAR)])
    line = rutf(uow, cscom, date(2026, 9, 30))
    # September: 21 consumed, 16 stock-out days (15th–30th) → ceil(21 × 30 / 14) = 45.
    assert line.amc == 45
    assert line.status is StockStatus.STOCKED_OUT


def test_expiring_soon_counts_lots_within_the_horizon(uow, ctx, facilities) -> None:
    _, cscom = facilities
    services.receive_stock(
        uow,
        ctx,
        cscom,
        date(2026, 11, 1),
        [
            ReceiptLine("RUTF", 40, "SOON", date(2027, 2, 1)),
            ReceiptLine("RUTF", 60, "LATER", date(2027, 2, 22)),
        ],
    )
    assert rutf(uow, cscom, date(2026, 11, 21)).expiring_soon == 40
    with uow:
        uow.settings.set("product:RUTF", "expiry_warning_months", "4")
        uow.commit()
    assert rutf(uow, cscom, date(2026, 11, 21)).expiring_soon == 100


def test_check_finds_a_balance_that_disagrees_with_the_ledger(
    database: Database, uow, ctx, facilities
) -> None:
    _, cscom = facilities
    services.receive_stock(uow, ctx, cscom, date(2026, 11, 1), [ReceiptLine("RUTF", 10, "A", FAR)])
    assert services.check_database(uow) == []
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE stock_balances SET quantity = 11"))
    (problem,) = services.check_database(uow)
    assert "RUTF" in problem and "11" in problem and "10" in problem


def test_a_loss_needs_its_lot_and_a_past_date(uow, ctx, facilities) -> None:
    _, cscom = facilities
    services.receive_stock(uow, ctx, cscom, date(2026, 11, 1), [ReceiptLine("RUTF", 10, "A", FAR)])
    with pytest.raises(DomainError, match="futur"):
        services.record_loss(uow, ctx, cscom, "RUTF", 5, Reason.DAMAGED, date(2026, 12, 1), "A")
    with pytest.raises(DomainError, match="Indiquez le lot"):
        services.record_loss(uow, ctx, cscom, "RUTF", 5, Reason.EXPIRED, date(2026, 11, 2))
    services.record_loss(uow, ctx, cscom, "RUTF", 4, Reason.DAMAGED, date(2026, 11, 2))
    assert rutf(uow, cscom, date(2026, 11, 21)).soh == 6


def test_a_count_says_which_line_is_wrong_and_its_reason_must_fit_the_difference(
    uow, ctx, facilities
) -> None:
    _, cscom = facilities
    services.receive_stock(uow, ctx, cscom, date(2026, 11, 1), [ReceiptLine("RUTF", 100, "A", FAR)])
    with pytest.raises(DomainError, match=r"Ligne 2 \(RUTF, lot NEW\)"):
        services.record_count(
            uow,
            ctx,
            cscom,
            date(2026, 11, 2),
            [CountLine("RUTF", 90, "A"), CountLine("RUTF", 5, "NEW")],  # NEW has no expiry
        )
    with pytest.raises(DomainError, match="manque"):
        services.record_count(
            uow, ctx, cscom, date(2026, 11, 2), [CountLine("RUTF", 120, "A")], Reason.DAMAGED
        )
    services.record_count(
        uow, ctx, cscom, date(2026, 11, 2), [CountLine("RUTF", 95, "A")], Reason.DAMAGED
    )
    assert rutf(uow, cscom, date(2026, 11, 21)).soh == 95
