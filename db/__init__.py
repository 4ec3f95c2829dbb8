"""Storage: SQLAlchemy tables, repositories, unit of work, engine set-up, migrations, backups."""
