"""What a depot decides and ships (approved quantities, delivery notes) and what a facility
confirms receiving, over SQLAlchemy Core; every table is append-only."""

from __future__ import annotations

import builtins
import json
import uuid as uuidlib
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Table, select

from core.delivery import DeliveryLine, DeliveryNote, DeliveryShortfall
from core.district import ApprovedQuantity, ReceivedLine, StoredNote
from db.repositories import CatalogueBoundRepository
from db.tables import (
    approved_quantities,
    delivery_note_lines,
    delivery_notes,
    delivery_receipts,
    facilities,
    products,
)
from db.versioned import is_latest_version

T = TypeVar("T")


class SqlDistrictRepository(CatalogueBoundRepository):
    # --- approved quantities -----------------------------------------------------------------

    def add_approved(self, approved: ApprovedQuantity) -> None:
        assert approved.recorded_at is not None
        self._conn.execute(
            approved_quantities.insert(),
            {
                "uuid": str(uuidlib.uuid4()),
                "record_uuid": approved.record_uuid,
                "version": approved.version,
                "facility_id": self._facilities.id_of(approved.facility_code),
                "depot_id": self._facilities.id_of(approved.depot_code),
                "period": approved.period,
                "product_id": self._products.id_of(approved.product_code),
                "quantity": approved.quantity,
                "voided": False,
                "note": approved.note,
                "entered_by": approved.entered_by,
                "device": approved.device,
                "recorded_at": approved.recorded_at,
            },
        )

    def approved(self, depot_code: str, period: date) -> builtins.list[ApprovedQuantity]:
        """The latest approved quantity of each facility and product for the depot's month."""
        depot = facilities.alias("depot")
        query = (
            select(
                approved_quantities,
                facilities.c.code.label("facility_code"),
                depot.c.code.label("depot_code"),
                products.c.code.label("product_code"),
            )
            .select_from(
                approved_quantities.join(
                    facilities, approved_quantities.c.facility_id == facilities.c.id
                )
                .join(depot, approved_quantities.c.depot_id == depot.c.id)
                .join(products, approved_quantities.c.product_id == products.c.id)
            )
            .where(
                is_latest_version(approved_quantities),
                approved_quantities.c.voided.is_(False),
                depot.c.code == depot_code,
                approved_quantities.c.period == period,
            )
            .order_by(facilities.c.code, products.c.code)
        )
        return [
            ApprovedQuantity(
                depot_code=r.depot_code,
                facility_code=r.facility_code,
                period=r.period,
                product_code=r.product_code,
                quantity=r.quantity,
                note=r.note,
                record_uuid=r.record_uuid,
                version=r.version,
                entered_by=r.entered_by,
                device=r.device,
                recorded_at=r.recorded_at,
            )
            for r in self._conn.execute(query)
        ]

    # --- delivery notes ----------------------------------------------------------------------

    def add_note(
        self,
        note: DeliveryNote,
        direction: str,
        checksum: str,
        entered_by: str,
        device: str,
        recorded_at: datetime,
    ) -> None:
        result = self._conn.execute(
            delivery_notes.insert(),
            {
                "uuid": str(uuidlib.uuid4()),
                "record_uuid": note.record_uuid,
                "number": note.number,
                "direction": direction,
                "from_code": note.from_code,
                "from_name": note.from_name,
                "to_code": note.to_code,
                "to_name": note.to_name,
                "region": note.region,
                "district": note.district,
                "period": note.period,
                "requisition_sequence": note.requisition_sequence,
                "issued_on": note.issued_on,
                "created_at": note.created_at,
                "created_by": note.created_by,
                "shortfalls": json.dumps(
                    [
                        [s.product_code, s.product_name, s.base_unit, s.approved, s.shipped]
                        for s in note.shortfalls
                    ],
                    ensure_ascii=False,
                ),
                "checksum": checksum,
                "entered_by": entered_by,
                "device": device,
                "recorded_at": recorded_at,
            },
        )
        (note_id,) = result.inserted_primary_key or (None,)
        rows = [
            {
                "note_id": note_id,
                "line_no": n,
                "product_code": line.product_code,
                "product_name": line.product_name,
                "base_unit": line.base_unit,
                "pack_unit": line.pack_unit,
                "pack_size": line.pack_size,
                "lot": line.lot,
                "expiry": line.expiry,
                "quantity": line.quantity,
            }
            for n, line in enumerate(note.lines, start=1)
        ]
        if rows:
            self._conn.execute(delivery_note_lines.insert(), rows)

    def notes(
        self,
        direction: str,
        period: date | None = None,
        from_code: str | None = None,
        to_code: str | None = None,
        record_uuid: str | None = None,
    ) -> builtins.list[StoredNote]:
        """Stored notes (with lines and what was confirmed received), oldest first."""
        query = select(delivery_notes).where(delivery_notes.c.direction == direction)
        if period is not None:
            query = query.where(delivery_notes.c.period == period)
        if from_code is not None:
            query = query.where(delivery_notes.c.from_code == from_code)
        if to_code is not None:
            query = query.where(delivery_notes.c.to_code == to_code)
        if record_uuid is not None:
            query = query.where(delivery_notes.c.record_uuid == record_uuid)
        rows = list(self._conn.execute(query.order_by(delivery_notes.c.id)))
        if not rows:
            return []
        ids = [r.id for r in rows]
        lines = self._by_note(delivery_note_lines, ids, _delivery_line)
        received = self._by_note(delivery_receipts, ids, _received_line)
        return [
            StoredNote(
                note=DeliveryNote(
                    number=r.number,
                    record_uuid=r.record_uuid,
                    from_code=r.from_code,
                    from_name=r.from_name,
                    to_code=r.to_code,
                    to_name=r.to_name,
                    region=r.region,
                    district=r.district,
                    period=r.period,
                    requisition_sequence=r.requisition_sequence,
                    issued_on=r.issued_on,
                    created_at=r.created_at,
                    created_by=r.created_by,
                    lines=tuple(lines[r.id]),
                    shortfalls=tuple(
                        DeliveryShortfall(code, name, unit, int(approved), int(shipped))
                        for code, name, unit, approved, shipped in json.loads(r.shortfalls)
                    ),
                ),
                direction=r.direction,
                checksum=r.checksum,
                received=tuple(received[r.id]),
                note_id=r.id,
            )
            for r in rows
        ]

    def _by_note(
        self, table: Table, ids: builtins.list[int], make: Callable[[Any], T]
    ) -> dict[int, builtins.list[T]]:
        """The rows of a table of note lines (shipped, received) by note id, in line order."""
        grouped: dict[int, builtins.list[T]] = {i: [] for i in ids}
        query = (
            select(table).where(table.c.note_id.in_(ids)).order_by(table.c.note_id, table.c.line_no)
        )
        for row in self._conn.execute(query):
            grouped[row.note_id].append(make(row))
        return grouped

    def add_receipts(self, note_id: int, lines: builtins.list[ReceivedLine], device: str) -> None:
        self._conn.execute(
            delivery_receipts.insert(),
            [
                {
                    "uuid": str(uuidlib.uuid4()),
                    "note_id": note_id,
                    "line_no": line.line_no,
                    "received": line.received,
                    "reason": line.reason,
                    "movement_uuid": line.movement_uuid,
                    "received_on": line.received_on,
                    "entered_by": line.entered_by,
                    "device": device,
                    "recorded_at": line.recorded_at,
                }
                for line in lines
            ],
        )


def _delivery_line(row: Any) -> DeliveryLine:
    return DeliveryLine(
        product_code=row.product_code,
        product_name=row.product_name,
        base_unit=row.base_unit,
        pack_unit=row.pack_unit,
        pack_size=row.pack_size,
        lot=row.lot,
        expiry=row.expiry,
        quantity=row.quantity,
    )


def _received_line(row: Any) -> ReceivedLine:
    return ReceivedLine(
        line_no=row.line_no,
        received=row.received,
        reason=row.reason,
        movement_uuid=row.movement_uuid,
        received_on=row.received_on,
        entered_by=row.entered_by,
        recorded_at=row.recorded_at,
    )
