"""Languages: French (the source language of the interface) and English, Qt's own strings too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"fr": "Français", "en": "English"}

_installed: list[QTranslator] = []


def locale_for(language: str) -> QLocale:
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.French, QLocale.Country.Mali)


def install_language(app: QApplication, language: str) -> None:
    """Switch the interface language: number and date formats, Qt's dialogs, our own texts."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_dir)]
    if language != "fr":
        candidates.append((f"sahelstock_{language}", str(TRANSLATIONS)))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)


def takes_singular(n: int) -> bool:
    """Whether a count takes the singular in the interface language: 0 and 1 in French
    ("0 ligne"), only 1 in English ("0 lines")."""
    if QLocale().language() == QLocale.Language.French:
        return abs(n) <= 1
    return abs(n) == 1
