"""Every setting declared once (:data:`SETTINGS`, one :class:`SettingSpec` each), the checks of a
value (:func:`coerce`), the defaults, and the versioning of stored values (:data:`MIGRATIONS`,
:func:`migrate`, :func:`resolve`); the package docstring (``liaison_desk.config``) says how the two
stores use them."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

# --- declarations ------------------------------------------------------------------------------

SETTINGS_VERSION = 1

Migration = Callable[[dict[str, Any]], dict[str, Any]]

# Version n → n + 1, applied to the stored values of either scope (the keys of both scopes never
# collide, so one function can handle both). No entry for a step means nothing changed in it.
MIGRATIONS: dict[int, Migration] = {}


class Scope(enum.StrEnum):
    DATABASE = "database"  # the ``settings`` table: shared by everyone who opens the database
    MACHINE = "machine"  # <data folder>/settings.json: this computer only


@dataclass(frozen=True)
class SettingSpec:
    """One setting.

    ``type`` is ``bool``, ``int``, ``str`` or ``list`` (a list of strings). ``minimum`` and
    ``maximum`` bound an ``int``'s value and a ``str``'s or ``list``'s length. ``choices`` lists
    the only values allowed. ``nullable`` allows ``None`` ("not set"). ``label`` is the short
    Chinese name used in messages and as the row title of the settings page; ``description`` is
    the longer Chinese help text.
    """

    key: str
    type: type[Any]
    default: Any
    description: str
    scope: Scope
    choices: tuple[Any, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None
    label: str = ""
    nullable: bool = False
    # The same in English, for the English UI (settings are declared here once, in both).
    label_en: str = ""
    description_en: str = ""

    def shown_label(self, language: str) -> str:
        return self.label_en if language == "en" and self.label_en else self.label or self.key

    def shown_description(self, language: str) -> str:
        return self.description_en if language == "en" and self.description_en else self.description


_DB = Scope.DATABASE
_MACHINE = Scope.MACHINE
_FONT_HELP = "本机没有这种字体时，改用软件自带的中文字体，打印出来的中文不会缺字。"
_FONT_HELP_EN = (
    " When this computer does not have the font, the Chinese font that comes with the app is "
    "used, so no character is missing in print."
)

SETTINGS: tuple[SettingSpec, ...] = (
    # --- database: which group this database belongs to ---
    SettingSpec(
        "profile.group_id",
        int,
        None,
        "这个数据库属于哪个镇（街道）联络组。设好后，新记录默认记在这个联络组名下，首页显示它的"
        "年度概况。区政协办公室汇总各联络组的数据库不用设置。联络组的名称、组长、联络员、全宗号"
        "和机构代码在“联络组”资料中修改。",
        _DB,
        minimum=1,
        label="本数据库所属的联络组",
        nullable=True,
        label_en="Liaison group of this database",
        description_en="Which town's or subdistrict's liaison group this database belongs to. Once set, new records go to this group by default and the dashboard shows its year. A district office that merges the groups' databases leaves it unset. The group's name, leader, secretary and archive codes are edited in its profile.",
    ),
    # --- database: masking of what leaves the app (domain.md, Privacy) ---
    SettingSpec(
        "masking.phones",
        bool,
        True,
        "打印的表单、报送包、案例文档、统计表等离开本软件的材料中，所有人（政协委员、干部也一样）的"
        "手机号和固定电话只显示部分数字（如 138****8000）。本人已登记同意公开的不隐藏。"
        "在软件里查看不受影响；打印时可以为本组存档选择不隐藏。",
        _DB,
        label="对外材料隐藏电话号码",
        label_en="Hide phone numbers in material that leaves the app",
        description_en="In printed sheets, submission packages, case documents, statistics and other material that leaves the app, everyone's mobile and landline numbers (members' and officials' too) show only some digits (e.g. 138****8000). People who consented are not masked. Viewing in the app is not affected; a printout for the group's own file can be unmasked.",
    ),
    SettingSpec(
        "masking.id_cards",
        bool,
        True,
        "离开本软件的材料中，所有人的身份证号只显示前 6 位和后 4 位（如 110105********0123）。"
        "本人已登记同意公开的不隐藏。",
        _DB,
        label="对外材料隐藏身份证号",
        label_en="Hide ID numbers in material that leaves the app",
        description_en="In material that leaves the app, everyone's ID numbers show only the first 6 and the last 4 digits (e.g. 110105********0123). People who consented are not masked.",
    ),
    SettingSpec(
        "masking.resident_names",
        bool,
        True,
        "离开本软件的材料中，群众的姓名显示为“张某”。政协委员和干部的姓名照常显示；"
        "本人已登记同意公开的不隐藏。",
        _DB,
        label="对外材料隐藏群众姓名",
        label_en="Hide residents' names in material that leaves the app",
        description_en="In material that leaves the app, residents' names show as “张某”. Members' and officials' names show as they are; people who consented are not masked.",
    ),
    # --- database: case write-ups ---
    SettingSpec(
        "cases.word_limit",
        int,
        3000,
        "协商案例正文的字数上限，写案例时超过会提示。默认 3000 字，可以设为 500 到 20000 字。",
        _DB,
        minimum=500,
        maximum=20000,
        label="案例字数上限",
        label_en="Word limit for cases",
        description_en="The most characters a consultation case's text may have; writing a case warns when it is longer. 3000 by default; 500 to 20000.",
    ),
    SettingSpec(
        "cases.issuing_office",
        str,
        "",
        "报送包和案例汇编上写的报送（编印）单位，如“吴兴区政协”。不填时用案例所属联络组的名称。",
        _DB,
        maximum=40,
        label="报送单位",
        label_en="Sending office",
        description_en="The office named on submission packages and on the cover of case collections, e.g. 吴兴区政协. When empty, the liaison group's name is used.",
    ),
    SettingSpec(
        "cases.contact_name",
        str,
        "",
        "报送包中写明的报送单位联系人（说明.txt 和 bag-info.txt 的 Contact-Name）。只含一个联络组"
        "案例的报送包写该联络组的联络员；汇总几个联络组的报送包写这里的联系人。",
        _DB,
        maximum=40,
        label="报送联系人",
        label_en="Sending office's contact",
        description_en="The sending office's contact person named in submission packages (说明.txt and bag-info.txt, Contact-Name). A package of one group's cases names that group's secretary; a package of several groups names this contact.",
    ),
    SettingSpec(
        "cases.contact_phone",
        str,
        "",
        "报送联系人的电话，如“0572-2345678”（bag-info.txt 的 Contact-Phone）。",
        _DB,
        maximum=40,
        label="报送联系电话",
        label_en="Sending office's phone",
        description_en="The phone number of the sending office's contact, e.g. 0572-2345678 (bag-info.txt, Contact-Phone).",
    ),
    # --- database: fonts of printed sheets and documents (formats.md, GB/T 9704) ---
    SettingSpec(
        "documents.font.title",
        str,
        "方正小标宋简体",
        "打印和导出的文档中，标题（2号字）使用的字体。" + _FONT_HELP,
        _DB,
        minimum=1,
        maximum=100,
        label="标题字体",
        label_en="Title font",
        description_en="The font of titles (2号, 22 pt) in printed and exported documents."
        + _FONT_HELP_EN,
    ),
    SettingSpec(
        "documents.font.body",
        str,
        "仿宋_GB2312",
        "正文（3号字）使用的字体。" + _FONT_HELP,
        _DB,
        minimum=1,
        maximum=100,
        label="正文字体",
        label_en="Body font",
        description_en="The font of the body text (3号, 16 pt)." + _FONT_HELP_EN,
    ),
    SettingSpec(
        "documents.font.heading1",
        str,
        "黑体",
        "一级标题（“一、”）使用的字体。" + _FONT_HELP,
        _DB,
        minimum=1,
        maximum=100,
        label="一级标题字体",
        label_en="First-level heading font",
        description_en="The font of first-level headings (“一、”)." + _FONT_HELP_EN,
    ),
    SettingSpec(
        "documents.font.heading2",
        str,
        "楷体_GB2312",
        "二级标题（“（一）”）使用的字体。" + _FONT_HELP,
        _DB,
        minimum=1,
        maximum=100,
        label="二级标题字体",
        label_en="Second-level heading font",
        description_en="The font of second-level headings (“（一）”)." + _FONT_HELP_EN,
    ),
    SettingSpec(
        "documents.font.page_number",
        str,
        "宋体",
        "页码（“— 1 —”，4号字）使用的字体。" + _FONT_HELP,
        _DB,
        minimum=1,
        maximum=100,
        label="页码字体",
        label_en="Page number font",
        description_en="The font of page numbers (“— 1 —”, 4号, 14 pt)." + _FONT_HELP_EN,
    ),
    # --- database: 履职积分, the points of members' duty records (domain/member_record.py) ---
    SettingSpec(
        "points.hall_attendance",
        int,
        2,
        "委员每出席一场民生议事堂协商得的积分。默认 2 分。委员履职积分按年度统计，修改后所有年度的积分和排名都按新的分值重新计算，修改记入操作日志。",
        _DB,
        minimum=0,
        maximum=100,
        label="积分：出席民生议事堂协商",
        label_en="Points: Attending a deliberation hall session",
        description_en="Points a member earns for each deliberation hall session attended. 2 by default. Members' points are counted per year; a change recounts every year's points and ranking and is written to the audit log.",
    ),
    SettingSpec(
        "points.micro_attendance",
        int,
        1,
        "委员每出席一次微协商得的积分。默认 1 分。委员履职积分按年度统计，修改后所有年度的积分和排名都按新的分值重新计算，修改记入操作日志。",
        _DB,
        minimum=0,
        maximum=100,
        label="积分：出席微协商",
        label_en="Points: Attending a micro-consultation",
        description_en="Points for each micro-consultation attended. 1 by default. Members' points are counted per year; a change recounts every year's points and ranking and is written to the audit log.",
    ),
    SettingSpec(
        "points.hosting",
        int,
        2,
        "委员每主持一场协商活动（主持人是本人）另得的积分，出席的积分照算。默认 2 分。委员履职积分按年度统计，修改后所有年度的积分和排名都按新的分值重新计算，修改记入操作日志。",
        _DB,
        minimum=0,
        maximum=100,
        label="积分：主持协商活动",
        label_en="Points: Hosting a session",
        description_en="Extra points for each session the member hosted (named as its host); the attendance points count as well. 2 by default. Members' points are counted per year; a change recounts every year's points and ranking and is written to the audit log.",
    ),
    SettingSpec(
        "points.speech",
        int,
        1,
        "记录中每一条本人的发言得的积分。默认 1 分。委员履职积分按年度统计，修改后所有年度的积分和排名都按新的分值重新计算，修改记入操作日志。",
        _DB,
        minimum=0,
        maximum=100,
        label="积分：会上发言",
        label_en="Points: A speech",
        description_en="Points for each of the member's speeches in the records. 1 by default. Members' points are counted per year; a change recounts every year's points and ranking and is written to the audit log.",
    ),
    SettingSpec(
        "points.adopted_suggestion",
        int,
        2,
        "本人发言中提出、记为“采纳”的每一条意见建议得的积分。默认 2 分。委员履职积分按年度统计，修改后所有年度的积分和排名都按新的分值重新计算，修改记入操作日志。",
        _DB,
        minimum=0,
        maximum=100,
        label="积分：意见建议被采纳",
        label_en="Points: An adopted suggestion",
        description_en="Points for each suggestion the member raised in a speech that is marked adopted. 2 by default. Members' points are counted per year; a change recounts every year's points and ranking and is written to the audit log.",
    ),
    SettingSpec(
        "points.case_district",
        int,
        3,
        "本人参加的协商活动写成的案例，被区政协选用（报送结果为“入选”）时得的积分。默认 3 分。委员履职积分按年度统计，修改后所有年度的积分和排名都按新的分值重新计算，修改记入操作日志。",
        _DB,
        minimum=0,
        maximum=100,
        label="积分：案例入选区级",
        label_en="Points: Case selected by the district",
        description_en="Points when a case written from a session the member took part in is selected by the district CPPCC. 3 by default. Members' points are counted per year; a change recounts every year's points and ranking and is written to the audit log.",
    ),
    SettingSpec(
        "points.case_city",
        int,
        5,
        "同上，被市政协选用时得的积分（不再加区级的分）。默认 5 分。委员履职积分按年度统计，修改后所有年度的积分和排名都按新的分值重新计算，修改记入操作日志。",
        _DB,
        minimum=0,
        maximum=100,
        label="积分：案例入选市级",
        label_en="Points: Case selected by the city",
        description_en="The same, selected by the city CPPCC (instead of the district's points). 5 by default. Members' points are counted per year; a change recounts every year's points and ranking and is written to the audit log.",
    ),
    SettingSpec(
        "points.case_province",
        int,
        10,
        "同上，被省政协（或全国政协）选用时得的积分。默认 10 分。委员履职积分按年度统计，修改后所有年度的积分和排名都按新的分值重新计算，修改记入操作日志。",
        _DB,
        minimum=0,
        maximum=100,
        label="积分：案例入选省级及以上",
        label_en="Points: Case selected by the province",
        description_en="The same, selected by the provincial (or national) CPPCC. 10 by default. Members' points are counted per year; a change recounts every year's points and ranking and is written to the audit log.",
    ),
    # --- database: first run ---
    SettingSpec(
        "ui.first_run_done",
        bool,
        False,
        "这个数据库是否已经完成首次设置（填写本联络组的资料）。完成后打开程序不再显示首次设置向导。",
        _DB,
        label="已完成首次设置",
        label_en="First-run set-up done",
        description_en="Whether this database's first-run set-up (the liaison group's profile) is done; after it, the set-up dialog no longer opens.",
    ),
    # --- machine ---
    SettingSpec(
        "ui.language",
        str,
        "zh_CN",
        "程序界面使用的语言：简体中文（zh_CN）或英文（en）。选择后立即切换，已保存的数据不受影响。",
        _MACHINE,
        choices=("zh_CN", "en"),
        label="界面语言",
        label_en="Language",
        description_en="The language of the window: Simplified Chinese (zh_CN) or English (en). Switching takes effect at once; saved data is not affected.",
    ),
    SettingSpec(
        "window.geometry",
        str,
        "",
        "主窗口上次关闭时的位置和大小，由程序自动保存，下次打开时恢复。",
        _MACHINE,
        label="窗口位置和大小",
        label_en="Window position and size",
        description_en="Where the main window was when it was last closed; restored when the app opens.",
    ),
    SettingSpec(
        "window.state",
        str,
        "",
        "主窗口上次关闭时工具栏和面板的布局，由程序自动保存。",
        _MACHINE,
        label="窗口布局",
        label_en="Window layout",
        description_en="The layout of toolbars and panels when the window was last closed.",
    ),
    SettingSpec(
        "window.last_page",
        str,
        "dashboard",
        "上次关闭程序时打开的页面，下次打开时回到这一页。",
        _MACHINE,
        minimum=1,
        maximum=100,
        label="上次打开的页面",
        label_en="Last page",
        description_en="The page open when the app was last closed; the app opens on it again.",
    ),
    SettingSpec(
        "ui.recent_databases",
        list,
        [],
        "这台电脑上最近打开过的数据库文件，最近打开的排在前面。",
        _MACHINE,
        label="最近打开的数据库",
        label_en="Recent databases",
        description_en="Database files opened recently on this computer, the latest first.",
    ),
    # --- machine: automatic backups (a folder on this computer, e.g. a USB stick) ---
    SettingSpec(
        "backup.folder",
        str,
        "",
        "自动备份保存在哪个文件夹。不填时保存在数据库旁边的“备份”文件夹里；"
        "选择另一块硬盘或 U 盘上的文件夹，电脑硬盘坏了也不会连备份一起丢失。",
        _MACHINE,
        maximum=1000,
        label="自动备份文件夹",
        label_en="Backup folder",
        description_en="Where automatic backups are kept. When empty, in the folder “备份” beside the database; a folder on another disk or a USB stick keeps them safe when this computer's disk fails.",
    ),
    # Defaults: 12 recent at 30-minute spacing cover a working day, 7 daily a week, 4 weekly a
    # month and 12 monthly the year a liaison group reports on. Every backup holds the photos
    # too, so fewer than Anki's 20/7/8/8 plus a year of monthly copies.
    SettingSpec(
        "backup.keep_recent",
        int,
        12,
        "保留最近的几份自动备份（每 30 分钟最多一份）。",
        _MACHINE,
        minimum=1,
        maximum=100,
        label="保留最近的备份",
        label_en="Recent backups to keep",
        description_en="How many of the newest automatic backups to keep (at most one every 30 minutes).",
    ),
    SettingSpec(
        "backup.keep_daily",
        int,
        7,
        "另外保留最近几天每天的最后一份备份。",
        _MACHINE,
        minimum=0,
        maximum=100,
        label="保留每天的备份",
        label_en="Daily backups to keep",
        description_en="Also keep the last backup of each of this many recent days.",
    ),
    SettingSpec(
        "backup.keep_weekly",
        int,
        4,
        "另外保留最近几周每周的最后一份备份。",
        _MACHINE,
        minimum=0,
        maximum=100,
        label="保留每周的备份",
        label_en="Weekly backups to keep",
        description_en="Also keep the last backup of each of this many recent weeks.",
    ),
    SettingSpec(
        "backup.keep_monthly",
        int,
        12,
        "另外保留最近几个月每月的最后一份备份。",
        _MACHINE,
        minimum=0,
        maximum=120,
        label="保留每月的备份",
        label_en="Monthly backups to keep",
        description_en="Also keep the last backup of each of this many recent months.",
    ),
)

_BY_KEY: dict[str, SettingSpec] = {s.key: s for s in SETTINGS}


def spec(key: str) -> SettingSpec:
    """The declaration of ``key``; KeyError (with the known keys) for a key nobody declared."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(
            f"没有名为“{key}”的设置项（unknown setting {key!r}; known: {', '.join(_BY_KEY)}）"
        ) from None


def specs(scope: Scope | str) -> tuple[SettingSpec, ...]:
    """The settings of one scope, in declaration order (the order of the settings page)."""
    return tuple(s for s in SETTINGS if s.scope == scope)


def defaults(scope: Scope | str) -> dict[str, Any]:
    return {s.key: copy_value(s.default) for s in specs(scope)}


def copy_value(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    return text if len(text) <= 60 else text[:57] + "…"


def coerce(spec: SettingSpec, value: Any) -> Any:
    """``value`` checked and converted to what ``spec`` stores; ValueError in Chinese otherwise.

    Accepted: for ``bool`` only True/False; for ``int`` an integer, a whole float or a string of
    digits (from a text field); for ``str`` a string (surrounding spaces removed); for ``list`` a
    list or tuple of strings (returned as a new list).
    """
    name = f"“{spec.label or spec.key}”"
    if value is None:
        if spec.nullable:
            return None
        raise ValueError(f"{name}不能为空。")
    if spec.type is bool:
        if isinstance(value, bool):
            return value
        raise ValueError(f"{name}只能是“是”或“否”（True/False），收到的是 {_shown(value)}。")
    if spec.type is int:
        number = _as_int(value)
        low, high = spec.minimum, spec.maximum
        if low is not None and high is not None:
            allowed = f"{low} 到 {high} 之间的整数"
        elif low is not None:
            allowed = f"不小于 {low} 的整数"
        elif high is not None:
            allowed = f"不大于 {high} 的整数"
        else:
            allowed = "整数"
        if (
            number is None
            or (low is not None and number < low)
            or (high is not None and number > high)
        ):
            raise ValueError(f"{name}应为{allowed}，收到的是 {_shown(value)}。")
        result: Any = number
    elif spec.type is str:
        if not isinstance(value, str):
            raise ValueError(f"{name}应为文字，收到的是 {_shown(value)}。")
        result = value.strip()
        if spec.minimum is not None and len(result) < spec.minimum:
            raise ValueError(
                f"{name}不能为空。"
                if spec.minimum == 1
                else f"{name}至少要有 {spec.minimum} 个字。"
            )
        if spec.maximum is not None and len(result) > spec.maximum:
            raise ValueError(f"{name}最多 {spec.maximum} 个字，现在有 {len(result)} 个。")
    elif spec.type is list:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{name}应为一组文字（字符串列表），收到的是 {_shown(value)}。")
        result = list(value)
        if spec.minimum is not None and len(result) < spec.minimum:
            raise ValueError(f"{name}至少要有 {spec.minimum} 项。")
        if spec.maximum is not None and len(result) > spec.maximum:
            raise ValueError(f"{name}最多 {spec.maximum} 项，现在有 {len(result)} 项。")
    else:  # a declaration error, not a user's
        raise TypeError(f"setting {spec.key!r} has unsupported type {spec.type!r}")
    if spec.choices is not None and result not in spec.choices:
        allowed = "、".join(_shown(c) for c in spec.choices)
        raise ValueError(f"{name}只能是 {allowed} 之一，收到的是 {_shown(value)}。")
    return result


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def migrate(
    values: Mapping[str, Any],
    from_version: int,
    to_version: int = SETTINGS_VERSION,
    migrations: Mapping[int, Migration] | None = None,
) -> dict[str, Any]:
    """Stored values of ``from_version`` rewritten for ``to_version`` by the steps in
    ``migrations`` (default :data:`MIGRATIONS`); a missing step changes nothing."""
    steps = MIGRATIONS if migrations is None else migrations
    result = dict(values)
    for version in range(from_version, to_version):
        step = steps.get(version)
        if step is not None:
            result = dict(step(result))
            log.info("settings migrated from version %d to %d", version, version + 1)
    return result


def resolve(stored: Mapping[str, Any], scope: Scope | str) -> dict[str, Any]:
    """Every setting of ``scope``: the stored value where there is a valid one, else the default.
    A stored value that no longer passes :func:`coerce` is logged and replaced by the default."""
    result: dict[str, Any] = {}
    for s in specs(scope):
        if s.key not in stored:
            result[s.key] = copy_value(s.default)
            continue
        try:
            result[s.key] = coerce(s, stored[s.key])
        except ValueError as exc:
            log.warning("setting %s: stored value ignored, default used (%s)", s.key, exc)
            result[s.key] = copy_value(s.default)
    return result
