"""The Nutrition (PCIMA) screen: the registers, the monthly report, RUTF needs, charts and the
PCIMA settings, one tab each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from core.application import Application
from gui.nutrition.charts_tab import ChartsTab
from gui.nutrition.needs_tab import NeedsTab
from gui.nutrition.programme_tab import ProgrammeTab
from gui.nutrition.report_tab import ReportTab
from gui.nutrition.screening_tab import AdmissionRequest, ScreeningTab
from gui.nutrition.settings_tab import NutritionSettingsTab
from gui.nutrition.tallies_tab import TalliesTab
from gui.screen import Screen

CONTEXT = "NutritionScreen"

# (key, class, French title), in the order of the tabs. Every tab class takes the application,
# has set_facility(code) and refresh(), and signals data_changed and status_message(str).
TABS: tuple[tuple[str, Any, str], ...] = (
    ("screening", ScreeningTab, QT_TRANSLATE_NOOP("NutritionScreen", "Dépistage")),
    ("tallies", TalliesTab, QT_TRANSLATE_NOOP("NutritionScreen", "Décomptes communautaires")),
    ("programme", ProgrammeTab, QT_TRANSLATE_NOOP("NutritionScreen", "Programme")),
    ("report", ReportTab, QT_TRANSLATE_NOOP("NutritionScreen", "Rapport mensuel")),
    ("needs", NeedsTab, QT_TRANSLATE_NOOP("NutritionScreen", "Besoins en ATPE")),
    ("charts", ChartsTab, QT_TRANSLATE_NOOP("NutritionScreen", "Graphiques")),
    ("settings", NutritionSettingsTab, QT_TRANSLATE_NOOP("NutritionScreen", "Paramètres PCIMA")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class NutritionScreen(Screen):
    """Every tab gets the facility; a tab that saved something makes the others reload the
    next time they are shown, and `refresh()` reloads the visible tab."""

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        # Fusion draws unselected tabs lower and clips accents ("É"): give them headroom.
        self.tabs.setStyleSheet("QTabBar::tab { padding: 6px 12px 5px 12px; }")
        self.pages: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        for key, cls, title in TABS:
            page: QWidget = cls(app)
            page.data_changed.connect(lambda k=key: self._on_data_changed(k))  # type: ignore[attr-defined]
            page.status_message.connect(self.status_message)  # type: ignore[attr-defined]
            self.pages[key] = page
            self.tabs.addTab(page, _tr(title))
        layout.addWidget(self.tabs)
        self.screening: ScreeningTab = self.pages["screening"]  # type: ignore[assignment]
        self.tallies: TalliesTab = self.pages["tallies"]  # type: ignore[assignment]
        self.programme: ProgrammeTab = self.pages["programme"]  # type: ignore[assignment]
        self.screening.admission_requested.connect(self._on_admission_requested)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def tab(self, key: str) -> QWidget:
        return self.pages[key]

    def show_tab(self, key: str) -> QWidget:
        self.tabs.setCurrentWidget(self.pages[key])
        return self.pages[key]

    # --- facility and reloading -----------------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self._stale.clear()
        for page in self.pages.values():
            page.set_facility(code)  # type: ignore[attr-defined]

    def refresh(self) -> None:
        """Reload the visible tab now, the others when they are next shown."""
        current = self.tabs.currentWidget()
        self._stale = {k for k, page in self.pages.items() if page is not current}
        if current is not None:
            current.refresh()  # type: ignore[attr-defined]

    def open_item(self, item: object) -> None:
        if isinstance(item, str) and item in self.pages:
            self.show_tab(item)

    def _on_data_changed(self, key: str) -> None:
        self._stale |= {k for k in self.pages if k != key}

    def _on_tab_changed(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        for key, page in self.pages.items():
            if page is current and key in self._stale:
                self._stale.discard(key)
                page.refresh()  # type: ignore[attr-defined]

    def _on_admission_requested(self, request: AdmissionRequest) -> None:
        self.show_tab("programme")
        self.programme.open_admission(request)
