"""The database's settings (config.Scope.DATABASE) and the first-run set-up of a database.

Declarations, defaults and checks live in ``config.SETTINGS``; this service reads and writes the
``settings`` table through the repositories. Settings of this computer (language, window) are in
``config.MachineSettings`` instead.

Changes are audited under the entity type ``"settings"`` with one fixed UUID
(:data:`SETTINGS_AUDIT_UUID`), one entry per :meth:`SettingsService.update` listing each changed
key as ``[old, new]``.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from liaison_desk import config
from liaison_desk.config import SETTINGS_VERSION, Scope
from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import AuditAction
from liaison_desk.domain.numbering import short_name_of
from liaison_desk.domain.rules import (
    Problem,
    ValidationError,
    check_not_stale,
    normalise_group,
    validate_group,
)
from liaison_desk.services.base import ServiceContext, audit, changes_between
from liaison_desk.storage import repositories as repo
from liaison_desk.storage.session import Session

log = logging.getLogger(__name__)

GROUP_KEY = "profile.group_id"
FIRST_RUN_KEY = "ui.first_run_done"

# The audit log addresses entries by entity UUID; the settings of a database are one "entity".
SETTINGS_AUDIT_UUID = str(uuid.uuid5(uuid.NAMESPACE_URL, "liaison-desk:settings"))


@dataclass(frozen=True)
class _SettingsEntity:
    """What services.base.audit needs to know about the settings as an audited thing."""

    uuid: str = SETTINGS_AUDIT_UUID
    revision: int = 0


class SettingsService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # --- reading ---

    def values(self) -> dict[str, Any]:
        """Every database setting: the stored value, or its default."""
        with self.ctx.db.reading() as s:
            return self._values(s)

    def values_in(self, s: Session) -> dict[str, Any]:
        """:meth:`values` inside the caller's session (a read of many things at once)."""
        return self._values(s)

    def get(self, key: str) -> Any:
        self._database_spec(key)
        return self.values()[key]

    def own_group(self) -> LiaisonGroup | None:
        """The liaison group this database belongs to (None when not set, or when that group is
        gone or in the recycle bin)."""
        with self.ctx.db.reading() as s:
            return self.own_group_in(s)

    def own_group_in(self, s: Session) -> LiaisonGroup | None:
        """:meth:`own_group` inside the caller's session."""
        group_id = self._values(s)[GROUP_KEY]
        if group_id is None:
            return None
        group = repo.get_group(s, group_id)
        return None if group is None or group.is_deleted else group

    def needs_first_run(self) -> bool:
        """True for a new, empty database: no liaison group at all and the set-up never done. A
        database that already has groups (a demo, a district office's) does not need it."""
        with self.ctx.db.reading() as s:
            return not self._values(s)[FIRST_RUN_KEY] and not repo.list_groups(s)

    # --- writing ---

    def update(self, changes: Mapping[str, Any]) -> None:
        """Check every change first (ValidationError with one Problem per bad key, nothing
        written), then save them all and one audit entry in one transaction."""
        coerced: dict[str, Any] = {}
        problems: list[Problem] = []
        for key, value in changes.items():
            try:
                spec = self._database_spec(key)
                coerced[key] = config.coerce(spec, value)
            except KeyError as exc:
                problems.append(Problem(key, exc.args[0]))
            except ValueError as exc:
                problems.append(Problem(key, str(exc)))
        if problems:
            raise ValidationError(problems)
        if not coerced:
            return
        with self.ctx.db.session() as s:
            if coerced.get(GROUP_KEY) is not None:
                self._check_group_exists(s, coerced[GROUP_KEY])
            self._write(s, coerced)

    def set_up_first_run(self, group: LiaisonGroup) -> LiaisonGroup:
        """Save this database's own liaison group and remember it (``profile.group_id``,
        ``ui.first_run_done``), all in one transaction. A new group whose name is already taken
        is not created twice: the existing group is used as it is."""
        group = normalise_group(group)  # stored as the groups service stores it
        problems = validate_group(group)
        if problems:
            raise ValidationError(problems)
        with self.ctx.db.session() as s:
            saved = self._save_group(s, group)
            self._write(s, {GROUP_KEY: saved.id, FIRST_RUN_KEY: True})
            return saved

    # --- inside a session ---

    def _database_spec(self, key: str) -> config.SettingSpec:
        spec = config.spec(key)
        if spec.scope != Scope.DATABASE:
            raise KeyError(
                f"“{spec.label}”（{key}）是这台电脑自己的设置，保存在本机的设置文件中，不存进数据库。"
            )
        return spec

    def _stored(self, s: Session) -> tuple[int, dict[str, Any], bool]:
        """(version to write back, stored values after migration, whether they were migrated)."""
        stored = repo.get_settings(s)
        raw_version = stored.pop(repo.SETTINGS_VERSION_KEY, None)
        if raw_version is None:  # nothing was ever written (or only by 0.1, which wrote nothing)
            version = 1 if stored else SETTINGS_VERSION
        elif isinstance(raw_version, int) and not isinstance(raw_version, bool):
            version = raw_version
        else:
            log.warning("settings: bad %s %r, taken as 1", repo.SETTINGS_VERSION_KEY, raw_version)
            version = 1
        if version < SETTINGS_VERSION:
            return SETTINGS_VERSION, config.migrate(stored, version, SETTINGS_VERSION), True
        return version, stored, False

    def _values(self, s: Session) -> dict[str, Any]:
        return config.resolve(self._stored(s)[1], Scope.DATABASE)

    def _write(self, s: Session, coerced: dict[str, Any]) -> None:
        version, stored, migrated = self._stored(s)
        before = config.resolve(stored, Scope.DATABASE)
        changed = {k: [before[k], v] for k, v in coerced.items() if before[k] != v}
        rows = dict(stored) if migrated else {}
        rows.update({k: coerced[k] for k in changed})
        if not rows:
            return
        rows[repo.SETTINGS_VERSION_KEY] = version
        repo.put_settings(s, rows)
        if changed:
            labels = "、".join(config.spec(k).label for k in changed)
            audit(
                self.ctx,
                s,
                "settings",
                _SettingsEntity(),
                AuditAction.UPDATE,
                summary=f"修改设置：{labels}",
                changes=changed,
            )

    def _check_group_exists(self, s: Session, group_id: int) -> None:
        group = repo.get_group(s, group_id)
        if group is None or group.is_deleted:
            raise ValidationError(
                [
                    Problem(
                        GROUP_KEY, "所选的联络组不存在或已被删除，请重新选择本数据库所属的联络组。"
                    )
                ]
            )

    def _save_group(self, s: Session, group: LiaisonGroup) -> LiaisonGroup:
        """GroupService.save inside this transaction (same checks and audit), except that a new
        group named like an existing one means that existing group."""
        repo.lock_record(s, "group", group.id)
        others = [g for g in repo.list_groups(s) if g.name == group.name and g.id != group.id]
        old = None
        if group.id is None:
            if others:
                return others[0]
        else:
            old = repo.get_group(s, group.id)
            if old is None or old.is_deleted:
                raise ValidationError(
                    [Problem("name", f"联络组“{group.name}”已不存在或已被删除，请重新填写。")]
                )
            check_not_stale(old.revision, group.revision, old.name)
            if others:
                raise ValidationError(
                    [Problem("name", f"已经有名为“{group.name}”的联络组，请换一个名称。")]
                )
        if not group.short_name:
            group.short_name = short_name_of(group.town)
        saved = repo.save_group(s, group, self.ctx.now())
        action = AuditAction.UPDATE if old else AuditAction.CREATE
        audit(self.ctx, s, "group", saved, action, changes=changes_between(old, saved))
        return saved
