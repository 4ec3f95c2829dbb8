"""Alembic environment: runs on the connection db.engine hands over, in one transaction."""

from __future__ import annotations

from alembic import context

from db.tables import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only from the alembic command line
    raise RuntimeError("Run migrations through db.engine.open_database, not the alembic CLI.")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
