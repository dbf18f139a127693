"""Whether another PC changed a server database: the notices PostgreSQL sends on commit.

Every table has a trigger (migration 0007) that sends ``NOTIFY liaison_desk_changes`` for each
statement that changes it; the server delivers the notice when, and only when, the transaction
commits, to every connection listening. A window keeps one such connection and asks it every
two seconds whether notices came: a round trip of a few bytes, whatever the size of the
database.

Why notices rather than a value computed from the tables (row counts, sums of revisions, the
newest ``updated_at``): such a value misses changes that leave it as it was (a row deleted
and another added in one save, a table without revisions: speeches, participants, settings,
tombstones), it scans every table on every PC every two seconds, and under row-level security
it depends on what the login may see. A counter table bumped by triggers would make every
save of every PC wait for the same row. A notice costs nothing until a commit, covers every
table, and is never seen before the change it announces is visible.

What may be missed is what was committed while the listening connection was down (the server
restarted, the network dropped): a new connection counts as a change, so the window reloads.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from liaison_desk.storage.errors import StorageError

log = logging.getLogger(__name__)

CHANNEL = "liaison_desk_changes"


class ChangeNotices:
    """The listening connection of one ``Database`` on a server, opened on first use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._conn: Any = None
        self._received = 0  # notices received on the current connection
        self._connections = 0  # connections opened (a new one may have missed notices)

    def token(self) -> tuple[int, int]:
        """A value that differs after a change committed anywhere since the first call."""
        import psycopg

        with self._lock:
            try:
                if self._conn is None:
                    self._listen()
                self._conn.execute("SELECT 1")  # notices that arrived are handled meanwhile
            except (psycopg.Error, DBAPIError) as exc:
                self._drop()
                log.info("change notices: connection lost (%s); listening again", exc)
                try:
                    self._listen()
                except (psycopg.Error, DBAPIError) as again:
                    self._drop()
                    raise StorageError(
                        f"无法连接数据库服务器，暂时看不到其他电脑的修改（{again}）。"
                        "请检查网络；连上后列表会自动刷新。"
                    ) from again
            return (self._connections, self._received)

    def _listen(self) -> None:
        raw = self.engine.raw_connection()
        conn = raw.driver_connection
        raw.detach()  # this connection is ours for good, never handed out by the pool
        assert conn is not None
        try:
            conn.rollback()
            conn.autocommit = True
            conn.add_notify_handler(self._notice)
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception:
            conn.close()
            raise
        self._conn = conn
        self._connections += 1

    def _notice(self, _notify: Any) -> None:
        self._received += 1

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # already broken: nothing left to close
                log.debug("closing the listening connection failed", exc_info=True)
            self._conn = None

    def close(self) -> None:
        with self._lock:
            self._drop()
