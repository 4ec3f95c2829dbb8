"""The desktop application: a main window with the facility's stock (more screens to come)."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import services
from core.application import Application
from core.errors import DomainError
from gui.stock_model import StockTableModel

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Facility selector, stock table and a status bar with the database and last backup."""

    def __init__(self, app: Application) -> None:
        super().__init__()
        self._app = app
        self.setWindowTitle(self.tr("SahelStock – gestion des stocks"))
        self.resize(1100, 650)
        central = QWidget()
        layout = QVBoxLayout(central)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Établissement :")))
        self.facility_box = QComboBox()
        self.facility_box.setMinimumWidth(320)
        self.facility_box.currentIndexChanged.connect(self._on_facility_changed)
        top.addWidget(self.facility_box)
        top.addStretch(1)
        self.demo_button = QPushButton(self.tr("Charger la démonstration"))
        self.demo_button.clicked.connect(self._on_demo_clicked)
        top.addWidget(self.demo_button)
        layout.addLayout(top)
        self.empty_label = QLabel(
            self.tr(
                "Aucun établissement dans cette base. Créez-en un avec la commande\n"
                "« python main.py facility add » ou chargez la démonstration."
            )
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        self.model = StockTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)
        self._show_status()
        self.reload_facilities()

    def _show_status(self) -> None:
        last = self._app.last_backup()
        backup = last.split("|")[0][:16].replace("T", " ") if last else self.tr("aucune")
        self.statusBar().showMessage(
            self.tr("Base : {0}   ·   Dernière sauvegarde : {1}").format(
                self._app.database_label, backup
            )
        )

    def reload_facilities(self) -> None:
        facilities = services.list_facilities(self._app.uow())
        self.facility_box.blockSignals(True)
        self.facility_box.clear()
        for facility in facilities:
            self.facility_box.addItem(f"{facility.name} ({facility.code})", facility.code)
        self.facility_box.blockSignals(False)
        has_any = bool(facilities)
        self.empty_label.setVisible(not has_any)
        self.table.setVisible(has_any)
        self.demo_button.setVisible(not has_any)
        if has_any:
            self._on_facility_changed(0)

    def _on_facility_changed(self, _index: int) -> None:
        code = self.facility_box.currentData()
        if code is None:
            self.model.set_lines([])
            return
        self.model.set_lines(services.facility_stock(self._app.uow(), code, date.today()))

    def _on_demo_clicked(self) -> None:
        from core.demo import load_demo

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            load_demo(self._app.uow(), self._app.ctx, self._app.ctx.today())
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Démonstration"), str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        self.reload_facilities()


def _crash_dialog(exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.critical("Unexpected error\n%s", details)
    box = QMessageBox(
        QMessageBox.Icon.Critical, "SahelStock", "Une erreur inattendue est survenue."
    )
    box.setDetailedText(details)
    box.exec()


def run_gui(
    build: Callable[[], Application], demo: bool = False, language: str | None = None
) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv)
    sys.excepthook = _crash_dialog
    try:
        app = build()
    except Exception as exc:  # the database could not be opened: say why, lose nothing
        QMessageBox.critical(None, "SahelStock", str(exc))
        return 2
    window = MainWindow(app)
    if demo and window.facility_box.count() == 0:
        window._on_demo_clicked()
    window.show()
    return int(qt_app.exec())
