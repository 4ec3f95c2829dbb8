"""Opening a database: where it lives, SQLite pragmas, integrity check, backup, migrations."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from db.backup import backup_sqlite, default_backup_dir

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

APP_NAME = "SahelStock"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest revision in db/migrations/versions. Opening a database already at this revision
#: reads alembic_version with plain SQL and never imports Alembic (about 0.35 s of start-up,
#: BENCHMARKS.md); tests/integration/test_fast_open.py checks it against Alembic's own head.
HEAD_REVISION = "0009_requisition_drafts"


class DatabaseError(Exception):
    """A database that cannot be opened safely; the message says what to do."""


def data_dir() -> Path:
    """The per-machine application data folder (SAHELSTOCK_HOME overrides it)."""
    override = os.environ.get("SAHELSTOCK_HOME")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "sahelstock.db"


def database_url(db: str | None) -> str:
    """`--db` takes a file path or any SQLAlchemy URL; none means the default database."""
    if db is None:
        return f"sqlite:///{default_database_path()}"
    if "://" in db:
        return db
    path = Path(db).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if (
        parsed.get_backend_name() != "sqlite"
        or not parsed.database
        or parsed.database == ":memory:"
    ):
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine with SQLite set for power cuts: WAL, synchronous=FULL, foreign keys on, and
    transactions (DDL included) begun by SQLAlchemy rather than by the sqlite3 module."""
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The head according to Alembic's scripts (slow: loads Alembic and every revision)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


@dataclass
class Database:
    """An open, checked and migrated database."""

    url: str
    engine: Engine
    warnings: list[str] = field(default_factory=list)
    backup_before_migration: Path | None = None

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def describe(self) -> str:
        path = self.path
        return str(path) if path else make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for an empty one), read with plain
    SQL as Alembic stores it: one row in alembic_version."""
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except (OperationalError, ProgrammingError):  # no such table: a new, empty database
            conn.rollback()
            return None
    if len(rows) > 1:
        raise DatabaseError(
            "La base a plusieurs versions de schéma enregistrées (table alembic_version) : "
            "restaurez une sauvegarde ou appelez votre support."
        )
    return str(rows[0][0]) if rows else None


def quick_check(engine: Engine) -> list[str]:
    """SQLite's PRAGMA quick_check: an empty list when the file is sound."""
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


def open_database(db: str | None = None, migrate: bool = True) -> Database:
    """Open, check and bring the schema up to date, backing up first if anything changes."""
    url = database_url(db)
    engine = make_engine(url)
    database = Database(url=url, engine=engine)
    try:
        if engine.dialect.name == "sqlite":
            problems = quick_check(engine)
            if problems:
                database.warnings.append(
                    "Le contrôle d'intégrité de la base (PRAGMA quick_check) a échoué : "
                    + "; ".join(problems[:5])
                    + ". Restaurez la dernière sauvegarde ou appelez votre support."
                )
        current = current_revision(engine)
        if current != HEAD_REVISION:
            _check_and_migrate(database, current, migrate)
    except Exception:
        engine.dispose()
        raise
    return database


def _check_and_migrate(database: Database, current: str | None, migrate: bool) -> None:
    """The slow path, taken only when the schema is not at HEAD_REVISION: refuse a schema
    from a newer version, else back up and upgrade."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseError(
            f"La base {database.describe()} a été écrite par une version plus récente de "
            f"SahelStock (schéma {current}). Installez la dernière version de SahelStock "
            "pour l'ouvrir ; cette version ne la modifie pas."
        )
    head = script.get_current_head()
    if migrate and current != head:
        if database.warnings:
            raise DatabaseError(database.warnings[0] + " La mise à jour du schéma est annulée.")
        if current is not None:
            database.backup_before_migration = _backup_before_migration(database, current)
        upgrade_to(database.engine)
        _record_writer(database.engine)


def _backup_before_migration(database: Database, current: str) -> Path | None:
    path = database.path
    if path is None:
        log.warning("No automatic backup before migrating %s", database.describe())
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = default_backup_dir(path) / f"{path.stem}-avant-{current}-{stamp}.db"
    backup_sqlite(path, target)
    log.info("Backed up %s to %s before migrating", path, target)
    return target


def upgrade_to(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = _alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def _record_writer(engine: Engine) -> None:
    from db.tables import app_meta

    with engine.begin() as conn:
        conn.execute(app_meta.delete().where(app_meta.c.key == "schema_written_at"))
        conn.execute(
            app_meta.insert().values(key="schema_written_at", value=datetime.now().isoformat())
        )


def read_meta(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": key}).first()
    return None if row is None else str(row[0])


def write_meta(engine: Engine, key: str, value: str) -> None:
    from db.tables import app_meta

    with engine.begin() as conn:
        conn.execute(app_meta.delete().where(app_meta.c.key == key))
        conn.execute(app_meta.insert().values(key=key, value=value))
