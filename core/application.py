"""What the command line and the GUI are handed by main.py: services, not storage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

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
