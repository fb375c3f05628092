"""Writing a wheel (PEP 427/491): tags for the running interpreter, dist-info, RECORD with hashes."""

from __future__ import annotations

import base64
import hashlib
import os
import sys
import sysconfig
import zipfile
from pathlib import Path


def tag() -> str:
    """``cp311-cp311-linux_x86_64``: this interpreter, its ABI, its platform (no manylinux claim)."""
    impl = {"cpython": "cp", "pypy": "pp"}.get(sys.implementation.name, sys.implementation.name)
    ver = f"{sys.version_info.major}{sys.version_info.minor}"
    threaded = "t" if sysconfig.get_config_var("Py_GIL_DISABLED") else ""
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}{ver}-{impl}{ver}{threaded}-{plat}"


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
    wtag = tag()
    dist_info = f"{name}-{version}.dist-info"
    basename = f"{name}-{version}-{wtag}.whl"
    generated = {
        f"{dist_info}/METADATA": meta_text.encode("utf-8"),
        f"{dist_info}/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: pyzig_build\nRoot-Is-Purelib: false\n" f"Tag: {wtag}\n"
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
