"""The command line's parser: argparse in Chinese (help, usage and complaints), lined up by display
width, and every command with its options, help and examples."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, NoReturn

from liaison_desk import __version__
from liaison_desk.cli.common import EXIT_USAGE


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
    demo.add_argument(
        "--group",
        metavar="联络组",
        help="只生成一个联络组的数据库（它在全区示例中的那一份，如 织里镇联络组），"
        "用于演练区政协汇总各联络组的报送数据包",
    )

    check = sub.add_parser(
        "check",
        parents=[common],
        help="检查数据库和附件是否完整",
        description="检查数据库是否完好，附件文件夹中的照片和文件是否齐全、未损坏。"
        "健康时退出码为 0，有问题时为 1，并列出问题和处理办法。",
    )
    check.add_argument(
        "--rebuild-search",
        action="store_true",
        help="先从记录重新建立全文搜索索引（不改动任何记录），再检查",
    )

    # liaison-desk search (issue 16): one search over every kind of record.
    search = sub.add_parser(
        "search",
        parents=[common],
        help="在协商活动、意见建议、案例和人员中搜索文字",
        description="在协商活动、意见建议、协商案例和人员中搜索包含这段文字的记录（不区分英文字母大小写），"
        "按种类分组列出编号、标题和找到文字的片段。找到时退出码为 0，没有找到时为 1。",
        epilog="例如：\n"
        "  liaison-desk search 电梯\n"
        "  liaison-desk search 织里-2024-议 --kind 活动 --limit 50",
    )
    search.add_argument("text", nargs="+", metavar="文字", help="要搜索的文字")
    search.add_argument(
        "--kind",
        action="append",
        metavar="种类",
        help="只搜索这一种记录：活动、建议、案例或人员（可以写多次），默认全部",
    )
    search.add_argument(
        "--limit",
        type=_positive,
        default=20,
        metavar="条数",
        help="每种记录最多列出几条，默认 20",
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
        help="页面名称，如 工作台、民生议事堂、微协商、问题跟踪、协商案例、人员名册、委员履职、报送记录、各组对比、回收站、设置",
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
    _add_records_commands(sub, common)
    _add_ledger_commands(sub, common)
    _add_report_commands(sub, common)
    _add_server_commands(sub, common)
    _add_district_return_command(sub, common)
    _add_member_commands(sub, common)
    return parser


def _add_records_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """liaison-desk export-records / import: records packages (issue 17)."""
    export = sub.add_parser(
        "export-records",
        parents=[common],
        help="导出报送数据包（联络组的履职记录，报区政协汇总）",
        description="把一个联络组的协商活动（参与人员、发言、流程、意见建议和跟踪情况）、人员、"
        "协商案例、报送结果、照片和已删除记录导出为一个 BagIt 报送数据包（.zip），"
        "区政协用 liaison-desk import 导入合并。每条记录带 UUID 和版本号。"
        "默认隐藏未同意公开人员的手机号和身份证号。",
        epilog="例如：liaison-desk export-records --year 2024 --out 织里镇联络组-2024.zip",
    )
    when = export.add_mutually_exclusive_group()
    when.add_argument("--year", type=_positive, metavar="年度", help="只导出这一年度的记录")
    when.add_argument("--since", metavar="日期", help="只导出这一天（如 2024-07-01）以来改动的记录")
    export.add_argument("--group", metavar="联络组", help="要导出的联络组（库中只有一个时可不写）")
    export.add_argument("--no-photos", action="store_true", help="不导出照片文件")
    export.add_argument(
        "--no-mask",
        action="store_true",
        help="不隐藏手机号和身份证号（只用于内部，不要外发）",
    )
    export.add_argument(
        "--out", required=True, type=Path, metavar="文件", help="报送数据包文件（.zip）"
    )

    imp = sub.add_parser(
        "import",
        parents=[common],
        help="导入报送数据包或协商案例报送包（区政协合并各联络组的记录和案例）",
        description="报送数据包（履职记录）和协商案例报送包都可以导入。"
        "先校验报送包，不通过的一律拒绝、不写入任何数据；通过后备份数据库，"
        "再按 UUID 和版本号合并：新记录新增，较新的更新，相同的跳过，两边都改过的列为冲突"
        "（默认保留本库的版本）。同一个包导入两次，第二次不改动任何数据。"
        "协商案例报送包带来案例、照片和案例所依据的协商活动，内容是包中隐藏个人信息后的样子；"
        "之后导入同一联络组的报送数据包时会补全这些记录。"
        "要导入的数据库文件不存在时会新建。",
        epilog="例如：liaison-desk import 织里镇联络组-2024-报送数据包.zip --db 区政协.sqlite\n"
        "      liaison-desk import 吴兴区政协-织里镇联络组-2024-协商案例报送-20250110.zip "
        "--db 区政协.sqlite\n"
        "      liaison-desk import --undo-last --db 区政协.sqlite",
    )
    imp.add_argument("file", nargs="?", type=Path, metavar="报送包", help="要导入的报送包（.zip）")
    imp.add_argument("--dry-run", action="store_true", help="只试导入，列出会发生的改动，不写入")
    imp.add_argument(
        "--theirs", action="store_true", help="有冲突时用报送方的版本（默认保留本库的）"
    )
    imp.add_argument("--undo-last", action="store_true", help="撤销最近一次导入")


def _add_ledger_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """liaison-desk ledger export / import: the 台账 workbook (formats.md)."""
    ledger = sub.add_parser(
        "ledger",
        parents=[common],
        help="导出或导入台账（Excel 工作簿）",
        description="台账是一个 Excel 工作簿（.xlsx）：“协商活动”表每场活动一行，"
        "“意见建议”表每条意见建议一行。默认导出的台账隐藏个人信息，供外发阅读，不能导入回来；"
        "用 --no-mask 导出的工作底稿可以在 Excel 或 WPS 中修改、补充，再导入回来。",
        epilog="例如：\n"
        "  liaison-desk ledger export --year 2024 --kind hall --out 民生议事堂台账-2024.xlsx\n"
        "  liaison-desk ledger export --year 2024 --no-mask --out 台账-2024-工作底稿.xlsx\n"
        "  liaison-desk ledger import 台账-2024-工作底稿.xlsx --dry-run\n"
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
        "已存在的文件不会被覆盖，除非加 --overwrite；没有符合条件的活动时不写文件（退出码 1）。\n"
        "默认隐藏所有未登记同意公开的人（委员、干部也一样）的电话号码和身份证号，以及群众的姓名"
        "（显示为“张某”），表头上方注明隐藏了什么；这样的台账供外发阅读，不能导入回来。"
        "要在 Excel 或 WPS 中修改后导入，请用 --no-mask 导出本组的工作底稿（不要外发）。",
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
    export.add_argument(
        "--no-mask",
        action="store_true",
        help="不隐藏电话号码、身份证号和群众姓名：导出本组的工作底稿，可以修改后导入回来"
        "（只用于内部，不要外发）",
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
        "没有编号的行与已有记录（或表中前面的行）联络组、日期和议题都相同时，算作重复，跳过不导入。\n"
        "隐藏了个人信息的台账（默认导出的）不能导入：请导入用 ledger export --no-mask 导出的工作底稿。",
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


def _add_report_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """liaison-desk stats / summary: the statistics workbook and the year's summary draft."""
    stats = sub.add_parser(
        "stats",
        parents=[common],
        help="生成统计报表（Excel 工作簿，含图表）",
        description="按年度、季度或月份生成统计报表工作簿（.xlsx）：总表（各项数字及统计口径）、"
        "分组（各联络组对比，含柱形图）、按月（含走势图）、办理情况（按责任单位）、议题来源。"
        "数字的统计口径与“工作台”相同。已存在的文件不会被覆盖，除非加 --overwrite。",
        epilog="例如：\n"
        "  liaison-desk stats --year 2024 --out 统计报表-2024.xlsx\n"
        "  liaison-desk stats --year 2024 --quarter 3 --group 织里镇联络组 --out 织里-三季度.xlsx",
    )
    stats.add_argument("--year", required=True, type=_whole, metavar="年度", help="如 2024")
    when = stats.add_mutually_exclusive_group()
    when.add_argument("--quarter", type=_whole, metavar="季度", help="只统计这一季度：1–4")
    when.add_argument("--month", type=_whole, metavar="月份", help="只统计这一个月：1–12")
    stats.add_argument("--group", metavar="联络组", help="只统计这个联络组，如 织里镇联络组")
    stats.add_argument(
        "--out", required=True, type=Path, metavar="报表文件", help="要写入的文件，以 .xlsx 结尾"
    )
    stats.add_argument(
        "--overwrite", action="store_true", help="文件已存在时替换它（不写时不覆盖已有文件）"
    )

    summary = sub.add_parser(
        "summary",
        parents=[common],
        help="生成年度工作综述的数据部分初稿（Word 文件）",
        description="按记录写出年度工作综述中数据部分的初稿（.docx）：全年开展民生议事堂协商和微协商的"
        "场次、参与人次、意见建议和已解决问题数、议题来源，以及按入选层级（省级、市级……）列出的入选案例。"
        "每个数字都注明在统计报表中的位置（见统计报表·总表第N行），文中只写记录能支持的内容，"
        "请在 Word 中修改润色。",
        epilog="例如：liaison-desk summary --year 2024 --docx 2024年工作综述初稿.docx",
    )
    summary.add_argument("--year", required=True, type=_whole, metavar="年度", help="如 2024")
    summary.add_argument("--group", metavar="联络组", help="只写这个联络组，如 织里镇联络组")
    summary.add_argument(
        "--docx", required=True, type=Path, metavar="Word文件", help="要写入的文件，以 .docx 结尾"
    )
    summary.add_argument(
        "--overwrite", action="store_true", help="文件已存在时替换它（不写时不覆盖已有文件）"
    )


def _add_server_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """liaison-desk migrate-to / server-setup (issue 17): a shared PostgreSQL server."""
    migrate = sub.add_parser(
        "migrate-to",
        parents=[common],
        help="把数据库文件（连同全部照片和附件）搬到 PostgreSQL 服务器上",
        description="把 --db 指定的数据库文件里的全部记录、照片和附件复制到服务器上一个新建的空数据库里"
        "（表结构由程序建立）。复制在一个事务里完成：复制后逐表核对行数和内容校验值、逐个核对附件的"
        "SHA-256，全部一致才提交；出错或不一致时服务器上什么都不留下。已有记录的数据库会被拒绝。"
        "原来的数据库文件不会被改动。",
        epilog="例如：\n"
        "  liaison-desk migrate-to postgresql+psycopg://liaison_admin:密码@192.168.1.10/liaison"
        " --db 吴兴区.sqlite",
    )
    migrate.add_argument(
        "target", metavar="服务器地址", help="如 postgresql+psycopg://用户名:密码@服务器/数据库名"
    )

    setup = sub.add_parser(
        "server-setup",
        parents=[common],
        help="在 PostgreSQL 服务器上建立账号和访问规则（各联络组只能改本组记录）",
        description="在 --db 指定的服务器数据库上建立角色和行级安全策略：每个联络组一个角色、"
        "区政协办公室一个角色；镇街的登录账号只能查看和修改本联络组的记录，办公室的账号可以查看和修改全部记录。"
        "规则由服务器本身执行，用别的程序连接也绕不过去。请用建立数据表的管理员账号运行；可以重复运行。"
        "新建的登录账号没有密码，请再用 psql 的 \\password 命令为它设置密码。",
        epilog="例如：\n"
        "  liaison-desk server-setup --db postgresql+psycopg://liaison_admin@服务器/liaison"
        " --office-login qu_office --group-login 织里镇联络组=zhili_pc1\n"
        "  liaison-desk server-setup --db … --print-sql > 设置.sql   只输出 SQL，不执行",
    )
    setup.add_argument(
        "--office-login",
        action="append",
        default=[],
        metavar="登录名",
        help="区政协办公室的登录账号（可以写多次）",
    )
    setup.add_argument(
        "--group-login",
        action="append",
        default=[],
        metavar="联络组=登录名",
        help="一个联络组的登录账号，如 织里镇联络组=zhili_pc1（可以写多次）",
    )
    setup.add_argument(
        "--print-sql", action="store_true", help="只输出要执行的 SQL 语句，不连接执行"
    )
    setup.add_argument(
        "--role-prefix",
        metavar="前缀",
        help="这个数据库的角色名的前缀（默认用数据库名，如 liaison_office、liaison_group_3）；"
        "角色是整个服务器共用的，同一服务器上的每个数据库要用不同的前缀",
    )


def _add_district_return_command(sub: Any, common: argparse.ArgumentParser) -> None:
    """liaison-desk district-return: the district's monthly or quarterly return."""
    ret = sub.add_parser(
        "district-return",
        parents=[common],
        help="生成区政协联络组工作情况月报或季报（Excel）",
        description="把各联络组一个月、一个季度或全年的数字并列成表（.xlsx）：民生议事堂、微协商、"
        "参与人次、委员人次、意见建议、已解决、解决率、超期、案例、入选，末行为合计；"
        "另有“统计口径”表说明每个数字怎么数。数字与“各组对比”页和统计报表的“分组”表相同。"
        "已存在的文件不会被覆盖，除非加 --overwrite。",
        epilog="例如：\n"
        "  liaison-desk district-return --year 2024 --quarter 1 --out 季报-2024Q1.xlsx\n"
        "  liaison-desk district-return --year 2024 --month 3 --out 月报-2024-03.xlsx",
    )
    ret.add_argument("--year", required=True, type=_whole, metavar="年度", help="如 2024")
    when = ret.add_mutually_exclusive_group()
    when.add_argument("--quarter", type=_whole, metavar="季度", help="季报：1–4")
    when.add_argument("--month", type=_whole, metavar="月份", help="月报：1–12")
    ret.add_argument(
        "--out", required=True, type=Path, metavar="报表文件", help="要写入的文件，以 .xlsx 结尾"
    )
    ret.add_argument(
        "--overwrite", action="store_true", help="文件已存在时替换它（不写时不覆盖已有文件）"
    )


def _add_member_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """liaison-desk member-record / ranking: members' 履职档案 and the 履职积分 ranking."""
    record = sub.add_parser(
        "member-record",
        parents=[common],
        help="生成一位政协委员的年度履职档案（PDF）",
        description="按记录写出一位政协委员一年的履职档案（PDF，公文格式）：基本情况、履职积分、"
        "参加的协商活动（出席、主持、发言）、提出的意见建议及办理情况、参与的协商案例及入选层级。"
        "积分按“设置·履职积分”中的分值计算。电话号码和身份证号按隐藏设置处理。"
        "同名的委员不止一位时，列出他们并请用 --group 指明。已存在的文件不会被覆盖，除非加 --overwrite。",
        epilog="例如：liaison-desk member-record --person 金秀艳 --year 2024 --pdf 金秀艳-2024.pdf",
    )
    record.add_argument("--person", required=True, metavar="姓名", help="政协委员的姓名")
    record.add_argument("--year", required=True, type=_whole, metavar="年度", help="如 2024")
    record.add_argument("--group", metavar="联络组", help="同名时指明委员所在的联络组")
    record.add_argument(
        "--pdf", required=True, type=Path, metavar="PDF文件", help="要写入的文件，以 .pdf 结尾"
    )
    record.add_argument(
        "--overwrite", action="store_true", help="文件已存在时替换它（不写时不覆盖已有文件）"
    )

    ranking = sub.add_parser(
        "ranking",
        parents=[common],
        help="生成政协委员年度履职积分排名（Excel 工作簿）",
        description="按“设置·履职积分”中的分值，计算一年中每位政协委员的履职积分并排名，写成工作簿"
        "（.xlsx）：“排名”表每位委员一行（名次、出席、主持、发言、意见建议、案例和积分），积分相同的"
        "名次并列；“积分规则”表列出所用的分值。已存在的文件不会被覆盖，除非加 --overwrite。",
        epilog="例如：\n"
        "  liaison-desk ranking --year 2024 --out 履职积分排名-2024.xlsx\n"
        "  liaison-desk ranking --year 2024 --group 织里镇联络组 --out 织里-积分排名.xlsx",
    )
    ranking.add_argument("--year", required=True, type=_whole, metavar="年度", help="如 2024")
    ranking.add_argument("--group", metavar="联络组", help="只排这个联络组的委员，如 织里镇联络组")
    ranking.add_argument(
        "--out", required=True, type=Path, metavar="排名表文件", help="要写入的文件，以 .xlsx 结尾"
    )
    ranking.add_argument(
        "--overwrite", action="store_true", help="文件已存在时替换它（不写时不覆盖已有文件）"
    )


def _heading_pair(text: str) -> str:
    from liaison_desk.services.ledger import parse_heading_map

    try:
        parse_heading_map([text])
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text
