#!/usr/bin/env python3
"""Builds the frozen 联络组履职档案台 and its installers on Linux (Debian 12, 统信UOS, 银河麒麟).

    python3 installer/build.py            # frozen folder + .deb + NSIS syntax check
    python3 installer/build.py --smoke    # ... then install the .deb, try it, remove it (root)
    python3 installer/build.py --smoke --no-build   # only the smoke test of the existing .deb

Produces:
    dist/liaison-desk/                       the frozen app (PyInstaller, one folder)
    dist/liaison-desk_<version>_amd64.deb    the Debian package (installs to /opt/liaison-desk)
    build/installer/nsis-check-setup.exe     throwaway: the NSIS script compiled against the
                                             Linux payload, only to prove the script compiles

What it installs, and only when missing (nothing else, never silently):
    - the virtual environment .venv with the app (scripts/setup.sh, which also installs the Qt
      runtime libraries with apt-get), then `pip install -e .[installer,server]` into it:
      PyInstaller, and psycopg so that the frozen app can also use a PostgreSQL server;
    - with apt-get (sudo when not root): binutils and dpkg-dev (PyInstaller and dpkg-shlibdeps
      read the libraries with objdump), desktop-file-utils (desktop-file-validate), nsis
      (makensis); with --smoke also poppler-utils (pdftoppm, to render the printed PDF);
      with --lintian also lintian.

The Windows installer is built on a Windows PC: see installer/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
from email.utils import formatdate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
VENV_PY = ROOT / ".venv" / "bin" / "python"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP_DIR = DIST / "liaison-desk"
PACKAGE = "liaison-desk"
OPT = Path("/opt/liaison-desk")
MAINTAINER = os.environ.get(
    "DEB_MAINTAINER", "联络组履职档案台维护组 <liaison-desk@example.invalid>"
)

# The Qt xcb platform's libraries (scripts/setup.sh QT_LIBS). dpkg-shlibdeps finds most of them
# from the libraries' ELF headers anyway; these are listed too because Qt opens some with dlopen.
QT_LIBS = [
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0", "libxcb-xinerama0",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-image0", "libxcb-xkb1",
]  # fmt: skip
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


_STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"== [{time.monotonic() - _STARTED:4.0f} s] {message}", flush=True)


def run(*cmd: object, **kwargs: object) -> subprocess.CompletedProcess[str]:
    args = [str(c) for c in cmd]
    print("$ " + " ".join(args), flush=True)
    return subprocess.run(args, check=True, text=True, **kwargs)  # type: ignore[call-overload]


def app_version() -> str:
    text = (ROOT / "src" / "liaison_desk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("src/liaison_desk/__init__.py 中找不到 __version__。")
    return match.group(1)


# --- tools -------------------------------------------------------------------------------------


def apt_install(packages: list[str]) -> None:
    if not packages:
        return
    if not shutil.which("apt-get"):
        raise SystemExit(f"缺少 {' '.join(packages)}，且本机没有 apt-get：请手工安装后再运行。")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    say(f"安装构建工具: {' '.join(packages)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    # Wait for another apt/dpkg run to finish instead of failing on its lock.
    lock = ["-o", "DPkg::Lock::Timeout=600"]
    install = [*sudo, "apt-get", *lock, "install", "-y", "-qq", "--no-install-recommends"]
    if subprocess.run([*install, *packages], env=env).returncode != 0:
        run(*sudo, "apt-get", *lock, "update", "-qq", env=env)
        run(*install, *packages, env=env)


def ensure_tools(smoke: bool, lintian: bool) -> None:
    wanted = {
        "objdump": "binutils",
        "dpkg-shlibdeps": "dpkg-dev",
        "desktop-file-validate": "desktop-file-utils",
        "makensis": "nsis",
    }
    if smoke:
        wanted["pdftoppm"] = "poppler-utils"
    if lintian:
        wanted["lintian"] = "lintian"
    apt_install(sorted({pkg for tool, pkg in wanted.items() if not shutil.which(tool)}))
    if not VENV_PY.exists():
        say("建立虚拟环境 .venv（scripts/setup.sh）")
        run("bash", ROOT / "scripts" / "setup.sh")
    probe = "import PyInstaller, psycopg"
    if subprocess.run([VENV_PY, "-c", probe], capture_output=True).returncode != 0:
        say("安装 PyInstaller 和 psycopg 到 .venv（pip install -e .[installer,server]）")
        run(VENV_PY, "-m", "pip", "install", "-q", "-e", ".[installer,server]", cwd=ROOT)


# --- frozen app --------------------------------------------------------------------------------


def freeze(clean: bool) -> None:
    say("PyInstaller：生成 dist/liaison-desk/")
    cmd = [VENV_PY, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", DIST, "--workpath", BUILD / "pyinstaller"]
    if clean:
        cmd.append("--clean")
    run(*cmd, INSTALLER / "liaison-desk.spec", cwd=ROOT)
    check_libraries(APP_DIR)


def check_libraries(folder: Path) -> None:
    """Every library the bundle's programs and plugins link against is found (in the bundle or
    on the system): a plugin whose dependency was left out would fail only at run time."""
    internal = folder / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    missing: list[str] = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        if not (path.name == PACKAGE or ".so" in path.name):
            continue
        out = subprocess.run(["ldd", path], capture_output=True, text=True, env=env).stdout
        missing += [
            f"{path.relative_to(folder)}: {line.strip()}"
            for line in out.splitlines()
            if "not found" in line
        ]
    dangling = [
        str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_symlink() and not p.exists()
    ]
    if missing or dangling:
        raise SystemExit("打包结果缺少库文件：\n" + "\n".join(missing + dangling))


# --- .deb --------------------------------------------------------------------------------------

DESKTOP = """\
[Desktop Entry]
Type=Application
Name=联络组履职档案台
Name[zh_CN]=联络组履职档案台
Name[en]=Liaison Desk
GenericName=履职档案管理
GenericName[zh_CN]=履职档案管理
GenericName[en]=Liaison group records
Comment=政协委员联络组的协商活动、问题跟踪与协商案例档案
Comment[zh_CN]=政协委员联络组的协商活动、问题跟踪与协商案例档案
Comment[en]=Records, follow-up and case write-ups for CPPCC member liaison groups
Exec=liaison-desk
Icon=liaison-desk
Terminal=false
StartupNotify=true
StartupWMClass=LiaisonDesk
Categories=Office;
Keywords=政协;联络组;协商;议事堂;档案;CPPCC;
"""

# /usr/bin/liaison-desk. A wrapper rather than a symlink so that Chinese input works: the bundled
# Qt has the IBus input-method plugin (Fcitx 5 also speaks IBus) but no Fcitx plugin. When the
# desktop asks for one we do not ship (QT_IM_MODULE=fcitx on 统信UOS and 银河麒麟), Qt would
# otherwise fall back to no input method at all; QT_IM_MODULES lists what to try in order.
WRAPPER = f"""\
#!/bin/sh
# 联络组履职档案台: starts the program installed in {OPT}.
case "${{QT_IM_MODULE:-}}" in
  ""|ibus|compose|none) ;;
  *) [ -n "${{QT_IM_MODULES:-}}" ] || {{ QT_IM_MODULES="$QT_IM_MODULE;ibus;compose"; export QT_IM_MODULES; }} ;;
esac
exec {OPT}/liaison-desk "$@"
"""

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: liaison-desk
Comment: 联络组履职档案台. {opt} holds the program frozen with PyInstaller: the Python runtime
 and the Python packages it uses (PySide6/Qt, SQLAlchemy, Alembic, Pillow, openpyxl,
 python-docx, segno, zxing-cpp, bagit, pikepdf with qpdf, psycopg), each under its own
 licence; their licence files are in {opt}/_internal/*.dist-info where the package ships them.

Files: *
Copyright: 联络组履职档案台 contributors
License: see the project's source repository

Files: {opt}/_internal/liaison_desk/resources/fonts/*
Copyright: 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source';
 2021-2023 LXGW, 2020 The Klee Project Authors (LiaisonKai-Regular.ttf, a subset of LXGW
 WenKai), with Reserved Font Names '霞鹜' and 'LXGW'
License: OFL-1.1
 The full licence text is in {opt}/_internal/liaison_desk/resources/fonts/OFL.txt.

Files: {opt}/_internal/PySide6/*
Copyright: The Qt Company Ltd. and other contributors
License: LGPL-3
 On Debian systems the full text of the GNU Lesser General Public License version 3
 is in /usr/share/common-licenses/LGPL-3.

Files: {opt}/_internal/libpython3*
Copyright: Python Software Foundation
License: PSF-2.0
"""

# Deliberate choices lintian would flag for a package in the Debian archive.
LINTIAN_OVERRIDES = """\
# A self-contained program frozen with PyInstaller, installed the way third-party software is:
# in /opt, its libraries found next to each other through RPATH $ORIGIN, started by
# PyInstaller's prebuilt loader.
liaison-desk: dir-or-file-in-opt *
liaison-desk: custom-library-search-path *
liaison-desk: hardening-no-pie *
liaison-desk: embedded-library *
liaison-desk: no-manual-page *
# Python's own extension modules (lib-dynload) are linked that way upstream.
liaison-desk: library-not-linked-against-libc *
liaison-desk: shared-library-lacks-prerequisites *
"""


def build_deb(version: str) -> Path:
    say("Debian 包")
    stage = BUILD / "deb" / f"{PACKAGE}_{version}_amd64"
    if stage.exists():
        shutil.rmtree(stage)
    root = stage
    (root / "DEBIAN").mkdir(parents=True)
    shutil.copytree(APP_DIR, root / OPT.relative_to("/"), symlinks=True)
    write(root / "usr/bin/liaison-desk", WRAPPER, mode=0o755)
    write(root / "usr/share/applications/liaison-desk.desktop", DESKTOP)
    run("desktop-file-validate", root / "usr/share/applications/liaison-desk.desktop")
    icons = ROOT / "resources" / "icons"
    hicolor = root / "usr/share/icons/hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}/apps/liaison-desk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icons / f"app-{size}.png", target)
    (hicolor / "scalable/apps").mkdir(parents=True)
    shutil.copyfile(icons / "app.svg", hicolor / "scalable/apps/liaison-desk.svg")
    doc = root / "usr/share/doc" / PACKAGE
    write(doc / "copyright", COPYRIGHT.format(opt=OPT))
    changelog = (
        f"{PACKAGE} ({version}) stable; urgency=medium\n\n"
        f"  * 联络组履职档案台 {version}.\n\n"
        f" -- {MAINTAINER}  {formatdate(localtime=True)}\n"
    )
    doc.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(doc / "changelog.gz", "wb", mtime=0) as f:
        f.write(changelog.encode("utf-8"))
    write(root / "usr/share/lintian/overrides" / PACKAGE, LINTIAN_OVERRIDES)
    strip_libraries(root / OPT.relative_to("/"))
    normalise_permissions(root)

    depends = shlib_depends(stage)
    installed_kb = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink())
    installed_kb = (installed_kb + 1023) // 1024
    control = (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        "Architecture: amd64\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {depends}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: 联络组履职档案台 — 政协委员联络组履职档案\n"
        " Records, follow-up and case write-ups for CPPCC member liaison groups:\n"
        " 民生议事堂 and 微协商 sessions, the issues they raise until solved, and\n"
        " the selected consultation cases, printed to GB/T 9704.\n"
        " .\n"
        f" The program is self-contained in {OPT} (no Python needed); the\n"
        " users' data stays in their own folders (~/.local/share/LiaisonDesk)\n"
        " and is kept when the package is removed.\n"
    )
    write(root / "DEBIAN/control", control)
    out = DIST / f"{PACKAGE}_{version}_amd64.deb"
    out.unlink(missing_ok=True)
    # xz: what the dpkg of every target reads (older dpkg cannot read zstd).
    run("dpkg-deb", "--root-owner-group", "-Zxz", "--build", root, out)
    return out


def write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def strip_libraries(folder: Path) -> None:
    """Debug symbols out of the shared libraries, as dh_strip does (about 35 MB less). Not the
    program itself: PyInstaller appends the app's start-up archive to it."""
    libraries = [
        p
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink() and (p.name.endswith(".so") or ".so." in p.name)
    ]
    for start in range(0, len(libraries), 100):
        subprocess.run(
            ["strip", "--strip-unneeded", *map(str, libraries[start : start + 100])], check=True
        )


def normalise_permissions(root: Path) -> None:
    """rwxr-xr-x for folders and programs, rw-r--r-- for the rest (shared libraries too, as
    Debian policy wants), whatever the umask and the wheels' file modes were."""
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        library = path.name.endswith(".so") or ".so." in path.name
        executable = path.is_dir() or (path.stat().st_mode & 0o111 and not library)
        path.chmod(0o755 if executable else 0o644)


def shlib_depends(stage: Path) -> str:
    """Depends: the system libraries the bundle links against (dpkg-shlibdeps, with the minimum
    versions), plus QT_LIBS. Libraries inside the bundle are private to it."""
    elves = []
    for path in sorted((stage / OPT.relative_to("/")).rglob("*")):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            elves.append(path)
    private = sorted({f"-l{p.parent}" for p in elves})
    with tempfile.TemporaryDirectory() as tmp:
        # dpkg-shlibdeps wants a source package around the build tree.
        (Path(tmp) / "debian").mkdir()
        (Path(tmp) / "debian/control").write_text(
            f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: amd64\n", encoding="utf-8"
        )
        proc = subprocess.run(
            [
                "dpkg-shlibdeps",
                "-O",
                f"-S{stage}",
                "--ignore-missing-info",
                "--warnings=0",
                *private,
                "-e",
                *map(str, elves),
            ],
            cwd=tmp,
            capture_output=True,
            text=True,
        )
    if proc.returncode != 0:
        raise SystemExit(f"dpkg-shlibdeps 失败：\n{proc.stderr}")
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("shlibs:Depends="))
    found = [d.strip() for d in line.split("=", 1)[1].split(",") if d.strip()]
    names = {d.split()[0] for d in found}
    return ", ".join(found + [lib for lib in QT_LIBS if lib not in names])


def lint(deb: Path) -> None:
    say("lintian")
    proc = subprocess.run(
        ["lintian", "--tag-display-limit", "0", "--show-overrides", deb],
        capture_output=True,
        text=True,
    )
    print(proc.stdout + proc.stderr)


# --- NSIS --------------------------------------------------------------------------------------


def nsis_check() -> None:
    """Compiles installer/liaison-desk.nsi against the Linux payload: proves the script is
    valid NSIS. The .exe is thrown away (it holds Linux files); the real installer is compiled
    on Windows (installer/README.md)."""
    say("NSIS 脚本检查（makensis）")
    out = BUILD / "installer" / "nsis-check-setup.exe"
    out.parent.mkdir(parents=True, exist_ok=True)
    run(
        "makensis",
        "-V2",
        "-WX",
        "-DCHECK_ONLY",
        f"-DPAYLOAD={APP_DIR}",
        f"-DOUTFILE={out}",
        INSTALLER / "liaison-desk.nsi",
    )
    print(f"NSIS 脚本编译通过（试编译产物 {out}，{out.stat().st_size // 1_000_000} MB，可删除）")


# --- smoke test --------------------------------------------------------------------------------


def smoke(deb: Path, version: str) -> None:
    """Installs the .deb, runs the installed program with no venv and no PYTHONPATH, removes the
    package, and checks the user's data folder is still there."""
    say("冒烟测试：安装、运行、卸载")
    if os.geteuid() != 0:
        raise SystemExit("冒烟测试要安装 .deb，请以 root 运行（或用 sudo）。")
    work = BUILD / "smoke"
    shutil.rmtree(work, ignore_errors=True)
    home = work / "home"
    home.mkdir(parents=True)
    env = {
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "PYTHONPATH": "",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    if subprocess.run(["dpkg", "-i", deb]).returncode != 0:
        # Dependencies missing on this machine: let apt bring them (what users' apt would do).
        apt_install([str(deb)])
    try:
        exe = shutil.which("liaison-desk", path=env["PATH"])
        if exe != "/usr/bin/liaison-desk":
            raise SystemExit(f"liaison-desk 不在 PATH 上的 /usr/bin（找到的是 {exe}）")

        def app(*args: object, extra: dict[str, str] | None = None) -> str:
            proc = subprocess.run(
                ["liaison-desk", *map(str, args)],
                env={**env, **(extra or {})},
                cwd=work,
                capture_output=True,
                text=True,
            )
            print(
                f"$ liaison-desk {' '.join(map(str, args))}  → {proc.returncode}\n{proc.stdout}{proc.stderr}".rstrip()
            )
            if proc.returncode != 0:
                raise SystemExit(f"命令失败（退出码 {proc.returncode}）")
            return proc.stdout

        if version not in app("--version"):
            raise SystemExit("--version 没有显示版本号")
        db = work / "x" / "demo.sqlite"
        app("demo", "--db", db)
        app("check", "--db", db)
        # The window with no system font at all (fontconfig sees an empty folder): readable
        # Chinese in the screenshot proves the bundled fonts are found and used.
        (work / "no-fonts").mkdir()
        write(
            work / "fonts.conf",
            f'<?xml version="1.0"?>\n<fontconfig><dir>{work / "no-fonts"}</dir>'
            f"<cachedir>{work / 'font-cache'}</cachedir></fontconfig>\n",
        )
        shot = work / "shot.png"
        app(
            "screenshot",
            "--db",
            db,
            "--page",
            "工作台",
            "--out",
            shot,
            extra={"FONTCONFIG_FILE": str(work / "fonts.conf")},
        )
        log_text = (home / ".local/share/LiaisonDesk/logs/liaison-desk.log").read_text(
            encoding="utf-8"
        )
        if "UI font: Noto Sans SC" not in log_text:
            raise SystemExit("截图没有使用程序自带的 Noto Sans SC 字体（见日志）")
        width, height = struct.unpack(">II", shot.read_bytes()[16:24])
        if (width, height) != (1400, 900):
            raise SystemExit(f"截图大小不对：{width}x{height}")
        with sqlite3.connect(db) as conn:
            (number,) = conn.execute(
                "SELECT number FROM consultations WHERE kind = 'hall' AND deleted_at IS NULL ORDER BY number LIMIT 1"
            ).fetchone()
        pdf = work / "r.pdf"
        app("print", "record", "--db", db, "--number", number, "--out", pdf)
        if not pdf.read_bytes().startswith(b"%PDF"):
            raise SystemExit("r.pdf 不是 PDF 文件")
        if shutil.which("pdftoppm"):
            run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf, work / "r")
        # What uses the dependencies' data files: a Word case document (python-docx templates),
        # a submission package checked by verify (bagit), the Excel ledger (openpyxl).
        with sqlite3.connect(db) as conn:
            (case,) = conn.execute(
                "SELECT archive_number FROM cases WHERE archive_number IS NOT NULL ORDER BY 1 LIMIT 1"
            ).fetchone()
        app(
            "case-doc",
            "--db",
            db,
            "--case",
            case,
            "--docx",
            work / "case.docx",
            "--pdf",
            work / "case.pdf",
        )
        app(
            "export-cases",
            "--db",
            db,
            "--case",
            case,
            "--target",
            "区政协",
            "--out",
            work / "package.zip",
        )
        app("verify", "--db", db, work / "package.zip")
        app("ledger", "export", "--db", db, "--out", work / "ledger.xlsx")
        # Without --db: the default database in the user's data folder.
        app("demo")
        data = home / ".local/share/LiaisonDesk"
        if not (data / "liaison-desk.sqlite").is_file():
            raise SystemExit(f"默认数据文件夹 {data} 中没有数据库")
    finally:
        run("dpkg", "-r", PACKAGE)
    leftovers = [
        p
        for p in (
            OPT,
            Path("/usr/bin/liaison-desk"),
            Path("/usr/share/applications/liaison-desk.desktop"),
        )
        if p.exists() or p.is_symlink()
    ]
    if leftovers:
        raise SystemExit(f"卸载后仍有文件：{leftovers}")
    if not (data / "liaison-desk.sqlite").is_file() or not (data / "logs").is_dir():
        raise SystemExit(f"卸载后用户数据文件夹 {data} 不见了")
    print(f"卸载干净，用户数据文件夹保留：{data}")
    print(f"请查看：{shot}  {work / 'r-1.png'}")


# --- main --------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="install the .deb, try the installed program, remove it (root)",
    )
    parser.add_argument(
        "--no-build", action="store_true", help="use the existing dist/ (with --smoke)"
    )
    parser.add_argument(
        "--reuse-frozen",
        action="store_true",
        help="skip PyInstaller: package the existing dist/liaison-desk/",
    )
    parser.add_argument(
        "--clean", action="store_true", help="PyInstaller starts from scratch (no cache)"
    )
    parser.add_argument("--lintian", action="store_true", help="also run lintian on the .deb")
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        raise SystemExit(
            "installer/build.py 在 Linux 上运行；Windows 安装程序的构建步骤见 installer/README.md。"
        )
    version = app_version()
    deb = DIST / f"{PACKAGE}_{version}_amd64.deb"
    ensure_tools(args.smoke, args.lintian)
    if not args.no_build:
        if not (args.reuse_frozen and APP_DIR.is_dir()):
            freeze(args.clean)
        deb = build_deb(version)
        nsis_check()
    if args.lintian:
        lint(deb)
    size = sum(p.stat().st_size for p in APP_DIR.rglob("*") if p.is_file() and not p.is_symlink())
    print(
        f"冻结程序：{APP_DIR}（{size / 1e6:.0f} MB）；Debian 包：{deb}（{deb.stat().st_size / 1e6:.0f} MB）"
    )
    if args.smoke:
        smoke(deb, version)
    say("完成")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
