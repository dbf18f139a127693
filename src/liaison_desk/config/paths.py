"""Where the app keeps its files. Paths come from platformdirs, so each OS gets its usual place;
``LIAISON_DESK_DATA_DIR`` moves everything (tests and portable installs use it)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "LiaisonDesk"
DATA_DIR_ENV = "LIAISON_DESK_DATA_DIR"
DEFAULT_DB_NAME = "liaison-desk.sqlite"
MACHINE_SETTINGS_FILE = "settings.json"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_database_file() -> Path:
    return data_dir() / DEFAULT_DB_NAME


def log_dir() -> Path:
    return data_dir() / "logs"
