"""Services behind the screens: movement pages, count sheet, expiry alerts, policy settings."""

from __future__ import annotations

from datetime import date

import pytest

from core import services
from core.errors import DomainError
from core.facilities import new_facility
from core.ledger import MovementKind
from core.services import ReceiptLine

FAR = date(2028, 6, 30)

BACKENDS = ("sqlite", "postgresql")


def test_movement_pages_are_newest_first_and_flag_reversed_entries(uow, ctx, facilities) -> None:
    _, cscom = facilities
    services.receive_stock(uow, ctx, cscom, date(2026, 10, 1), [ReceiptLine("RUTF", 900, "A", FAR)])
    issued = [
        services.dispense(uow, ctx, cscom, "RUTF", 10, date(2026, 10, d))[0] for d in range(2, 12)
    ]
    services.reverse_movement(uow, ctx, issued[3].uuid, "erreur de saisie")
    page = services.movement_page(uow, cscom, offset=0, limit=5)
    assert page.total == 12
    assert len(page.movements) == 5
    assert page.movements[0].reverses == issued[3].uuid  # made today, so newest
    assert [m.occurred_on.day for m in page.movements[1:]] == [11, 10, 9, 8]
    second = services.movement_page(uow, cscom, offset=5, limit=5)
    assert issued[3].uuid in second.reversed
    receipts = services.movement_page(uow, cscom, kinds=[MovementKind.RECEIPT])
    assert receipts.total == 1 and receipts.movements[0].quantity == 900


def test_count_sheet_lists_every_lot_on_the_shelf_expired_included(uow, ctx, facilities) -> None:
    _, cscom = facilities
    services.receive_stock(
        uow,
        ctx,
        cscom,
        date(2026, 6, 1),
        [
            ReceiptLine("RUTF", 300, "LATE", FAR),
            ReceiptLine("RUTF", 50, "OLD", date(2026, 9, 30)),
            ReceiptLine("AMOX250D", 1000, "X1", FAR),
        ],
    )
    sheet = services.count_sheet(uow, cscom, date(2026, 11, 21))
    assert [(line.product.code, line.lot, line.expected) for line in sheet] == [
        ("RUTF", "OLD", 50),
        ("RUTF", "LATE", 300),
        ("AMOX250D", "X1", 1000),
    ]


def test_expiry_alerts_put_expired_lots_first(uow, ctx, facilities) -> None:
    _, cscom = facilities
    services.receive_stock(
        uow,
        ctx,
        cscom,
        date(2026, 6, 1),
        [
            ReceiptLine("RUTF", 300, "LATE", FAR),
            ReceiptLine("RUTF", 50, "OLD", date(2026, 9, 30)),
            ReceiptLine("ALB400", 200, "B2", date(2027, 1, 15)),
        ],
    )
    alerts = services.expiry_alerts(uow, cscom, date(2026, 11, 21))
    assert [(a.product.code, a.lot, a.quantity, a.expired) for a in alerts] == [
        ("RUTF", "OLD", 50, True),
        ("ALB400", "B2", 200, False),
    ]


def test_policy_values_are_checked_and_resolved_product_first(uow, facilities) -> None:
    services.set_policy_value(uow, "", "max_months", "4")
    services.set_policy_value(uow, "category:nutrition", "max_months", "2,5")
    assert services.effective_policy(uow, "RUTF").max_months == 2.5
    assert services.effective_policy(uow, "AMOX250D").max_months == 4
    with pytest.raises(DomainError, match="minimum"):
        services.set_policy_value(uow, "product:RUTF", "min_months", "3")
    assert services.effective_policy(uow, "RUTF").min_months == 1.5
    with pytest.raises(DomainError, match="nombre"):
        services.set_policy_value(uow, "", "eop_months", "un mois")
    services.set_policy_value(uow, "category:nutrition", "max_months", None)
    assert services.effective_policy(uow, "RUTF").max_months == 4
    assert ("", "max_months") in services.policy_settings(uow)


def test_facility_details_change_but_not_the_code(uow, facilities) -> None:
    _, cscom = facilities
    services.add_facility(uow, new_facility("CSREF-SEG", "CSRéf Ségou", "CSRef", "Ségou", "Ségou"))
    services.update_facility(
        uow, new_facility(cscom, "CSCom de Sévaré II", "CSCom", "Mopti", "Mopti", "CSREF-SEG")
    )
    (updated,) = [f for f in services.list_facilities(uow) if f.code == cscom]
    assert (updated.name, updated.supplier_code) == ("CSCom de Sévaré II", "CSREF-SEG")
    with pytest.raises(DomainError):
        services.update_facility(uow, new_facility("NOPE", "X", "CSCom", "Mopti", "Mopti"))
