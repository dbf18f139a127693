"""Refresh the UI translations from the source code and compile them.

    .venv/bin/python scripts/update_translations.py          # update .ts, build .qm
    .venv/bin/python scripts/update_translations.py --check  # exit 1 when anything is stale

Steps: pyside6-lupdate collects every tr()/translate() string of src/liaison_desk into
resources/translations/{zh_CN,en}.ts (no line numbers, so edits elsewhere don't churn the files;
strings no longer in the code are dropped). en.ts gets each English source text as its
translation. zh_CN.ts keeps the Chinese translations; new strings are left "unfinished" for a
translator (Qt Linguist, or any editor) — the test suite fails until they are translated.
Then pyside6-lrelease builds the .qm files the app loads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "liaison_desk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the project (pip install -e .[test]) first")
    return found


def source_files() -> list[Path]:
    return sorted(
        p
        for p in SOURCE.rglob("*.py")
        if "tr(" in p.read_text("utf-8") or "translate(" in p.read_text("utf-8")
    )


def lupdate(ts: Path, language: str) -> None:
    files = [str(p) for p in source_files()]
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            language,
            *files,
            "-ts",
            str(ts),
        ],
        check=True,
    )


def fill_english(ts: Path) -> None:
    """English is the source language: every translation is the source text."""
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") == "unfinished" or not (translation.text or "").strip():
            translation.text = source
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def update(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = folder / f"{language}.ts"
        lupdate(ts, language)
        if language == "en":
            fill_english(ts)
        lrelease(ts, folder / f"{language}.qm")


def problems(folder: Path) -> list[str]:
    """What is wrong with the translations in ``folder`` compared to the code: strings that are
    untranslated, obsolete (no longer in the code), missing, or .qm files that are out of date."""
    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for language in LANGUAGES:
            committed = folder / f"{language}.ts"
            if not committed.exists():
                found.append(f"{committed.name} is missing")
                continue
            ts = fresh / committed.name
            shutil.copyfile(committed, ts)
            lupdate(ts, language)
            if language == "en":
                fill_english(ts)
            before, after = _messages(committed), _messages(ts)
            for key in sorted(set(after) - set(before)):
                found.append(f"{language}: not in the .ts file yet: {key[0]}: {key[1]!r}")
            for key in sorted(set(before) - set(after)):
                found.append(f"{language}: obsolete (no longer in the code): {key[0]}: {key[1]!r}")
            for key, (kind, text) in sorted(after.items()):
                if kind in ("unfinished", "vanished", "obsolete") or not text.strip():
                    found.append(f"{language}: untranslated: {key[0]}: {key[1]!r}")
            qm = fresh / f"{language}.qm"
            lrelease(committed, qm)
            shipped = folder / f"{language}.qm"
            if not shipped.exists() or shipped.read_bytes() != qm.read_bytes():
                found.append(f"{language}.qm is out of date: run scripts/update_translations.py")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str, str]]:
    result: dict[tuple[str, str], tuple[str, str]] = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            text = (translation.text or "") if translation is not None else ""
            result[(name, message.findtext("source") or "")] = (kind, text)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="report stale translations, change nothing"
    )
    args = parser.parse_args()
    if args.check:
        found = problems(TRANSLATIONS)
        for line in found:
            sys.stdout.write(line + "\n")
        return 1 if found else 0
    update(TRANSLATIONS)
    left = [p for p in problems(TRANSLATIONS) if "untranslated" in p]
    sys.stdout.write(f"updated {TRANSLATIONS}; {len(left)} strings still to translate\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
