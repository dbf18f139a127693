"""The command line: ``liaison-desk`` starts the app; subcommands do the rest.

Every command prints a clear Chinese message and exits non-zero on bad input; a traceback goes to
the log file, never to the screen. Exit codes: 0 done, 1 a problem the user can fix, 2 wrong
usage, 3 an internal error (a bug: details in the log).
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from liaison_desk import __version__
from liaison_desk.config import data_dir, default_database_file
from liaison_desk.domain.rules import ConflictError, LockedError, ValidationError
from liaison_desk.log import setup_logging
from liaison_desk.services import ServiceContext, Services
from liaison_desk.storage.attachments import AttachmentStore
from liaison_desk.storage.backup import BackupInfo
from liaison_desk.storage.database import Database, database_url, sqlite_path
from liaison_desk.storage.errors import StorageError, os_error_text

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


class UserError(Exception):
    """A problem the user can fix; the message says how."""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        # argparse writes "heading:" with an ASCII colon; Chinese headings take the full-width
        # one (its "%(heading)s:" format cannot be changed otherwise).
        super().start_section(f"{heading}\0" if heading else heading)

    def format_help(self) -> str:
        return super().format_help().replace("\0:", "：")

    # argparse lines up and wraps by len(), but a Chinese character takes two columns in a
    # terminal: the help of "--db 数据库" started two columns late and long Chinese help ran
    # past the edge. The three methods below measure display width instead.

    def add_argument(self, action: argparse.Action) -> None:
        if action.help is not argparse.SUPPRESS:
            invocations = [self._format_action_invocation(action)]
            invocations += [
                self._format_action_invocation(sub)
                for sub in self._iter_indented_subactions(action)
            ]
            length = max(map(display_width, invocations)) + self._current_indent
            self._action_max_length = max(self._action_max_length, length)
            self._add_item(self._format_action, [action])

    def _format_action(self, action: argparse.Action) -> str:
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        if isinstance(action, argparse._SubParsersAction):
            # Its own line would repeat the section's heading (命令：/ 命令): list the commands.
            parts = [self._format_action(sub) for sub in self._iter_indented_subactions(action)]
            return self._join_parts(parts)
        if not action.help:
            parts = [f"{indent}{header}\n"]
            indent_first = 0
        elif display_width(header) <= action_width:
            parts = [f"{indent}{header}{' ' * (action_width - display_width(header))}  "]
            indent_first = 0
        else:
            parts = [f"{indent}{header}\n"]
            indent_first = help_position
        if action.help and action.help.strip():
            lines = self._split_lines(self._expand_help(action), help_width)
            if lines:
                parts.append(" " * indent_first + lines[0] + "\n")
                parts += [" " * help_position + line + "\n" for line in lines[1:]]
        elif not parts[0].endswith("\n"):
            parts.append("\n")
        for sub in self._iter_indented_subactions(action):
            parts.append(self._format_action(sub))
        return self._join_parts(parts)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_display(" ".join(text.split()), width)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for each wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


_WRAP_TOKENS = re.compile(r"\s+|[\u2e80-\uffef]|[^\s\u2e80-\uffef]+")


def wrap_display(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns: Latin words stay whole, Chinese breaks between any
    two characters (a closing punctuation mark is kept on the line before)."""
    lines: list[str] = []
    line = ""
    for token in _WRAP_TOKENS.findall(text):
        if token.isspace():
            if line:
                line += " "
            continue
        if (
            line
            and display_width(line.rstrip() + token) > width
            and token not in "，。；：、）」』”！？"
        ):
            lines.append(line.rstrip())
            line = ""
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _Parser(argparse.ArgumentParser):
    """argparse in Chinese: help, usage and complaints, with our exit code."""

    _PHRASES = (
        (": not allowed with argument ", "：不能与下面的参数同时使用："),
        ("the following arguments are required", "缺少必需的参数"),
        ("one of the arguments", "下面的参数必须有一个"),
        (" is required", ""),
        ("ambiguous option", "选项不明确"),
        ("could match", "可能是"),
        ("expected at most one argument", "最多只能有一个参数值"),
        ("expected at least one argument", "至少需要一个参数值"),
        ("ignored explicit argument", "多余的参数值"),
        ("invalid float value", "不是数字"),
        ("unrecognized arguments", "无法识别的参数"),
        ("expected one argument", "需要一个参数值"),
        ("invalid choice", "无效的选项"),
        ("choose from", "可选"),
        ("invalid int value", "不是整数"),
        ("argument ", "参数 "),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        add_help = kwargs.pop("add_help", True)
        parents = kwargs.pop("parents", [])
        kwargs["add_help"] = False  # our own -h, in Chinese
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
        # Parents are merged only now, so their groups (titled in Chinese too) join ours.
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> NoReturn:
        for english, chinese in self._PHRASES:
            message = message.replace(english, chinese)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"参数错误：{message}\n运行 liaison-desk --help 查看用法。\n")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是整数") from None
    if value < 1:
        raise argparse.ArgumentTypeError("必须是大于 0 的整数")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"「{text}」不是整数") from None


_DB_HELP = (
    "要打开的数据库文件（不存在时新建）。不写时用环境变量 LIAISON_DESK_DB，"
    "再没有就用本机用户数据文件夹中的数据库。区政协多台电脑共用服务器时，"
    "写服务器地址，如 postgresql+psycopg://用户@服务器/数据库名"
)


_NO_MASK_HELP = "不隐藏群众的姓名、电话号码和身份证号（只用于内部存档，不要外发）"


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"「{text}」不是窗口大小，请写成 宽x高，如 1400x900"
        ) from None
    if not (640 <= w <= 7680 and 480 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"窗口大小 {w}x{h} 不合适：宽 640–7680，高 480–4320")
    return w, h


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, metavar="数据库", help=_DB_HELP)

    parser = _Parser(
        prog="liaison-desk",
        description="联络组履职档案台 —— 政协委员联络组的协商活动、问题跟踪与协商案例档案。\n"
        "不带命令时打开主窗口。",
        epilog="例如：\n"
        "  liaison-desk                              打开主窗口\n"
        "  liaison-desk demo --db 示例数据库.sqlite  生成示例数据库\n"
        "  liaison-desk backup --out D:\\备份\\联络组-20250110.zip\n"
        "每个命令的详细用法：liaison-desk 命令 --help",
        parents=[common],
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"联络组履职档案台 {__version__}",
        help="显示版本号并退出",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", title="命令", parser_class=_Parser)

    sub.add_parser("gui", parents=[common], help="打开主窗口（默认）", description="打开主窗口。")

    demo = sub.add_parser(
        "demo",
        parents=[common],
        help="生成示例数据库（用于试用、培训和演示）",
        description="生成一个以吴兴区 2024 年为原型的示例数据库：16 个镇街联络组、"
        "85 场民生议事堂协商、158 场微协商、照片和 4 篇入选案例。\n"
        "示例数据只会写进新的（或空的）数据库文件，已有数据的数据库会被拒绝，以免和真实记录混在一起。",
        epilog="例如：liaison-desk demo --db 示例数据库.sqlite",
    )
    demo.add_argument(
        "--scale",
        type=_positive,
        default=1,
        metavar="倍数",
        help="数据量倍数（用于性能测试），默认 1",
    )
    demo.add_argument(
        "--seed",
        type=_whole,
        default=2024,
        metavar="种子",
        help="随机种子：相同种子生成相同数据，默认 2024",
    )

    sub.add_parser(
        "check",
        parents=[common],
        help="检查数据库和附件是否完整",
        description="检查数据库是否完好，附件文件夹中的照片和文件是否齐全、未损坏。"
        "健康时退出码为 0，有问题时为 1，并列出问题和处理办法。",
    )

    backup = sub.add_parser(
        "backup",
        parents=[common],
        help="把数据库和全部附件备份成一个文件",
        description="把数据库（在使用中也能得到一致的副本）和全部附件存成一个 .zip 备份文件。"
        "已存在的文件不会被覆盖。",
        epilog="例如：liaison-desk backup --out E:\\联络组备份-20250110.zip",
    )
    backup.add_argument(
        "--out", required=True, type=Path, metavar="备份文件", help="备份文件路径，以 .zip 结尾"
    )

    sub.add_parser(
        "backups",
        parents=[common],
        help="列出这个数据库的备份（自动备份、导入前、恢复前等）",
        description="列出这个数据库的全部备份，新的在前：时间、类型（自动/关闭时/导入前/恢复前/升级前/手动）、"
        "大小、各类记录的数量和文件位置。用 liaison-desk restore 备份文件 恢复其中一个。\n"
        "自动备份保存在数据库旁边的“备份”文件夹，或在“设置 → 备份”中选择的文件夹。",
        epilog="例如：liaison-desk backups --db D:\\联络组\\履职档案.sqlite",
    )

    shot = sub.add_parser(
        "screenshot",
        parents=[common],
        help="把主窗口的某一页或某条记录的表单存成图片（不显示窗口）",
        description="在后台打开主窗口，显示指定的页面（或打开指定编号的记录），存成 PNG 图片后退出。"
        "用于说明文档和测试。",
        epilog="例如：liaison-desk screenshot --page 工作台 --out 工作台.png --size 1400x900；"
        "liaison-desk screenshot --record 八里店-2024-微-001 --out 记录卡.png --size 1366x768",
    )
    what = shot.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--page",
        metavar="页面",
        help="页面名称，如 工作台、民生议事堂、微协商、问题跟踪、协商案例、人员名册、报送记录、回收站、设置",
    )
    what.add_argument(
        "--record",
        metavar="编号",
        help="民生议事堂或微协商活动的编号：画出这条记录的编辑表单",
    )
    shot.add_argument("--out", required=True, type=Path, metavar="图片文件", help="PNG 图片路径")
    shot.add_argument(
        "--size", type=_size, default=(1400, 900), metavar="宽x高", help="窗口大小，默认 1400x900"
    )
    shot.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        default=None,
        metavar="语言",
        help="界面语言：zh_CN 或 en",
    )

    printing = sub.add_parser(
        "print",
        parents=[common],
        help="把签到表、议事记录表、交办单或微协商记录卡存成 PDF",
        description="把一场或几场协商活动的签到表、议事记录表、交办单或微协商记录卡存成一个 PDF 文件"
        "（A4，按 GB/T 9704 排版，字体嵌入文件，在哪台电脑上打印都一样）。几场活动时每场另起一页；"
        "交办单按责任单位每个单位一份。每页右上角印有活动编号和它的二维码，签字后的扫描件可以据此"
        "自动归到对应的记录。\n"
        "默认隐藏所有未登记同意公开的人（委员、干部也一样）的电话号码和身份证号，记录表、交办单和"
        "记录卡中群众的姓名显示为“张某”（签到表上的姓名照常显示，以便签名）；只在本组内部存档时用 "
        "--no-mask 显示全部。",
        epilog="例如：\n"
        "  liaison-desk print record --number 织里-2024-议-012 --out 议事记录表.pdf\n"
        "  liaison-desk print signin --number 织里-2024-议-012 --number 织里-2024-议-013 "
        "--out 签到表.pdf",
    )
    printing.add_argument(
        "sheet",
        choices=["signin", "record", "slip", "card"],
        metavar="表格",
        help="signin 签到表，record 议事记录表，slip 交办单，card 微协商记录卡",
    )
    printing.add_argument(
        "--number",
        action="append",
        required=True,
        metavar="编号",
        help="协商活动的编号，如 织里-2024-议-012；可以写多次，按顺序放进同一个文件",
    )
    printing.add_argument(
        "--out", required=True, type=Path, metavar="PDF文件", help="要写入的 PDF 文件，以 .pdf 结尾"
    )
    printing.add_argument(
        "--no-mask",
        action="store_true",
        help="不隐藏电话号码、身份证号和群众姓名（只用于内部存档，不要外发）",
    )
    printing.add_argument(
        "--blank-rows",
        type=_whole,
        default=10,
        metavar="行数",
        help="签到表在已邀请人员之后留给现场签名的空行数，默认 10",
    )

    case_doc = sub.add_parser(
        "case-doc",
        parents=[common],
        help="把一篇协商案例存成 Word 或 PDF 文件",
        description="把一篇协商案例存成可编辑的 Word 文件（.docx）或 PDF 文件：A4，按 GB/T 9704 排版"
        "（标题方正小标宋简体二号，正文仿宋_GB2312三号，一级标题黑体、二级标题楷体，页码“— 1 —”），"
        "照片和说明排在正文之后。Word 文件写明公文字体，在装有这些字体的 Windows 电脑上打开即是正式版式；"
        "PDF 文件嵌入字体，在哪台电脑上打印都一样。\n"
        "默认隐藏群众的姓名（显示为“张某”）、电话号码和身份证号，本人已登记同意公开的除外；"
        "只在内部存档时用 --no-mask 显示全部。",
        epilog="例如：\n"
        "  liaison-desk case-doc --case J012-WS·2024-Y-ZL-0001 --docx 助力青年返乡.docx\n"
        "  liaison-desk case-doc --case 助力青年返乡 --pdf 助力青年返乡.pdf",
    )
    case_doc.add_argument(
        "--case",
        required=True,
        metavar="档号或标题",
        help="案例的档号，如 J012-WS·2024-Y-ZL-0001；也可以写案例的完整标题，或案例列表中的序号",
    )
    case_doc.add_argument(
        "--docx", type=Path, metavar="Word文件", help="要写入的 Word 文件，以 .docx 结尾"
    )
    case_doc.add_argument(
        "--pdf", type=Path, metavar="PDF文件", help="要写入的 PDF 文件，以 .pdf 结尾"
    )
    case_doc.add_argument(
        "--no-mask",
        action="store_true",
        help=_NO_MASK_HELP,
    )

    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="从备份文件恢复（当前数据会先自动备份）",
        description="用备份文件替换当前的数据库和附件。先逐项校验备份文件，不合格就不做任何改动；"
        "合格时先把当前数据自动备份到数据库旁边的“备份”文件夹，再替换。\n"
        "恢复前请先关闭正在使用这个数据库的联络组履职档案台窗口。",
        epilog="例如：liaison-desk restore E:\\联络组备份-20250110.zip",
    )
    restore.add_argument("file", type=Path, metavar="备份文件", help="要恢复的备份文件（.zip）")

    export_cases = sub.add_parser(
        "export-cases",
        parents=[common],
        help="把协商案例打成报送包（.zip），并记入报送记录",
        description="把选定的协商案例打成一个报送包：ZIP 压缩文件，里面是一个 BagIt 包（RFC 8493），"
        "含说明.txt、归档文件目录.xlsx（DA/T 22）、案例汇编.pdf、每篇案例的 Word 和 PDF 文件及照片"
        "（已转正、缩小到长边不超过 2560 像素、去除拍摄位置等信息）、案例所依据的议事记录表（PDF）"
        "和 package.json。接收单位可以用本软件的 verify 命令或任何 BagIt 工具检查报送包是否完整。\n"
        "生成后记入报送记录（日期、报送对象、案例、文件名和 SHA-256 校验值），案例状态改为“已报送”"
        "（已入选的保持“入选”）。只能报送已定稿的案例。\n"
        "默认隐藏群众的姓名（显示为“张某”）、电话号码和身份证号，本人已登记同意公开的除外；"
        "只在内部存档时用 --no-mask 显示全部。",
        epilog="例如：\n"
        "  liaison-desk export-cases --case J012-WS·2024-Y-ZL-0001 --case J012-WS·2024-Y-DX-0001 "
        '--target "市政协优秀协商案例征集" --out D:\\报送\n'
        '  liaison-desk export-cases --year 2024 --status 定稿 --target "市政协优秀协商案例征集" '
        "--sender 吴兴区政协 --out 报送包.zip",
    )
    which = export_cases.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--case",
        action="append",
        metavar="档号或编号",
        help="要报送的案例：档号（如 J012-WS·2024-Y-ZL-0001）、完整标题或案例列表中的序号；"
        "可以写多次，按顺序放进报送包",
    )
    which.add_argument(
        "--year", type=_whole, metavar="年度", help="报送这一年度的案例（不含草稿和退回修改的）"
    )
    export_cases.add_argument(
        "--status",
        metavar="状态",
        help="和 --year 一起用：只报送这个状态的案例，如 定稿、已报送、入选",
    )
    export_cases.add_argument(
        "--target", required=True, metavar="报送对象", help="如“市政协优秀协商案例征集”"
    )
    export_cases.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar="文件夹或ZIP文件",
        help="已有的文件夹（报送包按包名命名，如 吴兴区政协-织里镇联络组-2024-协商案例报送-20250110.zip），"
        "或以 .zip 结尾的文件名。已存在的文件不会被覆盖",
    )
    export_cases.add_argument(
        "--sender",
        default="",
        metavar="报送单位",
        help="写在包名和 bag-info.txt 中的报送单位，如 吴兴区政协；不写时用案例所属联络组的名称",
    )
    export_cases.add_argument(
        "--no-mask",
        action="store_true",
        help=_NO_MASK_HELP,
    )

    verify = sub.add_parser(
        "verify",
        parents=[common],
        help="检查报送包是否完整、未被改动",
        description="检查一个报送包（.zip）：是否是安全的 ZIP 文件（没有绝对路径、“..”、链接，"
        "不是“压缩炸弹”），BagIt 包是否完整有效（每个文件的校验值都相符，没有缺少或多出的文件），"
        "package.json 的格式版本是否认识、是否与文件一致。逐条列出发现的问题。\n"
        "通过时退出码为 0，有问题时为 1。报送包由本数据库生成时，还显示对应的报送记录。",
        epilog="例如：liaison-desk verify 吴兴区政协-织里镇联络组-2024-协商案例报送-20250110.zip",
    )
    verify.add_argument("file", type=Path, metavar="报送包", help="要检查的报送包文件（.zip）")
    _add_ledger_commands(sub, common)
    return parser


def _add_ledger_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """liaison-desk ledger export / import: the 台账 workbook (formats.md)."""
    ledger = sub.add_parser(
        "ledger",
        parents=[common],
        help="导出或导入台账（Excel 工作簿）",
        description="台账是一个 Excel 工作簿（.xlsx）：“协商活动”表每场活动一行，"
        "“意见建议”表每条意见建议一行。导出后可以在 Excel 或 WPS 中修改、补充，再导入回来。",
        epilog="例如：\n"
        "  liaison-desk ledger export --year 2024 --kind hall --out 民生议事堂台账-2024.xlsx\n"
        "  liaison-desk ledger import 民生议事堂台账-2024.xlsx --dry-run\n"
        "每个子命令的详细用法：liaison-desk ledger export --help",
    )
    actions = ledger.add_subparsers(
        dest="ledger_command", metavar="操作", title="操作", parser_class=_Parser, required=True
    )
    export = actions.add_parser(
        "export",
        parents=[common],
        help="把协商活动导出为台账",
        description="把协商活动（和它们的意见建议）按日期顺序导出为台账工作簿。"
        "可以按年度、类型和联络组筛选，与“民生议事堂”“微协商”页面的筛选相同。"
        "已存在的文件不会被覆盖，除非加 --overwrite；没有符合条件的活动时不写文件（退出码 1）。",
        epilog="例如：liaison-desk ledger export --year 2024 --kind micro --out 微协商台账-2024.xlsx",
    )
    export.add_argument("--year", type=_whole, metavar="年度", help="只导出这一年的活动，如 2024")
    export.add_argument(
        "--kind",
        choices=["hall", "micro"],
        metavar="类型",
        help="hall 民生议事堂，micro 微协商；不写时两种都导出",
    )
    export.add_argument("--group", metavar="联络组", help="只导出这个联络组的活动，如 织里镇联络组")
    export.add_argument(
        "--out", required=True, type=Path, metavar="台账文件", help="要写入的文件，以 .xlsx 结尾"
    )
    export.add_argument(
        "--overwrite", action="store_true", help="文件已存在时替换它（不写时不覆盖已有文件）"
    )
    imp = actions.add_parser(
        "import",
        parents=[common],
        help="导入台账：有编号的行更新记录，没有编号的行新建记录",
        description="导入台账工作簿。先逐行检查，列出每一行会新建、更新、无变化、跳过还是有错误及原因；"
        "只要有一行有错误，就什么都不写入（退出码 1）。全部正确时一次性写入。\n"
        "“协商活动”表：有编号的行更新该记录，没有编号的行新建记录并自动编号。"
        "“意见建议”表：按“活动编号”和“序号”（该活动的第几条）对应，没有序号的行新增一条。"
        "委员人次、参与人次、建议条数、已解决条数由记录算出，只核对不导入。已归档的记录需要先解锁才能修改。\n"
        "表头与标准列名不同、列的顺序不同都可以：常见的叫法会自动对应，其余用 --map 指定。"
        "没有编号的行与已有记录（或表中前面的行）联络组、日期和议题都相同时，算作重复，跳过不导入。",
        epilog="例如：\n"
        "  liaison-desk ledger import 台账.xlsx --dry-run\n"
        "  liaison-desk ledger import 我们镇的台账.xlsx --group 织里镇联络组 --kind micro\n"
        '  liaison-desk ledger import 我们的台账.xlsx --map "议事事项=议题" --map "活动形式=类型"',
    )
    imp.add_argument("file", type=Path, metavar="台账文件", help="要导入的台账（.xlsx）")
    imp.add_argument(
        "--dry-run", action="store_true", help="只检查并列出每一行的结果，不写入任何内容"
    )
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        type=_heading_pair,
        metavar="表头=标准列名",
        help="把文件中的一个表头对应到标准列，如 议事事项=议题；可以写多次",
    )
    imp.add_argument(
        "--kind",
        choices=["hall", "micro"],
        metavar="类型",
        help="表中没有“类型”列时，新记录的类型：hall 民生议事堂，micro 微协商",
    )
    imp.add_argument(
        "--group",
        metavar="联络组",
        help="表中没有“联络组”列（或某行没有填写）时，新记录所属的联络组，如 织里镇联络组；"
        "填写了联络组的行仍按该行所写",
    )
    imp.add_argument("--all", action="store_true", help="也列出与数据库相同（无变化）的行")


def _heading_pair(text: str) -> str:
    from liaison_desk.services.ledger import parse_heading_map

    try:
        parse_heading_map([text])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    log_file = setup_logging()
    command = args.command or "gui"
    handler: Callable[[argparse.Namespace], int] = _COMMANDS[command]
    try:
        return handler(args)
    except (UserError, StorageError, ValidationError, LockedError, ConflictError) as exc:
        _err(str(exc))
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        _err("已取消。")
        return EXIT_PROBLEM
    except Exception:
        log.exception("unexpected error in command %s", command)
        where = f"详情已写入日志文件：{log_file}" if log_file else "（日志文件无法写入）"
        _err(f"程序内部错误，命令没有完成。{where}\n请把日志文件发给技术支持人员。")
        return EXIT_BUG


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _url(args: argparse.Namespace) -> str:
    return database_url(getattr(args, "db", None), default_database_file())


def _store_for(url: str) -> AttachmentStore:
    path = sqlite_path(url)
    # A server database keeps its files in the data folder of this PC (a shared store for
    # several PCs is configured later, with the server).
    return AttachmentStore.beside_database(path) if path else AttachmentStore(data_dir() / "附件")


@contextmanager
def open_services(url: str, *, create: bool = True) -> Iterator[Services]:
    db = Database.open(url, create=create)
    try:
        yield Services(ServiceContext(db, _store_for(url)))
    finally:
        db.close()


class _Progress:
    """A one-line progress report on a terminal; silent when output goes to a file. A
    ``liaison_desk.progress.Progress`` that never cancels (Ctrl+C interrupts instead)."""

    def __init__(self, label: str) -> None:
        self.label = label
        # No stderr at all in a windowed program on Windows (liaison-desk.exe, pythonw).
        self.tty = sys.stderr is not None and sys.stderr.isatty()
        self.last = -1

    def __call__(self, done: int, total: int, message: str = "", /) -> None:
        percent = int(done * 100 / total) if total else 100
        if self.tty and percent != self.last:
            print(f"\r{self.label}… {percent}%", end="", file=sys.stderr, flush=True)
            self.last = percent

    def finish(self) -> None:
        if self.tty:
            print(file=sys.stderr)


# --- commands -------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from liaison_desk.app import run_gui  # Qt is loaded only for the window

    return run_gui(_url(args))


def cmd_screenshot(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSize

    from liaison_desk.app import take_screenshot

    out: Path = args.out
    if out.suffix.lower() != ".png":
        raise UserError(f"图片文件「{out}」应以 .png 结尾。")
    if not out.parent.is_dir():
        raise UserError(f"文件夹「{out.parent}」不存在，请先建好文件夹或换一个路径。")
    url = _url(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。")
    try:
        take_screenshot(
            url, args.page, out, QSize(*args.size), args.lang, record_number=args.record
        )
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    except OSError as exc:
        raise UserError(f"无法写入图片「{out}」：{os_error_text(exc)}。") from exc
    print(out)
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.is_dir():
        raise UserError(
            f"「{out}」是一个文件夹。请在 --out 后写 PDF 文件的完整文件名，如 {out / '签到表.pdf'}"
        )
    if out.suffix.lower() != ".pdf":
        raise UserError(f"PDF 文件「{out}」应以 .pdf 结尾。")
    if not out.parent.is_dir():
        raise UserError(f"文件夹「{out.parent}」不存在，请先建好文件夹或换一个路径。")
    if args.blank_rows < 0 or args.blank_rows > 200:
        raise UserError("空行数应在 0 到 200 之间。")
    numbers = list(dict.fromkeys(n.strip() for n in args.number if n.strip()))
    if not numbers:
        raise UserError("请用 --number 写出要打印的协商活动编号，如 织里-2024-议-012。")
    url = _url(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定要打印的数据库。")
    if sys.platform.startswith("linux"):
        # Printing to a file needs no screen: works the same over SSH and in scheduled tasks.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from liaison_desk.documents.sheet_data import SheetKind, SheetOptions

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    options = SheetOptions(mask=not args.no_mask, blank_rows=args.blank_rows)
    with open_services(url, create=False) as services:
        job = services.printouts.job_by_numbers(SheetKind(args.sheet), numbers, options)
    try:
        job.write_pdf(out)
    except OSError as exc:
        raise UserError(
            f"无法写入「{out}」：{os_error_text(exc)}。请换一个有写入权限的文件夹，"
            "或先关闭正在打开这个文件的程序。"
        ) from exc
    print(out)
    return EXIT_OK


def _output_file(path: Path, suffix: str, kind: str) -> Path:
    """Check an output file's name and folder before any work is done."""
    if path.is_dir():
        raise UserError(
            f"「{path}」是一个文件夹。请写出{kind}的完整文件名，如 {path / ('案例' + suffix)}"
        )
    if path.suffix.lower() != suffix:
        raise UserError(f"{kind}「{path}」应以 {suffix} 结尾。")
    if not path.parent.is_dir():
        raise UserError(f"文件夹「{path.parent}」不存在，请先建好文件夹或换一个路径。")
    return path


def cmd_case_doc(args: argparse.Namespace) -> int:
    if args.docx is None and args.pdf is None:
        _err("参数错误：请用 --docx 或 --pdf 写出要生成的文件（两个都写时都生成）。")
        _err("运行 liaison-desk case-doc --help 查看用法。")
        return EXIT_USAGE
    docx = _output_file(args.docx, ".docx", "Word 文件") if args.docx is not None else None
    pdf = _output_file(args.pdf, ".pdf", "PDF 文件") if args.pdf is not None else None
    url = _url(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定案例所在的数据库。")
    if pdf is not None:
        if sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
        from PySide6.QtGui import QGuiApplication

        _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    masked = not args.no_mask
    with open_services(url, create=False) as services:
        case = services.case_documents.find(args.case)
        assert case.id is not None
        for out, write in (
            (docx, services.case_documents.write_docx),
            (pdf, services.case_documents.write_pdf),
        ):
            if out is None:
                continue
            try:
                write(case.id, out, masked)
            except OSError as exc:
                raise UserError(
                    f"无法写入「{out}」：{os_error_text(exc)}。请换一个有写入权限的文件夹，"
                    "或先关闭正在打开这个文件的程序（如 Word、WPS）。"
                ) from exc
            print(out)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from liaison_desk.demo import build_demo

    url = _url(args)
    path = sqlite_path(url)
    progress = _Progress("正在生成示例数据")
    if path is not None and path.exists() and path.stat().st_size > 0:
        # Only ever into a database that holds nothing: demo data must never mix with real work.
        with open_services(url, create=False) as services:
            _refuse_if_not_empty(services, str(path))
    if path is None:  # a server: nothing to build beside, so build in place
        with open_services(url) as services:
            _refuse_if_not_empty(services, url)
            summary = build_demo(services, seed=args.seed, scale=args.scale, progress=progress)
    else:
        summary = _build_demo_file(path, args, progress, build_demo)
    progress.finish()
    print(f"示例数据已生成：{path or url}")
    print(
        f"联络组 {summary.groups} 个，人员 {summary.people} 人，民生议事堂协商 {summary.hall_sessions} 场，"
        f"微协商 {summary.micro_consultations} 场，意见建议 {summary.outcome_items} 条"
        f"（已解决 {summary.solved} 条），照片 {summary.photos} 张，协商案例 {summary.cases} 篇，"
        f"报送记录 {summary.submissions} 次。"
    )
    return EXIT_OK


def _refuse_if_not_empty(services: Services, where: str) -> None:
    if any(services.statistics.row_counts().values()):
        raise UserError(
            f"数据库「{where}」里已经有数据，示例数据只能生成在新的数据库文件里，以免和真实记录混在一起。"
            "请用 --db 指定一个新的文件名，例如：liaison-desk demo --db 示例数据库.sqlite"
        )


def _build_demo_file(path: Path, args: argparse.Namespace, progress: _Progress, build: Any) -> Any:
    """Build beside the target and move into place when complete, so a failure or Ctrl+C never
    leaves a half-built database behind."""
    store_dir = AttachmentStore.beside_database(path).root
    if store_dir.exists() and any(store_dir.iterdir()):
        raise UserError(
            f"附件文件夹「{store_dir}」已经存在且不是空的。请换一个数据库文件名，或先移走该文件夹。"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".demo-", dir=path.parent))
    except OSError as exc:
        raise UserError(
            f"无法在「{path.parent}」中创建文件（{os_error_text(exc)}）。请换一个有写入权限的位置。"
        ) from exc
    try:
        tmp_db = work / path.name
        with open_services(database_url(tmp_db, tmp_db)) as services:
            summary = build(services, seed=args.seed, scale=args.scale, progress=progress)
        tmp_store = AttachmentStore.beside_database(tmp_db).root
        if tmp_store.exists():
            if store_dir.exists():
                store_dir.rmdir()  # empty, checked above
            tmp_store.rename(store_dir)
        for side in ("-wal", "-shm"):
            path.with_name(path.name + side).unlink(missing_ok=True)
        tmp_db.replace(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return summary


def cmd_check(args: argparse.Namespace) -> int:
    from liaison_desk.storage.integrity import check_database

    url = _url(args)
    db = Database.open(url, create=False)
    try:
        report = check_database(db, _store_for(url))
    finally:
        db.close()
    print(report.render())
    return EXIT_OK if report.healthy else EXIT_PROBLEM


def cmd_backup(args: argparse.Namespace) -> int:
    from liaison_desk.storage.backup import create_backup

    url = _url(args)
    out: Path = args.out
    if out.exists() and out.is_dir():
        raise UserError(
            f"「{out}」是一个文件夹。请在 --out 后写备份文件的完整文件名，如 {out / '备份.zip'}"
        )
    db = Database.open(url, create=False)
    try:
        progress = _Progress("正在备份")
        info = create_backup(db, _store_for(url), out, progress=progress)
        progress.finish()
    finally:
        db.close()
    print(f"备份完成：{out}（数据库版本 {info.revision}，附件 {info.attachments} 个）")
    return _warn_incomplete(info, "这个备份里缺少")


_COUNT_WORDS = {
    "consultations": "协商活动",
    "outcome_items": "意见建议",
    "cases": "案例",
    "people": "人员",
    "attachments": "附件",
}


def cmd_backups(args: argparse.Namespace) -> int:
    url = _url(args)
    path = sqlite_path(url)
    if path is None:
        raise UserError(
            "服务器上的数据库没有自动备份，请用数据库自己的备份工具（例如 pg_dump）备份和恢复。"
        )
    if not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定数据库。")
    with open_services(url, create=False) as services:
        entries = services.backups.backups()
        folder = services.backups.folder()
    if not entries:
        print(f"数据库「{path}」还没有备份。自动备份会保存在「{folder}」。")
        return EXIT_OK
    print(f"数据库「{path}」的备份（新的在前，共 {len(entries)} 个）：")
    for e in entries:
        when = e.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        size = f"{e.size / 1024 / 1024:.1f} MB"
        if e.problem:
            contents = f"无法读取：{e.problem}"
        else:
            contents = " · ".join(f"{_COUNT_WORDS.get(k, k)} {n}" for k, n in e.counts.items())
        print(f"{when}  {e.kind.value:<4}  {size:>9}  {contents}")
        print(f"    {e.path}")
    print("恢复其中一个：liaison-desk restore 备份文件（当前数据会先自动备份）。")
    return EXIT_OK


def _warn_incomplete(info: BackupInfo, lead: str) -> int:
    """Photos the database refers to but that could not be included: say so, and exit 1 so a
    scheduled backup does not pass as complete."""
    lost = len(info.missing_attachments) + len(info.damaged_attachments)
    if not lost:
        return EXIT_OK
    _err(
        f"注意：{lead} {lost} 个附件文件（缺失 {len(info.missing_attachments)} 个，"
        f"损坏 {len(info.damaged_attachments)} 个），它们在原来的附件文件夹里就已经找不到或已损坏。"
        "运行 liaison-desk check 可以看到是哪些记录的哪些照片；请从旧电脑或以前的备份中找回附件文件夹。"
    )
    return EXIT_PROBLEM


def cmd_restore(args: argparse.Namespace) -> int:
    from liaison_desk.instance_lock import InstanceLock
    from liaison_desk.storage.backup import read_backup, restore_backup

    url = _url(args)
    path = sqlite_path(url)
    if path is None:
        raise UserError("只能恢复到本机的数据库文件。服务器数据库请用数据库自己的恢复工具。")
    source: Path = args.file
    if source.is_dir():
        raise UserError(f"「{source}」是一个文件夹。请指定备份文件（.zip）本身。")
    if not source.is_file():
        raise UserError(f"找不到备份文件「{source}」。请检查文件名和路径。")
    info = read_backup(source)
    lock = InstanceLock(path)
    holder = lock.acquire()
    if holder is not None:
        where = f"本机的进程 {holder.pid}" if holder.on_this_computer else f"电脑“{holder.host}”"
        raise UserError(
            f"数据库「{path}」正在联络组履职档案台中打开（{where}）。"
            "请先关闭那个窗口，再恢复；数据库没有任何改动。"
        )
    try:
        progress = _Progress("正在恢复")
        safety = restore_backup(source, path, progress=progress)
        progress.finish()
    finally:
        lock.release()
    Database.open(database_url(path, path)).close()  # upgrades a backup from an older version
    print(f"已从「{source}」恢复到「{path}」。")
    if safety:
        print(f"恢复前的数据已自动备份到：{safety}")
    return _warn_incomplete(info, "备份时就缺少")


def _cases_to_export(services: Services, args: argparse.Namespace) -> list[int]:
    """The ids of the cases named by --case (every unknown one named), or of --year/--status."""
    from liaison_desk.domain.enums import CaseStatus
    from liaison_desk.domain.queries import CaseFilter

    if args.case:
        ids: list[int] = []
        unknown: list[str] = []
        for key in args.case:
            try:
                case = services.case_documents.find(key)
            except ValidationError as exc:
                unknown.append(str(exc))
                continue
            if case.id is not None and case.id not in ids:
                ids.append(case.id)
        if unknown:
            raise UserError("\n".join(unknown))
        return ids
    if args.status:
        try:
            status = CaseStatus.from_label(args.status)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        statuses = {status}
    else:
        statuses = {CaseStatus.FINAL, CaseStatus.SUBMITTED, CaseStatus.SELECTED}
    cases = services.cases.in_statuses(statuses, CaseFilter(year=args.year))
    cases.sort(key=lambda c: (c.archive_number or "~", c.id or 0))
    if not cases:
        shown = "、".join(s.label for s in sorted(statuses))
        raise UserError(f"{args.year} 年度没有状态为“{shown}”的协商案例可以报送。")
    return [c.id for c in cases if c.id is not None]


def cmd_export_cases(args: argparse.Namespace) -> int:
    from liaison_desk.progress import Cancelled

    out: Path = args.out
    if args.status and args.year is None:
        raise UserError("--status 要和 --year 一起用，如 --year 2024 --status 定稿。")
    if out.suffix.lower() == ".zip" and not out.is_dir():
        if not out.parent.is_dir():
            raise UserError(f"文件夹「{out.parent}」不存在，请先建好文件夹或换一个路径。")
        if out.exists():
            raise UserError(
                f"文件「{out}」已经存在，不会覆盖。请换一个文件名，或先移走原来的文件。"
            )
    elif not out.is_dir():
        raise UserError(
            f"「{out}」不是已有的文件夹，也不是以 .zip 结尾的文件名。"
            "请在 --out 后写一个已有的文件夹，或报送包的完整文件名（如 报送包.zip）。"
        )
    url = _url(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定案例所在的数据库。")
    if sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # PDFs need no screen
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    masked = not args.no_mask
    with open_services(url, create=False) as services:
        ids = _cases_to_export(services, args)
        preview = services.packages.masking_preview(ids, masked=masked)
        progress = _Progress("正在生成报送包")
        try:
            result = services.packages.export(
                ids,
                args.target,
                out,
                masked=masked,
                sender=args.sender,
                progress=progress,
            )
        except Cancelled:
            progress.finish()
            _err("已取消，没有留下任何文件。")
            return EXIT_PROBLEM
        progress.finish()
    print(f"报送包已生成：{result.path}")
    print(
        f"协商案例 {len(result.cases)} 篇："
        + "；".join(f"《{c.title}》（{c.status.label}）" for c in result.cases)
    )
    print(
        f"文件 {result.files} 个，大小 {result.size / 1024 / 1024:.1f} MB，"
        f"用时 {result.seconds:.1f} 秒。SHA-256：{result.sha256}"
    )
    sub = result.submission
    print(f"已记入报送记录：{sub.submitted_on:%Y年%m月%d日} 报送“{sub.target}”。")
    if masked:
        print(f"个人信息：已隐藏 {len(preview.hidden)} 项（群众姓名、电话号码、身份证号）。")
    else:
        print("注意：没有隐藏个人信息，这个报送包只能用于内部存档，请勿外发。")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from liaison_desk.documents.package import verify_package

    source: Path = args.file
    url = _url(args)
    path = sqlite_path(url)
    text = ""
    if path is None or path.exists():
        # The database tells which submission the package was (when this office sent it); a
        # database that cannot be opened only loses that line.
        try:
            with open_services(url, create=False) as services:
                check = services.packages.verify(source)
            text, ok = check.render(), check.ok
        except StorageError:
            log.warning("verify: database %s not available for the ledger match", url)
    if not text:
        report = verify_package(source)
        text, ok = report.render(), report.ok
    print(text)
    return EXIT_OK if ok else EXIT_PROBLEM


def cmd_ledger(args: argparse.Namespace) -> int:
    from liaison_desk.domain.enums import ConsultationKind
    from liaison_desk.domain.queries import ConsultationFilter, PageRequest
    from liaison_desk.services.ledger import parse_heading_map, report_lines

    url = _url(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(f"数据库文件「{path}」不存在。请用 --db 指定数据库。")
    kind = ConsultationKind(args.kind) if args.kind else None
    if args.ledger_command == "export":
        out: Path = args.out
        if out.is_dir():
            raise UserError(f"「{out}」是一个文件夹。请在 --out 后写台账文件的完整文件名。")
        if out.suffix.lower() != ".xlsx":
            raise UserError(f"台账文件「{out}」应以 .xlsx 结尾。")
        if not out.parent.is_dir():
            raise UserError(f"文件夹「{out.parent}」不存在，请先建好文件夹或换一个路径。")
        if out.exists() and not args.overwrite:
            raise UserError(
                f"文件「{out}」已经存在，不会覆盖。请换一个文件名，或加 --overwrite 替换它。"
            )
        with open_services(url, create=False) as services:
            group_id = None
            if args.group:
                group = services.ledger.group_named(args.group)
                if group is None:
                    names = "、".join(g.name for g in services.groups.all()) or "（还没有联络组）"
                    raise UserError(f"没有联络组「{args.group}」。已有的联络组：{names}")
                group_id = group.id
            f = ConsultationFilter(year=args.year, kind=kind, group_id=group_id)
            if services.consultations.search(f, PageRequest(limit=1)).total == 0:
                raise UserError(
                    f"没有符合条件的协商活动（{services.ledger.title(f)}），没有写入文件。"
                    "请检查 --year、--kind 和 --group。"
                )
            progress = _Progress("正在导出台账")
            try:
                result = services.ledger.export(f, out, progress)
            except OSError as exc:
                raise UserError(
                    f"无法写入「{out}」：{os_error_text(exc)}。请换一个有写入权限的文件夹，"
                    "或先关闭正在打开这个文件的 Excel 或 WPS。"
                ) from exc
            progress.finish()
        print(f"已导出 {result.consultations} 场协商活动、{result.items} 条意见建议：{out}")
        return EXIT_OK
    with open_services(url, create=False) as services:
        group_id = None
        if args.group:
            group = services.ledger.group_named(args.group)
            if group is None:
                names = "、".join(g.name for g in services.groups.all()) or "（还没有联络组）"
                raise UserError(
                    f"没有联络组「{args.group}」。请在 --group 后写已有的联络组：{names}；"
                    "或先在“设置”中添加这个联络组。"
                )
            group_id = group.id
        plan = services.ledger.plan_import(
            args.file,
            heading_map=parse_heading_map(args.map),
            default_kind=kind,
            default_group_id=group_id,
        )
        if plan.ok and plan.has_changes and not args.dry_run:
            services.ledger.apply_import(plan)
    for line in report_lines(plan, every_row=args.all):
        print(line)
    if not plan.ok:
        return EXIT_PROBLEM
    if args.dry_run and plan.has_changes:
        print("（这是试运行：没有写入任何内容。去掉 --dry-run 再运行一次即可导入。）")
    return EXIT_OK


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ledger": cmd_ledger,
    "gui": cmd_gui,
    "demo": cmd_demo,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "backups": cmd_backups,
    "screenshot": cmd_screenshot,
    "print": cmd_print,
    "export-cases": cmd_export_cases,
    "verify": cmd_verify,
    "case-doc": cmd_case_doc,
}
