"""The main window: facility selector, navigation between screens, shortcuts, status bar."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from core import services
from core.application import Application
from core.errors import DomainError
from gui.screen import Screen
from gui.ui_settings import UiSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScreenEntry:
    key: str
    label: str
    module: str
    cls: str
    shortcut: str


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry(
        "dashboard",
        QT_TRANSLATE_NOOP("MainWindow", "Tableau de bord"),
        "gui.dashboard",
        "DashboardScreen",
        "Ctrl+1",
    ),
    ScreenEntry(
        "stock", QT_TRANSLATE_NOOP("MainWindow", "Stock"), "gui.stock", "StockScreen", "Ctrl+2"
    ),
    ScreenEntry(
        "card",
        QT_TRANSLATE_NOOP("MainWindow", "Fiche de stock"),
        "gui.stock_card",
        "StockCardScreen",
        "Ctrl+3",
    ),
    ScreenEntry(
        "movements",
        QT_TRANSLATE_NOOP("MainWindow", "Mouvements"),
        "gui.movements",
        "MovementsScreen",
        "Ctrl+4",
    ),
    ScreenEntry(
        "count", QT_TRANSLATE_NOOP("MainWindow", "Inventaire"), "gui.count", "CountScreen", "Ctrl+5"
    ),
    ScreenEntry(
        "exchange",
        QT_TRANSLATE_NOOP("MainWindow", "Import / Export"),
        "gui.exchange",
        "ExchangeScreen",
        "Ctrl+6",
    ),
    ScreenEntry(
        "settings",
        QT_TRANSLATE_NOOP("MainWindow", "Paramètres"),
        "gui.settings",
        "SettingsScreen",
        "Ctrl+7",
    ),
    ScreenEntry(
        "nutrition",
        QT_TRANSLATE_NOOP("MainWindow", "Nutrition (PCIMA)"),
        "gui.nutrition",
        "NutritionScreen",
        "Ctrl+8",
    ),
    ScreenEntry(
        "forecast",
        QT_TRANSLATE_NOOP("MainWindow", "Prévisions"),
        "gui.forecast",
        "ForecastScreen",
        "Ctrl+9",
    ),
    ScreenEntry(
        "requisitions",
        QT_TRANSLATE_NOOP("MainWindow", "Réquisitions"),
        "gui.requisition",
        "RequisitionScreen",
        "Ctrl+0",
    ),
)


# Entry forms reachable from the toolbar: (key, label, shortcut).
FORMS: tuple[tuple[str, str, str], ...] = (
    ("receipt", QT_TRANSLATE_NOOP("MainWindow", "Réception"), "Ctrl+R"),
    ("issue", QT_TRANSLATE_NOOP("MainWindow", "Dispensation"), "Ctrl+D"),
    ("transfer", QT_TRANSLATE_NOOP("MainWindow", "Transfert"), "Ctrl+T"),
    ("loss", QT_TRANSLATE_NOOP("MainWindow", "Perte / ajustement"), "Ctrl+L"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """Screens are built the first time they are shown, so the window opens fast."""

    def __init__(self, app: Application, ui: UiSettings | None = None) -> None:
        super().__init__()
        self.app = app
        self.ui = ui or UiSettings()
        self.screens: dict[str, Screen] = {}
        self.setWindowTitle(self.tr("SahelStock – gestion des stocks"))
        self.resize(1200, 720)
        if self.ui.geometry is not None:
            self.restoreGeometry(self.ui.geometry)

        self.facility_box = QComboBox()
        self.facility_box.setMinimumWidth(300)
        self.facility_box.setToolTip(self.tr("Établissement dont on gère le stock"))
        self.facility_box.currentIndexChanged.connect(self._on_facility_changed)

        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        for entry in SCREENS:
            item = QListWidgetItem(tr(entry.label))
            item.setToolTip(f"{tr(entry.label)} ({entry.shortcut})")
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # placeholder until first shown
        self.nav.currentRowChanged.connect(self._on_nav_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self.reload_facilities(select=self.ui.last_facility)
        self.nav.setCurrentRow(0)

    # --- chrome -----------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Établissement"))
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr("Établissement : ")))
        bar.addWidget(self.facility_box)
        bar.addSeparator()
        self.form_buttons: dict[str, QPushButton] = {}
        for key, label, shortcut in FORMS:
            label = tr(label)
            button = QPushButton(label)
            button.setShortcut(QKeySequence(shortcut))
            button.setToolTip(f"{label} ({shortcut})")
            button.clicked.connect(lambda _=False, k=key: self.open_form(k))
            bar.addWidget(button)
            self.form_buttons[key] = button
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        for row, entry in enumerate(SCREENS):
            action = QAction(self)
            action.setShortcut(QKeySequence(entry.shortcut))
            action.triggered.connect(lambda _=False, r=row: self.nav.setCurrentRow(r))
            self.addAction(action)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Fichier"))
        backup = file_menu.addAction(self.tr("Sauvegarder la base…"))
        backup.setShortcut(QKeySequence("Ctrl+S"))
        backup.triggered.connect(self._on_backup)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("Quitter"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Aide"))
        about = help_menu.addAction(self.tr("À propos de SahelStock"))
        about.triggered.connect(self._on_about)

    def _build_status_bar(self) -> None:
        self.database_label = QLabel()
        self.backup_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.database_label.setText(self.tr("Base : {0}").format(self.app.database_label))
        self.show_last_backup()

    def show_last_backup(self) -> None:
        last = self.app.last_backup()
        if last:
            when = datetime.fromisoformat(last.split("|")[0])
            text = when.strftime("%d/%m/%Y %H:%M")
        else:
            text = self.tr("aucune")
        self.backup_label.setText(self.tr("Dernière sauvegarde : {0}").format(text))

    # --- facilities and screens -------------------------------------------------------------

    def reload_facilities(self, select: str | None = None, force: bool = True) -> None:
        """Refill the facility selector (names may have changed, facilities been added); the
        screens reload only if the selected facility changed, unless `force`."""
        before = self.facility
        current = select or before
        facilities = services.list_facilities(self.app.uow())
        self.facility_box.blockSignals(True)
        self.facility_box.clear()
        for facility in facilities:
            self.facility_box.addItem(f"{facility.name} ({facility.code})", facility.code)
        index = self.facility_box.findData(current) if current else -1
        self.facility_box.setCurrentIndex(max(index, 0) if facilities else -1)
        self.facility_box.blockSignals(False)
        if force or self.facility != before:
            self._on_facility_changed(self.facility_box.currentIndex())

    @property
    def facility(self) -> str | None:
        code = self.facility_box.currentData()
        return str(code) if code is not None else None

    def _on_facility_changed(self, _index: int) -> None:
        code = self.facility
        if code:
            self.ui.last_facility = code
        for screen in self.screens.values():
            screen.set_facility(code)

    def screen(self, key: str) -> Screen:
        """The screen for `key`, built on first use."""
        if key not in self.screens:
            row = next(i for i, e in enumerate(SCREENS) if e.key == key)
            entry = SCREENS[row]
            cls = getattr(importlib.import_module(entry.module), entry.cls)
            screen: Screen = cls(self.app)
            screen.ledger_changed.connect(self._on_ledger_changed)
            screen.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            screen.navigate.connect(self._on_navigate)
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, screen)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.screens[key] = screen
            screen.set_facility(self.facility)
        return self.screens[key]

    def show_screen(self, key: str) -> Screen:
        row = next(i for i, e in enumerate(SCREENS) if e.key == key)
        self.nav.setCurrentRow(row)
        return self.screens[key]

    def _on_nav_changed(self, row: int) -> None:
        if row < 0:
            return
        screen = self.screen(SCREENS[row].key)
        self.stack.setCurrentWidget(screen)

    def _on_navigate(self, key: str, item: object) -> None:
        self.show_screen(key).open_item(item)

    def _on_ledger_changed(self) -> None:
        self.reload_facilities(force=False)
        for screen in self.screens.values():
            if screen is not self.sender():
                screen.refresh()

    def open_form(self, kind: str) -> None:
        """Open an entry form for the current facility; screens reload if it saved."""
        if self.facility is None:
            QMessageBox.information(
                self, self.tr("Aucun établissement"), self.tr("Créez d'abord un établissement.")
            )
            return
        from gui.forms import open_entry_form

        if open_entry_form(kind, self.app, self.facility, self):
            for screen in self.screens.values():
                screen.refresh()

    # --- actions ----------------------------------------------------------------------------

    def _on_backup(self) -> None:
        suggested = f"sahelstock-{datetime.now():%Y%m%d-%H%M}.db"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Sauvegarder la base"), suggested, self.tr("Base SahelStock (*.db)")
        )
        if not path:
            return
        from pathlib import Path

        try:
            written = self.app.backup(Path(path))
        except (DomainError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Sauvegarde impossible"), str(exc))
            return
        self.show_last_backup()
        self.statusBar().showMessage(self.tr("Sauvegarde écrite : {0}").format(written), 8000)

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("À propos de SahelStock"),
            self.tr(
                "SahelStock tient le stock des établissements de santé du Mali : ATPE, "
                "médicaments, équipements ; fiche de stock, inventaire, CMM et quantités à "
                "commander."
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ui.geometry = self.saveGeometry()
        self.ui.sync()
        super().closeEvent(event)
