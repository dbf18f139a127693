"""The database's settings: stored in the settings table, checked before anything is written,
audited; and the first-run set-up of a new database."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from liaison_desk import config
from liaison_desk.config import SETTINGS_VERSION, Scope
from liaison_desk.domain.entities import LiaisonGroup
from liaison_desk.domain.enums import AuditAction
from liaison_desk.domain.rules import ValidationError
from liaison_desk.services import Services
from liaison_desk.services.settings import SETTINGS_AUDIT_UUID
from liaison_desk.storage import repositories
from liaison_desk.storage.models import AuditRow, GroupRow, SettingRow


def stored(services: Services) -> dict[str, Any]:
    with services.ctx.db.session() as s:
        return repositories.get_settings(s)


def count(services: Services, table: Any) -> int:
    with services.ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0


def settings_audit(services: Services) -> list[Any]:
    with services.ctx.db.session() as s:
        return repositories.list_audit(s, "settings", SETTINGS_AUDIT_UUID)


# --- reading and writing ------------------------------------------------------------------------


def test_a_new_database_has_the_defaults_and_no_rows(services: Services) -> None:
    assert services.settings.values() == config.defaults(Scope.DATABASE)
    assert services.settings.get("cases.word_limit") == 3000
    assert services.settings.get("documents.font.title") == "方正小标宋简体"
    assert stored(services) == {}


def test_only_database_settings_are_there(services: Services) -> None:
    assert "ui.language" not in services.settings.values()
    with pytest.raises(KeyError, match="本机"):
        services.settings.get("ui.language")
    with pytest.raises(KeyError, match="没有名为"):
        services.settings.get("no.such")


def test_round_trip_through_the_database(services: Services, group: LiaisonGroup) -> None:
    services.settings.update(
        {
            "cases.word_limit": "5000",
            "masking.resident_names": False,
            "documents.font.body": " 仿宋 ",
            "profile.group_id": group.id,
        }
    )
    assert stored(services) == {
        "_version": SETTINGS_VERSION,
        "cases.word_limit": 5000,
        "masking.resident_names": False,
        "documents.font.body": "仿宋",
        "profile.group_id": group.id,
    }
    values = services.settings.values()
    assert values["cases.word_limit"] == 5000
    assert values["masking.resident_names"] is False
    assert values["masking.phones"] is True
    assert services.settings.own_group() == group

    services.settings.update({"profile.group_id": None, "cases.word_limit": 3000})
    assert services.settings.get("profile.group_id") is None
    assert stored(services)["profile.group_id"] is None
    assert services.settings.get("cases.word_limit") == 3000
    assert services.settings.own_group() is None


def test_another_service_over_the_same_database_sees_the_change(services: Services) -> None:
    services.settings.update({"masking.phones": False})
    other = Services(services.ctx)
    assert other.settings.get("masking.phones") is False


def test_invalid_values_write_nothing_and_every_bad_key_is_reported(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.settings.update(
            {
                "cases.word_limit": 100,
                "masking.phones": "yes",
                "documents.font.title": "",
                "ui.language": "en",
                "no.such": 1,
                "masking.id_cards": False,  # valid, but not written because of the others
            }
        )
    problems = {p.field: p.message for p in caught.value.problems}
    assert set(problems) == {
        "cases.word_limit",
        "masking.phones",
        "documents.font.title",
        "ui.language",
        "no.such",
    }
    assert "500 到 20000" in problems["cases.word_limit"]
    assert "本机" in problems["ui.language"]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in problems.values())
    assert stored(services) == {}
    assert count(services, AuditRow) == 0


def test_a_group_that_does_not_exist_is_refused(services: Services, group: LiaisonGroup) -> None:
    with pytest.raises(ValidationError) as caught:
        services.settings.update({"profile.group_id": 999, "cases.word_limit": 4000})
    assert [p.field for p in caught.value.problems] == ["profile.group_id"]
    assert stored(services) == {}

    assert group.id is not None
    services.recycle_bin.delete("group", group.id)
    with pytest.raises(ValidationError):
        services.settings.update({"profile.group_id": group.id})


def test_changes_are_audited_once_per_update_with_old_and_new(services: Services) -> None:
    services.settings.update({"cases.word_limit": 4000, "masking.phones": True})
    services.settings.update({"cases.word_limit": 4000})  # nothing changed: no entry
    (entry,) = settings_audit(services)
    assert entry.action == AuditAction.UPDATE
    assert entry.changes == {"cases.word_limit": [3000, 4000]}
    assert "案例字数上限" in entry.summary
    assert entry.actor == "测试员"


def test_a_stored_value_that_no_longer_fits_reads_as_its_default(services: Services) -> None:
    with services.ctx.db.session() as s:
        repositories.put_settings(
            s, {"cases.word_limit": "lots", "masking.phones": False, "plugin.x": [1]}
        )
    values = services.settings.values()
    assert values["cases.word_limit"] == 3000
    assert values["masking.phones"] is False
    assert "plugin.x" not in values
    services.settings.update({"documents.font.body": "仿宋"})
    assert stored(services)["plugin.x"] == [1]  # unknown keys stay


def test_settings_of_a_newer_release_keep_their_version(services: Services) -> None:
    with services.ctx.db.session() as s:
        repositories.put_settings(s, {"_version": SETTINGS_VERSION + 1, "masking.phones": False})
    assert services.settings.get("masking.phones") is False
    services.settings.update({"cases.word_limit": 4000})
    assert stored(services)["_version"] == SETTINGS_VERSION + 1


def test_older_settings_are_migrated_and_written_back_on_the_next_change(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The migration hook with a made-up version 2 that renamed ``cases.limit``."""
    from liaison_desk.services import settings as settings_module

    def rename(values: dict[str, Any]) -> dict[str, Any]:
        values["cases.word_limit"] = values.pop("cases.limit")
        return values

    monkeypatch.setattr(settings_module, "SETTINGS_VERSION", 2)
    monkeypatch.setitem(config.MIGRATIONS, 1, rename)
    with services.ctx.db.session() as s:
        repositories.put_settings(s, {"_version": 1, "cases.limit": 6000})
    assert services.settings.get("cases.word_limit") == 6000
    services.settings.update({"masking.phones": False})
    rows = stored(services)
    assert rows["_version"] == 2
    assert rows["cases.word_limit"] == 6000
    assert rows["masking.phones"] is False


# --- first run ----------------------------------------------------------------------------------


def test_an_empty_database_needs_the_first_run(services: Services) -> None:
    assert services.settings.needs_first_run()
    assert services.settings.own_group() is None


def test_a_database_with_groups_does_not_need_it(services: Services) -> None:
    services.groups.save(LiaisonGroup(name="埭溪镇联络组", town="埭溪镇"))
    services.groups.save(LiaisonGroup(name="龙泉街道联络组", town="龙泉街道"))
    assert not services.settings.needs_first_run()
    assert services.settings.own_group() is None  # a district office's database: no own group


def test_first_run_creates_the_group_and_marks_it_done(services: Services) -> None:
    saved = services.settings.set_up_first_run(
        LiaisonGroup(name="织里镇联络组", town="织里镇", leader="王建国", fonds_code="J012")
    )
    assert saved.id is not None
    assert saved.short_name == "织里"
    assert services.settings.own_group() == saved
    assert services.settings.get("ui.first_run_done") is True
    assert not services.settings.needs_first_run()
    with services.ctx.db.session() as s:
        (created,) = repositories.list_audit(s, "group", saved.uuid)
    assert created.action == AuditAction.CREATE
    (entry,) = settings_audit(services)
    assert entry.changes == {
        "profile.group_id": [None, saved.id],
        "ui.first_run_done": [False, True],
    }


def test_first_run_uses_a_group_of_the_same_name(services: Services, group: LiaisonGroup) -> None:
    saved = services.settings.set_up_first_run(LiaisonGroup(name="织里镇联络组", town="织里镇"))
    assert saved.id == group.id
    assert count(services, GroupRow) == 1
    assert services.settings.own_group() == group


def test_first_run_can_update_the_group_it_is_given(
    services: Services, group: LiaisonGroup
) -> None:
    group.secretary = "李秀英"
    saved = services.settings.set_up_first_run(group)
    assert saved.id == group.id and saved.secretary == "李秀英"
    assert services.settings.own_group() == saved


def test_first_run_validates_the_group_and_writes_nothing(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.settings.set_up_first_run(
            LiaisonGroup(name="", town="织里镇", secretary_phone="12345")
        )
    assert {p.field for p in caught.value.problems} == {"name", "secretary_phone"}
    assert count(services, GroupRow) == 0
    assert stored(services) == {}
    assert services.settings.needs_first_run()


def test_first_run_is_one_transaction(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """When saving the settings fails after the group was saved, the group is not kept either."""

    def fail(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(repositories, "put_settings", fail)
    with pytest.raises(OSError, match="disk full"):
        services.settings.set_up_first_run(LiaisonGroup(name="织里镇联络组", town="织里镇"))
    assert count(services, GroupRow) == 0
    assert count(services, SettingRow) == 0
    assert count(services, AuditRow) == 0
    assert services.settings.needs_first_run()


def test_first_run_stores_the_group_as_the_groups_service_would(services: Services) -> None:
    saved = services.settings.set_up_first_run(
        LiaisonGroup(name="织里镇联络组", town="织里镇", fonds_code="j012", org_code="zl")
    )
    assert (saved.fonds_code, saved.org_code) == ("J012", "ZL")
