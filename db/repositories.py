"""Repositories over SQLAlchemy Core: the storage side of core.ports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from core.catalogue import Category, Product
from core.errors import DomainError
from core.facilities import Facility, FacilityType
from core.ledger import LotStock, Movement, MovementKind, Reason, min_future_balance
from core.ports import Change, LotBalance
from db.tables import facilities, lots, movements, products, settings, stock_balances


class SqlFacilityRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def _row_to_facility(self, row: Any) -> Facility:
        return Facility(
            id=row.id,
            code=row.code,
            name=row.name,
            type=FacilityType(row.type),
            region=row.region,
            district=row.district,
            supplier_code=row.supplier_code,
        )

    def _select(self) -> Any:
        supplier = facilities.alias("supplier")
        return select(facilities, supplier.c.code.label("supplier_code")).select_from(
            facilities.outerjoin(supplier, facilities.c.supplier_id == supplier.c.id)
        )

    def id_of(self, code: str) -> int:
        found = self._conn.execute(select(facilities.c.id).where(facilities.c.code == code)).first()
        if found is None:
            raise DomainError(f"Établissement {code} inconnu.")
        return int(found[0])

    def add(self, facility: Facility) -> Facility:
        supplier_id = self.id_of(facility.supplier_code) if facility.supplier_code else None
        result = self._conn.execute(
            facilities.insert().values(
                code=facility.code,
                name=facility.name,
                type=facility.type.value,
                region=facility.region,
                district=facility.district,
                supplier_id=supplier_id,
            )
        )
        assert result.inserted_primary_key is not None
        return Facility(**{**_fields(facility), "id": int(result.inserted_primary_key[0])})

    def find(self, code: str) -> Facility | None:
        row = self._conn.execute(self._select().where(facilities.c.code == code)).first()
        return None if row is None else self._row_to_facility(row)

    def list(self) -> list[Facility]:
        rows = self._conn.execute(self._select().order_by(facilities.c.region, facilities.c.code))
        return [self._row_to_facility(r) for r in rows]

    def update(self, facility: Facility) -> None:
        """Name, type, region, district and supplier; the code never changes."""
        supplier_id = self.id_of(facility.supplier_code) if facility.supplier_code else None
        self._conn.execute(
            facilities.update()
            .where(facilities.c.code == facility.code)
            .values(
                name=facility.name,
                type=facility.type.value,
                region=facility.region,
                district=facility.district,
                supplier_id=supplier_id,
            )
        )

    def set_supplier(self, code: str, supplier_code: str | None) -> None:
        supplier_id = self.id_of(supplier_code) if supplier_code else None
        self._conn.execute(
            facilities.update().where(facilities.c.code == code).values(supplier_id=supplier_id)
        )


def _fields(facility: Facility) -> dict[str, Any]:
    return {name: getattr(facility, name) for name in facility.__slots__}


class SqlProductRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._ids: dict[str, int] = {}

    @staticmethod
    def _row_to_product(row: Any) -> Product:
        return Product(
            id=row.id,
            code=row.code,
            name=row.name,
            name_en=row.name_en,
            category=Category(row.category),
            base_unit=row.base_unit,
            pack_unit=row.pack_unit,
            pack_size=row.pack_size,
            unicef_code=row.unicef_code,
            msf_code=row.msf_code,
            national_code=row.national_code,
            gtin=row.gtin,
            has_lots=bool(row.has_lots),
            has_expiry=bool(row.has_expiry),
            is_equipment=bool(row.is_equipment),
        )

    def preload_ids(self, codes: Iterable[str]) -> None:
        """Look up the ids of many products at once (a requisition's 300 lines: one query
        per 500 codes instead of one per line)."""
        wanted = sorted({c for c in codes if c not in self._ids})
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = select(products.c.id, products.c.code).where(products.c.code.in_(chunk))
            for row in self._conn.execute(query):
                self._ids[row.code] = int(row.id)

    def id_of(self, code: str) -> int:
        if code not in self._ids:
            found = self._conn.execute(select(products.c.id).where(products.c.code == code)).first()
            if found is None:
                raise DomainError(f"Produit {code} inconnu.")
            self._ids[code] = int(found[0])
        return self._ids[code]

    def find(self, code: str) -> Product | None:
        row = self._conn.execute(select(products).where(products.c.code == code)).first()
        return None if row is None else self._row_to_product(row)

    def list(self) -> list[Product]:
        rows = self._conn.execute(select(products).order_by(products.c.id))
        return [self._row_to_product(r) for r in rows]

    def add_missing(self, items: Iterable[Product]) -> int:
        existing = set(self._conn.execute(select(products.c.code)).scalars())
        new = [
            {
                "code": p.code,
                "name": p.name,
                "name_en": p.name_en,
                "category": p.category.value,
                "base_unit": p.base_unit,
                "pack_unit": p.pack_unit,
                "pack_size": p.pack_size,
                "unicef_code": p.unicef_code,
                "msf_code": p.msf_code,
                "national_code": p.national_code,
                "gtin": p.gtin,
                "has_lots": p.has_lots,
                "has_expiry": p.has_expiry,
                "is_equipment": p.is_equipment,
            }
            for p in items
            if p.code not in existing
        ]
        if new:
            self._conn.execute(products.insert(), new)
        return len(new)


_MOVEMENT_COLUMNS = (
    movements.c.id,
    movements.c.uuid,
    facilities.c.code.label("facility_code"),
    products.c.code.label("product_code"),
    lots.c.lot,
    lots.c.expiry,
    movements.c.occurred_on,
    movements.c.kind,
    movements.c.quantity,
    movements.c.reason,
    movements.c.counterpart,
    movements.c.reference,
    movements.c.note,
    movements.c.counted,
    movements.c.reverses,
    movements.c.origin_facility,
    movements.c.origin_device,
    movements.c.entered_by,
    movements.c.recorded_at,
)

_KINDS = {kind.value: kind for kind in MovementKind}

_MOVEMENT_FROM = (
    movements.join(facilities, movements.c.facility_id == facilities.c.id)
    .join(products, movements.c.product_id == products.c.id)
    .join(lots, movements.c.lot_id == lots.c.id)
)


# Statements run once per ledger entry are built once: building a SQLAlchemy statement (and
# the column collection of a join) costs more than running it on SQLite.
_LOT_ID = select(lots.c.id).where(
    lots.c.product_id == bindparam("product_id"), lots.c.lot == bindparam("lot")
)
_LOT_EXPIRY = select(lots.c.expiry).where(
    lots.c.product_id == bindparam("product_id"), lots.c.lot == bindparam("lot")
)
_INSERT_LOT = lots.insert()
_INSERT_MOVEMENT = movements.insert()
_LOT_BALANCES_OF_PRODUCT = (
    select(stock_balances.c.lot_id, lots.c.lot, lots.c.expiry, stock_balances.c.quantity)
    .select_from(stock_balances.join(lots, stock_balances.c.lot_id == lots.c.id))
    .where(
        stock_balances.c.facility_id == bindparam("facility_id"),
        stock_balances.c.product_id == bindparam("product_id"),
    )
)
_LATER_DAYS_OF_PRODUCT = (
    select(movements.c.lot_id, movements.c.occurred_on, func.sum(movements.c.quantity))
    .where(
        movements.c.facility_id == bindparam("facility_id"),
        movements.c.product_id == bindparam("product_id"),
        movements.c.occurred_on > bindparam("on"),
    )
    .group_by(movements.c.lot_id, movements.c.occurred_on)
    .order_by(movements.c.lot_id, movements.c.occurred_on)
)
_UPSERT_BALANCE: dict[str, Any] = {}


def _upsert_balance(dialect: str) -> Any:
    """INSERT … ON CONFLICT DO UPDATE of a running balance, built once per dialect."""
    if dialect not in _UPSERT_BALANCE:
        if dialect == "postgresql":
            # imported here: the PostgreSQL dialect costs about 50 ms of every start on SQLite
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt: Any = pg_insert(stock_balances)
            earliest = func.least(stock_balances.c.first_on, stmt.excluded.first_on)
        else:
            stmt = sqlite_insert(stock_balances)
            earliest = func.min(stock_balances.c.first_on, stmt.excluded.first_on)
        _UPSERT_BALANCE[dialect] = stmt.on_conflict_do_update(
            index_elements=["facility_id", "product_id", "lot_id"],
            set_={
                "quantity": stock_balances.c.quantity + stmt.excluded.quantity,
                "first_on": earliest,
            },
        )
    return _UPSERT_BALANCE[dialect]


def _row_to_movement(row: Any) -> Movement:
    return Movement(
        id=row.id,
        uuid=row.uuid,
        facility_code=row.facility_code,
        product_code=row.product_code,
        lot=row.lot,
        expiry=row.expiry,
        occurred_on=row.occurred_on,
        kind=MovementKind(row.kind),
        quantity=row.quantity,
        reason=Reason(row.reason) if row.reason else None,
        counterpart=row.counterpart,
        reference=row.reference,
        note=row.note,
        counted=row.counted,
        reverses=row.reverses,
        origin_facility=row.origin_facility,
        origin_device=row.origin_device,
        entered_by=row.entered_by,
        recorded_at=row.recorded_at,
    )


class CatalogueBoundRepository:
    """A repository whose rows name facilities and products: it stores their ids, found
    through the unit of work's facility and product repositories (and their caches)."""

    def __init__(
        self,
        conn: Connection,
        facilities_repo: SqlFacilityRepository,
        products_repo: SqlProductRepository,
    ) -> None:
        self._conn = conn
        self._facilities = facilities_repo
        self._products = products_repo


class SqlLedgerRepository(CatalogueBoundRepository):
    def __init__(
        self,
        conn: Connection,
        facilities_repo: SqlFacilityRepository,
        products_repo: SqlProductRepository,
    ) -> None:
        super().__init__(conn, facilities_repo, products_repo)
        self._facility_ids: dict[str, int] = {}
        self._lot_ids: dict[tuple[int, str], int] = {}

    def _facility_id(self, code: str) -> int:
        if code not in self._facility_ids:
            self._facility_ids[code] = self._facilities.id_of(code)
        return self._facility_ids[code]

    def _lot_id(self, product_id: int, lot: str, expiry: date | None) -> int:
        key = (product_id, lot)
        if key not in self._lot_ids:
            found = self._conn.execute(_LOT_ID, {"product_id": product_id, "lot": lot}).first()
            if found is None:
                result = self._conn.execute(
                    _INSERT_LOT, {"product_id": product_id, "lot": lot, "expiry": expiry}
                )
                assert result.inserted_primary_key is not None
                self._lot_ids[key] = int(result.inserted_primary_key[0])
            else:
                self._lot_ids[key] = int(found[0])
        return self._lot_ids[key]

    def add(self, movement: Movement) -> None:
        assert movement.recorded_at is not None, "a movement is stamped before it is stored"
        facility_id = self._facility_id(movement.facility_code)
        product_id = self._products.id_of(movement.product_code)
        lot_id = self._lot_id(product_id, movement.lot, movement.expiry)
        self._conn.execute(
            _INSERT_MOVEMENT,
            {
                "uuid": movement.uuid,
                "facility_id": facility_id,
                "product_id": product_id,
                "lot_id": lot_id,
                "occurred_on": movement.occurred_on,
                "kind": movement.kind.value,
                "quantity": movement.quantity,
                "reason": movement.reason.value if movement.reason else None,
                "counterpart": movement.counterpart,
                "reference": movement.reference,
                "note": movement.note,
                "counted": movement.counted,
                "reverses": movement.reverses,
                "origin_facility": movement.origin_facility,
                "origin_device": movement.origin_device,
                "entered_by": movement.entered_by,
                "recorded_at": movement.recorded_at,
            },
        )
        self._conn.execute(
            _upsert_balance(self._conn.dialect.name),
            {
                "facility_id": facility_id,
                "product_id": product_id,
                "lot_id": lot_id,
                "quantity": movement.quantity,
                "first_on": movement.occurred_on,
            },
        )

    def add_many(self, movements: Sequence[Movement]) -> int:
        """Append stamped movements in bulk, without checking availability (db.bulk)."""
        from db import bulk  # with the PostgreSQL dialect: only imports and the demo need it

        return bulk.add_movements(
            self._conn, movements, self._facility_id, self._products.id_of, self._lot_ids
        )

    def get(self, uuid: str) -> Movement | None:
        row = self._conn.execute(
            select(*_MOVEMENT_COLUMNS).select_from(_MOVEMENT_FROM).where(movements.c.uuid == uuid)
        ).first()
        return None if row is None else _row_to_movement(row)

    def existing_uuids(self, uuids: Iterable[str]) -> set[str]:
        wanted = list(uuids)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found.update(
                self._conn.execute(
                    select(movements.c.uuid).where(movements.c.uuid.in_(chunk))
                ).scalars()
            )
        return found

    def reversal_of(self, uuid: str) -> Movement | None:
        row = self._conn.execute(
            select(*_MOVEMENT_COLUMNS)
            .select_from(_MOVEMENT_FROM)
            .where(movements.c.reverses == uuid)
        ).first()
        return None if row is None else _row_to_movement(row)

    def lot_expiry(self, product_code: str, lot: str) -> tuple[bool, date | None]:
        row = self._conn.execute(
            _LOT_EXPIRY, {"product_id": self._products.id_of(product_code), "lot": lot}
        ).first()
        return (False, None) if row is None else (True, row[0])

    def lot_balances(self, facility_code: str, as_of: date | None = None) -> list[LotBalance]:
        facility_id = self._facility_id(facility_code)
        query = (
            select(
                stock_balances.c.product_id,
                stock_balances.c.lot_id,
                products.c.code,
                lots.c.lot,
                lots.c.expiry,
                stock_balances.c.quantity,
            )
            .select_from(
                stock_balances.join(products, stock_balances.c.product_id == products.c.id).join(
                    lots, stock_balances.c.lot_id == lots.c.id
                )
            )
            .where(stock_balances.c.facility_id == facility_id)
        )
        rows = self._conn.execute(query).all()
        later: dict[tuple[int, int], int] = {}
        if as_of is not None:
            # Served by the covering index (facility_id, occurred_on, product_id, lot_id, ...):
            # no table look-up per movement.
            later_rows = self._conn.execute(
                select(movements.c.product_id, movements.c.lot_id, func.sum(movements.c.quantity))
                .where(movements.c.facility_id == facility_id, movements.c.occurred_on > as_of)
                .group_by(movements.c.product_id, movements.c.lot_id)
            ).all()
            later = {(r[0], r[1]): int(r[2]) for r in later_rows}
        result = []
        for product_id, lot_id, code, lot, expiry, quantity in rows:
            balance = int(quantity) - later.get((product_id, lot_id), 0)
            if balance != 0:
                result.append(LotBalance(code, lot, expiry, balance))
        return result

    def lot_stock(self, facility_code: str, product_code: str, on: date) -> list[LotStock]:
        facility_id = self._facility_id(facility_code)
        product_id = self._products.id_of(product_code)
        ids = {"facility_id": facility_id, "product_id": product_id}
        current = self._conn.execute(_LOT_BALANCES_OF_PRODUCT, ids).all()
        later_days = self._conn.execute(_LATER_DAYS_OF_PRODUCT, {**ids, "on": on}).all()
        per_lot: dict[int, list[int]] = {}
        for lot_id, _day, change in later_days:
            per_lot.setdefault(lot_id, []).append(int(change))
        result = []
        for lot_id, lot, expiry, quantity in current:
            changes = per_lot.get(lot_id, [])
            on_day = int(quantity) - sum(changes)
            result.append(
                LotStock(product_code, lot, expiry, on_day, min_future_balance(on_day, changes))
            )
        return result

    def changes(self, facility_code: str, start: date, end: date) -> list[Change]:
        # Read from the covering index alone (no table look-up, no join per row); the codes,
        # lots and expiries come from small maps: the product codes, the facility's lots
        # (every lot that moved there has a row in stock_balances).
        facility_id = self._facility_id(facility_code)
        product_codes = dict(self._conn.execute(select(products.c.id, products.c.code)).all())
        facility_lots: dict[int, tuple[str, date | None]] = {
            lot_id: (lot, expiry)
            for lot_id, lot, expiry in self._conn.execute(
                select(lots.c.id, lots.c.lot, lots.c.expiry)
                .select_from(stock_balances.join(lots, stock_balances.c.lot_id == lots.c.id))
                .where(stock_balances.c.facility_id == facility_id)
            )
        }
        rows = self._conn.execute(
            select(
                movements.c.product_id,
                movements.c.lot_id,
                movements.c.occurred_on,
                movements.c.kind,
                movements.c.quantity,
            )
            .where(
                movements.c.facility_id == facility_id,
                and_(movements.c.occurred_on >= start, movements.c.occurred_on <= end),
            )
            .order_by(movements.c.occurred_on, movements.c.id)
        )
        kinds = _KINDS
        result = []
        # In small batches: row by row costs a fetchone() each; all rows at once keeps them
        # alive together and triggers more garbage-collector passes (measured: 64 is best).
        for batch in rows.partitions(64):
            for product_id, lot_id, occurred_on, kind, quantity in batch:
                found = facility_lots.get(lot_id)
                if found is None:  # a balance row missing: `check` reports it; read the lot
                    row = self._conn.execute(
                        select(lots.c.lot, lots.c.expiry).where(lots.c.id == lot_id)
                    ).one()
                    found = facility_lots[lot_id] = (row[0], row[1])
                lot, expiry = found
                result.append(
                    Change(
                        product_codes[product_id], lot, occurred_on, kinds[kind], quantity, expiry
                    )
                )
        return result

    def first_movement_dates(self, facility_code: str) -> dict[str, date]:
        rows = self._conn.execute(
            select(products.c.code, func.min(stock_balances.c.first_on))
            .select_from(
                stock_balances.join(products, stock_balances.c.product_id == products.c.id)
            )
            .where(stock_balances.c.facility_id == self._facility_id(facility_code))
            .group_by(products.c.code)
        )
        return {r[0]: r[1] for r in rows}

    def movements(
        self, facility_code: str, product_code: str, lot: str | None = None
    ) -> list[Movement]:
        query = (
            select(*_MOVEMENT_COLUMNS)
            .select_from(_MOVEMENT_FROM)
            .where(
                movements.c.facility_id == self._facility_id(facility_code),
                movements.c.product_id == self._products.id_of(product_code),
            )
            .order_by(movements.c.occurred_on, movements.c.id)
        )
        if lot is not None:
            query = query.where(lots.c.lot == lot)
        return [_row_to_movement(r) for r in self._conn.execute(query)]

    def page(
        self,
        facility_code: str,
        offset: int,
        limit: int,
        product_code: str | None = None,
        kinds: Sequence[MovementKind] | None = None,
    ) -> tuple[list[Movement], int]:
        """One page of a facility's movements, newest first, and how many there are in all."""
        conditions = [movements.c.facility_id == self._facility_id(facility_code)]
        if product_code is not None:
            conditions.append(movements.c.product_id == self._products.id_of(product_code))
        if kinds:
            conditions.append(movements.c.kind.in_([k.value for k in kinds]))
        total = self._conn.execute(
            select(func.count()).select_from(movements).where(*conditions)
        ).scalar_one()
        rows = self._conn.execute(
            select(*_MOVEMENT_COLUMNS)
            .select_from(_MOVEMENT_FROM)
            .where(*conditions)
            .order_by(movements.c.occurred_on.desc(), movements.c.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return [_row_to_movement(r) for r in rows], int(total)

    def reversed_among(self, uuids: Iterable[str]) -> set[str]:
        wanted = list(uuids)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found.update(
                str(u)
                for u in self._conn.execute(
                    select(movements.c.reverses).where(movements.c.reverses.in_(chunk))
                ).scalars()
            )
        return found

    def consistency_problems(self) -> list[str]:
        problems = []
        totals = (
            select(
                movements.c.facility_id,
                movements.c.product_id,
                movements.c.lot_id,
                func.sum(movements.c.quantity).label("total"),
            )
            .group_by(movements.c.facility_id, movements.c.product_id, movements.c.lot_id)
            .subquery()
        )
        mismatches = self._conn.execute(
            select(
                facilities.c.code,
                products.c.code,
                lots.c.lot,
                stock_balances.c.quantity,
                totals.c.total,
            )
            .select_from(
                totals.outerjoin(
                    stock_balances,
                    and_(
                        stock_balances.c.facility_id == totals.c.facility_id,
                        stock_balances.c.product_id == totals.c.product_id,
                        stock_balances.c.lot_id == totals.c.lot_id,
                    ),
                )
                .join(facilities, facilities.c.id == totals.c.facility_id)
                .join(products, products.c.id == totals.c.product_id)
                .join(lots, lots.c.id == totals.c.lot_id)
            )
            .where(
                (stock_balances.c.quantity.is_(None))
                | (stock_balances.c.quantity != totals.c.total)
            )
            .limit(50)
        ).all()
        for facility, product, lot, stored, total in mismatches:
            problems.append(
                f"{facility} / {product} / lot {lot or '-'} : stock enregistré {stored}, "
                f"somme des mouvements {total}."
            )
        daily = (
            select(
                movements.c.facility_id,
                movements.c.product_id,
                movements.c.lot_id,
                movements.c.occurred_on,
                func.sum(movements.c.quantity).label("change"),
            )
            .group_by(
                movements.c.facility_id,
                movements.c.product_id,
                movements.c.lot_id,
                movements.c.occurred_on,
            )
            .subquery()
        )
        running = select(
            daily,
            func.sum(daily.c.change)
            .over(
                partition_by=(daily.c.facility_id, daily.c.product_id, daily.c.lot_id),
                order_by=daily.c.occurred_on,
            )
            .label("balance"),
        ).subquery()
        negatives = self._conn.execute(
            select(
                facilities.c.code,
                products.c.code,
                lots.c.lot,
                running.c.occurred_on,
                running.c.balance,
            )
            .select_from(
                running.join(facilities, facilities.c.id == running.c.facility_id)
                .join(products, products.c.id == running.c.product_id)
                .join(lots, lots.c.id == running.c.lot_id)
            )
            .where(running.c.balance < 0)
            .limit(50)
        ).all()
        for facility, product, lot, day, balance in negatives:
            problems.append(
                f"{facility} / {product} / lot {lot or '-'} : solde négatif ({balance}) "
                f"le {day:%d/%m/%Y}."
            )
        return problems


class SqlSettingsRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def all(self) -> dict[tuple[str, str], str]:
        return {(r.scope, r.key): r.value for r in self._conn.execute(select(settings))}

    def set(self, scope: str, key: str, value: str | None) -> None:
        self._conn.execute(
            settings.delete().where(settings.c.scope == scope, settings.c.key == key)
        )
        if value is not None:
            self._conn.execute(settings.insert().values(scope=scope, key=key, value=value))
