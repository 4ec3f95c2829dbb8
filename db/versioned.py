"""Queries over append-only versioned registers (db.tables._versioned): the record is its
latest version."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, func, select


def is_latest_version(table: Table) -> Any:
    """The WHERE condition keeping, for each record_uuid, only its highest version (served by
    the unique (record_uuid, version) index)."""
    newer = table.alias("newer")
    latest = (
        select(func.max(newer.c.version))
        .where(newer.c.record_uuid == table.c.record_uuid)
        .scalar_subquery()
    )
    return table.c.version == latest
