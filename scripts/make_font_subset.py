#!/usr/bin/env python3
"""Builds the Chinese fonts that Liaison Desk ships in resources/fonts.

A maintainer's tool, not part of the app: it needs fontTools (``.venv/bin/pip install fonttools``),
which the app itself never imports. Run it from the project folder:

    .venv/bin/python scripts/make_font_subset.py

Without arguments it fetches three Debian packages with ``apt-get download`` into a temporary
folder (nothing is installed): ``fonts-noto-cjk`` (the Noto Sans/Serif CJK .ttc collections),
``fonts-lxgw-wenkai`` (LXGW WenKai, a 楷体 face for （一） headings, subtitles and captions) and
``unicode-data`` (Unihan, whose kTGH field lists the 8105 characters of the 通用规范汉字表,
2013). ``--noto``, ``--wenkai`` and ``--unicode-data`` take a .deb or an already extracted folder
instead (``/`` for the installed packages).

For each face it takes the Simplified Chinese member of the collection, keeps only the characters
below (``charset``), drops the OpenType layout and vertical-metrics tables, converts the CFF
(cubic) outlines to TrueType (quadratic) ``glyf`` outlines, renames the family to "Noto Sans SC" /
"Noto Serif SC" and writes a .ttf. LXGW WenKai is TrueType already: it is subset the same way
and renamed "Liaison Kai", because its licence reserves the names "LXGW" and "霞鹜" for the
unmodified font (a subset is a modified version). Then it writes OFL.txt (the licence text from the Debian
package) and tongyong-guifan-8105.txt (the table's characters in the table's order, one a line)
and prints the sizes. The output is the same byte for byte for the same inputs and fontTools.

Why TrueType outlines: Qt's PDF engine rebuilds every embedded font as a TrueType subset
(/FontFile2) from the outlines the font engine hands it. From a TrueType font those are exactly the
font's own; from a CFF font Qt approximates the cubic curves itself, differently on each platform.
Converting once here, with a known error bound, makes the printed glyphs the same everywhere.

Why ``--max-err 2``: the largest distance, in font units (1000 to the em), between a cubic curve
and its quadratic approximation. Two units is 0.2 % of the em, 0.011 mm at 16 pt — invisible in
print and on screen — and it saves about 7 % against fontTools' default of one unit, which keeps
all four faces with the whole 通用规范汉字表 under the 12 MB budget.
"""

from __future__ import annotations

import argparse
import bz2
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

try:
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTCollection, TTFont, newTable
    from fontTools.ttLib.tables import ttProgram
except ImportError:  # pragma: no cover - a maintainer's set-up problem
    sys.exit("需要 fontTools：.venv/bin/pip install fonttools")

PROJECT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = PROJECT / "resources" / "fonts"
FONT_DIR_IN_DEB = Path("usr/share/fonts/opentype/noto")
COPYRIGHT_IN_DEB = Path("usr/share/doc/fonts-noto-cjk/copyright")
WENKAI_IN_DEB = Path("usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf")
WENKAI_COPYRIGHT_IN_DEB = Path("usr/share/doc/fonts-lxgw-wenkai/copyright")
UNIHAN_IN_DEB = Path("usr/share/unicode/Unihan_OtherMappings.txt.bz2")
CHARSET_FILE = "tongyong-guifan-8105.txt"
NOTE = "Liaison Desk subset: GB 2312 + Tongyong Guifan Hanzi Biao, TrueType outlines"


@dataclass(frozen=True)
class Face:
    collection: str  # .ttc file in fonts-noto-cjk
    member: str  # family name of the Simplified Chinese member in that collection
    out: str  # file written to resources/fonts
    family: str
    style: str  # "Regular" or "Bold"


FACES = (
    Face(
        "NotoSansCJK-Regular.ttc",
        "Noto Sans CJK SC",
        "NotoSansSC-Regular.ttf",
        "Noto Sans SC",
        "Regular",
    ),
    Face("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "NotoSansSC-Bold.ttf", "Noto Sans SC", "Bold"),
    Face(
        "NotoSerifCJK-Regular.ttc",
        "Noto Serif CJK SC",
        "NotoSerifSC-Regular.ttf",
        "Noto Serif SC",
        "Regular",
    ),
    Face(
        "NotoSerifCJK-Bold.ttc",
        "Noto Serif CJK SC",
        "NotoSerifSC-Bold.ttf",
        "Noto Serif SC",
        "Bold",
    ),
)

# LXGW WenKai's licence reserves the font names "LXGW" and "霞鹜": a modified version (a subset)
# must be named otherwise.
KAI = Face(
    "LXGWWenKai-Regular.ttf", "LXGW WenKai", "LiaisonKai-Regular.ttf", "Liaison Kai", "Regular"
)
KAI_NOTE = "Liaison Desk subset of LXGW WenKai: GB 2312 + Tongyong Guifan Hanzi Biao"

# Besides GB 2312 and the 通用规范汉字表: what Chinese office documents and forms use.
EXTRA_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1: · × ÷ ° ± ¥ § ©
    (0x0100, 0x017F),  # Latin Extended-A: ā ē ī ō ū (pinyin) and European names
    (0x01CD, 0x01DC),  # ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ (pinyin)
    (0x01F8, 0x01F9),  # Ǹ ǹ
    (0x2010, 0x2027),  # ‐ – — ― ‘ ’ “ ” • … ‧
    (0x2030, 0x203B),  # ‰ ′ ″ ‵ ※
    (0x20AC, 0x20AC),  # €
    (0x2100, 0x2122),  # ℃ ℉ № ℡ ™ and other letterlike symbols
    (0x2160, 0x217B),  # Ⅰ–Ⅻ ⅰ–ⅻ
    (0x2190, 0x2199),  # arrows
    (0x2460, 0x24FF),  # ①–⑳ ⑴–⒇ ⒈–⒛ ⓐ–ⓩ
    (0x2500, 0x257F),  # box drawing
    (0x25A0, 0x25FF),  # ■ □ ▲ △ ◆ ◇ ○ ● ◎
    (0x2605, 0x2606),  # ★ ☆
    (0x2610, 0x2612),  # ☐ ☑ ☒ (check boxes on forms)
    (0x2713, 0x2714),  # ✓ ✔
    (0x2717, 0x2718),  # ✗ ✘
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、 。 〇 《 》 「 」 【 】 〔 〕
    (0x3220, 0x3229),  # ㈠–㈩
    (0x3280, 0x3289),  # ㊀–㊉
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF01, 0xFF60),  # full-width forms
    (0xFFE0, 0xFFE6),  # ￠ ￡ ￢ ￣ ￤ ￥ ￦
)


def run(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout


def fetch_deb(package: str, workdir: Path) -> Path:
    """``apt-get download`` (no installation) into workdir; returns the .deb."""
    print(f"apt-get download {package} …", flush=True)
    run("apt-get", "download", package, cwd=workdir)
    debs = sorted(workdir.glob(f"{package}_*.deb"))
    if not debs:
        sys.exit(f"apt-get download {package} gave no .deb")
    return debs[-1]


def unpack(source: Path | None, package: str, workdir: Path) -> tuple[Path, str]:
    """The extracted tree of a package and its version ("folder" for a given folder)."""
    if source is not None and source.is_dir():
        if source.resolve() == Path("/"):  # the installed package: its version from dpkg
            return source, run("dpkg-query", "-W", "-f=${Version}", package).strip()
        return source, f"folder {source}"
    deb = source if source is not None else fetch_deb(package, workdir)
    root = workdir / package
    run("dpkg-deb", "-x", str(deb), str(root))
    version = run("dpkg-deb", "-f", str(deb), "Version").strip()
    return root, version


def tongyong_guifan(unihan_other_mappings: Path) -> list[str]:
    """The 8105 characters of the 通用规范汉字表 in the table's order, from Unihan's kTGH field
    ("U+4E00<TAB>kTGH<TAB>2013:0001")."""
    opener = bz2.open if unihan_other_mappings.suffix == ".bz2" else open
    numbered: list[tuple[int, str]] = []
    with opener(unihan_other_mappings, "rt", encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[1] == "kTGH":
                number = int(fields[2].split(":")[1])
                numbered.append((number, chr(int(fields[0][2:], 16))))
    numbered.sort()
    chars = [c for _, c in numbered]
    if len(chars) != 8105 or [n for n, _ in numbered] != list(range(1, 8106)):
        sys.exit(f"kTGH gave {len(chars)} characters, not the table's 8105 numbered 1…8105")
    return chars


def double_byte_chars(codec: str) -> set[str]:
    """Every character of a two-byte Chinese codec's main area (GB 2312, or GBK's symbols)."""
    found = set()
    lead = range(0xA1, 0xF8) if codec == "gb2312" else range(0x81, 0xFF)
    trail = range(0xA1, 0xFF) if codec == "gb2312" else range(0x40, 0xFF)
    for b1 in lead:
        for b2 in trail:
            try:
                found.add(bytes((b1, b2)).decode(codec))
            except UnicodeDecodeError:
                continue
    return found


def is_hanzi(c: str) -> bool:
    return unicodedata.name(c, "").startswith(
        ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")
    )


def charset(tgh: Iterable[str]) -> set[int]:
    chars = set(tgh) | double_byte_chars("gb2312")
    # GBK's symbols (㎡ ㏄ ⅰ ℅ ‵ ︰ …) without its 20 000 hanzi and private-use code points.
    chars |= {
        c for c in double_byte_chars("gbk") if not is_hanzi(c) and not 0xE000 <= ord(c) <= 0xF8FF
    }
    for first, last in EXTRA_RANGES:
        chars.update(chr(cp) for cp in range(first, last + 1))
    return {ord(c) for c in chars}


def unhinted_extras(font: TTFont) -> None:
    """What Google Fonts adds to unhinted TrueType fonts: smooth at all sizes (gasp) and turn on
    dropout control (prep), so thin strokes do not vanish at small sizes on Windows."""
    gasp = font["gasp"] = newTable("gasp")
    gasp.gaspRange = {0xFFFF: 0x000F}
    prep = font["prep"] = newTable("prep")
    prep.program = ttProgram.Program()
    prep.program.fromAssembly(["PUSHW[]", "511", "SCANCTRL[]", "PUSHB[]", "4", "SCANTYPE[]"])


def to_truetype(font: TTFont, max_err: float) -> None:
    """Replaces the CFF outlines with quadratic glyf outlines (fontTools' otf2ttf snippet)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    hmtx = font["hmtx"]
    for name in order:
        glyph = glyphs[name]
        glyph.recalcBounds(glyf)
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxStackElements = 1  # the prep program pushes one value at a time
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    post = font["post"]
    post.formatType = 3.0  # no glyph names: Qt and PDF viewers use cmap and ToUnicode
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"
    unhinted_extras(font)


def rename(font: TTFont, family: str, style: str, vendor: str = "GOOG", note: str = NOTE) -> None:
    """English Windows names only, family "Noto Sans SC"/"Noto Serif SC". The Noto CJK fonts have
    no Reserved Font Name (upstream reserves only "Source", of Source Han), so a modified version
    may keep "Noto"; the version string says it is a subset."""
    name = font["name"]
    kept = {
        nid: record.toUnicode()
        for nid in (0, 7, 8, 9, 10, 11, 12, 13, 14)
        if (record := name.getName(nid, 3, 1, 0x409)) is not None
    }
    version = f"{font['head'].fontRevision:.3f}"
    postscript = f"{family.replace(' ', '')}-{style}"
    kept |= {
        1: family,
        2: style,
        3: f"{version};{vendor};{postscript};LiaisonDesk",
        4: f"{family} {style}",
        5: f"Version {version}; {note}",
        6: postscript,
    }
    name.names = []
    for nid, text in sorted(kept.items()):
        name.setName(text, nid, 3, 1, 0x409)


def build_face(
    face: Face, font_dir: Path, codepoints: set[int], out_dir: Path, max_err: float
) -> tuple[str, int, int]:
    collection = TTCollection(str(font_dir / face.collection), recalcTimestamp=False)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == face.member)
    font.recalcTimestamp = False
    options = subset.Options()
    options.layout_features = []  # no OpenType layout: Chinese needs none, and it pulls in variants
    options.drop_tables += ["GDEF", "GPOS", "GSUB", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    to_truetype(font, max_err)
    cmap = font["cmap"]
    cmap.tables = [t for t in cmap.tables if t.platformID == 3]  # (3,1) and (3,10) suffice
    rename(font, face.family, face.style)
    out = out_dir / face.out
    font.save(str(out))
    return face.out, len(font.getBestCmap()), out.stat().st_size


# LXGW WenKai draws the curly quotes proportional (0.35 em), as Latin text sets them; Chinese text
# (and the Noto SC faces, and the GB 2312 fonts) sets them a full em wide, the opening quote at
# the right of its em and the closing one at the left, so that they sit by the words they quote.
FULL_WIDTH_QUOTES = {"“": "right", "‘": "right", "”": "left", "’": "left"}


def full_width_quotes(font: TTFont) -> None:
    em = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    glyf = font["glyf"]
    hmtx = font["hmtx"]
    for char, side in FULL_WIDTH_QUOTES.items():
        name = cmap[ord(char)]
        advance, _ = hmtx[name]
        shift = em - advance if side == "right" else 0
        glyph = glyf[name]
        if shift and glyph.isComposite():
            for component in glyph.components:
                component.x += shift
        elif shift:
            glyph.coordinates.translate((shift, 0))
        glyph.recalcBounds(glyf)
        hmtx[name] = (em, getattr(glyph, "xMin", 0))


def build_kai(wenkai_file: Path, codepoints: set[int], out_dir: Path) -> tuple[str, int, int]:
    """The 楷体 face: LXGW WenKai subset like the Noto faces (its outlines are TrueType already,
    so they are kept as drawn), the curly quotes a full em wide, renamed "Liaison Kai" (the
    licence reserves "LXGW" and "霞鹜")."""
    font = TTFont(str(wenkai_file), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []
    options.drop_tables += ["GDEF", "GPOS", "GSUB", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    full_width_quotes(font)
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    unhinted_extras(font)
    cmap = font["cmap"]
    cmap.tables = [t for t in cmap.tables if t.platformID == 3]
    rename(font, KAI.family, KAI.style, vendor="LiaisonDesk", note=KAI_NOTE)
    out = out_dir / KAI.out
    font.save(str(out))
    return KAI.out, len(font.getBestCmap()), out.stat().st_size


# The stand-ins embedded in the case Word file (documents/docx_fonts.py): the Word name they answer
# to (their Chinese family name), the bundled face they are cut from, the English family and
# PostScript name they carry instead (unique, so they never shadow an installed font), the file.
WORD_STAND_INS = (
    ("楷体", "LiaisonKai-Regular.ttf", "Liaison Kai", "LiaisonKai-Regular", "kai.ttf.xz"),
    ("黑体", "NotoSansSC-Bold.ttf", "Liaison Hei", "LiaisonHei-Bold", "hei.ttf.xz"),
)
WORD_DIR = "word"
WORD_NOTE = (
    "Liaison Desk stand-in for {name} in Word files: GB 2312 level 1 + Tongyong Guifan level 1"
)


def word_charset(tgh: list[str]) -> set[int]:
    """What a stand-in embedded in every Word file covers, the same in every file: the hanzi of
    GB 2312 level 1 (3755) and of the 通用规范汉字表's level 1 (its first 3500), GB 2312's
    punctuation and full-width forms (rows 1 and 3), ASCII: 4159 characters."""
    chars = set(tgh[:3500])
    for b1, trails in ((0xA1, range(0xA1, 0xFF)), (0xA3, range(0xA1, 0xFF))):
        chars |= {c for b2 in trails if (c := _gb2312(b1, b2))}
    chars |= {c for b1 in range(0xB0, 0xD8) for b2 in range(0xA1, 0xFF) if (c := _gb2312(b1, b2))}
    chars |= {chr(cp) for cp in range(0x20, 0x7F)}
    # What Chinese text uses where Python's codec maps GB 2312 elsewhere (A1AA → ―, A1A4 → ・).
    chars |= set("—·")
    return {ord(c) for c in chars}


def _gb2312(b1: int, b2: int) -> str:
    try:
        return bytes((b1, b2)).decode("gb2312")
    except UnicodeDecodeError:
        return ""


def build_word_stand_ins(out_dir: Path, tgh: list[str]) -> list[tuple[str, int, int]]:
    """The 楷体 and 黑体 stand-ins for Word files, cut from the bundled Liaison Kai and Noto Sans
    SC Bold in ``out_dir`` to ``word_charset``: Chinese family name "楷体"/"黑体" (what LibreOffice
    matches the Word file's font name against), English family "Liaison Kai"/"Liaison Hei", and
    the whole licence text (OFL.txt: both fonts' notices) as the licence description, so the
    licence travels with the font inside every Word file. xz-compressed (stdlib lzma)."""
    import lzma

    codepoints = word_charset(tgh)
    licence = (out_dir / "OFL.txt").read_text(encoding="utf-8")
    (out_dir / WORD_DIR).mkdir(exist_ok=True)
    results = []
    for zh_family, source, family, postscript, out in WORD_STAND_INS:
        font = TTFont(str(out_dir / source), recalcTimestamp=False)
        options = subset.Options()
        options.layout_features = []
        options.notdef_outline = True
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.glyph_names = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        name = font["name"]
        style = name.getDebugName(2) or "Regular"
        version = f"{font['head'].fontRevision:.3f}"
        for nid, text in (
            (1, family),
            (3, f"{version};LiaisonDesk;{postscript};Word"),
            (4, f"{family} {style}"),
            (5, f"Version {version}; {WORD_NOTE.format(name=family)}"),
            (6, postscript),
            (13, licence),
        ):
            name.setName(text, nid, 3, 1, 0x409)
        name.setName(zh_family, 1, 3, 1, 0x804)
        name.setName(zh_family, 4, 3, 1, 0x804)
        buffer = io.BytesIO()
        font.save(buffer)
        target = out_dir / WORD_DIR / out
        target.write_bytes(lzma.compress(buffer.getvalue(), preset=9 | lzma.PRESET_EXTREME))
        results.append((f"{WORD_DIR}/{out}", len(codepoints), target.stat().st_size))
    return results


def _licence_body(copyright_file: Path, heading: str) -> str:
    text = copyright_file.read_text(encoding="utf-8")
    match = re.search(rf"^License: {heading}\n((?: .*\n)+)", text, re.M)
    if match is None:
        sys.exit(f"no {heading} licence paragraph in {copyright_file}")
    return "\n".join("" if line == " ." else line[1:] for line in match.group(1).splitlines())


def ofl_text(
    copyright_file: Path,
    fonts: Iterable[Path],
    noto_version: str,
    wenkai_copyright: Path,
    kai: Path,
    wenkai_version: str,
) -> str:
    """OFL.txt: the fonts' copyright lines, then the licence text of the Debian package's
    copyright file (its "License: SIL-1.1" paragraph, un-indented). LXGW WenKai's package has the
    same licence text; its notice names the Reserved Font Names."""
    body = _licence_body(copyright_file, r"SIL-1\.1")
    if "SIL OPEN FONT LICENSE Version 1.1" not in _licence_body(wenkai_copyright, r"OFL-1\.1"):
        sys.exit(f"{wenkai_copyright} does not give the SIL Open Font License 1.1")
    notices = []
    for path in fonts:
        name = TTFont(str(path), lazy=True)["name"]
        notices.append(f"{path.name}: {name.getDebugName(0)} {name.getDebugName(7)}")
    kai_name = TTFont(str(kai), lazy=True)["name"]
    kai_notice = " ".join((kai_name.getDebugName(0) or "").split())
    return (
        "The fonts in this folder are subsets of Noto Sans CJK SC and Noto Serif CJK SC\n"
        f"(Debian package fonts-noto-cjk {noto_version}), converted to TrueType outlines,\n"
        "and a subset of LXGW WenKai Regular (Debian package fonts-lxgw-wenkai\n"
        f"{wenkai_version}), renamed Liaison Kai.\n\n"
        + "\n".join(notices)
        + f"\n{kai.name}: {kai_notice}\n"
        'With Reserved Font Names "霞鹜" and "LXGW" (so this modified version is named\n'
        '"Liaison Kai"). Klee is a trademark of Fontworks Inc.'
        + "\n\nThis Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "This license is copied below, and is also available with a FAQ at:\n"
        "https://openfontlicense.org\n\n" + body.rstrip() + "\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--noto", type=Path, help="fonts-noto-cjk .deb or extracted folder")
    parser.add_argument("--wenkai", type=Path, help="fonts-lxgw-wenkai .deb or extracted folder")
    parser.add_argument("--unicode-data", type=Path, help="unicode-data .deb or extracted folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="default: resources/fonts")
    parser.add_argument("--max-err", type=float, default=2.0, help="curve error, font units")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--word-only",
        action="store_true",
        help="only the Word files' stand-ins (word/), from the faces already in --out",
    )
    args = parser.parse_args(argv)
    if args.word_only:
        tgh = (args.out / CHARSET_FILE).read_text(encoding="utf-8").split()
        for out, chars, size in build_word_stand_ins(args.out, tgh):
            print(f"{out:28} {chars:6} characters {size / 1e6:6.2f} MB")
        return 0

    with tempfile.TemporaryDirectory(prefix="liaison-fonts-") as tmp:
        work = Path(tmp)
        _let_apt_write(work)
        noto_root, noto_version = unpack(args.noto, "fonts-noto-cjk", work)
        wenkai_root, wenkai_version = unpack(args.wenkai, "fonts-lxgw-wenkai", work)
        unicode_root, unicode_version = unpack(args.unicode_data, "unicode-data", work)
        tgh = tongyong_guifan(unicode_root / UNIHAN_IN_DEB)
        codepoints = charset(tgh)
        font_dir = noto_root / FONT_DIR_IN_DEB
        args.out.mkdir(parents=True, exist_ok=True)
        print(
            f"fonts-noto-cjk {noto_version}, fonts-lxgw-wenkai {wenkai_version}, "
            f"unicode-data {unicode_version}"
        )
        print(f"{len(codepoints)} characters requested, max_err {args.max_err}", flush=True)
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            jobs = [
                pool.submit(build_face, f, font_dir, codepoints, args.out, args.max_err)
                for f in FACES
            ]
            kai_job = pool.submit(build_kai, wenkai_root / WENKAI_IN_DEB, codepoints, args.out)
            results = [job.result() for job in jobs] + [kai_job.result()]
        licence = ofl_text(
            noto_root / COPYRIGHT_IN_DEB,
            (args.out / f.out for f in FACES),
            noto_version,
            wenkai_root / WENKAI_COPYRIGHT_IN_DEB,
            args.out / KAI.out,
            wenkai_version,
        )
        (args.out / "OFL.txt").write_text(licence, encoding="utf-8")
        (args.out / CHARSET_FILE).write_text("".join(c + "\n" for c in tgh), encoding="utf-8")
        results += build_word_stand_ins(args.out, tgh)

    for out, chars, size in results:
        print(f"{out:28} {chars:6} characters {size / 1e6:6.2f} MB")
    total = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"{args.out}: {total / 1e6:.2f} MB in all")
    return 0


def _let_apt_write(folder: Path) -> None:
    """apt-get download, run as root, drops privileges to the user _apt and warns when that user
    cannot write the folder; give it the folder."""
    if os.geteuid() != 0:
        return
    with contextlib.suppress(LookupError, OSError):
        shutil.chown(folder, user="_apt")


if __name__ == "__main__":
    sys.exit(main())
