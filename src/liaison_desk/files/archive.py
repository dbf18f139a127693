"""Reading ZIP files that come from outside (submission packages, backups) within budgets.

One reader for every ZIP the app opens, so each gets the same defences:

* **before anything is unpacked** (:func:`open_zip`): the file's size; the size of the central
  directory and the number of entries (read from the end record before ``zipfile`` builds its
  list, so a directory of millions of entries cannot fill memory); every name (absolute, ``..``,
  drive letters, backslashes, control characters and NUL, names or folder names too long for a
  file system, Windows device names, a name that is both a file and a folder, duplicates and
  names that differ only in case or Unicode form — one file on Windows); symbolic links;
  encryption and compression methods; each entry's declared size and compression ratio; the
  total declared size and the ratio of the whole (many entries each just under the per-entry
  ratio are caught by the total).
* **while unpacking** (:meth:`BoundedZip.stream`, :meth:`BoundedZip.extract_all`): the bytes
  actually produced are counted, per entry against its declared size and in total against the
  declared total, because a header may lie.

Every failure is a :class:`ZipRefused` carrying the problems in Chinese (the entry named), never
a ``zipfile``/``zlib``/``OSError`` escaping to the caller. The budgets are a :class:`ZipLimits`
each caller chooses for its kind of file.
"""

from __future__ import annotations

import contextlib
import lzma
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from liaison_desk.files.errors import StorageError, os_error_text

__all__ = [
    "BoundedZip",
    "ZipLimits",
    "ZipProblem",
    "ZipRefused",
    "name_problem",
    "open_zip",
    "size_text",
]

#: A file or folder name longer than this (in UTF-8 bytes) cannot be created on Linux or
#: macOS (NAME_MAX) and exceeds NTFS's 255 UTF-16 units for Chinese text too.
MAX_COMPONENT_BYTES = 255
#: A whole entry name: far above what the app writes (bag, case and photo names of at most 60
#: characters each, about 600 bytes), far below PATH_MAX (4096) with the temporary folder.
MAX_NAME_BYTES = 1024
_CHUNK = 1024 * 1024

#: Errors ``zipfile`` and its decompressors raise on a damaged, cut-off or crafted archive
#: (OSError: a crafted offset makes it seek before the start of the file).
_BROKEN_ZIP: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    struct.error,
    OverflowError,
    OSError,
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DRIVE = re.compile(r"^[A-Za-z]:")
_WINDOWS_DEVICE = re.compile(
    r"(?i)^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$"
)
_METHOD_NAMES = {
    zipfile.ZIP_STORED: "不压缩",
    zipfile.ZIP_DEFLATED: "Deflate",
    zipfile.ZIP_BZIP2: "BZIP2",
    zipfile.ZIP_LZMA: "LZMA",
}


@dataclass(frozen=True)
class ZipLimits:
    """The budgets one kind of ZIP is read within. Ratios are unpacked / packed size; an entry
    (or the whole) smaller than ``ratio_floor`` unpacked is never judged by ratio (a small text
    file may compress 100 times and does no harm)."""

    max_file_size: int
    max_entries: int
    #: Bytes of the central directory; bounds the memory ``zipfile`` spends on its entry list.
    max_directory_size: int
    max_entry_size: int
    max_total_size: int
    max_ratio: float
    max_total_ratio: float
    ratio_floor: int
    #: The whole archive is judged by ratio only above this many bytes unpacked.
    total_ratio_floor: int
    methods: frozenset[int] = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})


@dataclass(frozen=True)
class ZipProblem:
    """One reason for refusing: the entry (``""`` for the archive itself) and what is wrong."""

    name: str
    message: str


class ZipRefused(StorageError):
    """The archive was refused; ``problems`` say why (each entry named), in Chinese.
    ``unpacking`` is False when it was refused before anything was written."""

    def __init__(self, problems: Sequence[ZipProblem], *, unpacking: bool = False) -> None:
        self.problems = list(problems)
        self.unpacking = unpacking
        first = self.problems[0] if self.problems else ZipProblem("", "压缩包无法读取。")
        super().__init__(f"「{first.name}」{first.message}" if first.name else first.message)


def size_text(n: int) -> str:
    if n >= 1024**3:
        return f"{n / 1024**3:.1f} GB"
    if n >= 1024**2:
        return f"{n / 1024**2:.1f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} 字节"


def name_problem(name: str) -> str | None:
    """Why ``name`` (an entry name, or a relative path named inside a file) is unsafe to unpack
    anywhere, or None."""
    if _CONTROL.search(name):
        return "文件名中含有控制字符"
    if "\\" in name:
        return "路径中含有反斜杠“\\”（在 Windows 上会被当成文件夹分隔符，可能写到别处）"
    if name.startswith("/") or _DRIVE.match(name):
        return "是绝对路径（解压时会写到目标文件夹以外）"
    if ":" in name:
        return "路径中含有冒号“:”（在 Windows 上可能指向其他磁盘或隐藏数据流）"
    parts = name[:-1].split("/") if name.endswith("/") else name.split("/")
    if ".." in parts:
        return "路径中含有“..”（解压时会跳到目标文件夹以外）"
    if any(p in ("", ".") for p in parts):
        return "路径中有空的或“.”文件夹名"
    if len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
        return f"路径太长（超过 {MAX_NAME_BYTES} 字节），无法在磁盘上建立"
    for part in parts:
        if len(part.encode("utf-8", "surrogatepass")) > MAX_COMPONENT_BYTES:
            return (
                f"其中的文件名或文件夹名太长（超过 {MAX_COMPONENT_BYTES} 字节），无法在磁盘上建立"
            )
        if _WINDOWS_DEVICE.match(part) or part[-1] in " .":
            return f"其中的名字“{part}”在 Windows 上不能作文件名（设备名，或以空格、句点结尾）"
    return None


def _is_link(zi: zipfile.ZipInfo) -> bool:
    """A symbolic link, as Unix zip tools store it: the file mode in the high 16 bits."""
    return stat.S_ISLNK(zi.external_attr >> 16)


def _key(name: str) -> str:
    """One file on Windows and macOS: case and Unicode form do not tell names apart."""
    return unicodedata.normalize("NFC", name.rstrip("/")).casefold()


def _refuse(message: str, name: str = "") -> ZipRefused:
    return ZipRefused([ZipProblem(name, message)])


def _damaged(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return f"ZIP 文件已损坏或不完整，无法打开（{os_error_text(exc)}）。"
    # zipfile's own words are English ("File is not a zip file"): not shown to the user.
    return "ZIP 文件已损坏或不完整，无法打开（不是完整的 ZIP 压缩文件）。"


class BoundedZip:
    """An open ZIP whose directory passed every check of its :class:`ZipLimits`. Use
    :func:`open_zip`; close it (or use it as a context manager) when done."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, limits: ZipLimits) -> None:
        self.path = path
        self.limits = limits
        self._zf = zf
        self.entries: list[zipfile.ZipInfo] = zf.infolist()
        self.declared_total = sum(zi.file_size for zi in self.entries)
        self.produced = 0  # bytes unpacked so far, over every entry
        #: How names without the UTF-8 flag were read ("gb18030" for a ZIP re-made on Chinese
        #: Windows), or None when every name is flagged or plain ASCII.
        self.name_encoding: str | None = None

    def __enter__(self) -> BoundedZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(*_BROKEN_ZIP):
            self._zf.close()

    def stream(self, zi: zipfile.ZipInfo, chunk: int = _CHUNK) -> Iterator[bytes]:
        """The content of ``zi`` in chunks, counted: more than it declared, or more than the
        declared total over the whole archive, stops with ZipRefused (the header lied)."""
        budget = min(self.declared_total, self.limits.max_total_size)
        produced = 0
        try:
            src = self._zf.open(zi)
        except _BROKEN_ZIP as exc:
            raise ZipRefused(
                [ZipProblem(zi.filename, _entry_damaged(exc))], unpacking=True
            ) from exc
        with src:
            while True:
                try:
                    data = src.read(chunk)
                except _BROKEN_ZIP as exc:
                    raise ZipRefused(
                        [ZipProblem(zi.filename, _entry_damaged(exc))], unpacking=True
                    ) from exc
                if not data:
                    break
                produced += len(data)
                self.produced += len(data)
                if produced > zi.file_size or self.produced > budget:
                    raise ZipRefused(
                        [
                            ZipProblem(
                                zi.filename,
                                "解压出的内容比压缩包中声明的大小还多（文件头被改过，"
                                "可能是“压缩炸弹”），已停止解压。",
                            )
                        ],
                        unpacking=True,
                    )
                yield data
        if produced != zi.file_size:
            raise ZipRefused(
                [ZipProblem(zi.filename, "解压出的内容比声明的少：在压缩包中不完整。")],
                unpacking=True,
            )

    def read(self, zi: zipfile.ZipInfo, limit: int) -> bytes:
        """The whole content of a small entry (a manifest), refused above ``limit`` bytes."""
        if zi.file_size > limit:
            raise _refuse(f"大得不正常（{size_text(zi.file_size)}）。", zi.filename)
        return b"".join(self.stream(zi))

    def extract_all(
        self,
        root: Path,
        entries: Sequence[zipfile.ZipInfo] | None = None,
        on_entry: Callable[[zipfile.ZipInfo], object] | None = None,
    ) -> int:
        """Unpack ``entries`` (default all) under ``root``, entry by entry, counting bytes; the
        bytes written. ZipRefused names the entry when it is damaged, lies about its size or
        cannot be written (the caller removes ``root``)."""
        resolved_root = root.resolve()
        written = 0
        for zi in self.entries if entries is None else entries:
            name = unicodedata.normalize("NFC", zi.filename)
            try:
                dest = (root / name).resolve()
                if dest != resolved_root and resolved_root not in dest.parents:
                    raise ZipRefused(
                        [ZipProblem(zi.filename, "解压时会落到目标文件夹以外。")], unpacking=True
                    )
                if zi.is_dir():
                    dest.mkdir(parents=True, exist_ok=True)
                    continue
                dest.parent.mkdir(parents=True, exist_ok=True)
                with dest.open("xb") as out:
                    for data in self.stream(zi):
                        out.write(data)
                        written += len(data)
            except OSError as exc:
                raise ZipRefused(
                    [ZipProblem(zi.filename, f"无法解压到临时文件夹（{os_error_text(exc)}）。")],
                    unpacking=True,
                ) from exc
            if on_entry is not None:
                on_entry(zi)
        return written


def _entry_damaged(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return "被加密了，无法解压。"
    if isinstance(exc, OSError):
        return f"在压缩包中已损坏，无法解压（{os_error_text(exc)}）。"
    # zipfile's and zlib's own words are English ("Bad CRC-32 for file …"): the user is told
    # what they mean; the file's name is already given with the problem.
    if "CRC" in str(exc):
        return (
            "在压缩包中已损坏，无法解压（内容与校验值不符：文件在传输或复制中损坏，或被改动过）。"
        )
    return "在压缩包中已损坏，无法解压（压缩数据不完整或被改动过）。"


def open_zip(path: Path, limits: ZipLimits, *, what: str = "压缩包") -> BoundedZip:
    """Open ``path`` and check everything that can be checked before unpacking (see the module
    docstring). ZipRefused lists every problem found (an entry's name with each)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise _refuse(f"这是一个文件夹，不是{what}文件。请选择 .zip 文件本身。")
        if not path.is_file():
            raise _refuse("找不到这个文件，请检查文件名和位置。")
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise _refuse(f"无法读取文件（{os_error_text(exc)}）。") from exc
    if size == 0:
        raise _refuse(f"是空文件（0 字节），不是{what}。可能复制时中断，请重新复制一份。")
    if size > limits.max_file_size:
        raise _refuse(
            f"文件有 {size_text(size)}，超过{what}的上限 {size_text(limits.max_file_size)}，没有打开。"
        )
    if head[:2] != b"PK":
        raise _refuse(
            f"不是 ZIP 文件（{what}应是 .zip 压缩文件），可能是别的文件改了扩展名或文件已损坏。"
        )
    _check_directory_size(path, limits)
    try:
        zf = zipfile.ZipFile(path)
        encoding = _legacy_name_encoding(zf)
        if encoding is not None and encoding != "cp437":
            zf.close()
            zf = zipfile.ZipFile(path, metadata_encoding=encoding)
    except _BROKEN_ZIP as exc:
        raise _refuse(_damaged(exc)) from exc
    except MemoryError as exc:  # pragma: no cover - bounded by max_directory_size
        raise _refuse("ZIP 文件的目录大得不正常，没有打开。") from exc
    try:
        _examine(zf, size, limits)
    except BaseException:
        with contextlib.suppress(*_BROKEN_ZIP):
            zf.close()
        raise
    archive = BoundedZip(path, zf, limits)
    archive.name_encoding = encoding
    return archive


#: Encodings tried, in order, for names stored without the ZIP's UTF-8 flag: UTF-8 (Linux and
#: macOS tools that omit the flag), then GB18030 (a superset of GBK: Chinese Windows's own
#: "compressed folder", WinRAR, 360压缩 and others write names in the system's code page).
_LEGACY_ENCODINGS = ("utf-8", "gb18030")


def _legacy_name_encoding(zf: zipfile.ZipFile) -> str | None:
    """The encoding of the non-ASCII names written without the UTF-8 flag, when there are any
    (zipfile reads them as cp437, which garbles Chinese: 吴兴 becomes σÉ┤σà┤); None when every
    name is ASCII or flagged; "cp437" (zipfile's reading, garbled) when no encoding reads them
    all."""
    raw = [
        zi.filename.encode("cp437")
        for zi in zf.infolist()
        if not zi.flag_bits & 0x800 and not zi.filename.isascii()
    ]
    if not raw:
        return None
    for encoding in _LEGACY_ENCODINGS:
        try:
            for name in raw:
                name.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return "cp437"


def _check_directory_size(path: Path, limits: ZipLimits) -> None:
    """The entry count and directory size from the end record, before zipfile reads the
    directory into memory (a million tiny entries would take gigabytes as ZipInfo objects)."""
    try:
        with path.open("rb") as fh:
            end = zipfile._EndRecData(fh)  # type: ignore[attr-defined]
    except _BROKEN_ZIP as exc:
        raise _refuse(_damaged(exc)) from exc
    if not end:
        raise _refuse("ZIP 文件已损坏或不完整（找不到文件目录），可能复制时中断。请重新复制一份。")
    entries, directory = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]  # type: ignore[attr-defined]
    if entries > limits.max_entries:
        raise _refuse(
            f"压缩包里有 {entries} 个条目，远超应有的数量（上限 {limits.max_entries}），"
            "为安全起见没有解压。"
        )
    if directory > limits.max_directory_size:
        raise _refuse(
            f"压缩包的文件目录有 {size_text(directory)}，大得不正常（上限 "
            f"{size_text(limits.max_directory_size)}），为安全起见没有解压。"
        )


def _examine(zf: zipfile.ZipFile, size: int, limits: ZipLimits) -> None:
    infos = zf.infolist()
    # The end record may understate the count; the list is bounded by the directory size.
    if len(infos) > limits.max_entries:
        raise _refuse(
            f"压缩包里有 {len(infos)} 个条目，远超应有的数量（上限 {limits.max_entries}），"
            "为安全起见没有解压。"
        )
    problems: list[ZipProblem] = []
    seen: dict[str, str] = {}
    files: dict[str, str] = {}
    folders: set[str] = set()
    for zi in infos:
        name = zi.filename
        problem = name_problem(name)
        if problem is None and _is_link(zi):
            problem = "是符号链接（解压后可能指向目标文件夹以外的文件）"
        if problem is None and zi.flag_bits & 0x41:  # bit 0: encrypted; bit 6: strong encryption
            problem = "被加密了（报送包和备份都不加密），无法解压"
        if problem is None and zi.compress_type not in limits.methods:
            shown = _METHOD_NAMES.get(zi.compress_type, f"编号 {zi.compress_type}")
            problem = f"用了本程序不支持的压缩方式（{shown}）"
        if problem is None and zi.file_size > limits.max_entry_size:
            problem = (
                f"解压后将有 {size_text(zi.file_size)}，超过单个文件的上限 "
                f"{size_text(limits.max_entry_size)}，可能是“压缩炸弹”，为防止占满磁盘没有解压"
            )
        if problem is None:
            ratio = zi.file_size / max(zi.compress_size, 1)
            if zi.file_size > limits.ratio_floor and ratio > limits.max_ratio:
                problem = (
                    f"压缩了 {ratio:.0f} 倍（{size_text(zi.compress_size)} 解压后为 "
                    f"{size_text(zi.file_size)}），可能是“压缩炸弹”，为防止占满磁盘没有解压"
                )
        if problem is None:
            key = _key(name)
            if key in seen:
                problem = f"与「{seen[key]}」重名（解压时会互相覆盖）"
            else:
                seen[key] = name
                parts = key.split("/")
                folders.update("/".join(parts[:n]) for n in range(1, len(parts)))
                if zi.is_dir():
                    folders.add(key)
                else:
                    files[key] = name
        if problem:
            problems.append(ZipProblem(name, problem + "。"))
    for key in sorted(files.keys() & folders):
        problems.append(
            ZipProblem(files[key], "既是文件又是文件夹（另有条目放在同名文件夹里），无法解压。")
        )
    if problems:
        raise ZipRefused(problems)
    total = sum(zi.file_size for zi in infos)
    if total > limits.max_total_size:
        raise _refuse(
            f"解压后将有 {size_text(total)}，超过上限 {size_text(limits.max_total_size)}，"
            "可能是“压缩炸弹”，为防止占满磁盘没有解压。"
        )
    if total > limits.total_ratio_floor and total / max(size, 1) > limits.max_total_ratio:
        raise _refuse(
            f"整个压缩包压缩了 {total / max(size, 1):.0f} 倍（{size_text(size)} 解压后为 "
            f"{size_text(total)}），可能是由许多小“压缩炸弹”拼成的，为防止占满磁盘没有解压。"
        )
