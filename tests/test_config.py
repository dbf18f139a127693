"""Settings declared once (config.SETTINGS), checked by coerce, and this machine's settings file."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from liaison_desk import config
from liaison_desk.config import (
    SETTINGS,
    SETTINGS_VERSION,
    MachineSettings,
    Scope,
    SettingsFileError,
    coerce,
    spec,
)
from liaison_desk.errors import UserFacingError


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


EXPECTED = {
    "profile.group_id": (Scope.DATABASE, None),
    "masking.phones": (Scope.DATABASE, True),
    "masking.id_cards": (Scope.DATABASE, True),
    "masking.resident_names": (Scope.DATABASE, True),
    "cases.word_limit": (Scope.DATABASE, 3000),
    "cases.issuing_office": (Scope.DATABASE, ""),
    "cases.contact_name": (Scope.DATABASE, ""),
    "cases.contact_phone": (Scope.DATABASE, ""),
    "documents.font.title": (Scope.DATABASE, "方正小标宋简体"),
    "documents.font.body": (Scope.DATABASE, "仿宋_GB2312"),
    "documents.font.heading1": (Scope.DATABASE, "黑体"),
    "documents.font.heading2": (Scope.DATABASE, "楷体_GB2312"),
    "documents.font.page_number": (Scope.DATABASE, "宋体"),
    "points.hall_attendance": (Scope.DATABASE, 2),
    "points.micro_attendance": (Scope.DATABASE, 1),
    "points.hosting": (Scope.DATABASE, 2),
    "points.speech": (Scope.DATABASE, 1),
    "points.adopted_suggestion": (Scope.DATABASE, 2),
    "points.case_district": (Scope.DATABASE, 3),
    "points.case_city": (Scope.DATABASE, 5),
    "points.case_province": (Scope.DATABASE, 10),
    "ui.first_run_done": (Scope.DATABASE, False),
    "ui.language": (Scope.MACHINE, "zh_CN"),
    "window.geometry": (Scope.MACHINE, ""),
    "window.state": (Scope.MACHINE, ""),
    "window.last_page": (Scope.MACHINE, "dashboard"),
    "ui.recent_databases": (Scope.MACHINE, []),
    "backup.folder": (Scope.MACHINE, ""),
    "backup.keep_recent": (Scope.MACHINE, 12),
    "backup.keep_daily": (Scope.MACHINE, 7),
    "backup.keep_weekly": (Scope.MACHINE, 4),
    "backup.keep_monthly": (Scope.MACHINE, 12),
}


# --- declarations -------------------------------------------------------------------------------


def test_every_setting_is_declared_once_with_its_scope_and_default() -> None:
    keys = [s.key for s in SETTINGS]
    assert len(keys) == len(set(keys))
    assert {s.key: (s.scope, s.default) for s in SETTINGS} == EXPECTED


def test_the_points_defaults_are_the_domains() -> None:
    """The points table's declared defaults are the ones the domain counts with when nothing is
    stored (domain/member_record.PointRules), and the README documents."""
    from liaison_desk.domain.member_record import SETTING_PREFIX, PointRules

    declared = {
        s.key.removeprefix(SETTING_PREFIX): s.default
        for s in SETTINGS
        if s.key.startswith(SETTING_PREFIX)
    }
    assert PointRules(**declared) == PointRules()
    assert PointRules.from_settings(config.defaults(Scope.DATABASE)) == PointRules()


@pytest.mark.parametrize("s", SETTINGS, ids=lambda s: s.key)
def test_each_declaration_is_complete(s: config.SettingSpec) -> None:
    assert has_chinese(s.description) and len(s.description) >= 10
    assert has_chinese(s.label)
    assert s.type in (bool, int, str, list)
    assert isinstance(s.scope, Scope)
    assert coerce(s, s.default) == s.default
    assert s.default is None or isinstance(s.default, s.type)
    if s.choices is not None:
        assert s.default in s.choices


def test_defaults_are_copies_so_nobody_changes_a_declaration() -> None:
    values = config.defaults(Scope.MACHINE)
    values["ui.recent_databases"].append("x.sqlite")
    assert spec("ui.recent_databases").default == []


def test_word_limit_bounds_follow_domain_md() -> None:
    s = spec("cases.word_limit")
    assert (s.type, s.default, s.minimum, s.maximum) == (int, 3000, 500, 20000)


def test_an_unknown_key_says_so_in_chinese() -> None:
    with pytest.raises(KeyError, match=r"没有名为“no\.such”的设置项"):
        spec("no.such")


def test_specs_by_scope_keep_declaration_order() -> None:
    assert [s.key for s in config.specs("machine")] == [
        "ui.language",
        "window.geometry",
        "window.state",
        "window.last_page",
        "ui.recent_databases",
        "backup.folder",
        "backup.keep_recent",
        "backup.keep_daily",
        "backup.keep_weekly",
        "backup.keep_monthly",
    ]
    assert config.specs(Scope.DATABASE)[0].key == "profile.group_id"


# --- coerce -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("cases.word_limit", 500, 500),
        ("cases.word_limit", 20000, 20000),
        ("cases.word_limit", " 4000 ", 4000),
        ("cases.word_limit", 2500.0, 2500),
        ("masking.phones", False, False),
        ("documents.font.body", "  仿宋 ", "仿宋"),
        ("ui.language", "en", "en"),
        ("ui.recent_databases", ("a.sqlite", "b.sqlite"), ["a.sqlite", "b.sqlite"]),
        ("profile.group_id", None, None),
        ("profile.group_id", "3", 3),
    ],
)
def test_coerce_accepts_and_converts(key: str, value: Any, expected: Any) -> None:
    assert coerce(spec(key), value) == expected


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("cases.word_limit", 499, "500 到 20000 之间的整数"),
        ("cases.word_limit", 20001, "500 到 20000 之间的整数"),
        ("cases.word_limit", "三千", "500 到 20000 之间的整数"),
        ("cases.word_limit", True, "500 到 20000 之间的整数"),
        ("cases.word_limit", 3000.5, "500 到 20000 之间的整数"),
        ("cases.word_limit", None, "不能为空"),
        ("masking.phones", 1, "只能是“是”或“否”"),
        ("masking.phones", "false", "只能是“是”或“否”"),
        ("documents.font.title", "   ", "不能为空"),
        ("documents.font.title", 12, "应为文字"),
        ("documents.font.title", "字" * 101, "最多 100 个字"),
        ("ui.language", "fr", "只能是 “zh_CN”、“en” 之一"),
        ("ui.recent_databases", "a.sqlite", "一组文字"),
        ("ui.recent_databases", ["a.sqlite", 3], "一组文字"),
        ("profile.group_id", 0, "不小于 1 的整数"),
    ],
)
def test_coerce_refuses_with_a_chinese_message_saying_what_is_allowed(
    key: str, value: Any, allowed: str
) -> None:
    with pytest.raises(ValueError) as caught:
        coerce(spec(key), value)
    message = str(caught.value)
    assert allowed in message
    assert f"“{spec(key).label}”" in message


def test_resolve_falls_back_to_the_default_for_a_value_that_no_longer_fits(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING):
        values = config.resolve({"cases.word_limit": 99, "masking.phones": False}, "database")
    assert values["cases.word_limit"] == 3000
    assert values["masking.phones"] is False
    assert "cases.word_limit" in caplog.text


# --- migrations ---------------------------------------------------------------------------------


def test_migrate_runs_each_step_in_order_and_skips_missing_ones() -> None:
    seen: list[int] = []

    def one_to_two(v: dict[str, Any]) -> dict[str, Any]:
        seen.append(1)
        v["b"] = v.pop("a")
        return v

    def three_to_four(v: dict[str, Any]) -> dict[str, Any]:
        seen.append(3)
        v["c"] = v.pop("b") * 2
        return v

    original = {"a": 21}
    assert config.migrate(original, 1, 4, {1: one_to_two, 3: three_to_four}) == {"c": 42}
    assert seen == [1, 3]
    assert original == {"a": 21}
    assert config.migrate({"a": 1}, 4, 4, {1: one_to_two}) == {"a": 1}


def test_no_migrations_are_needed_yet() -> None:
    assert SETTINGS_VERSION == 1
    assert all(1 <= n < SETTINGS_VERSION for n in config.MIGRATIONS)


# --- MachineSettings ----------------------------------------------------------------------------


def read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_defaults_when_there_is_no_file_and_loading_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = MachineSettings(path)
    assert settings.values() == config.defaults(Scope.MACHINE)
    assert settings.get("ui.language") == "zh_CN"
    assert not path.exists()


def test_the_file_lives_in_the_data_folder_by_default(private_data_folder: Path) -> None:
    settings = MachineSettings()
    assert settings.path == private_data_folder / "settings.json"
    settings.set("window.last_page", "cases")
    assert read(private_data_folder / "settings.json")["values"] == {"window.last_page": "cases"}


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "settings.json"
    settings = MachineSettings(path)
    settings.set("ui.language", "en")
    settings.set("ui.recent_databases", ["D:/联络组/2025.sqlite", "E:/备份.sqlite"])
    settings.set("window.geometry", "AdnQywADAAAAAAAA")
    assert read(path) == {
        "version": SETTINGS_VERSION,
        "values": {
            "ui.language": "en",
            "ui.recent_databases": ["D:/联络组/2025.sqlite", "E:/备份.sqlite"],
            "window.geometry": "AdnQywADAAAAAAAA",
        },
    }
    again = MachineSettings(path)
    assert again.values() == settings.values()
    assert again.get("ui.recent_databases") == ["D:/联络组/2025.sqlite", "E:/备份.sqlite"]
    assert "联络组" in path.read_text(encoding="utf-8")  # readable Chinese, not \\u escapes


def test_values_handed_out_are_copies(tmp_path: Path) -> None:
    settings = MachineSettings(tmp_path / "settings.json")
    settings.set("ui.recent_databases", ["a.sqlite"])
    settings.get("ui.recent_databases").append("b.sqlite")
    settings.values()["ui.recent_databases"].append("c.sqlite")
    assert settings.get("ui.recent_databases") == ["a.sqlite"]


def test_set_refuses_bad_values_and_database_keys_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = MachineSettings(path)
    with pytest.raises(ValueError, match="界面语言"):
        settings.set("ui.language", "de")
    with pytest.raises(KeyError, match="数据库"):
        settings.set("cases.word_limit", 4000)
    with pytest.raises(KeyError, match="数据库"):
        settings.get("masking.phones")
    with pytest.raises(KeyError):
        settings.set("no.such", 1)
    assert not path.exists()
    assert settings.get("ui.language") == "zh_CN"


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    settings = MachineSettings(tmp_path / "settings.json")
    for page in ("dashboard", "consultations", "cases"):
        settings.set("window.last_page", page)
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "settings.json"
    settings = MachineSettings(path)
    settings.set("ui.language", "en")
    before = path.read_bytes()

    def disk_full(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(config.store.os, "replace", disk_full)
    with pytest.raises(SettingsFileError, match="无法保存本机设置文件") as failed:
        settings.set("ui.language", "zh_CN")
    # A message the user reads (the window and the command line show it as it is).
    assert isinstance(failed.value, UserFacingError) and not isinstance(failed.value, OSError)
    assert "请检查数据文件夹是否可以写入" in str(failed.value)
    assert "could not be saved" in failed.value.message_in("en")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    assert settings.get("ui.language") == "en"


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe garbage",
        b"[1, 2, 3]",
        b'{"version": "one", "values": {}}',
        b'{"version": 1, "values": []}',
        b"",
    ],
)
def test_a_damaged_file_gives_defaults_and_a_bad_copy(
    tmp_path: Path, content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="liaison_desk.config"):
        settings = MachineSettings(path)
    assert settings.values() == config.defaults(Scope.MACHINE)
    assert (tmp_path / "settings.json.bad").read_bytes() == content
    assert "settings.json" in caplog.text
    settings.set("ui.language", "en")
    assert read(path) == {"version": SETTINGS_VERSION, "values": {"ui.language": "en"}}
    assert (tmp_path / "settings.json.bad").read_bytes() == content


def test_a_file_saved_by_windows_notepad_with_a_bom_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"version": 1, "values": {"ui.language": "en"}}).encode()
    )
    assert MachineSettings(path).get("ui.language") == "en"


def test_unknown_keys_are_kept_on_disk_but_not_shown(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"version": 1, "values": {"ui.language": "en", "plugin.x": {"a": 1}}}),
        encoding="utf-8",
    )
    settings = MachineSettings(path)
    assert "plugin.x" not in settings.values()
    settings.set("window.last_page", "cases")
    assert read(path)["values"] == {
        "ui.language": "en",
        "plugin.x": {"a": 1},
        "window.last_page": "cases",
    }


def test_a_value_that_no_longer_fits_falls_back_to_its_default(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"version": 1, "values": {"ui.language": "fr", "window.state": 5}}),
        encoding="utf-8",
    )
    settings = MachineSettings(path)
    assert settings.get("ui.language") == "zh_CN"
    assert settings.get("window.state") == ""
    assert not (tmp_path / "settings.json.bad").exists()


def test_a_file_of_a_newer_release_is_read_and_never_downgraded(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    newer = {"version": SETTINGS_VERSION + 3, "values": {"ui.language": "en", "new.key": True}}
    path.write_text(json.dumps(newer), encoding="utf-8")
    settings = MachineSettings(path)
    assert settings.get("ui.language") == "en"
    settings.set("window.last_page", "cases")
    assert read(path) == {
        "version": SETTINGS_VERSION + 3,
        "values": {"ui.language": "en", "new.key": True, "window.last_page": "cases"},
    }


def test_an_older_file_is_migrated_on_load_and_written_at_the_new_version(tmp_path: Path) -> None:
    """The hook with a made-up version 2 that renamed ``window.page`` to ``window.last_page``."""
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"version": 1, "values": {"window.page": "cases", "ui.language": "en"}}),
        encoding="utf-8",
    )

    def rename(values: dict[str, Any]) -> dict[str, Any]:
        values["window.last_page"] = values.pop("window.page")
        return values

    settings = MachineSettings(path, version=2, migrations={1: rename})
    assert settings.get("window.last_page") == "cases"
    assert read(path)["version"] == 1  # loading never writes
    settings.set("ui.language", "zh_CN")
    assert read(path) == {
        "version": 2,
        "values": {"window.last_page": "cases", "ui.language": "zh_CN"},
    }


def test_two_open_copies_of_the_app_keep_each_others_changes(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    first, second = MachineSettings(path), MachineSettings(path)
    first.set("ui.language", "en")
    second.set("window.last_page", "cases")
    assert MachineSettings(path).values() == {
        **config.defaults(Scope.MACHINE),
        "ui.language": "en",
        "window.last_page": "cases",
    }


def test_every_setting_has_an_english_label_and_description_for_the_english_ui() -> None:
    for s in config.SETTINGS:
        assert s.label_en and s.description_en, s.key
        assert s.shown_label("en") == s.label_en and s.shown_label("zh_CN") == s.label
        assert s.shown_description("en") == s.description_en
