"""Database and file problems the user (not a programmer) has to act on, and the Chinese reason
of an operating-system error. On the ground floor (it imports only liaison_desk.errors) so
documents, which must not import storage, raise and word them the same way storage does
(storage.errors re-exports both)."""

from __future__ import annotations

import errno

from liaison_desk.errors import UserFacingError


class StorageError(UserFacingError):
    """A database or file problem; ``str(exc)`` is a clear Chinese message saying what to do."""


_OS_ERRORS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "操作不被允许（文件可能被设为只读或被保护）",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "位于只读的磁盘上",
    errno.EEXIST: "已经存在",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EISDIR: "是一个文件夹",
    errno.EBUSY: "正被其他程序使用",
    errno.EIO: "读写磁盘出错（磁盘或 U 盘可能有问题）",
}


def os_error_text(exc: OSError) -> str:
    """The reason of an operating-system error in Chinese (its English text only as a fallback)."""
    if exc.errno in _OS_ERRORS:
        return _OS_ERRORS[exc.errno]
    return exc.strerror or str(exc)
