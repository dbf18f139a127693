"""The lists' text order (domain/collation.py, stored for names in the database) is the order
of Qt's Chinese collator for the names and titles people keep: pinyin, numbers by value, Latin
text first."""

from __future__ import annotations

import functools
import random

from PySide6.QtCore import QCollator, QLocale

from liaison_desk.ui.table import pinyin_key

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红梅玲鑫淼垚犇骉龘䶮𠀀𪚥"
EXTRA = [
    "",
    "·",
    "-1",
    "-12",
    "-2",
    "A",
    "a",
    "b",
    "（",
    "）",
    "2024",
    "议-9",
    "议-10",
    "Ｂ",
    "〇",
    " ",
]


def qt_order(texts: list[str]) -> list[str]:
    """The order before the key was stored: Latin (ASCII) text first by code point, the rest
    by Qt's Chinese collator with numbers by value."""
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    collator.setNumericMode(True)

    def compare(a: str, b: str) -> int:
        if a.isascii() != b.isascii():
            return -1 if a.isascii() else 1
        if a.isascii():
            return (a > b) - (a < b)
        return collator.compare(a, b)

    return sorted(texts, key=functools.cmp_to_key(compare))


def test_names_sort_as_the_chinese_collator_sorts_them() -> None:
    rnd = random.Random(16)
    names = []
    for _ in range(3000):
        name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(0, 2)))
        if rnd.random() < 0.3:
            name += rnd.choice(EXTRA)
        if rnd.random() < 0.1:
            name = rnd.choice(EXTRA) + name
        names.append(name)
    names += ["阿明", "丁博", "李四", "Li Si", "织里-2024-议-012", "织里-2024-议-9", "张A1", "张a2"]
    assert sorted(names, key=pinyin_key) == qt_order(names)
