"""What a built extension needs from the system: its ``DT_NEEDED`` libraries and the symbol versions it
references (``.gnu.version_r``), read from the ELF file with the standard library only.

That is what decides a wheel's manylinux tag (PEP 600): the newest ``GLIBC_x.y`` referenced, and whether
every needed library is one the manylinux policies let a wheel take from the system.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NULL = 0
DT_NEEDED = 1


class ElfError(ValueError):
    pass


@dataclass
class Needs:
    """``libraries``: the ``DT_NEEDED`` names; ``versions``: library -> the version names it must define."""

    libraries: list[str] = field(default_factory=list)
    versions: dict[str, set[str]] = field(default_factory=dict)
    machine: int = 0


def _cstr(table: bytes, offset: int) -> str:
    end = table.find(b"\0", offset)
    if offset >= len(table) or end < 0:
        raise ElfError(f"string offset {offset} outside its table")
    return table[offset:end].decode("ascii", "replace")


def read_needs(path: Path) -> Needs:
    """The libraries and symbol versions the 64-bit little-endian ELF shared object at ``path`` needs."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF":
        raise ElfError(f"{path}: not an ELF file")
    if data[4] != 2 or data[5] != 1:
        raise ElfError(f"{path}: only 64-bit little-endian ELF is supported")
    (machine,) = struct.unpack_from("<H", data, 18)
    shoff, = struct.unpack_from("<Q", data, 40)
    shentsize, shnum = struct.unpack_from("<HH", data, 58)
    sections = []
    for i in range(shnum):
        # sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info, sh_addralign, sh_entsize
        sections.append(struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize))

    def body(sec: tuple[int, ...]) -> bytes:
        return data[sec[4]:sec[4] + sec[5]]

    needs = Needs(machine=machine)
    for sec in sections:
        if sec[1] == SHT_DYNAMIC:
            strtab = body(sections[sec[6]])
            raw = body(sec)
            for off in range(0, len(raw) - 15, 16):
                tag, val = struct.unpack_from("<qQ", raw, off)
                if tag == DT_NULL:
                    break
                if tag == DT_NEEDED:
                    needs.libraries.append(_cstr(strtab, val))
        elif sec[1] == SHT_GNU_VERNEED:
            strtab = body(sections[sec[6]])
            raw = body(sec)
            off = 0
            for _ in range(sec[7]):  # sh_info: number of Verneed entries
                _, cnt, file_off, aux, nxt = struct.unpack_from("<HHIII", raw, off)
                lib = _cstr(strtab, file_off)
                names = needs.versions.setdefault(lib, set())
                a = off + aux
                for _ in range(cnt):
                    _, _, _, name_off, anext = struct.unpack_from("<IHHII", raw, a)
                    names.add(_cstr(strtab, name_off))
                    a += anext
                if nxt == 0:
                    break
                off += nxt
    return needs


def version_tuple(name: str, prefix: str) -> tuple[int, ...] | None:
    """``GLIBC_2.34`` -> ``(2, 34)`` for prefix ``GLIBC_``; None for other names (``GLIBC_PRIVATE``)."""
    if not name.startswith(prefix):
        return None
    parts = name[len(prefix):].split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None
