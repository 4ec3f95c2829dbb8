"""The unit of work: one connection and one transaction for one use case."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine

from db.district_repository import SqlDistrictRepository
from db.monthly_report_repository import SqlMonthlyReportRepository
from db.orders_repository import SqlOrderRepository
from db.pcima_repository import SqlPcimaRepository
from db.repositories import (
    SqlFacilityRepository,
    SqlLedgerRepository,
    SqlProductRepository,
    SqlSettingsRepository,
)
from db.requisition_repository import SqlRequisitionRepository


class SqlAlchemyUnitOfWork:
    """Commits only when the use case says so; anything else is rolled back on exit."""

    facilities: SqlFacilityRepository
    products: SqlProductRepository
    ledger: SqlLedgerRepository
    settings: SqlSettingsRepository
    pcima: SqlPcimaRepository
    orders: SqlOrderRepository
    monthly_reports: SqlMonthlyReportRepository
    requisitions: SqlRequisitionRepository
    district: SqlDistrictRepository

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._conn: Connection | None = None

    def __enter__(self) -> Self:
        if self._conn is not None:
            raise RuntimeError("unit of work already open")
        self._conn = self._engine.connect()
        self._conn.begin()
        self.facilities = SqlFacilityRepository(self._conn)
        self.products = SqlProductRepository(self._conn)
        self.ledger = SqlLedgerRepository(self._conn, self.facilities, self.products)
        self.settings = SqlSettingsRepository(self._conn)
        self.pcima = SqlPcimaRepository(self._conn, self.facilities)
        self.orders = SqlOrderRepository(self._conn, self.facilities, self.products)
        self.monthly_reports = SqlMonthlyReportRepository(
            self._conn, self.facilities, self.products
        )
        self.requisitions = SqlRequisitionRepository(self._conn, self.facilities, self.products)
        self.district = SqlDistrictRepository(self._conn, self.facilities, self.products)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._conn is not None
        try:
            if self._conn.in_transaction():
                self._conn.rollback()
        finally:
            self._conn.close()
            self._conn = None

    def commit(self) -> None:
        assert self._conn is not None
        self._conn.commit()

    def rollback(self) -> None:
        assert self._conn is not None
        self._conn.rollback()


def uow_factory(engine: Engine) -> SqlAlchemyUnitOfWorkFactory:
    return SqlAlchemyUnitOfWorkFactory(engine)


class SqlAlchemyUnitOfWorkFactory:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __call__(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.engine)
