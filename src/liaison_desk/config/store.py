"""This computer's settings file, ``<data folder>/settings.json`` (:class:`MachineSettings`): the
store of the settings of ``Scope.MACHINE``. The database's settings are stored by
``services.settings``."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any

from liaison_desk.config.options import (
    MIGRATIONS,
    SETTINGS_VERSION,
    Migration,
    Scope,
    SettingSpec,
    coerce,
    copy_value,
    defaults,
    migrate,
    resolve,
    spec,
)
from liaison_desk.config.paths import MACHINE_SETTINGS_FILE, data_dir
from liaison_desk.errors import UserFacingError

log = logging.getLogger(__name__)


# --- the machine's settings file ---------------------------------------------------------------


class SettingsFileError(UserFacingError):
    """This computer's settings file could not be written; ``str(exc)`` says what to do, in
    Chinese (with an English text). A ``UserFacingError``, not an ``OSError``: the window shows
    its message, and callers name it (``except SettingsFileError``) where a failed save must
    not stop what the user is doing."""


class MachineSettings:
    """This computer's settings in ``<data folder>/settings.json``.

    File: ``{"version": 1, "values": {"ui.language": "zh_CN", ...}}`` in UTF-8. Loading never
    writes. :meth:`set` re-reads the file, changes one key and writes the whole file at once
    (temporary file in the same folder, fsync, ``os.replace``), so two copies of the app open at
    the same time do not undo each other's other settings and a crash never leaves half a file.
    Keys this release does not know are kept. A file that cannot be read or parsed is logged,
    copied to ``settings.json.bad`` and replaced by defaults (written on the next change).
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        version: int = SETTINGS_VERSION,
        migrations: Mapping[int, Migration] | None = None,
    ) -> None:
        self.path = path if path is not None else data_dir() / MACHINE_SETTINGS_FILE
        self.version = version
        self._migrations = MIGRATIONS if migrations is None else migrations
        self._lock = threading.Lock()
        self._file_version = version
        self._stored: dict[str, Any] = {}
        self._values: dict[str, Any] = defaults(Scope.MACHINE)
        self.reload()

    @property
    def bad_copy(self) -> Path:
        return self.path.with_name(self.path.name + ".bad")

    def reload(self) -> None:
        with self._lock:
            self._take(*self._read())

    def get(self, key: str) -> Any:
        return copy_value(self._values[self._machine_spec(key).key])

    def values(self) -> dict[str, Any]:
        return {k: copy_value(v) for k, v in self._values.items()}

    def set(self, key: str, value: Any) -> None:
        """Check ``value`` (ValueError in Chinese when not allowed) and save it at once
        (SettingsFileError when the file cannot be written; nothing changes then)."""
        new = coerce(self._machine_spec(key), value)
        with self._lock:
            version, stored = self._read()
            stored[key] = new
            self._write(version, stored)
            self._take(version, stored)

    def _machine_spec(self, key: str) -> SettingSpec:
        s = spec(key)
        if s.scope != Scope.MACHINE:
            raise KeyError(
                f"“{s.label}”（{key}）是保存在数据库中的设置，请通过 services.settings 读写。"
            )
        return s

    def _take(self, version: int, stored: dict[str, Any]) -> None:
        self._file_version = version
        self._stored = stored
        self._values = resolve(stored, Scope.MACHINE)

    def _read(self) -> tuple[int, dict[str, Any]]:
        """(version to write back, stored values after migration) from the file."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return self.version, {}
        except OSError as exc:
            self._give_up_on_file(f"cannot be read: {exc}")
            return self.version, {}
        try:
            data = json.loads(raw.decode("utf-8-sig"))  # -sig: a BOM left by Windows Notepad
            file_version, stored = _parse(data)
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            self._give_up_on_file(f"is damaged: {exc}")
            return self.version, {}
        if file_version < self.version:
            stored = migrate(stored, file_version, self.version, self._migrations)
        elif file_version > self.version:
            log.info(
                "%s was written by a newer release (settings version %d > %d): known keys read,"
                " everything else kept",
                self.path,
                file_version,
                self.version,
            )
        return max(file_version, self.version), stored

    def _give_up_on_file(self, why: str) -> None:
        log.warning(
            "settings file %s %s; defaults used, copy kept as %s", self.path, why, self.bad_copy
        )
        try:
            shutil.copyfile(self.path, self.bad_copy)
        except OSError as exc:
            log.warning("could not keep a copy of the damaged settings file: %s", exc)

    def _write(self, version: int, stored: dict[str, Any]) -> None:
        text = json.dumps({"version": version, "values": stored}, ensure_ascii=False, indent=2)
        folder = self.path.parent
        tmp: str | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(text + "\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
            tmp = None
        except OSError as exc:
            raise SettingsFileError(
                f"无法保存本机设置文件 {self.path}（{exc.strerror or exc}）。"
                "请检查数据文件夹是否可以写入、磁盘是否已满，然后再试一次。",
                english=f"This computer's settings file {self.path} could not be saved "
                f"({exc.strerror or exc}). Check that the data folder can be written to and "
                "the disk is not full, then try again.",
            ) from exc
        finally:
            if tmp is not None:
                with suppress(OSError):
                    os.unlink(tmp)
        _sync_folder(folder)


def _parse(data: Any) -> tuple[int, dict[str, Any]]:
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    version, values = data.get("version"), data.get("values")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ValueError(f"bad version {version!r}")
    if not isinstance(values, dict):
        raise ValueError("'values' is not a JSON object")
    return version, values


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; Windows cannot open a folder and needs not)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
