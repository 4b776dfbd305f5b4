"""Benchmarks: medians and ratios against a baseline measured in the same run.

    make bench                     # SQLite in a temporary directory
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench make bench

Each figure is the median of several rounds; each ratio divides by the baseline of the same
run, because absolute timings on a shared machine drift from run to run.

Document volume (registry and inbox at 10k and 1M documents, concurrent registration):
bench/documents.py.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROUNDS = 5
PER_ROUND = 400
THREADS = 8


def _setup() -> str:
    var = Path(tempfile.mkdtemp(prefix="vanphong-bench-"))
    os.environ["VANPHONG_VAR_DIR"] = str(var)
    os.environ["VANPHONG_HTTPS"] = "0"
    url = os.environ.get("VANPHONG_BENCH_DATABASE_URL", f"sqlite:///{var / 'bench.sqlite3'}")
    os.environ["VANPHONG_DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vanphong.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if url.startswith("postgres"):
        call_command("flush", "--no-input", verbosity=0)
    call_command("migrate", verbosity=0)
    return url.split(":", 1)[0]


def _rate(step: Callable[[int], None], count: int) -> float:
    started = time.perf_counter()
    for i in range(count):
        step(i)
    return count / (time.perf_counter() - started)


def _concurrent_rate(step: Callable[[int], None], threads: int, per_thread: int) -> float:
    from django.db import connection

    barrier = threading.Barrier(threads + 1)

    def worker(offset: int) -> None:
        barrier.wait()
        try:
            for i in range(per_thread):
                step(offset * per_thread + i)
        finally:
            connection.close()

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in pool:
        thread.join()
    return threads * per_thread / (time.perf_counter() - started)


def main() -> int:
    backend = _setup()
    from django.db import transaction

    from vanphong.core import audit, rows
    from vanphong.core.models import Counter, NumberAllocation
    from vanphong.core.numbering import allocate
    from vanphong.org.models import Unit

    target = Unit.objects.create(kind="board", name="Bench", name_folded="bench", symbol="B")
    tag = str(time.time_ns())

    def bare_insert(i: int) -> None:
        with transaction.atomic():
            rows.insert(NumberAllocation(series=f"bare-{tag}-{i}", number=1))

    def allocation(i: int) -> None:
        with transaction.atomic():
            allocate(f"alloc-{tag}")

    def audited(i: int) -> None:
        with transaction.atomic():
            audit.record(actor=None, action="bench", target=target, after={"i": i})

    results: dict[str, list[float]] = {"bare insert": [], "allocate": [], "audit record": []}
    concurrent: dict[str, list[float]] = {"bare insert": [], "allocate": []}
    for _ in range(ROUNDS):
        tag = str(time.time_ns())
        results["bare insert"].append(_rate(bare_insert, PER_ROUND))
        results["allocate"].append(_rate(allocation, PER_ROUND))
        results["audit record"].append(_rate(audited, PER_ROUND))
        tag = str(time.time_ns())
        concurrent["bare insert"].append(
            _concurrent_rate(bare_insert, THREADS, PER_ROUND // THREADS)
        )
        concurrent["allocate"].append(_concurrent_rate(allocation, THREADS, PER_ROUND // THREADS))

    print(f"backend: {backend}; {ROUNDS} rounds of {PER_ROUND} transactions; medians")
    base = statistics.median(results["bare insert"])
    for name, rates in results.items():
        median = statistics.median(rates)
        print(f"  1 client   {name:<13} {median:8.0f} tx/s   ×{median / base:.2f} of bare insert")
    base = statistics.median(concurrent["bare insert"])
    for name, rates in concurrent.items():
        median = statistics.median(rates)
        ratio = median / base
        print(f"  {THREADS} clients  {name:<13} {median:8.0f} tx/s   ×{ratio:.2f} of bare insert")
    flawed = 0
    series_list = list(Counter.objects.filter(series__startswith="alloc-"))
    for counter in series_list:
        numbers = sorted(
            NumberAllocation.objects.filter(series=counter.series).values_list("number", flat=True)
        )
        flawed += numbers != list(range(1, counter.value + 1))
    print(
        f"  {len(series_list)} allocation series checked, {flawed} with a gap or duplicate; "
        f"audit chain intact: {audit.verify().ok}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
