"""The fixity check's engine: a stored file's bytes hashed again and compared with the SHA-256
it was stored under (core.files names each file by it).

Each file is read once, sequentially, into one reused 1 MiB buffer (no copy per chunk), as
`sha256sum` does; the kernel's readahead serves sequential reads. Paths are plain strings and
rows plain tuples: with small files, per-file overhead is what separates this from sha256sum.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

BUFFER = 1 << 20


def path_for(root: str, sha256: str) -> str:
    """core.files.path_of as a plain string: pathlib's parsing would cost more per file than
    hashing a small one (a test keeps the two equal)."""
    return f"{root}/{sha256[:2]}/{sha256[2:4]}/{sha256}"


@dataclass(frozen=True)
class Checked:
    """What the disk holds for one stored file: `sha256` and `size`, or `missing`."""

    stored_id: int
    sha256: str
    size: int
    missing: bool = False


def digest(path: Path | str, buffer: bytearray | None = None) -> tuple[str, int]:
    """The SHA-256 (hex) and size of the file at `path`, read once with a large buffer."""
    buf = buffer if buffer is not None else bytearray(BUFFER)
    view = memoryview(buf)
    hasher = hashlib.sha256()
    size = 0
    fd = os.open(path, os.O_RDONLY)
    try:
        while read := os.readv(fd, [view]):
            hasher.update(view[:read])
            size += read
            if read < len(buf):
                break  # a short read of a regular file is its end: saves a read per small file
    finally:
        os.close(fd)
    return hasher.hexdigest(), size


def check(stored_id: int, path: Path | str, buffer: bytearray | None = None) -> Checked:
    """Hash the file at `path`; a file that is gone or unreadable is `missing`."""
    try:
        sha, size = digest(path, buffer)
    except OSError:
        return Checked(stored_id, "", 0, missing=True)
    return Checked(stored_id, sha, size)
