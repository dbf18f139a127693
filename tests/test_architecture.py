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
    # Files from outside (the bounded ZIP reader) and file errors: the ground floor that both
    # storage and documents read through, so it imports nothing else of the project.
    "files": (
        "PySide6",
        "sqlalchemy",
        "alembic",
        "liaison_desk.domain",
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


# --- documents and services keep to their side of storage ---------------------------------------

# 4. documents never import services or storage: they receive plain data and write files.
# services never touch ORM rows or build queries: storage.models and sqlalchemy stay in storage.
# The one name services need from storage's machinery, the type of a unit of work, comes from
# liaison_desk.storage.session (an alias of SQLAlchemy's Session), so no service names
# SQLAlchemy itself.
BOUNDARIES = {
    "documents": ("liaison_desk.services", "liaison_desk.storage"),
    "services": ("sqlalchemy", "alembic", "liaison_desk.storage.models"),
}


@pytest.mark.parametrize("layer", sorted(BOUNDARIES))
def test_layer_keeps_to_its_side_of_storage(layer: str) -> None:
    assert violations(layer, BOUNDARIES[layer]) == []


#: The repositories' helpers that take or build ORM rows: storage's own, not re-exported by
#: storage/repositories/__init__.py.
ROW_HELPERS = ("RECORD_TABLES", "refresh_counts")
ROW_HELPER_SUFFIX = "_from_row"


def is_row_helper(name: str) -> bool:
    return name in ROW_HELPERS or name.endswith(ROW_HELPER_SUFFIX)


def row_helper_uses(root: Path, outside: str = "storage") -> list[str]:
    """Modules outside ``root/outside`` that reach for a repository helper on ORM rows: by
    importing it (``from ….repositories[.area] import case_from_row``), by importing an area
    module of the repositories instead of the package, or as ``repo.case_from_row``."""
    repositories = f"{root.name}.storage.repositories"
    bad = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root)
        if where.parts[0] == outside:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        aliases = {  # local names of the repositories package (``repo``)
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == f"{root.name}.storage"
            for alias in node.names
            if alias.name == "repositories"
        } | {
            alias.asname
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
            if alias.name == repositories and alias.asname
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(repositories):
                if node.module != repositories:
                    bad.append(f"{where}: imports {node.module} (use the repositories package)")
                bad += [
                    f"{where}: imports {alias.name}"
                    for alias in node.names
                    if is_row_helper(alias.name)
                ]
            elif isinstance(node, ast.Import):
                bad += [
                    f"{where}: imports {alias.name} (use the repositories package)"
                    for alias in node.names
                    if alias.name.startswith(repositories + ".")
                ]
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and is_row_helper(node.attr)
            ):
                bad.append(f"{where}: uses {ast.unparse(node)}")
    return bad


def test_row_helpers_of_the_repositories_stay_in_storage() -> None:
    from liaison_desk.storage import repositories

    assert [name for name in repositories.__all__ if is_row_helper(name)] == []
    assert row_helper_uses(PACKAGE) == []


def test_the_row_helper_check_catches_a_service_reaching_for_one(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    for folder in ("storage/repositories", "services"):
        (root / folder).mkdir(parents=True)
    (root / "storage" / "integrity.py").write_text(
        "from sample.storage.repositories.cases import case_from_row\n", encoding="utf-8"
    )
    (root / "services" / "cases.py").write_text(
        "from sample.storage import repositories as repo\n"
        "from sample.storage.repositories import refresh_counts\n"
        "from sample.storage.repositories.cases import get_case\n"
        "def f(s, row):\n    return repo.case_from_row(row)\n",
        encoding="utf-8",
    )
    assert row_helper_uses(root) == [
        "services/cases.py: imports refresh_counts",
        "services/cases.py: imports sample.storage.repositories.cases (use the repositories package)",
        "services/cases.py: uses repo.case_from_row",
    ]


# --- no import cycle anywhere ---------------------------------------------------------------------

# Import cycles another branch is still taking apart, each as the set of modules in its cycle;
# an entry is deleted once its branch has landed, so the test fails if that cycle comes back.
# (The ui.ledger_dialogs ↔ ui.pages.consultations cycle stood here until the uix branch gave
# ledger_dialogs the narrow signature of ui/printing.add_print_menu.)
KNOWN_CYCLES: list[frozenset[str]] = []


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module → the modules of the package under ``root`` it imports, counting every import in
    the file: at the top, inside functions and under ``if TYPE_CHECKING``. ``from a import b``
    points at the module ``a.b`` when there is one, else at ``a``."""
    files = {module_name(root, p): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                for alias in node.names:
                    sub = f"{module}.{alias.name}"
                    targets.add(sub if sub in files else module)
        graph[name] = {_known(t, files) for t in targets if _known(t, files)} - {name}
    return graph


def _known(module: str, files: dict[str, Path]) -> str:
    """``module``, or the nearest enclosing module of the package (``a.b.C`` → ``a.b``); "" for
    modules outside it."""
    while module and module not in files:
        module = module.rpartition(".")[0]
    return module


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each as one cycle
    through it, sorted so a report is stable."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(v: str) -> None:
        # Iterative, so a long chain of imports cannot hit the recursion limit.
        work = [(v, iter(sorted(graph.get(v, ()))))]
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        while work:
            node, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    break
                if w in on_stack:
                    low[node] = min(low[node], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        component.add(w)
                        if w == node:
                            break
                    if len(component) > 1:
                        components.append(component)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted((_cycle_in(graph, c) for c in components), key=lambda c: c[0])


def _cycle_in(graph: dict[str, set[str]], component: set[str]) -> list[str]:
    """One cycle through the component, from its first module back to it (a → b → … → a)."""
    start = min(component)
    # Breadth first from start through the component until an edge leads back to start.
    previous: dict[str, str] = {}
    queue = [start]
    while start not in previous:
        node = queue.pop(0)
        for w in sorted(graph[node]):
            if w in component and w not in previous:
                previous[w] = node
                queue.append(w)
    path = [start]
    node = previous[start]
    while node != start:
        path.append(node)
        node = previous[node]
    return [start, *reversed(path[1:]), start]


def test_no_import_cycle() -> None:
    cycles = [c for c in import_cycles(import_graph(PACKAGE)) if frozenset(c) not in KNOWN_CYCLES]
    assert cycles == [], "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


def test_the_cycle_checker_catches_a_cycle(tmp_path: Path) -> None:
    """The cycle check itself must be able to fail: a lazy import and a TYPE_CHECKING one close
    a cycle through three modules, next to modules that import without one."""
    root = tmp_path / "sample"
    (root / "inner").mkdir(parents=True)
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "inner" / "__init__.py").write_text("", encoding="utf-8")
    (root / "a.py").write_text("from sample.inner import b\n", encoding="utf-8")
    (root / "inner" / "b.py").write_text("def f():\n    from .. import c\n", encoding="utf-8")
    (root / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from sample.a import A\n",
        encoding="utf-8",
    )
    (root / "d.py").write_text("import sample.a\nimport os\n", encoding="utf-8")
    cycles = import_cycles(import_graph(root))
    assert cycles == [["sample.a", "sample.inner.b", "sample.c", "sample.a"]]


# --- private names stay in their module -----------------------------------------------------------


def private_imports(root: Path) -> list[str]:
    """Every leading-underscore name (not a dunder such as ``__version__``) that a module of the
    package under ``root`` takes from another of its modules: ``from a import _b`` (absolute or
    relative), or ``a._b`` after ``import a`` / ``from x import a``. A name another module needs
    is public, named in the domain's words, or it lives where it is used."""
    top = root.name
    bad = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        modules: set[str] = set()  # local names bound to a module of the package
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules.update(
                    (a.asname or a.name.split(".")[0])
                    for a in node.names
                    if a.name.split(".")[0] == top
                )
            elif isinstance(node, ast.ImportFrom):
                ours = node.level > 0 or (node.module or "").split(".")[0] == top
                if not ours:
                    continue
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        where = "." * node.level + (node.module or "")
                        bad.append(f"{path.relative_to(root)}: from {where} import {alias.name}")
                    modules.add(alias.asname or alias.name)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in modules
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                bad.append(f"{path.relative_to(root)}: {node.value.id}.{node.attr}")
    return bad


def test_no_module_takes_a_private_name_of_another() -> None:
    assert private_imports(PACKAGE) == []


def test_the_private_name_check_catches_each_form(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    root.mkdir()
    (root / "__init__.py").write_text("__version__ = '1'\n", encoding="utf-8")
    (root / "a.py").write_text("_SECRET = 1\nclass _Hidden: ...\n", encoding="utf-8")
    (root / "b.py").write_text(
        "from sample.a import _SECRET\nfrom . import a\nfrom sample import __version__\n"
        "import sample.a as alias\nx = a._Hidden\ny = alias._SECRET\nz = a.__name__\n",
        encoding="utf-8",
    )
    assert private_imports(root) == [
        "b.py: from sample.a import _SECRET",
        "b.py: a._Hidden",
        "b.py: alias._SECRET",
    ]
