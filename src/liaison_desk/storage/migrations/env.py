"""Alembic environment. The app runs migrations itself (storage.database); the connection is
handed over in ``config.attributes`` so the same code works for SQLite and PostgreSQL."""

from alembic import context

from liaison_desk.storage.models import Base
from liaison_desk.storage.search_index import is_engine_structure

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("Run migrations through liaison_desk.storage.database.Database")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
    compare_type=True,
    # The search index's own engine structures (FTS5 table, GIN index) are not in the models.
    include_name=lambda name, _type, _parent: not is_engine_structure(name),
)
with context.begin_transaction():
    context.run_migrations()
