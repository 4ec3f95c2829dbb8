"""The Nutrition (PCIMA) screen: the registers, the monthly report, RUTF needs, charts and the
PCIMA settings, one tab each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from core.application import Application
from gui.nutrition.charts_tab import ChartsTab
from gui.nutrition.needs_tab import NeedsTab
from gui.nutrition.programme_tab import ProgrammeTab
from gui.nutrition.report_tab import ReportTab
from gui.nutrition.screening_tab import AdmissionRequest, ScreeningTab
from gui.nutrition.settings_tab import NutritionSettingsTab
from gui.nutrition.tallies_tab import TalliesTab
from gui.screen import TabbedScreen

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


class NutritionScreen(TabbedScreen):
    """Every tab gets the facility; a tab that saved something makes the others reload the
    next time they are shown, and `refresh()` reloads the visible tab."""

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(app, TABS, CONTEXT, parent)
        self.screening: ScreeningTab = self.pages["screening"]  # type: ignore[assignment]
        self.tallies: TalliesTab = self.pages["tallies"]  # type: ignore[assignment]
        self.programme: ProgrammeTab = self.pages["programme"]  # type: ignore[assignment]
        self.screening.admission_requested.connect(self._on_admission_requested)

    def _on_admission_requested(self, request: AdmissionRequest) -> None:
        self.show_tab("programme")
        self.programme.open_admission(request)
