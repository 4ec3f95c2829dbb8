"""The import of the facilities' requisition workbooks, shared by the District and Vue consolidée
tabs: the files of a folder, the import in the background with its progress row ("n / N
fichiers", Annuler), and the panel that reports what became of each file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.application import Application
from gui.requisition.common import row_layout, text_label
from gui.tasks import Progress, Task, run_task

if TYPE_CHECKING:
    from core.requisition_import import FileImport


@dataclass(frozen=True, slots=True)
class ImportRun:
    """What an import did: the outcome of each file tried, in the order given; the files
    after them were not tried because the user stopped the import."""

    paths: tuple[Path, ...]
    results: list[FileImport]

    @property
    def not_tried(self) -> list[Path]:
        return list(self.paths[len(self.results) :])

    @property
    def stopped(self) -> bool:
        return len(self.results) < len(self.paths)


def import_work(
    app: Application, paths: Sequence[Path]
) -> Callable[[Progress, Callable[[], bool]], ImportRun]:
    """The import of the files, run off the GUI thread (gui.tasks): each file in its own
    transaction; progress gives the fraction of files done and the last file's name."""
    chosen = tuple(Path(p) for p in paths)

    def work(progress: Progress, cancelled: Callable[[], bool]) -> ImportRun:
        from core.requisition_import import import_requisition_files

        def step(done: int, total: int, name: str) -> None:
            progress(done / total if total else 1.0, name)

        results = import_requisition_files(app.uow, app.ctx, list(chosen), step, cancelled)
        return ImportRun(chosen, results)

    return work


def workbooks_in(folder: Path) -> list[Path]:
    """The .xlsx files of a folder (not its sub-folders), by name; Excel's lock files
    (« ~$… ») left aside. OSError when the folder cannot be read."""
    return sorted(
        (
            p
            for p in folder.iterdir()
            if p.is_file() and p.suffix.lower() == ".xlsx" and not p.name.startswith("~$")
        ),
        key=lambda p: p.name.casefold(),
    )


class ImportProgress(QWidget):
    """The row shown while workbooks are imported in the background: what is being read, the
    files done ("n / N fichiers") and Annuler, which stops after the file being read (what was
    imported stays). `imported(ImportRun)` once done or stopped, `failed(exception)` when an
    unexpected error ended it (the traceback is in the log).

    The texts are the tab's: `reading` and `read` take the file's name ("Import de {0}…",
    "Importé : {0}"), `cancel_tip` says what Annuler keeps."""

    imported = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        app: Application,
        reading: str,
        read: str,
        cancel_tip: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self._reading = reading
        self._read = read
        self._task: Task | None = None
        self._total = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFormat(self.tr("%v / %m fichiers"))
        self.bar.setMinimumWidth(220)
        self.cancel_button = QPushButton(self.tr("Annuler"))
        self.cancel_button.setToolTip(cancel_tip)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()

    def is_running(self) -> bool:
        return self._task is not None

    def start(self, paths: Sequence[Path]) -> bool:
        """Import `paths` in the background, this row shown; False if an import is running."""
        if self._task is not None or not paths:
            return False
        self._total = len(paths)
        self.bar.setRange(0, self._total)
        self.bar.setValue(0)
        self.label.setText(self._reading.format(Path(paths[0]).name))
        self.cancel_button.setEnabled(True)
        self.show()
        self._task = run_task(
            import_work(self.app, paths), self._on_imported, self._on_failed, self._on_progress
        )
        return True

    def cancel(self) -> None:
        """Stop after the file being read: what was imported stays, the rest is untouched."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Arrêt après le fichier en cours…"))

    def _on_progress(self, fraction: float, name: str) -> None:
        self.bar.setValue(round(fraction * self._total))
        if self.cancel_button.isEnabled():
            self.label.setText(self._read.format(name))

    def _done(self) -> None:
        self._task = None
        self.cancel_button.setEnabled(False)
        self.hide()

    def _on_imported(self, run: ImportRun) -> None:
        self._done()
        self.imported.emit(run)

    def _on_failed(self, exc: BaseException, _details: str) -> None:
        self._done()
        self.failed.emit(exc)


class ImportResults(QWidget):
    """What became of each file of the last import: a summary line with a button that hides
    the panel, above `table` (rows as tall as their explanation), which shows `model`. Hidden
    until an import ends."""

    def __init__(
        self,
        model: QAbstractItemModel,
        table: QTableView,
        hide_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = text_label()
        self.hide_button = QPushButton(hide_text)
        layout.addLayout(
            row_layout((self.summary, 1), (self.hide_button, 0, Qt.AlignmentFlag.AlignTop))
        )
        self.model = model
        self.table = table
        table.setModel(model)
        table.setWordWrap(True)
        table.verticalHeader().hide()
        # Rows as tall as their explanation, at the width the details column has now.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(table, 1)
        self.hide_button.clicked.connect(self.hide)
        self.hide()
