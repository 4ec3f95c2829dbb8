"""What the command line and the GUI are handed by main.py: services, not storage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.nutrition import (
    RUTF_DOSING_FILE,
    GrowthStandards,
    RutfDoseBand,
    load_growth_standards,
    load_rutf_dosing,
)
from core.ports import UnitOfWork
from core.services import Context


@dataclass(frozen=True)
class Application:
    """The wired application: a unit-of-work factory and the few storage actions the
    interfaces may ask for by name (backup, integrity check), so neither imports `db`."""

    uow: Callable[[], UnitOfWork]
    ctx: Context
    database_label: str
    backup: Callable[[Path | None], Path]
    integrity_problems: Callable[[], list[str]]
    last_backup: Callable[[], str | None]
    warnings: tuple[str, ...] = ()
    resources: Path | None = None  # the application's resources folder (WHO tables, dosing)

    def growth_standards(self) -> GrowthStandards:
        """The WHO 2006 weight-for-length/height tables, read once."""
        return _standards(self._nutrition_folder())

    def rutf_dosing(self) -> tuple[RutfDoseBand, ...]:
        """The RUTF dosing table (an editable CSV in the resources), read once."""
        return _dosing(self._nutrition_folder() / RUTF_DOSING_FILE)

    def _nutrition_folder(self) -> Path:
        base = self.resources or Path(__file__).resolve().parent.parent / "resources"
        return base / "nutrition"


@cache
def _standards(folder: Path) -> GrowthStandards:
    return load_growth_standards(folder)


@cache
def _dosing(path: Path) -> tuple[RutfDoseBand, ...]:
    return load_rutf_dosing(path)
