"""Approved requisitions (R&R) over SQLAlchemy Core: append-only versions, the latest wins."""

from __future__ import annotations

import uuid as uuidlib
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from core.monthly import MonthlyStockReport
from core.requisition import Requisition, RequisitionLine, RequisitionStatus
from db.repositories import SqlFacilityRepository, SqlProductRepository
from db.tables import facilities, products, requisition_lines, requisitions
from db.versioned import is_latest_version


class SqlRequisitionRepository:
    def __init__(
        self,
        conn: Connection,
        facilities_repo: SqlFacilityRepository,
        products_repo: SqlProductRepository,
    ) -> None:
        self._conn = conn
        self._facilities = facilities_repo
        self._products = products_repo
        # _post asks for every movement: within one unit of work the answer only changes
        # when this repository adds a requisition.
        self._closed: dict[str, tuple[date, int] | None] = {}

    def add(self, requisition: Requisition) -> None:
        assert requisition.created_at is not None and requisition.sequence is not None
        self._closed.pop(requisition.facility_code, None)
        result = self._conn.execute(
            requisitions.insert(),
            {
                "uuid": str(uuidlib.uuid4()),
                "record_uuid": requisition.record_uuid,
                "version": requisition.version,
                "facility_id": self._facilities.id_of(requisition.facility_code),
                "period": requisition.period,
                "sequence": requisition.sequence,
                "status": requisition.status.value,
                "facility_name": requisition.facility_name,
                "facility_type": requisition.facility_type,
                "region": requisition.region,
                "district": requisition.district,
                "supplier_code": requisition.supplier_code,
                "approved_by": requisition.approved_by,
                "created_at": requisition.created_at,
                "voided": False,
                "note": "",
                "entered_by": requisition.entered_by,
                "device": requisition.device,
                "recorded_at": requisition.created_at,
            },
        )
        (row_id,) = result.inserted_primary_key or (None,)
        rows = [
            {
                "requisition_id": row_id,
                "line_no": n,
                "record_uuid": line.record_uuid,
                "product_id": self._products.id_of(line.product_code),
                "product_name": line.product_name,
                "base_unit": line.base_unit,
                "pack_unit": line.pack_unit,
                "pack_size": line.pack_size,
                "beginning_balance": line.report.beginning_balance,
                "received": line.report.received,
                "consumed": line.report.consumed,
                "adjustments": line.report.adjustments,
                "stock_on_hand": line.report.stock_on_hand,
                "stockout_days": line.report.stockout_days,
                "usable_stock": line.usable_stock,
                "amc": line.amc,
                "max_quantity": line.max_quantity,
                "on_order": line.on_order,
                "calculated": line.calculated,
                "requested": line.requested,
                "justification": line.justification,
                "remarks": line.remarks,
            }
            for n, line in enumerate(requisition.lines, start=1)
        ]
        if rows:
            self._conn.execute(requisition_lines.insert(), rows)

    def _latest(self) -> Any:
        return (
            select(requisitions, facilities.c.code.label("facility_code"))
            .select_from(
                requisitions.join(facilities, requisitions.c.facility_id == facilities.c.id)
            )
            .where(is_latest_version(requisitions), requisitions.c.voided.is_(False))
        )

    @staticmethod
    def _requisition(row: Any, lines: tuple[RequisitionLine, ...] = ()) -> Requisition:
        return Requisition(
            facility_code=row.facility_code,
            facility_name=row.facility_name,
            facility_type=row.facility_type,
            region=row.region,
            district=row.district,
            period=row.period,
            lines=lines,
            status=RequisitionStatus(row.status),
            sequence=row.sequence,
            record_uuid=row.record_uuid,
            version=row.version,
            created_at=row.created_at,
            approved_by=row.approved_by,
            supplier_code=row.supplier_code,
            entered_by=row.entered_by,
            device=row.device,
        )

    def _lines(self, row: Any) -> tuple[RequisitionLine, ...]:
        query = (
            select(requisition_lines, products.c.code.label("product_code"))
            .select_from(
                requisition_lines.join(products, requisition_lines.c.product_id == products.c.id)
            )
            .where(requisition_lines.c.requisition_id == row.id)
            .order_by(requisition_lines.c.line_no)
        )
        return tuple(
            RequisitionLine(
                report=MonthlyStockReport(
                    site_code=row.facility_code,
                    product_code=r.product_code,
                    year=row.period.year,
                    month=row.period.month,
                    beginning_balance=r.beginning_balance,
                    received=r.received,
                    consumed=r.consumed,
                    adjustments=r.adjustments,
                    stock_on_hand=r.stock_on_hand,
                    stockout_days=r.stockout_days,
                    region=row.region,
                    district=row.district,
                ),
                product_name=r.product_name,
                base_unit=r.base_unit,
                pack_unit=r.pack_unit,
                pack_size=r.pack_size,
                usable_stock=r.usable_stock,
                amc=r.amc,
                max_quantity=r.max_quantity,
                on_order=r.on_order,
                calculated=r.calculated,
                requested=r.requested,
                justification=r.justification,
                remarks=r.remarks,
                record_uuid=r.record_uuid,
            )
            for r in self._conn.execute(query)
        )

    def find(self, facility_code: str, period: date) -> Requisition | None:
        query = self._latest().where(
            facilities.c.code == facility_code, requisitions.c.period == period
        )
        row = self._conn.execute(query.order_by(requisitions.c.sequence.desc())).first()
        return None if row is None else self._requisition(row, self._lines(row))

    def list(self, facility_code: str) -> list[Requisition]:
        query = self._latest().where(facilities.c.code == facility_code)
        rows = self._conn.execute(query.order_by(requisitions.c.period, requisitions.c.sequence))
        return [self._requisition(r) for r in rows]

    def next_sequence(self, facility_code: str) -> int:
        query = (
            select(func.max(requisitions.c.sequence))
            .select_from(
                requisitions.join(facilities, requisitions.c.facility_id == facilities.c.id)
            )
            .where(facilities.c.code == facility_code)
        )
        return int(self._conn.execute(query).scalar() or 0) + 1

    def closed_period(self, facility_code: str) -> tuple[date, int] | None:
        if facility_code not in self._closed:
            query = (
                self._latest()
                .where(
                    facilities.c.code == facility_code,
                    requisitions.c.status == RequisitionStatus.APPROVED.value,
                )
                .order_by(requisitions.c.period.desc(), requisitions.c.sequence.desc())
                .limit(1)
            )
            row = self._conn.execute(query).first()
            self._closed[facility_code] = None if row is None else (row.period, row.sequence)
        return self._closed[facility_code]
