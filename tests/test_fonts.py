"""The bundled Chinese fonts: within budget, licensed, complete for GB 2312 and the 通用规范汉字表,
embedded as real TrueType fonts with a ToUnicode map in PDFs; and the choice of faces for the
window and for printed documents. Nothing here relies on the fonts this machine happens to have."""

from __future__ import annotations

import contextlib
import re
import shutil
import struct
import subprocess
import unicodedata
import zlib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
)
from PySide6.QtWidgets import QApplication

from liaison_desk import fonts
from liaison_desk.fonts import (
    BUNDLED_KAI,
    BUNDLED_SANS,
    BUNDLED_SERIF,
    DOCUMENT_FACES,
    apply_ui_font,
    bundled_font_files,
    document_font,
    register_bundled_fonts,
    supports_simplified_chinese,
    ui_font_family,
)

FONTS = Path(str(resources.files("liaison_desk.resources") / "fonts"))
# Bytes for the whole folder: "≤ 16 MB" whether MB means 10⁶ or 2²⁰ (12 MB for the four Noto
# faces, plus the 楷体 for （一） headings: resources/fonts/README.md says why), and 1.7 MB more for
# the 楷体 and 黑体 stand-ins the case Word file embeds (word/, xz-compressed).
BUDGET = 16_000_000 + 1_700_000

FACES = {
    "NotoSansSC-Regular.ttf": (BUNDLED_SANS, "Regular", 400),
    "NotoSansSC-Bold.ttf": (BUNDLED_SANS, "Bold", 700),
    "NotoSerifSC-Regular.ttf": (BUNDLED_SERIF, "Regular", 400),
    "NotoSerifSC-Bold.ttf": (BUNDLED_SERIF, "Bold", 700),
    "LiaisonKai-Regular.ttf": (BUNDLED_KAI, "Regular", 400),
}


def gb2312() -> list[str]:
    """All 7445 characters of GB 2312 (6763 hanzi and 682 symbols), from Python's codec."""
    chars = []
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.append(bytes((b1, b2)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def tongyong_guifan() -> list[str]:
    return (FONTS / "tongyong-guifan-8105.txt").read_text(encoding="utf-8").splitlines()


def missing(path: Path, chars: list[str]) -> list[str]:
    raw = QRawFont(str(path), 16)
    assert raw.isValid()
    return [c for c in chars if not raw.supportsCharacter(ord(c))]


def table_tags(path: Path) -> tuple[bytes, set[bytes]]:
    """The sfnt version and the table tags of a font file, read from its table directory."""
    data = path.read_bytes()
    version, count = data[:4], struct.unpack(">H", data[4:6])[0]
    return version, {data[12 + 16 * i : 16 + 16 * i] for i in range(count)}


def test_the_five_documented_faces_are_bundled() -> None:
    assert [p.name for p in bundled_font_files()] == sorted(FACES)
    assert all(p.parent == FONTS for p in bundled_font_files())


def test_the_fonts_folder_fits_the_budget() -> None:
    total = sum(p.stat().st_size for p in FONTS.rglob("*") if p.is_file())
    assert total <= BUDGET, f"resources/fonts is {total / 1e6:.2f} MB"


def test_the_licence_and_the_readme_sit_beside_the_fonts() -> None:
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Adobe" in licence  # the copyright holders' notice comes with the licence
    assert "LXGW" in licence and "Reserved Font Names" in licence
    readme = (FONTS / "README.md").read_text(encoding="utf-8")
    for name in [*FACES, "OFL.txt", "tongyong-guifan-8105.txt", "make_font_subset.py"]:
        assert name in readme


@pytest.mark.parametrize("name", sorted(FACES))
def test_each_font_is_the_documented_family_in_truetype_outlines(
    qapp: QApplication, name: str
) -> None:
    family, style, weight = FACES[name]
    raw = QRawFont(str(FONTS / name), 16)
    assert (raw.familyName(), raw.styleName(), raw.weight()) == (family, style, weight)
    # TrueType outlines (glyf), not CFF: Qt's PDF engine then embeds the font's own curves.
    version, tags = table_tags(FONTS / name)
    assert version == b"\x00\x01\x00\x00"
    assert {b"glyf", b"loca", b"cmap", b"name", b"OS/2"} <= tags
    assert b"CFF " not in tags


def test_registering_the_bundled_fonts_gives_each_family_once(qapp: QApplication) -> None:
    assert register_bundled_fonts() == [BUNDLED_KAI, BUNDLED_SANS, BUNDLED_SERIF]
    assert register_bundled_fonts() == [BUNDLED_KAI, BUNDLED_SANS, BUNDLED_SERIF]
    families = QFontDatabase.families()
    for family in (BUNDLED_KAI, BUNDLED_SANS, BUNDLED_SERIF):
        assert families.count(family) == 1
        assert supports_simplified_chinese(family)
    for family in (BUNDLED_SANS, BUNDLED_SERIF):
        assert {"Regular", "Bold"} <= set(QFontDatabase.styles(family))


def font_names(path: Path) -> dict[int, list[str]]:
    """Name ID → the Windows (Unicode) strings of a font's ``name`` table."""
    data = path.read_bytes()
    count = struct.unpack(">H", data[4:6])[0]
    records = {data[12 + 16 * i : 16 + 16 * i]: 12 + 16 * i for i in range(count)}
    offset = struct.unpack(">I", data[records[b"name"] + 8 : records[b"name"] + 12])[0]
    _, n, strings = struct.unpack(">HHH", data[offset : offset + 6])
    names: dict[int, list[str]] = {}
    for i in range(n):
        platform, _, _, nid, length, start = struct.unpack(
            ">HHHHHH", data[offset + 6 + 12 * i : offset + 18 + 12 * i]
        )
        if platform == 3:
            raw = data[offset + strings + start : offset + strings + start + length]
            names.setdefault(nid, []).append(raw.decode("utf-16-be"))
    return names


def test_the_bundled_kai_does_not_carry_the_reserved_font_names() -> None:
    """LXGW WenKai's licence reserves "LXGW" and "霞鹜" for the unmodified font: the subset is
    renamed (family, full and PostScript names), its copyright notice and licence kept."""
    names = font_names(FONTS / "LiaisonKai-Regular.ttf")
    assert names[1] == [BUNDLED_KAI]
    for nid in (1, 3, 4, 6, 16, 17, 21, 22):
        for text in names.get(nid, []):
            assert "LXGW" not in text.upper() and "霞鹜" not in text, (nid, text)
    assert "LXGW" in names[0][0]  # the copyright notice stays
    assert "Open Font License" in names[13][0]


@pytest.mark.parametrize("name", sorted(FACES))
def test_every_gb2312_character_is_in_every_face(qapp: QApplication, name: str) -> None:
    chars = gb2312()
    assert len(chars) == 7445
    assert missing(FONTS / name, chars) == []


def test_the_tongyong_guifan_list_is_the_table() -> None:
    chars = tongyong_guifan()
    assert len(chars) == len(set(chars)) == 8105
    assert all(unicodedata.name(c).startswith("CJK UNIFIED IDEOGRAPH") for c in chars)
    # Table order: 一级字表 starts 一 乙 二 十; 三级字表 includes characters beyond the BMP.
    assert chars[:4] == ["一", "乙", "二", "十"]
    assert any(ord(c) > 0xFFFF for c in chars)


@pytest.mark.parametrize("name", sorted(FACES))
def test_every_tongyong_guifan_character_is_in_every_face(qapp: QApplication, name: str) -> None:
    assert missing(FONTS / name, tongyong_guifan()) == []


@pytest.mark.parametrize("name", sorted(FACES))
def test_the_symbols_of_chinese_documents_are_in_every_face(qapp: QApplication, name: str) -> None:
    symbols = list(
        "—―·•…“”‘’《》〈〉「」『』【】〔〕（）〇×÷±℃№‰※、。，；：？！①⑩⑳⑴⒇⒈㈠ⅠⅫ■□○●△▲★☆✓√→ā㎡￥"
    )
    assert missing(FONTS / name, symbols) == []


@pytest.mark.parametrize("name", sorted(FACES))
def test_chinese_quotes_are_a_full_em_in_every_face(qapp: QApplication, name: str) -> None:
    """“” and ‘’ take a whole character's width in Chinese text (and on GB/T 9704's grid of 28
    to the line), opening quotes at the right of it, closing ones at the left."""
    raw = QRawFont(str(FONTS / name), 16)
    for char in "“‘”’":
        glyph = raw.glyphIndexesForString(char)[0]
        assert raw.advancesForGlyphIndexes([glyph])[0].x() == pytest.approx(16), char
        box = raw.boundingRect(glyph)
        middle = box.left() + box.width() / 2
        assert (middle > 8) == (char in "“‘"), char


def unicode_mapped_in(pdf: bytes) -> set[str]:
    """Every character that the PDF's ToUnicode CMaps map a glyph to (what text extraction,
    copy and paste and search give back)."""
    mapped: set[str] = set()
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        stream = match.group(1)
        with contextlib.suppress(zlib.error):
            stream = zlib.decompress(stream)
        if b"begincmap" not in stream:
            continue
        text = stream.decode("latin-1")
        for block in re.findall(r"beginbf(?:char|range)(.*?)endbf(?:char|range)", text, re.S):
            for hex_code in re.findall(r"<([0-9A-Fa-f]+)>", block):
                if len(hex_code) % 4 == 0:
                    units = bytes.fromhex(hex_code)
                    mapped.add(units.decode("utf-16-be", errors="ignore"))
    return mapped


def test_a_pdf_embeds_the_bundled_serif_as_a_truetype_font_with_unicode(
    qapp: QApplication, tmp_path: Path
) -> None:
    register_bundled_fonts()
    sample = "关于推进民生议事堂协商成果转化的报告"
    out = tmp_path / "sample.pdf"
    writer = QPdfWriter(str(out))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(28, 37, 26, 35),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    for bold, y in ((True, 300), (False, 900)):
        font = QFont(BUNDLED_SERIF, 16)
        font.setBold(bold)
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # no system font sneaks in
        painter.setFont(font)
        painter.drawText(100, y, sample)
    painter.end()

    data = out.read_bytes()
    assert b"/FontFile2" in data  # a real embedded TrueType font, not paths or Type 3
    assert b"/BaseFont /NotoSerifSC-Regular" in data
    assert b"/BaseFont /NotoSerifSC-Bold" in data
    assert b"/ToUnicode" in data
    assert set(sample) <= unicode_mapped_in(data)
    if shutil.which("pdftotext"):  # poppler-utils, where a developer has it
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert text.count(sample) == 2


def test_document_font_falls_back_when_no_preferred_face_is_installed(qapp: QApplication) -> None:
    register_bundled_fonts()
    assert document_font(["没有这个字体", "No Such Face LD"], BUNDLED_SERIF) == BUNDLED_SERIF
    assert document_font([], BUNDLED_SANS) == BUNDLED_SANS
    assert document_font(["No Such Face LD", BUNDLED_SANS], BUNDLED_SERIF) == BUNDLED_SANS


def test_document_faces_follow_gb_t_9704_with_bundled_fallbacks(qapp: QApplication) -> None:
    assert set(DOCUMENT_FACES) == {"title", "body", "heading1", "heading2", "page_number"}
    assert DOCUMENT_FACES["title"].preferred[0] == "方正小标宋简体"
    assert "仿宋_GB2312" in DOCUMENT_FACES["body"].preferred
    assert "仿宋" in DOCUMENT_FACES["body"].preferred
    assert {"黑体", "SimHei"} <= set(DOCUMENT_FACES["heading1"].preferred)
    assert {"楷体_GB2312", "楷体", "KaiTi"} <= set(DOCUMENT_FACES["heading2"].preferred)
    assert {"宋体", "SimSun"} <= set(DOCUMENT_FACES["page_number"].preferred)
    fallbacks = {role: face.fallback for role, face in DOCUMENT_FACES.items()}
    assert fallbacks == {
        "title": BUNDLED_SERIF,
        "body": BUNDLED_SERIF,
        "heading1": BUNDLED_SANS,
        "heading2": BUNDLED_KAI,
        "page_number": BUNDLED_SERIF,
    }
    assert DOCUMENT_FACES["title"].fallback_bold
    register_bundled_fonts()
    for face in DOCUMENT_FACES.values():
        assert supports_simplified_chinese(face.family())


@pytest.fixture
def restore_app_font(qapp: QApplication) -> Iterator[None]:
    """apply_ui_font changes the font and the substitutions of the session's application."""
    before = QFont(qapp.font())
    family = ui_font_family()
    substitutes = QFont.substitutes(family)
    yield
    qapp.setFont(before)
    QFont.removeSubstitutions(family)
    if substitutes:
        QFont.insertSubstitutions(family, substitutes)


def test_apply_ui_font_picks_a_face_with_simplified_chinese(
    qapp: QApplication, restore_app_font: None
) -> None:
    family = apply_ui_font(qapp)
    assert family == ui_font_family()
    assert supports_simplified_chinese(family)
    assert qapp.font().family() == family
    assert qapp.font().pointSizeF() > 0
    if family != BUNDLED_SANS:
        # Characters the system face lacks come from the bundled one.
        assert BUNDLED_SANS.lower() in [s.lower() for s in QFont.substitutes(family)]


def test_the_ui_font_falls_back_to_the_bundled_sans(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fonts, "_system_ui_family", lambda: "No Such Face LD")
    monkeypatch.setattr(fonts, "_platform_ui_faces", lambda: ("Another Missing Face LD",))
    assert ui_font_family() == BUNDLED_SANS


def test_the_ui_font_is_the_desktops_own_when_it_has_chinese(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    register_bundled_fonts()
    monkeypatch.setattr(fonts.sys, "platform", "linux")
    monkeypatch.setattr(fonts, "_system_ui_family", lambda: BUNDLED_SERIF)
    assert ui_font_family() == BUNDLED_SERIF
    # A desktop font without Chinese is passed over for an installed Chinese face.
    monkeypatch.setattr(fonts, "_system_ui_family", lambda: "No Such Face LD")
    monkeypatch.setattr(fonts, "LINUX_UI_FACES", ("Missing Face LD", BUNDLED_SERIF))
    assert ui_font_family() == BUNDLED_SERIF


def test_windows_prefers_microsoft_yahei(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts.sys, "platform", "win32")
    assert fonts._platform_ui_faces()[:2] == ("Microsoft YaHei UI", "Microsoft YaHei")
