"""Backups of a live SQLite database with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def default_backup_dir(database: Path) -> Path:
    folder = database.parent / "sauvegardes"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def backup_sqlite(source: Path, target: Path) -> Path:
    """Copy a consistent snapshot of `source` into `target`, even while others write to it."""
    if target.resolve() == source.resolve():
        raise ValueError("La sauvegarde ne peut pas remplacer la base elle-même.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partiel")
    if partial.exists():
        partial.unlink()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    return target
