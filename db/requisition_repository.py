"""Approved requisitions (R&R) over SQLAlchemy Core: append-only versions, the latest wins;
and what was typed into a requisition not yet approved (one replaceable row per month)."""

from __future__ import annotations

import builtins
import json
import uuid as uuidlib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from core.monthly import MonthlyStockReport
from core.requisition import (
    ImportOutcome,
    ImportRecord,
    Requisition,
    RequisitionLine,
    RequisitionStatus,
)
from core.requisition_drafts import LineEdit, SavedEdits
from db.repositories import (
    CatalogueBoundRepository,
    SqlFacilityRepository,
    SqlProductRepository,
)
from db.tables import (
    facilities,
    products,
    requisition_drafts,
    requisition_imports,
    requisition_lines,
    requisitions,
)
from db.versioned import is_latest_version


class SqlRequisitionRepository(CatalogueBoundRepository):
    def __init__(
        self,
        conn: Connection,
        facilities_repo: SqlFacilityRepository,
        products_repo: SqlProductRepository,
    ) -> None:
        super().__init__(conn, facilities_repo, products_repo)
        # _post asks for every movement: within one unit of work the answer only changes
        # when this repository adds a requisition.
        self._closed: dict[str, tuple[date, int] | None] = {}

    def add(
        self,
        requisition: Requisition,
        recorded_at: datetime | None = None,
        voided: bool = False,
        note: str = "",
    ) -> None:
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
                "source": requisition.source,
                "admissions": requisition.admissions,
                "file_name": requisition.file_name,
                "checksum": requisition.checksum,
                "voided": voided,
                "note": note,
                "entered_by": requisition.entered_by,
                "device": requisition.device,
                "recorded_at": recorded_at or requisition.created_at,
            },
        )
        self._products.preload_ids(line.product_code for line in requisition.lines)
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
                "downstream": line.downstream,
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
            admissions=row.admissions,
            source=row.source,
            file_name=row.file_name,
            checksum=row.checksum,
        )

    def _lines(self, row: Any) -> tuple[RequisitionLine, ...]:
        return self._lines_of([row])[row.id]

    def _lines_of(self, rows: builtins.list[Any]) -> dict[int, tuple[RequisitionLine, ...]]:
        """The lines of several requisitions in one query per 500 requisitions (an NGO's
        month: 150 facilities × 300 lines; plain tuples, unpacked, keep it fast)."""
        heads = {
            row.id: (row.facility_code, row.period.year, row.period.month, row.region, row.district)
            for row in rows
        }
        found: dict[int, list[RequisitionLine]] = {row_id: [] for row_id in heads}
        c = requisition_lines.c
        columns = (
            c.requisition_id, products.c.code, c.beginning_balance, c.received, c.consumed,
            c.adjustments, c.stock_on_hand, c.stockout_days, c.product_name, c.base_unit,
            c.pack_unit, c.pack_size, c.usable_stock, c.amc, c.max_quantity, c.on_order,
            c.downstream, c.calculated, c.requested, c.justification, c.remarks, c.record_uuid,
        )  # fmt: skip
        ids = list(heads)
        for start in range(0, len(ids), 500):
            query = (
                select(*columns)
                .select_from(requisition_lines.join(products, c.product_id == products.c.id))
                .where(c.requisition_id.in_(ids[start : start + 500]))
                .order_by(c.requisition_id, c.line_no)
            )
            for (
                requisition_id, product_code, a, b, consumed, d, e, stockout_days, name,
                base_unit, pack_unit, pack_size, usable, amc, max_quantity, on_order,
                downstream, calculated, requested, justification, remarks, record_uuid,
            ) in self._conn.execute(query).all():  # fmt: skip
                site, year, month, region, district = heads[requisition_id]
                found[requisition_id].append(
                    RequisitionLine(
                        report=MonthlyStockReport(
                            site,
                            product_code,
                            year,
                            month,
                            a,
                            b,
                            consumed,
                            d,
                            e,
                            stockout_days,
                            region=region,
                            district=district,
                        ),
                        product_name=name,
                        base_unit=base_unit,
                        pack_unit=pack_unit,
                        pack_size=pack_size,
                        usable_stock=usable,
                        amc=amc,
                        max_quantity=max_quantity,
                        on_order=on_order,
                        calculated=calculated,
                        requested=requested,
                        justification=justification,
                        remarks=remarks,
                        record_uuid=record_uuid,
                        downstream=downstream,
                    )
                )
        return {row_id: tuple(lines) for row_id, lines in found.items()}

    def find(self, facility_code: str, period: date) -> Requisition | None:
        query = self._latest().where(
            facilities.c.code == facility_code, requisitions.c.period == period
        )
        row = self._conn.execute(query.order_by(requisitions.c.sequence.desc())).first()
        return None if row is None else self._requisition(row, self._lines(row))

    def list(self, facility_code: str) -> builtins.list[Requisition]:
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

    def latest_before(self, facility_code: str, period: date) -> Requisition | None:
        """The facility's requisition of the latest period before `period`, with its lines."""
        query = (
            self._latest()
            .where(facilities.c.code == facility_code, requisitions.c.period < period)
            .order_by(requisitions.c.period.desc(), requisitions.c.sequence.desc())
            .limit(1)
        )
        row = self._conn.execute(query).first()
        return None if row is None else self._requisition(row, self._lines(row))

    def for_period(self, period: date) -> builtins.list[Requisition]:
        """Every facility's requisition of the month (the highest sequence per facility),
        with lines, ordered by facility code."""
        query = self._latest().where(requisitions.c.period == period)
        rows = list(
            self._conn.execute(query.order_by(facilities.c.code, requisitions.c.sequence.desc()))
        )
        kept: dict[str, Any] = {}
        for row in rows:
            kept.setdefault(row.facility_code, row)
        lines = self._lines_of(list(kept.values()))
        return [self._requisition(row, lines[row.id]) for row in kept.values()]

    def periods(self) -> builtins.list[date]:
        """Months with at least one requisition, latest first."""
        query = (
            select(requisitions.c.period)
            .where(is_latest_version(requisitions), requisitions.c.voided.is_(False))
            .distinct()
            .order_by(requisitions.c.period.desc())
        )
        return [row.period for row in self._conn.execute(query)]

    def add_import(self, record: ImportRecord) -> None:
        assert record.recorded_at is not None
        self._conn.execute(
            requisition_imports.insert(),
            {
                "uuid": str(uuidlib.uuid4()),
                "file_name": record.file_name[:255],
                "checksum": record.checksum,
                "facility_code": record.facility_code[:40],
                "period": record.period,
                "sequence": record.sequence,
                "record_uuid": record.record_uuid[:36],
                "version": record.version,
                "outcome": record.outcome.value,
                "message": record.message,
                "entered_by": record.entered_by,
                "device": record.device,
                "recorded_at": record.recorded_at,
            },
        )

    def imports(
        self, facility_code: str | None = None, period: date | None = None
    ) -> builtins.list[ImportRecord]:
        """The import log, oldest first, optionally for one facility and/or month."""
        query = select(requisition_imports)
        if facility_code is not None:
            query = query.where(requisition_imports.c.facility_code == facility_code)
        if period is not None:
            query = query.where(requisition_imports.c.period == period)
        rows = self._conn.execute(query.order_by(requisition_imports.c.id))
        return [
            ImportRecord(
                file_name=r.file_name,
                outcome=ImportOutcome(r.outcome),
                message=r.message,
                checksum=r.checksum,
                facility_code=r.facility_code,
                period=r.period,
                sequence=r.sequence,
                record_uuid=r.record_uuid,
                version=r.version,
                entered_by=r.entered_by,
                device=r.device,
                recorded_at=r.recorded_at,
            )
            for r in rows
        ]

    # --- what was typed into a requisition not yet approved --------------------------------

    def save_draft(self, facility_code: str, period: date, saved: SavedEdits) -> None:
        """Replace the row of the facility and month (delete, then insert: one row, and the
        same on SQLite and PostgreSQL); no edits leave no row."""
        facility_id = self._facilities.id_of(facility_code)
        self._delete_draft(facility_id, period)
        if not saved.edits:
            return
        assert saved.saved_at is not None
        self._conn.execute(
            requisition_drafts.insert(),
            {
                "facility_id": facility_id,
                "period": period,
                "revising": saved.revising,
                "edits": edits_json(saved.edits),
                "saved_at": saved.saved_at,
                "saved_by": saved.saved_by[:100],
            },
        )

    def draft(self, facility_code: str, period: date) -> SavedEdits | None:
        d = requisition_drafts.c
        query = (
            select(d.revising, d.edits, d.saved_at, d.saved_by)
            .select_from(requisition_drafts.join(facilities, d.facility_id == facilities.c.id))
            .where(facilities.c.code == facility_code, d.period == period)
        )
        row = self._conn.execute(query).first()
        if row is None:
            return None
        return SavedEdits(
            edits=edits_from_json(row.edits),
            revising=row.revising,
            saved_at=row.saved_at,
            saved_by=row.saved_by,
        )

    def discard_draft(self, facility_code: str, period: date, earlier_drafts: bool = False) -> None:
        facility_id = self._facilities.id_of(facility_code)
        self._delete_draft(facility_id, period)
        if earlier_drafts:
            d = requisition_drafts.c
            self._conn.execute(
                requisition_drafts.delete().where(
                    d.facility_id == facility_id, d.period < period, d.revising.is_(None)
                )
            )

    def _delete_draft(self, facility_id: int, period: date) -> None:
        self._conn.execute(
            requisition_drafts.delete().where(
                requisition_drafts.c.facility_id == facility_id,
                requisition_drafts.c.period == period,
            )
        )


def edits_json(edits: Mapping[str, LineEdit]) -> str:
    """{product_code: {"requested", "justification", "remarks"}}, null where unchanged."""
    return json.dumps(
        {
            code: {
                "requested": edit.requested,
                "justification": edit.justification,
                "remarks": edit.remarks,
            }
            for code, edit in edits.items()
        },
        ensure_ascii=False,
    )


def edits_from_json(text: str) -> dict[str, LineEdit]:
    return {
        code: LineEdit(
            requested=None if fields.get("requested") is None else int(fields["requested"]),
            justification=fields.get("justification"),
            remarks=fields.get("remarks"),
        )
        for code, fields in json.loads(text).items()
    }
