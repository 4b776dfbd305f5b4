"""The fixity check against `sha256sum` over the same files, in the same run.

    make bench-archives-fixity                      # 20,000 files of mixed sizes (~1.3 GB)
    .venv/bin/python bench/archives_fixity.py --files 1000000 --size 1024   # 1M small files
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench ...

The files are written under a temporary MEDIA_ROOT with their StoredFile rows; then, warm
cache (nothing dropped), each round runs the fixity service in-process over every file (a run
started and walked to its end, batches of 500, as the job and the command do) and
`sha256sum` over the same files (`xargs -0 -P1 sha256sum` from a file list). Reported: the
medians of MB/s and files/s, and the fixity check's ratio to sha256sum (goal: ≥ 0.8).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Mixed sizes, as a committee's attachments are: mostly small scans and letters, a few large.
MIX = ((0.70, 8 << 10), (0.25, 64 << 10), (0.045, 512 << 10), (0.005, 4 << 20))


def _setup(var: Path) -> str:
    os.environ["VANPHONG_VAR_DIR"] = str(var)
    os.environ["VANPHONG_HTTPS"] = "0"
    url = os.environ.get("VANPHONG_BENCH_DATABASE_URL", f"sqlite:///{var / 'bench.sqlite3'}")
    os.environ["VANPHONG_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vanphong.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.MEDIA_ROOT = str(var / "media")
    from django.core.management import call_command

    if url.startswith("postgres"):
        call_command("flush", "--no-input", verbosity=0)
    call_command("migrate", verbosity=0)
    return url.split(":", 1)[0]


def _sizes(count: int, size: int | None, seed: int = 17) -> list[int]:
    if size is not None:
        return [size] * count
    rng = random.Random(seed)
    return rng.choices([size for _, size in MIX], weights=[w for w, _ in MIX], k=count)


def _make_files(count: int, size: int | None) -> tuple[list[Path], int]:
    from django.db import transaction

    from vanphong.core.files import path_of
    from vanphong.core.models import StoredFile

    noise = os.urandom(8 << 20)
    paths: list[Path] = []
    total = 0
    pending: list[StoredFile] = []
    for index, length in enumerate(_sizes(count, size)):
        head = f"%PDF-1.4\n% bench {index}\n".encode()
        offset = (index * 7919) % (len(noise) - length) if length < len(noise) else 0
        data = (head + noise[offset : offset + length])[:length]
        stored = StoredFile(
            sha256=hashlib.sha256(data).hexdigest(), size=len(data), content_type="application/pdf"
        )
        path = path_of(stored)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
        pending.append(stored)
        total += len(data)
        if len(pending) == 5000:
            with transaction.atomic():
                StoredFile.objects.bulk_create(pending, batch_size=1000)
            pending = []
    with transaction.atomic():
        StoredFile.objects.bulk_create(pending, batch_size=1000)
    return paths, total


def _fixity() -> tuple[float, int, int]:
    from vanphong.archives import services_preservation

    started = time.perf_counter()
    run = services_preservation.fixity_run_start(actor=None)
    services_preservation.fixity_run_walk(run=run)
    elapsed = time.perf_counter() - started
    return elapsed, run.checked, run.failures


def _sha256sum(listing: Path) -> float:
    started = time.perf_counter()
    subprocess.run(  # noqa: S603
        ["xargs", "-0", "-P1", "-a", str(listing), "sha256sum"],  # noqa: S607
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--size", type=int, default=None, help="bytes per file (default: mixed)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("sha256sum") is None:
        print("sha256sum not found")
        return 1
    var = Path(tempfile.mkdtemp(prefix="vanphong-bench-fixity-"))
    try:
        backend = _setup(var)
        began = time.perf_counter()
        paths, total = _make_files(args.files, args.size)
        made = time.perf_counter() - began
        listing = var / "files.list"
        listing.write_bytes(b"".join(bytes(path) + b"\0" for path in paths))
        mb = total / 1e6
        print(
            f"backend: {backend}; {len(paths)} files, {mb:.0f} MB (made in {made:.0f} s); "
            f"{args.rounds} rounds, warm cache, medians"
        )
        ours: list[float] = []
        theirs: list[float] = []
        _sha256sum(listing)  # warm the cache once for both
        for _ in range(args.rounds):
            elapsed, checked, failures = _fixity()
            if checked != len(paths) or failures:
                print(f"fixity checked {checked} files with {failures} failures")
                return 1
            ours.append(elapsed)
            theirs.append(_sha256sum(listing))
        mine, base = statistics.median(ours), statistics.median(theirs)
        for name, seconds in (("fixity service", mine), ("sha256sum", base)):
            print(
                f"  {name:<15} {seconds:7.2f} s  {mb / seconds:7.0f} MB/s  "
                f"{len(paths) / seconds:8.0f} files/s"
            )
        print(f"  ratio (throughput, fixity / sha256sum): ×{base / mine:.2f} (goal ≥ 0.80)")
    finally:
        shutil.rmtree(var, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
