"""The UI speaks Chinese by default and English on request, with every string translated."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from liaison_desk.domain import enums
from liaison_desk.ui import labels
from liaison_desk.ui.i18n import current_language, install_language

ROOT = Path(__file__).resolve().parents[2]


def _translations_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def restore_chinese(qapp: object) -> Iterator[None]:
    yield
    install_language("zh_CN")


def test_every_ui_string_is_translated_and_none_is_obsolete() -> None:
    script = _translations_script()
    problems = script.problems(script.TRANSLATIONS)
    assert problems == [], "run scripts/update_translations.py and translate:\n" + "\n".join(
        problems[:40]
    )


def test_every_enum_member_has_an_english_name_and_chinese_is_the_domain_label(
    restore_chinese: None,
) -> None:
    members = [m for cls in enums._LABELS for m in cls]
    assert members
    install_language("zh_CN")
    for member in members:
        assert labels.label(member) == member.label
    install_language("en")
    assert current_language() == "en"
    for member in members:
        name = labels.label(member)
        assert name and name.isascii(), member


def test_no_translated_string_hides_inside_an_f_string() -> None:
    """lupdate does not look inside f-strings: a tr() there would stay English in the Chinese UI."""
    import ast

    hidden = []
    for path in sorted((ROOT / "src" / "liaison_desk").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (
                        isinstance(inner, ast.Call)
                        and isinstance(inner.func, ast.Attribute | ast.Name)
                        and getattr(inner.func, "attr", getattr(inner.func, "id", ""))
                        in ("tr", "translate")
                    ):
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert hidden == []
