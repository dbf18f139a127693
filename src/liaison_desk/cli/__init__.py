"""The command line: ``liaison-desk`` starts the app; subcommands do the rest.

Every command prints a clear Chinese message and exits non-zero on bad input; a traceback goes to
the log file, never to the screen. Exit codes: 0 done, 1 a problem the user can fix, 2 wrong
usage, 3 an internal error (a bug: details in the log).

A problem the user can fix is any ``UserFacingError`` (liaison_desk/errors.py): its message is
printed as it is. Anything else is a bug. The parser is in ``parser.py``; each command lives in
the module of its area (``window``, ``printing``, ``demo``, ``backups``, ``packages``,
``ledger``) and is listed in ``_COMMANDS`` below.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable, Sequence

from liaison_desk.cli.backups import cmd_backup, cmd_backups, cmd_check, cmd_restore
from liaison_desk.cli.common import (
    EXIT_BUG,
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    UserError,
    err,
    open_services,
)
from liaison_desk.cli.demo import cmd_demo
from liaison_desk.cli.ledger import cmd_ledger
from liaison_desk.cli.members import cmd_member_record, cmd_ranking
from liaison_desk.cli.packages import cmd_export_cases, cmd_verify
from liaison_desk.cli.parser import build_parser, display_width, wrap_display
from liaison_desk.cli.printing import cmd_case_doc, cmd_print
from liaison_desk.cli.records import cmd_export_records, cmd_import
from liaison_desk.cli.reports import cmd_district_return, cmd_stats, cmd_summary
from liaison_desk.cli.search import cmd_search
from liaison_desk.cli.server import cmd_migrate_to, cmd_server_setup
from liaison_desk.cli.window import cmd_gui, cmd_screenshot
from liaison_desk.errors import UserFacingError
from liaison_desk.log import setup_logging

__all__ = [
    "EXIT_BUG",
    "EXIT_OK",
    "EXIT_PROBLEM",
    "EXIT_USAGE",
    "UserError",
    "build_parser",
    "display_width",
    "main",
    "open_services",
    "wrap_display",
]

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    log_file = setup_logging()
    command = args.command or "gui"
    handler: Callable[[argparse.Namespace], int] = _COMMANDS[command]
    try:
        return handler(args)
    except UserFacingError as exc:
        err(str(exc))
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        err("已取消。")
        return EXIT_PROBLEM
    except Exception:
        log.exception("unexpected error in command %s", command)
        where = f"详情已写入日志文件：{log_file}" if log_file else "（日志文件无法写入）"
        err(f"程序内部错误，命令没有完成。{where}\n请把日志文件发给技术支持人员。")
        return EXIT_BUG


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ledger": cmd_ledger,
    "gui": cmd_gui,
    "demo": cmd_demo,
    "check": cmd_check,
    "search": cmd_search,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "backups": cmd_backups,
    "screenshot": cmd_screenshot,
    "print": cmd_print,
    "export-cases": cmd_export_cases,
    "verify": cmd_verify,
    "export-records": cmd_export_records,
    "import": cmd_import,
    "case-doc": cmd_case_doc,
    "stats": cmd_stats,
    "district-return": cmd_district_return,
    "summary": cmd_summary,
    "migrate-to": cmd_migrate_to,
    "server-setup": cmd_server_setup,
    "member-record": cmd_member_record,
    "ranking": cmd_ranking,
}
