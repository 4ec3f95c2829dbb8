"""The crash dialog: says something went wrong, where the log is, and lets the user copy it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def log_file() -> str | None:
    """The path of the log file main.py set up, if any."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler):
            return handler.baseFilename
    return None


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SahelStock – erreur inattendue"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        path = log_file()
        where = (
            self.tr("ils sont aussi dans le fichier journal {0}.").format(path)
            if path
            else self.tr(
                "ils sont aussi dans le fichier journal sahelstock.log du dossier de données."
            )
        )
        message = QLabel(
            self.tr(
                "Une erreur inattendue est survenue. Vos saisies déjà enregistrées ne sont pas "
                "perdues. Copiez les détails ci-dessous et envoyez-les à votre support ; {0}"
            ).format(where)
        )
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copier les détails"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self._on_copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(self.tr("Copié"))
