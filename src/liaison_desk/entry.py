"""The console entry point. Kept tiny so that Ctrl+C while the heavier modules are still loading
ends quietly instead of with a Python traceback."""

from __future__ import annotations

import sys


def main() -> int:
    try:
        from liaison_desk.cli import EXIT_PROBLEM
        from liaison_desk.cli import main as cli_main
    except KeyboardInterrupt:
        sys.stderr.write("已取消。\n")
        return 1
    try:
        return cli_main()
    except KeyboardInterrupt:  # between the command's own handling and exit
        sys.stderr.write("已取消。\n")
        return EXIT_PROBLEM


if __name__ == "__main__":
    raise SystemExit(main())
