"""SahelStock entry point: arguments → logging → crash hook → database → wiring → GUI or CLI."""

from __future__ import annotations

import getpass
import logging
import logging.handlers
import platform
import sys
from datetime import datetime
from pathlib import Path

from cli.parser import build_parser

RESOURCES = Path(__file__).resolve().parent / "resources"
log = logging.getLogger("sahelstock")


def setup_logging(folder: Path) -> Path:
    """A rotating log file in the data folder; warnings also reach the terminal."""
    path = folder / "sahelstock.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.set_name("sahelstock-file")
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for old in [h for h in root.handlers if h.get_name() == "sahelstock-file"]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    return path


def install_crash_hook(log_path: Path) -> None:
    def hook(exc_type, exc, tb):  # type: ignore[no-untyped-def]
        log.critical("Unexpected error", exc_info=(exc_type, exc, tb))
        sys.__excepthook__(exc_type, exc, tb)
        print(f"\nErreur inattendue : les détails sont dans {log_path}", file=sys.stderr)

    sys.excepthook = hook


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows set-ups
        return "inconnu"


def build_application(db_arg: str | None):  # type: ignore[no-untyped-def]
    """Open, check and migrate the database, seed the catalogue, and wire the services."""
    from core import services
    from core.application import Application
    from core.catalogue import load_catalogue
    from db.backup import backup_sqlite, default_backup_dir
    from db.engine import open_database, quick_check, read_meta, write_meta
    from db.uow import SqlAlchemyUnitOfWork

    database = open_database(db_arg)
    for warning in database.warnings:
        log.warning(warning)
    if database.backup_before_migration:
        log.info("Backup before migration: %s", database.backup_before_migration)

    def uow() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(database.engine)

    services.seed_catalogue(uow(), load_catalogue(RESOURCES / "catalogue.csv"))

    def backup(target: Path | None) -> Path:
        from core.errors import DomainError

        path = database.path
        if path is None:
            raise DomainError(
                "Sauvegarde automatique possible seulement pour une base SQLite : pour "
                "PostgreSQL, utilisez pg_dump sur le serveur."
            )
        if target is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = default_backup_dir(path) / f"{path.stem}-{stamp}.db"
        written = backup_sqlite(path, target.expanduser().resolve())
        write_meta(database.engine, "last_backup", f"{datetime.now().isoformat()}|{written}")
        return written

    def integrity() -> list[str]:
        return quick_check(database.engine) if database.path is not None else []

    def last_backup() -> str | None:
        return read_meta(database.engine, "last_backup")

    ctx = services.Context(device=platform.node() or "poste", user=current_user())
    return Application(
        uow=uow,
        ctx=ctx,
        database_label=database.describe(),
        backup=backup,
        integrity_problems=integrity,
        last_backup=last_backup,
        warnings=tuple(database.warnings),
        resources=RESOURCES,
    )


def replace_database(db_arg: str | None) -> None:
    """`demo --replace`: back up the existing SQLite file, then start from an empty one."""
    from db.backup import backup_sqlite, default_backup_dir
    from db.engine import database_url, sqlite_path

    path = sqlite_path(database_url(db_arg))
    if path is None:
        raise SystemExit("--replace ne s'applique qu'à une base SQLite.")
    if path.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        saved = backup_sqlite(path, default_backup_dir(path) / f"{path.stem}-remplacee-{stamp}.db")
        print(f"Ancienne base sauvegardée : {saved}")
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def settle_imported_objects() -> None:
    """Move the objects the imports made (PySide6, SQLAlchemy, our modules: hundreds of
    thousands) out of the cyclic garbage collector's way with gc.freeze(): its full passes
    then scan only what the session creates. On the stock screen of 300 products this saves
    some tens of milliseconds a refresh (BENCHMARKS.md); freezing itself is instantaneous."""
    import gc

    gc.freeze()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from db.engine import data_dir

    install_crash_hook(setup_logging(data_dir()))
    db_arg: str | None = getattr(args, "db", None)

    if args.command is None:
        import db.uow  # noqa: F401  (build_application needs it: imported before the freeze)
        from gui.app import run_gui

        settle_imported_objects()
        return run_gui(
            build_application,
            db_arg,
            demo_db=db_arg if (args.demo and db_arg) else str(data_dir() / "demo.db"),
            demo=args.demo,
            language=args.lang,
        )

    from cli.commands import needs_database, run, run_without_database
    from core.errors import DomainError
    from db.engine import DatabaseError

    try:
        if args.command and not needs_database(args):
            return run_without_database(args)
        if args.command == "demo" and args.replace:
            replace_database(db_arg)
        app = build_application(db_arg)
        for warning in app.warnings:
            print(f"Attention : {warning}", file=sys.stderr)
        return run(args, app)
    except (DomainError, DatabaseError) as exc:
        print(f"Erreur : {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head` or a closed pager
        sys.stderr.close()
        sys.exit(0)
