"""Fixtures for tests against a real, migrated SQLite file."""

from __future__ import annotations

import os
import uuid
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


PG_URL = os.environ.get("SAHELSTOCK_TEST_PG_URL")  # a role that may CREATE DATABASE


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Modules that set BACKENDS run their database tests on each backend listed there."""
    backends = getattr(metafunc.module, "BACKENDS", None)
    if backends and "database" in metafunc.fixturenames:
        metafunc.parametrize("database", backends, indirect=True)


@pytest.fixture
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        db = open_database(str(tmp_path / "test.db"))
        yield db
        db.dispose()
        return
    if not PG_URL:
        pytest.skip("PostgreSQL not configured (set SAHELSTOCK_TEST_PG_URL)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"sahelstock_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    db = open_database(url)
    try:
        yield db
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


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
