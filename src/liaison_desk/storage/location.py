"""Where a database is: its URL from ``--db`` / ``LIAISON_DESK_DB`` / the default file, the file
behind a SQLite URL, and whether that file can be written. Plain Python, no SQLAlchemy: the
window is painted before SQLAlchemy is loaded (issue 16), and the command line parses its
arguments without it."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "LIAISON_DESK_DB"


def database_url(db: str | os.PathLike[str] | None, default_file: Path) -> str:
    """``--db`` wins, then ``LIAISON_DESK_DB``, then the default file. A value with ``://`` is a
    SQLAlchemy URL (e.g. a PostgreSQL server); anything else is a SQLite file path."""
    value = str(db) if db else os.environ.get(ENV_VAR) or str(default_file)
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for a server or an in-memory database."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.split("+", 1)[0] != "sqlite":
        return None
    if "%" in rest or "?" in rest or "@" in rest:
        # Escapes, options or credentials: SQLAlchemy's own parser says what the file is.
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        if not parsed.database or parsed.database == ":memory:":
            return None
        return Path(parsed.database)
    # sqlite:///relative/file, sqlite:////absolute/file, sqlite:///C:\file; sqlite:// is memory.
    _host, _slash, database = rest.partition("/")
    if not database or database == ":memory:":
        return None
    return Path(database)


def read_only_reason(path: Path) -> str | None:
    """Why the database file cannot be written where it is: "medium" (a read-only disk: a
    write-protected USB stick, a CD, a read-only mount), "folder" (no right to create files beside
    it), "file" (the file itself is read-only); None when it can be written."""
    folder = path.parent
    statvfs = getattr(os, "statvfs", None)  # not on Windows, where a CD's files are read-only
    if statvfs is not None:
        try:
            if statvfs(folder).f_flag & os.ST_RDONLY:
                return "medium"
        except OSError:
            pass
    if path.exists() and not os.access(path, os.W_OK):
        return "file"
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return "folder"
    return None
