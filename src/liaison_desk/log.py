"""Logging: a rotating file in the data folder, named loggers everywhere.

``setup_logging()`` is called once by the command line (every command, the window too) and may be
called again safely. When the log folder cannot be written (a read-only data folder, a full
disk) the app still runs: messages go to the console (stderr) instead, and the first of them says
why. The crash hook (``ui/crash.py``) writes tracebacks through the logger ``liaison_desk.crash``
into the same file, and ``faulthandler`` writes there too: a crash inside Qt (or any C code)
kills the process before Python's hooks run, so the Python stacks of every thread are written
straight into the log file ("Fatal Python error: Segmentation fault" and the stacks).
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
from pathlib import Path

from liaison_desk.config import log_dir

LOG_FILE_NAME = "liaison-desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"

# Our handlers on the root logger carry this attribute (the file they write, or the file they
# stand in for when it could not be opened), so a second call finds and replaces only them.
_MARK = "_liaison_desk_log_file"

log = logging.getLogger(__name__)


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to ``<data>/logs/liaison-desk.log`` (1 MB × 5 files) and return that file.

    Idempotent: a second call for the same file keeps the handler it has (no second copy of
    every line); a call after the data folder moved (``LIAISON_DESK_DATA_DIR``) moves the log.
    When the folder or file cannot be written, logs to stderr instead and returns None (the app
    still runs; it just cannot keep a log file)."""
    root = logging.getLogger()
    root.setLevel(level)
    path = log_dir() / LOG_FILE_NAME
    target = os.path.abspath(path)
    ours = [h for h in root.handlers if hasattr(h, _MARK)]
    same = len(ours) == 1 and getattr(ours[0], _MARK) == target
    if same and isinstance(ours[0], logging.FileHandler):
        _faults_into(ours[0])
        return path
    # Otherwise a new file, or stderr standing in for this file: (try to) open it; when it still
    # cannot be opened, keep the stderr handler without repeating the warning.
    handler: logging.Handler
    problem: OSError | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError as exc:
        if same:
            return None
        problem = exc
        # No console at all (a windowed app on Windows): nowhere to write, keep quiet.
        handler = logging.StreamHandler(sys.stderr) if sys.stderr else logging.NullHandler()
    handler.setFormatter(logging.Formatter(FORMAT, DATE_FORMAT))
    setattr(handler, _MARK, target)
    _faults_into(handler)  # before the old file is closed: never a closed descriptor
    for old in ours:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    if problem is not None:
        log.warning(
            "cannot write the log file %s (%s); logging to the console only",
            path,
            problem.strerror or problem,
        )
        return None
    return path


# Whether faulthandler writes into one of our handlers' streams (not someone else's, say pytest's).
_faults_enabled = False


class _LogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file; after a rollover faulthandler follows it into the new file."""

    def doRollover(self) -> None:
        super().doRollover()
        _faults_into(self)


def _faults_into(handler: logging.Handler) -> None:
    """Point ``faulthandler`` at the file (or console) ``handler`` writes: a fatal error then
    leaves the stacks of every thread there. Nowhere to write (no console, a NullHandler): off,
    when it was ours."""
    global _faults_enabled
    stream = getattr(handler, "stream", None)
    try:
        if stream is None:
            raise ValueError("no stream")
        stream.flush()
        faulthandler.enable(file=stream, all_threads=True)
        _faults_enabled = True
    except (OSError, ValueError, AttributeError):
        # A stream without a file descriptor (no console, a test's captured stderr): the file
        # we pointed faulthandler at before is about to be closed, so it must not write there.
        log.debug("faulthandler not enabled for %r", stream)
        if _faults_enabled:
            faulthandler.disable()
            _faults_enabled = False
