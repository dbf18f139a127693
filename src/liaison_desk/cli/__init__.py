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
from importlib import import_module

from liaison_desk.cli.common import (
    EXIT_BUG,
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    UserError,
    err,
    open_services,
)
from liaison_desk.cli.parser import build_parser, display_width, wrap_display
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


def _command(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """The handler ``name`` of ``liaison_desk.cli.<module>``, imported when its command runs: each
    command loads only its own area (the window's start-up does not load the backups', ledger's
    or packages' modules)."""

    def run(args: argparse.Namespace) -> int:
        handler: Callable[[argparse.Namespace], int] = getattr(
            import_module(f"liaison_desk.cli.{module}"), name
        )
        return handler(args)

    return run


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ledger": _command("ledger", "cmd_ledger"),
    "gui": _command("window", "cmd_gui"),
    "demo": _command("demo", "cmd_demo"),
    "check": _command("backups", "cmd_check"),
    "search": _command("search", "cmd_search"),
    "backup": _command("backups", "cmd_backup"),
    "restore": _command("backups", "cmd_restore"),
    "backups": _command("backups", "cmd_backups"),
    "screenshot": _command("window", "cmd_screenshot"),
    "print": _command("printing", "cmd_print"),
    "export-cases": _command("packages", "cmd_export_cases"),
    "verify": _command("packages", "cmd_verify"),
    "export-records": _command("records", "cmd_export_records"),
    "import": _command("records", "cmd_import"),
    "case-doc": _command("printing", "cmd_case_doc"),
    "stats": _command("reports", "cmd_stats"),
    "district-return": _command("reports", "cmd_district_return"),
    "summary": _command("reports", "cmd_summary"),
    "migrate-to": _command("server", "cmd_migrate_to"),
    "server-setup": _command("server", "cmd_server_setup"),
    "member-record": _command("members", "cmd_member_record"),
    "ranking": _command("members", "cmd_ranking"),
}
