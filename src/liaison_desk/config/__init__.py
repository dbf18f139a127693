"""Where the app keeps its files, and every setting declared once.

Paths come from platformdirs, so each OS gets its usual place; ``LIAISON_DESK_DATA_DIR`` moves
everything (tests and portable installs use it).

Settings (architecture.md: "declared once and versioned"): each is a :class:`SettingSpec` in
:data:`SETTINGS` with its key, type, default, Chinese help text and scope:

- ``Scope.DATABASE``: stored in the database's ``settings`` table and shared by everyone who
  opens that database (which liaison group it belongs to, masking defaults, fonts, ...). Read and
  written through ``services.settings``.
- ``Scope.MACHINE``: stored in ``<data folder>/settings.json`` on this computer only (language,
  window geometry, recent databases). Read and written through :class:`MachineSettings`.

Both stores carry :data:`SETTINGS_VERSION`. When a release renames or changes the meaning of a
setting it raises the version and adds a function to :data:`MIGRATIONS` (version n → n + 1) that
rewrites the stored values; :func:`migrate` runs the steps in order. A store written by a *newer*
release is read for the keys this release knows (each checked by :func:`coerce`, falling back to
its default); writing keeps that newer version number and every key this release does not know,
so opening the file with an older copy of the app never throws away the newer copy's settings.

The package holds three modules, re-exported here so ``config.X`` and ``from liaison_desk.config
import X`` name the same things: ``paths`` (where the files are), ``options`` (the declarations,
checks and migrations) and ``store`` (this computer's settings file). It stays free of Qt and
SQLAlchemy: the settings page, the services and the command line all import it.
"""

from liaison_desk.config.options import (
    MIGRATIONS,
    SETTINGS,
    SETTINGS_VERSION,
    Migration,
    Scope,
    SettingSpec,
    coerce,
    defaults,
    migrate,
    resolve,
    spec,
    specs,
)
from liaison_desk.config.paths import (
    APP_NAME,
    DATA_DIR_ENV,
    DEFAULT_DB_NAME,
    MACHINE_SETTINGS_FILE,
    data_dir,
    default_database_file,
    log_dir,
)
from liaison_desk.config.store import MachineSettings, SettingsFileError

__all__ = [
    "APP_NAME",
    "DATA_DIR_ENV",
    "DEFAULT_DB_NAME",
    "MACHINE_SETTINGS_FILE",
    "MIGRATIONS",
    "SETTINGS",
    "SETTINGS_VERSION",
    "MachineSettings",
    "Migration",
    "Scope",
    "SettingSpec",
    "SettingsFileError",
    "coerce",
    "data_dir",
    "default_database_file",
    "defaults",
    "log_dir",
    "migrate",
    "resolve",
    "spec",
    "specs",
]
