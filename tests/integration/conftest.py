"""Fixtures for tests against a real, migrated SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from core import services
from core.catalogue import load_catalogue
from core.facilities import new_facility
from core.services import Context
from db.engine import Database, open_database
from db.uow import SqlAlchemyUnitOfWork
from tests.conftest import CATALOGUE

TODAY = datetime(2026, 11, 21, 12, 0)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(str(tmp_path / "test.db"))
    yield db
    db.dispose()


@pytest.fixture
def uow(database: Database) -> SqlAlchemyUnitOfWork:
    unit = SqlAlchemyUnitOfWork(database.engine)
    services.seed_catalogue(unit, load_catalogue(CATALOGUE))
    return unit


@pytest.fixture
def ctx() -> Context:
    return Context(device="poste-test", user="dtc", clock=lambda: TODAY)


@pytest.fixture
def facilities(uow: SqlAlchemyUnitOfWork) -> tuple[str, str]:
    """A CSRéf in Mopti supplying one CSCom; returns their codes."""
    services.add_facility(uow, new_facility("CSREF-MOP", "CSRéf Mopti", "CSRef", "Mopti", "Mopti"))
    services.add_facility(
        uow, new_facility("CSCOM-SEV", "CSCom Sévaré", "CSCom", "Mopti", "Mopti", "CSREF-MOP")
    )
    return "CSREF-MOP", "CSCOM-SEV"
