"""Opening a database at the current schema without Alembic: the head constant stays right."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from db.engine import HEAD_REVISION, current_revision, head_revision, open_database


def test_the_head_constant_is_alembics_head() -> None:
    assert head_revision() == HEAD_REVISION


def test_an_up_to_date_database_opens_without_importing_alembic(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    open_database(str(path)).dispose()  # created and migrated: this one loads Alembic
    code = (
        "import sys; from db.engine import open_database; "
        f"db = open_database({str(path)!r}); db.dispose(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_current_revision_reads_the_stored_revision_or_none(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    db = open_database(str(path))
    try:
        assert current_revision(db.engine) == HEAD_REVISION
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE alembic_version")
    db = open_database(str(path), migrate=False)
    try:
        assert current_revision(db.engine) is None
    finally:
        db.dispose()
