"""Nutrition charts tab: admissions and SAM/MAM share of screened children; RUTF used."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import pcima_services
from core.application import Application
from core.errors import DomainError
from core.pcima_services import UNITS, NutritionMonth
from core.stock import add_months, month_start
from gui.charts import nutrition_admissions_chart, rutf_use_chart, save_png
from gui.nutrition.report_tab import month_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #b00020;"
HISTORY_MONTHS = 12


class ChartsTab(QWidget):
    """The last 12 complete months of the facility's programme, as two charts."""

    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, app: Application, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # matplotlib costs half a second: paid when the tab is built, not at start-up.
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.app = app
        self.facility: str | None = None
        self.history: list[NutritionMonth] = []
        self._sachets_per_child = 150
        self._drawn = False

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.period = QLabel()
        self.save_button = QPushButton(self.tr("Enregistrer l'image…"))
        self.save_button.setToolTip(self.tr("Les deux graphiques en image PNG, pour un rapport"))
        bar.addWidget(self.period, 1)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)

        self.figure = Figure(figsize=(10, 6), dpi=100, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(360)
        layout.addWidget(self.canvas, 1)
        self.save_button.clicked.connect(self._on_save)
        self.save_button.setEnabled(False)

    # --- contract of the nutrition tabs ------------------------------------------------------

    def set_facility(self, code: str | None) -> None:
        self.facility = code
        self.refresh()

    def months(self) -> tuple[date, date]:
        """The 12 complete months before today."""
        last = add_months(month_start(self.app.ctx.today()), -1)
        return add_months(last, -(HISTORY_MONTHS - 1)), last

    def refresh(self) -> None:
        self.message.hide()
        first, last = self.months()
        self.period.setText(self.tr("De {0} à {1}").format(month_text(first), month_text(last)))
        if self.facility is None:
            self.history = []
        else:
            try:
                self.history = pcima_services.nutrition_history(
                    self.app.uow(), self.facility, first, last
                )
                settings = pcima_services.nutrition_settings(self.app.uow())
                self._sachets_per_child = settings.rutf_sachets_per_child
            except DomainError as exc:
                self.history = []
                self.message.setText(str(exc))
                self.message.show()
        self.save_button.setEnabled(bool(self.history))
        # Building the charts takes a tenth of a second: not for a tab nobody is looking at.
        self._drawn = False
        if self.isVisible():
            self._redraw()

    def _redraw(self) -> None:
        self._draw(self.figure)
        self.canvas.draw_idle()
        self._drawn = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._drawn:
            self._redraw()

    def series(self) -> dict[str, list[object]]:
        """The plain data drawn, by name (for tests and for the PNG)."""
        history = self.history
        return {
            "months": [m.month for m in history],
            **{
                unit.value: [m.admissions.get(unit, 0) for m in history]
                for unit in UNITS
                if any(m.admissions.get(unit, 0) for m in history)
            },
            "sam_percent": [self._share(m, m.screening.sam) for m in history],
            "mam_percent": [self._share(m, m.screening.mam) for m in history],
            "dispensed": [m.rutf_dispensed for m in history],
            "children": [m.rutf_children for m in history],
        }

    @staticmethod
    def _share(month: NutritionMonth, part: int) -> float | None:
        screened = month.screening.children
        return None if screened == 0 else part * 100 / screened

    def _draw(self, figure: Figure) -> Figure:
        figure.clear()
        top, bottom = figure.subfigures(2, 1, hspace=0.04)
        history = self.history
        months = [m.month for m in history]
        admissions = {
            unit.value: [m.admissions.get(unit, 0) for m in history]
            for unit in UNITS
            if any(m.admissions.get(unit, 0) for m in history)
        }
        nutrition_admissions_chart(
            months,
            admissions,
            [self._share(m, m.screening.sam) for m in history],
            [self._share(m, m.screening.mam) for m in history],
            self.tr("Admissions par mois et par unité ; part de MAS et de MAM chez les dépistés"),
            figure=top,
        )
        rutf_use_chart(
            months,
            [m.rutf_dispensed for m in history],
            [m.rutf_children for m in history],
            self._sachets_per_child,
            self.tr("ATPE distribué et ATPE attendu pour les enfants admis en URENAS"),
            figure=bottom,
        )
        return figure

    # --- saving --------------------------------------------------------------------------------

    def _on_save(self) -> None:
        if not self.history:
            return
        suggested = self.tr("pcima-{0}-{1}.png").format(self.facility, f"{self.months()[1]:%Y-%m}")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer les graphiques"), suggested, self.tr("Image PNG (*.png)")
        )
        if path:
            self.export_png(Path(path))

    def export_png(self, path: Path) -> Path | None:
        """Both charts at report size (A4 width); None when the file could not be written."""
        from matplotlib.figure import Figure

        try:
            written = save_png(
                self._draw(Figure(figsize=(11, 7.5), dpi=100, layout="constrained")), path
            )
        except OSError as exc:
            log.warning("PNG export failed: %s", exc)
            self.message.setText(
                self.tr(
                    "Impossible d'écrire l'image {0} : {1}. Choisissez un autre dossier."
                ).format(path, exc.strerror or exc)
            )
            self.message.show()
            return None
        self.status_message.emit(self.tr("Graphiques enregistrés : {0}").format(written))
        return written
