"""Starting the desktop application: language, first run, database, main window, crash dialog."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from core import services
from core.application import Application
from core.errors import DomainError
from gui.crash import CrashDialog
from gui.i18n import install_language
from gui.ui_settings import UiSettings

log = logging.getLogger(__name__)


def load_demo_with_progress(app: Application, parent: QWidget | None = None) -> bool:
    """Fill an empty database with the demonstration, off the GUI thread, with a busy dialog."""
    from PySide6.QtCore import QEventLoop

    from core.demo import load_demo
    from gui.tasks import run_task

    dialog = QProgressDialog(
        QApplication.translate("App", "Création de la démonstration (deux ans d'historique)…"),
        "",
        0,
        0,
        parent,
    )
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        return load_demo(app.uow(), app.ctx, app.ctx.today())

    def done(result: object) -> None:
        outcome["ok"] = result
        loop.quit()

    def failed(exc: BaseException, details: str) -> None:
        outcome["error"] = exc
        loop.quit()

    run_task(work, done, failed)
    loop.exec()
    dialog.close()
    if "error" in outcome:
        QMessageBox.warning(
            parent, QApplication.translate("App", "Démonstration"), str(outcome["error"])
        )
        return False
    return True


def install_crash_dialog() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("Unexpected error\n%s", details)
        CrashDialog(details).exec()

    sys.excepthook = hook


def run_gui(
    build: Callable[[str | None], Application],
    db_arg: str | None,
    demo_db: str,
    demo: bool = False,
    language: str | None = None,
) -> int:
    """`build(db)` opens and wires a database; `demo_db` is where the demonstration lives."""
    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("SahelStock")
    ui = UiSettings()
    first_run = ui.language is None and not demo
    install_language(qt_app, language or ui.language or "fr")
    install_crash_dialog()

    target = demo_db if demo else (db_arg or ui.last_database)
    try:
        app = build(target)
    except Exception as exc:  # the database could not be opened: say why, change nothing
        QMessageBox.critical(None, "SahelStock", str(exc))
        return 2
    for warning in app.warnings:
        QMessageBox.warning(None, "SahelStock", warning)

    if first_run and not services.list_facilities(app.uow()):
        from gui.first_run import FirstRunDialog

        dialog = FirstRunDialog(services.list_facilities(app.uow()))
        if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
            return 0
        ui.language = dialog.language
        if dialog.choice == "demo":
            app = build(demo_db)
            target = demo_db
        elif dialog.facility is not None:
            try:
                services.add_facility(app.uow(), dialog.facility)
            except DomainError as exc:  # e.g. the code exists already: say so, then go on
                QMessageBox.warning(None, "SahelStock", str(exc))
            else:
                ui.last_facility = dialog.facility.code
    elif ui.language is None:
        ui.language = language or "fr"

    if target == demo_db and not services.list_facilities(app.uow()):
        load_demo_with_progress(app)
    if target is not None:
        ui.last_database = target

    from gui.main_window import MainWindow

    window = MainWindow(app, ui)
    window.show()
    if os.environ.get("SAHELSTOCK_STARTUP_PROBE"):
        return _startup_probe(qt_app, window)
    return int(qt_app.exec())


def _startup_probe(qt_app: QApplication, window: QWidget) -> int:
    """benchmarks/bench_gui_startup.py: once the window has painted its first screen, print
    the wall-clock time (seconds since the epoch) and quit instead of running the event loop."""
    import time

    window.repaint()
    qt_app.processEvents()
    print(f"startup-probe shown_at={time.time():.6f}", flush=True)
    window.close()
    return 0
