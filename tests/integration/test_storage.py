"""Opening databases: location, pragmas, migrations with data, newer schemas, backups."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from core import services
from core.services import ReceiptLine
from db.backup import backup_sqlite
from db.engine import (
    DatabaseError,
    current_revision,
    database_url,
    default_database_path,
    head_revision,
    make_engine,
    open_database,
    upgrade_to,
)
from db.uow import SqlAlchemyUnitOfWork


def test_default_database_lives_in_the_data_folder_not_the_working_directory(
    _data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = open_database(None)
    try:
        assert db.path == default_database_path() == _data_home / "sahelstock.db"
        assert db.path.exists() and not (tmp_path / "sahelstock.db").exists()
    finally:
        db.dispose()


def test_db_takes_a_path_or_a_url(tmp_path: Path) -> None:
    assert database_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    assert database_url("postgresql://u@h/d") == "postgresql://u@h/d"


def test_sqlite_is_opened_for_power_cuts(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "p.db"))
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert current_revision(db.engine) == head_revision()
    finally:
        db.dispose()


def _first_revision_with_data(path: Path) -> None:
    """A database as the first release wrote it, with a facility and a few movements."""
    engine = make_engine(f"sqlite:///{path}")
    upgrade_to(engine, "0001_initial")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO facilities (id, code, name, type, region, district) "
                "VALUES (1, 'CSCOM-SEV', 'CSCom Sévaré', 'CSCom', 'Mopti', 'Mopti')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO products (id, code, name, category, base_unit, pack_unit, pack_size, "
                "has_lots, has_expiry, is_equipment) "
                "VALUES (1, 'RUTF', 'ATPE', 'nutrition', 'sachet', 'carton', 150, 1, 1, 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO lots (id, product_id, lot, expiry) VALUES (1, 1, 'A12', '2027-03-31')"
            )
        )
        for n, (day, kind, qty) in enumerate(
            [
                ("2026-10-01", "receipt", 450),
                ("2026-10-05", "issue", -300),
                ("2026-10-09", "issue", -10),
            ],
            start=1,
        ):
            conn.execute(
                text(
                    "INSERT INTO movements (uuid, facility_id, product_id, lot_id, occurred_on, "
                    "kind, quantity, origin_facility, origin_device, entered_by, recorded_at) "
                    "VALUES (:u, 1, 1, 1, :d, :k, :q, 'CSCOM-SEV', 'old', 'dtc', :r)"
                ),
                {
                    "u": f"00000000-0000-0000-0000-00000000000{n}",
                    "d": day,
                    "k": kind,
                    "q": qty,
                    "r": datetime(2026, 10, 9),
                },
            )
    engine.dispose()


def test_migration_keeps_the_data_of_the_previous_revision_and_backs_it_up_first(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    _first_revision_with_data(path)
    db = open_database(str(path))
    try:
        assert current_revision(db.engine) == head_revision()
        backup = db.backup_before_migration
        assert backup is not None and backup.exists()
        with sqlite3.connect(backup) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
                "0001_initial",
            )
            assert copy.execute("SELECT COUNT(*) FROM movements").fetchone() == (3,)
        uow = SqlAlchemyUnitOfWork(db.engine)
        (line,) = services.facility_stock(
            uow, "CSCOM-SEV", date(2026, 11, 21), product_codes=["RUTF"]
        )
        assert line.soh == 140
        assert services.check_database(uow) == []
        # New entries land on top of the migrated ones.
        ctx = services.Context("poste", "dtc", clock=lambda: datetime(2026, 11, 21))
        services.dispense(uow, ctx, "CSCOM-SEV", "RUTF", 40, date(2026, 11, 2))
        (line,) = services.facility_stock(
            uow, "CSCOM-SEV", date(2026, 11, 21), product_codes=["RUTF"]
        )
        assert line.soh == 100
    finally:
        db.dispose()


def test_a_database_written_by_a_newer_version_is_refused_and_left_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "newer.db"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="version plus récente"):
        open_database(str(path))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0099_from_the_future",
        )
    assert len(path.read_bytes()) == len(before)


def test_a_damaged_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    db = open_database(str(path))
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE filler (x TEXT)"))
        conn.execute(
            text(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                "INSERT INTO filler SELECT hex(randomblob(100)) FROM n"
            )
        )
        conn.execute(text("CREATE INDEX ix_filler ON filler (x)"))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_filler'"
        ).scalar()
        page_size = conn.exec_driver_sql("PRAGMA page_size").scalar()
    db.dispose()
    with path.open("r+b") as handle:  # scribble over the index's root page
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d" + b"\xff" * 200)
    try:
        damaged = open_database(str(path))
    except DatabaseError as exc:
        assert "quick_check" in str(exc)
    else:
        try:
            assert any("quick_check" in w for w in damaged.warnings)
        finally:
            damaged.dispose()


def test_backup_is_a_consistent_snapshot_of_a_live_database(
    tmp_path: Path, uow, ctx, facilities
) -> None:
    _, cscom = facilities
    services.receive_stock(
        uow, ctx, cscom, date(2026, 11, 1), [ReceiptLine("RUTF", 450, "A12", date(2027, 3, 31))]
    )
    live = Path(str(uow._engine.url.database))
    copy = backup_sqlite(live, tmp_path / "copy.db")
    restored = open_database(str(copy))
    try:
        restored_uow = SqlAlchemyUnitOfWork(restored.engine)
        (line,) = services.facility_stock(
            restored_uow, cscom, date(2026, 11, 21), product_codes=["RUTF"]
        )
        assert line.soh == 450
    finally:
        restored.dispose()


def test_the_migrations_build_exactly_the_schema_the_code_declares(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from db.tables import metadata

    db = open_database(str(tmp_path / "schema.db"))
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
    finally:
        db.dispose()
