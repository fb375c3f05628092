"""Writing a wheel (PEP 427/491): tags for the running interpreter and the platform its native files need
(manylinux, PEP 600), dist-info, RECORD with hashes."""

from __future__ import annotations

import base64
import hashlib
import os
import platform
import sys
import sysconfig
import zipfile
from pathlib import Path

from . import elf


def tag(native: list[Path] | None = None) -> str:
    """``cp311-cp311-manylinux_2_34_x86_64``: this interpreter, its ABI, and the platform the ``native``
    extension files need (see :func:`platform_tag`); without them, the interpreter's own platform."""
    impl = {"cpython": "cp", "pypy": "pp"}.get(sys.implementation.name, sys.implementation.name)
    ver = f"{sys.version_info.major}{sys.version_info.minor}"
    threaded = "t" if sysconfig.get_config_var("Py_GIL_DISABLED") else ""
    return f"{impl}{ver}-{impl}{ver}{threaded}-{platform_tag(native or [])}"


# manylinux policies (PEP 600) as auditwheel defines them: the glibc minor version of each, and the newest
# libgcc_s symbol version (GCC_x.y.z) it allows. Older ones than 2.17 are left out: Rust's std needs 2.17.
_POLICIES = [(17, (4, 8, 0)), (24, (4, 8, 0)), (26, (4, 8, 0)), (27, (7, 0, 0)), (28, (7, 0, 0)),
             (31, (7, 0, 0)), (34, (7, 0, 0)), (35, (12, 0, 0)), (36, (12, 0, 0)), (37, (12, 0, 0)),
             (38, (12, 0, 0)), (39, (14, 0, 0)), (40, (14, 0, 0)), (41, (14, 0, 0))]
_LEGACY = {17: "manylinux2014"}
# Libraries every manylinux policy from 2.17 on lets a wheel take from the system (libmvec from 2.24).
_SYSTEM_LIBS = {
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1", "libgcc_s.so.1",
    "libresolv.so.2", "libnsl.so.1", "libanl.so.1", "libatomic.so.1", "libstdc++.so.6", "libz.so.1",
    "libexpat.so.1", "libGL.so.1", "libICE.so.6", "libSM.so.6", "libX11.so.6", "libXext.so.6",
    "libXrender.so.1", "libglib-2.0.so.0", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libmvec.so.1",
}


def platform_tag(native: list[Path]) -> str:
    """The platform part of the wheel's tag: the lowest manylinux tag whose policy the ``native`` files
    satisfy (see :func:`manylinux_tag`), else the interpreter's own platform (``linux_x86_64``), so the
    wheel never claims more than it is."""
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    libc, _ = platform.libc_ver()
    if not native or not plat.startswith("linux_") or libc != "glibc":
        return plat
    return manylinux_tag([elf.read_needs(p) for p in native], plat[len("linux_"):]) or plat


def manylinux_tag(needs: list[elf.Needs], arch: str) -> str | None:
    """The lowest manylinux tag (PEP 600) whose policy allows what ``needs`` asks of the system: every
    library a system one, the newest ``GLIBC_2.N`` and ``GCC_x.y.z`` at most the policy's. None when no
    policy allows it (another library, a version namespace the policies do not cover)."""
    glibc_minor, gcc = 17, (0,)
    for need in needs:
        for lib in need.libraries:
            if lib not in _SYSTEM_LIBS and not lib.startswith("ld-linux"):  # ld-linux: glibc's loader
                return None
            if lib == "libmvec.so.1":
                glibc_minor = max(glibc_minor, 24)
        for names in need.versions.values():
            for name in names:
                if (v := elf.version_tuple(name, "GLIBC_")) is not None:
                    if len(v) < 2 or v[0] != 2:
                        return None
                    glibc_minor = max(glibc_minor, v[1])
                elif (v := elf.version_tuple(name, "GCC_")) is not None:
                    gcc = max(gcc, v)
                else:
                    return None  # GLIBC_PRIVATE, GLIBC_ABI_DT_RELR, GLIBCXX_…: not judged here
    for minor, gcc_max in _POLICIES:
        if minor >= glibc_minor and gcc <= gcc_max:
            tags = [f"manylinux_2_{minor}_{arch}"]
            if minor in _LEGACY:
                tags.append(f"{_LEGACY[minor]}_{arch}")
            return ".".join(tags)
    return None


def expand(compressed: str) -> list[str]:
    """The tags of a compressed tag set: ``cp311-cp311-a.b`` -> ``cp311-cp311-a``, ``cp311-cp311-b``."""
    py, abi, plats = compressed.split("-")
    return [f"{p}-{a}-{pl}" for p in py.split(".") for a in abi.split(".") for pl in plats.split(".")]


def _record_hash(data: bytes) -> str:
    digest = hashlib.sha256(data).digest()
    return "sha256=" + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _zip_time() -> tuple[int, int, int, int, int, int]:
    """Fixed timestamps make the archive reproducible (``SOURCE_DATE_EPOCH`` honoured)."""
    import time

    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))  # 1980-01-01, zip's earliest
    return time.gmtime(max(epoch, 315532800))[:6]


def metadata(name: str, version: str, summary: str, readme: str | None) -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {summary}",
        "License: MIT",
        "Requires-Python: >=3.10",
    ]
    text = "\n".join(lines) + "\n"
    if readme:
        text = text.replace("Requires-Python", "Description-Content-Type: text/markdown\nRequires-Python")
        text += "\n" + readme
    return text


def write(wheel_dir: Path, name: str, version: str, files: dict[str, Path], meta_text: str) -> str:
    """Write ``{name}-{version}-{tag}.whl`` holding ``files`` (archive path -> file); return its file name."""
    wtag = tag([path for arc, path in files.items() if arc.endswith(".so")])
    dist_info = f"{name}-{version}.dist-info"
    basename = f"{name}-{version}-{wtag}.whl"
    generated = {
        f"{dist_info}/METADATA": meta_text.encode("utf-8"),
        f"{dist_info}/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: pyzig_build\nRoot-Is-Purelib: false\n"
            + "".join(f"Tag: {t}\n" for t in expand(wtag))
        ).encode("ascii"),
    }
    record: list[str] = []
    when = _zip_time()
    wheel_dir.mkdir(parents=True, exist_ok=True)
    tmp = wheel_dir / f".{basename}.tmp{os.getpid()}"
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:

        def add(arcname: str, data: bytes, executable: bool) -> None:
            info = zipfile.ZipInfo(arcname, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = ((0o755 if executable else 0o644) | 0o100000) << 16
            zf.writestr(info, data)
            record.append(f"{arcname},{_record_hash(data)},{len(data)}")

        for arcname in sorted(files):
            path = files[arcname]
            add(arcname, path.read_bytes(), os.access(path, os.X_OK) or arcname.endswith(".so"))
        for arcname in sorted(generated):
            add(arcname, generated[arcname], False)
        record.append(f"{dist_info}/RECORD,,")
        info = zipfile.ZipInfo(f"{dist_info}/RECORD", date_time=when)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (0o644 | 0o100000) << 16
        zf.writestr(info, "\n".join(record) + "\n")
    os.replace(tmp, wheel_dir / basename)
    return basename
