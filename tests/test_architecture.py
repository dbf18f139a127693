"""The import rules of architecture.md, checked on the source so a broken rule fails CI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "liaison_desk"


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (imports inside functions count too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def layer_files(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def violations(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in layer_files(layer):
        for module in sorted(imported_modules(path)):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(PACKAGE)} imports {module}")
    return bad


RULES = {
    # 1. domain imports nothing else of the project (and no Qt, no SQLAlchemy).
    "domain": (
        "PySide6",
        "sqlalchemy",
        "alembic",
        "liaison_desk.storage",
        "liaison_desk.services",
        "liaison_desk.documents",
        "liaison_desk.ui",
        "liaison_desk.app",
        "liaison_desk.cli",
    ),
    # 2. storage never imports Qt.
    "storage": ("PySide6", "liaison_desk.services", "liaison_desk.documents", "liaison_desk.ui"),
    # 3. services and documents never import QtWidgets.
    "services": ("PySide6.QtWidgets", "liaison_desk.ui", "liaison_desk.app", "liaison_desk.cli"),
    "documents": ("PySide6.QtWidgets", "liaison_desk.ui", "liaison_desk.app", "liaison_desk.cli"),
    # 4. ui never imports sqlalchemy or storage; it talks to services.
    "ui": ("sqlalchemy", "alembic", "liaison_desk.storage", "liaison_desk.cli"),
}


@pytest.mark.parametrize("layer", sorted(RULES))
def test_layer_respects_import_rules(layer: str) -> None:
    assert layer_files(layer), f"no source files found for layer {layer}"
    assert violations(layer, RULES[layer]) == []


def test_only_app_and_cli_import_qt_widgets_outside_ui() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui" or rel.name in ("app.py",):
            continue
        if any(m.startswith("PySide6.QtWidgets") for m in imported_modules(path)):
            offenders.append(str(rel))
    assert offenders == []


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    """The rule check itself must be able to fail: a forbidden import is reported."""
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    assert "PySide6.QtWidgets" in imported_modules(sample)


def test_no_print_outside_cli() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] == "cli":  # the command line's package
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []
