"""What the domain needs from storage, as Protocols that the db package implements."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Protocol, Self

from core.catalogue import Product
from core.facilities import Facility
from core.ledger import LotStock, Movement, MovementKind


@dataclass(frozen=True, slots=True)
class LotBalance:
    """A lot's balance at a facility at the end of a day."""

    product_code: str
    lot: str
    expiry: date | None
    balance: int


@dataclass(frozen=True, slots=True)
class Change:
    """A ledger row reduced to what the consumption series needs."""

    product_code: str
    lot: str
    occurred_on: date
    kind: MovementKind
    quantity: int
    expiry: date | None = None


class FacilityRepository(Protocol):
    def add(self, facility: Facility) -> Facility: ...
    def find(self, code: str) -> Facility | None: ...
    def list(self) -> list[Facility]: ...
    def set_supplier(self, code: str, supplier_code: str | None) -> None: ...
    def update(self, facility: Facility) -> None: ...


class ProductRepository(Protocol):
    def find(self, code: str) -> Product | None: ...
    def list(self) -> list[Product]: ...
    def add_missing(self, products: Iterable[Product]) -> int: ...


class LedgerRepository(Protocol):
    def add(self, movement: Movement) -> None: ...
    def add_many(self, movements: Sequence[Movement]) -> int:
        """Append stamped movements in bulk, in the caller's transaction, without checking
        availability: only for callers that guarantee no lot goes negative on any day."""
        ...

    def get(self, uuid: str) -> Movement | None: ...
    def existing_uuids(self, uuids: Iterable[str]) -> set[str]: ...
    def reversal_of(self, uuid: str) -> Movement | None: ...
    def lot_expiry(self, product_code: str, lot: str) -> tuple[bool, date | None]: ...
    def lot_stock(self, facility_code: str, product_code: str, on: date) -> list[LotStock]: ...
    def lot_balances(self, facility_code: str, as_of: date | None = None) -> list[LotBalance]: ...
    def changes(self, facility_code: str, start: date, end: date) -> list[Change]: ...
    def first_movement_dates(self, facility_code: str) -> dict[str, date]: ...
    def movements(
        self, facility_code: str, product_code: str, lot: str | None = None
    ) -> list[Movement]: ...
    def consistency_problems(self) -> list[str]: ...
    def page(
        self,
        facility_code: str,
        offset: int,
        limit: int,
        product_code: str | None = None,
        kinds: Sequence[MovementKind] | None = None,
    ) -> tuple[list[Movement], int]: ...
    def reversed_among(self, uuids: Iterable[str]) -> set[str]: ...


class SettingsRepository(Protocol):
    def all(self) -> dict[tuple[str, str], str]: ...
    def set(self, scope: str, key: str, value: str | None) -> None: ...


class UnitOfWork(Protocol):
    @property
    def facilities(self) -> FacilityRepository: ...
    @property
    def products(self) -> ProductRepository: ...
    @property
    def ledger(self) -> LedgerRepository: ...
    @property
    def settings(self) -> SettingsRepository: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


def movements_sorted(movements: Sequence[Movement]) -> list[Movement]:
    """Ledger order: by date, then by entry order."""
    return sorted(movements, key=lambda m: (m.occurred_on, m.id or 0))
