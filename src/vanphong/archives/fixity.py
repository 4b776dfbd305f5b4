"""The fixity check's engine: a stored file's bytes hashed again and compared with the SHA-256
it was stored under (core.files names each file by it).

Each file is read once, sequentially, into one reused 1 MiB buffer (no copy per chunk), which is
what `sha256sum` does: the check is bound by the disk and SHA-256 itself, not by Python.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

BUFFER = 1 << 20


@dataclass(frozen=True)
class Checked:
    """What the disk holds for one stored file: `sha256` and `size`, or `missing`."""

    stored_id: int
    sha256: str
    size: int
    missing: bool = False


def digest(path: Path, buffer: bytearray | None = None) -> tuple[str, int]:
    """The SHA-256 (hex) and size of the file at `path`, read once with a large buffer."""
    buf = buffer if buffer is not None else bytearray(BUFFER)
    view = memoryview(buf)
    hasher = hashlib.sha256()
    size = 0
    fd = os.open(path, os.O_RDONLY)
    try:
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
        while read := os.readv(fd, [view]):
            hasher.update(view[:read])
            size += read
    finally:
        os.close(fd)
    return hasher.hexdigest(), size


def check(stored_id: int, path: Path, buffer: bytearray | None = None) -> Checked:
    """Hash the file at `path`; a file that is gone or unreadable is `missing`."""
    try:
        sha, size = digest(path, buffer)
    except OSError:
        return Checked(stored_id, "", 0, missing=True)
    return Checked(stored_id, sha, size)
