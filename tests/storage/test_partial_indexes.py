"""The partial indexes of the live records (and of the recycle bin) are partial on both engines:
their PostgreSQL WHERE is declared when a server is opened, not at import (which would load
SQLAlchemy's PostgreSQL dialect on every start on a database file)."""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex

from liaison_desk.storage import models


def test_every_partial_index_has_its_where_on_both_engines() -> None:
    models.declare_server_options()
    models.declare_server_options()  # a second server opened in the same process
    assert models._PARTIAL_INDEXES
    for index in models._PARTIAL_INDEXES:
        for dialect in (sqlite.dialect(), postgresql.dialect()):
            ddl = str(CreateIndex(index).compile(dialect=dialect))
            assert ddl.count(" WHERE deleted_at IS ") == 1, ddl
