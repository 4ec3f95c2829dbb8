"""Alembic revisions of the SahelStock schema."""
