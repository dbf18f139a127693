"""Logging: a rotating file in the data folder, named loggers everywhere."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from liaison_desk.config import log_dir

LOG_FILE_NAME = "liaison-desk.log"


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to ``<data>/logs/liaison-desk.log`` (1 MB × 5 files). Returns the file, or None when
    the folder cannot be written (the app still runs; it just cannot keep a log)."""
    folder = log_dir()
    root = logging.getLogger()
    root.setLevel(level)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S")
    )
    for old in [h for h in root.handlers if getattr(h, "_liaison_desk", False)]:
        root.removeHandler(old)
        old.close()
    handler._liaison_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return path
