"""Stock orders over SQLAlchemy Core: append-only versions, the latest wins."""

from __future__ import annotations

import uuid as uuidlib
from typing import Any

from sqlalchemy import select

from core.orders import OrderStatus, StockOrder
from core.pcima import Stamp
from db.repositories import CatalogueBoundRepository
from db.tables import facilities, products, stock_orders
from db.versioned import is_latest_version


class SqlOrderRepository(CatalogueBoundRepository):
    def add(self, order: StockOrder) -> None:
        assert order.stamp is not None
        self._conn.execute(
            stock_orders.insert(),
            {
                "uuid": str(uuidlib.uuid4()),
                "record_uuid": order.record_uuid,
                "version": order.version,
                "facility_id": self._facilities.id_of(order.facility_code),
                "product_id": self._products.id_of(order.product_code),
                "quantity": order.quantity,
                "expected_on": order.expected_on,
                "reference": order.reference,
                "supplier": order.supplier,
                "status": order.status.value,
                "voided": order.voided,
                "note": order.stamp.note,
                "entered_by": order.stamp.entered_by,
                "device": order.stamp.device,
                "recorded_at": order.stamp.recorded_at,
            },
        )

    def _select(self) -> Any:
        return select(
            stock_orders,
            facilities.c.code.label("facility_code"),
            products.c.code.label("product_code"),
        ).select_from(
            stock_orders.join(facilities, stock_orders.c.facility_id == facilities.c.id).join(
                products, stock_orders.c.product_id == products.c.id
            )
        )

    @staticmethod
    def _order(row: Any) -> StockOrder:
        return StockOrder(
            facility_code=row.facility_code,
            product_code=row.product_code,
            quantity=row.quantity,
            expected_on=row.expected_on,
            reference=row.reference,
            supplier=row.supplier,
            status=OrderStatus(row.status),
            record_uuid=row.record_uuid,
            version=row.version,
            voided=bool(row.voided),
            stamp=Stamp(row.entered_by, row.device, row.recorded_at, row.note),
        )

    def versions(self, record_uuid: str) -> list[StockOrder]:
        query = (
            self._select()
            .where(stock_orders.c.record_uuid == record_uuid)
            .order_by(stock_orders.c.version)
        )
        return [self._order(r) for r in self._conn.execute(query)]

    def pending(self, facility_code: str, product_code: str | None = None) -> list[StockOrder]:
        query = self._select().where(
            facilities.c.code == facility_code,
            is_latest_version(stock_orders),
            stock_orders.c.status == OrderStatus.PENDING.value,
            stock_orders.c.voided.is_(False),
        )
        if product_code is not None:
            query = query.where(products.c.code == product_code)
        query = query.order_by(stock_orders.c.expected_on, stock_orders.c.id)
        return [self._order(r) for r in self._conn.execute(query)]
