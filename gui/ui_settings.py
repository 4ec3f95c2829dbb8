"""UI state kept between runs (window size, language, last facility) in one typed place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings("SahelStock", "SahelStock")

    def _str(self, key: str) -> str | None:
        value = self._s.value(key)
        return str(value) if value not in (None, "") else None

    @property
    def language(self) -> str | None:
        return self._str("language")

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("language", value)

    @property
    def last_facility(self) -> str | None:
        return self._str("last_facility")

    @last_facility.setter
    def last_facility(self, value: str) -> None:
        self._s.setValue("last_facility", value)

    @property
    def last_database(self) -> str | None:
        return self._str("last_database")

    @last_database.setter
    def last_database(self, value: str) -> None:
        self._s.setValue("last_database", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("geometry", value)

    def sync(self) -> None:
        self._s.sync()
