"""Writing a file so that nothing half-written is ever left under its real name (no Qt)."""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path


def write_atomically(path: Path, content: bytes) -> None:
    """``content`` to a new temporary file beside ``path``, flushed, then renamed over it;
    nothing is left behind on failure."""
    path = Path(path)
    for _ in range(100):
        tmp = path.with_name(f".{path.stem}-{secrets.token_hex(4)}{path.suffix}.tmp")
        try:
            handle = tmp.open("xb")
        except FileExistsError:
            continue
        break
    else:
        raise FileExistsError(errno.EEXIST, "无法在文件夹中创建临时文件", str(path.parent))
    try:
        with handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
