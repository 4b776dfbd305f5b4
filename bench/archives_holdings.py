"""The archives' holdings statistics at volume: 10,000 files in the database, then 1,000,000,
in the same run, medians and ratios.

    .venv/bin/python bench/archives_holdings.py                       # SQLite, temporary dir
    .venv/bin/python bench/archives_holdings.py --large 100000        # a quicker look
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/archives_holdings.py                   # PostgreSQL

The world: a province (its Office keeps the agency archive) and another province with 100
Offices, each keeping its own archive. The province's archive holds PROVINCE files (5,000) at
every size; what grows is the other province's archives (the rest). Files are written with
executemany (bulk_create compiles too slowly for a million): years 2000–2012, one in four
permanent, one in ten Mật, one in fifty Tối mật.

Measured at each size, as a request does it (a new person object, so the scope is worked out
again), each the median of `--rounds` (5):

- the holdings page (`GET /luu-tru/thong-ke/` through Django's test client: session,
  middleware, the grouped query, the template) as the province's archivist (cleared Mật):
  the archive they keep is the same size at both sizes;
- the same page as the other province's committee leader, whose archives are everything that
  grew: the grouped count reads every row it counts, so this one grows with the data;
- the selector alone (`registers.holdings`) for both.

The page reads the holdings summary (`HoldingCount`, rebuilt once after the rows are written,
as they bypass the services), so both readers read a few thousand summary rows whatever the
number of files. Also measured: `holdings.recount` of one unit, what a service pays when it
commits (the province's Office: 5,000 files at every size; another Office: count / 100).

The goal: within 2× of the time at 10,000, for both readers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

PROVINCE = 5_000
OTHER_OFFICES = 100
BATCH = 5_000
READERS = {"province archivist": "lt.bench", "other province's leader": "ld.khac.bench"}


def _setup(var: Path, *, fresh: bool) -> str:
    var.mkdir(parents=True, exist_ok=True)
    os.environ["VANPHONG_VAR_DIR"] = str(var)
    os.environ["VANPHONG_HTTPS"] = "0"
    url = os.environ.get("VANPHONG_BENCH_DATABASE_URL", f"sqlite:///{var / 'bench.sqlite3'}")
    os.environ["VANPHONG_DATABASE_URL"] = url
    os.environ["VANPHONG_DB_CONN_MAX_AGE"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vanphong.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if fresh and url.startswith("postgres"):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)
    return url.split(":", 1)[0]


def _database(count: int) -> None:
    """On PostgreSQL each size has its own database, `<name>_<count>`, created when missing."""
    url = os.environ.get("VANPHONG_BENCH_DATABASE_URL", "")
    if not url.startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    sized = f"{name}_{count}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [sized]).fetchone()
        if found is None:
            admin.execute(f'CREATE DATABASE "{sized}"')
    os.environ["VANPHONG_BENCH_DATABASE_URL"] = f"{base}/{sized}"


def _person(username: str, full_name: str, unit: Any, role: str, clearance: int) -> Any:
    from vanphong.core.vietnamese import fold
    from vanphong.org.models import Membership, Person

    person = Person.objects.create(
        username=username, full_name=full_name, name_folded=fold(full_name)
    )
    Membership.objects.create(
        person=person, unit=unit, role=role, clearance=clearance, starts_on=date(2010, 1, 1)
    )
    return person


def _unit(name: str, symbol: str, kind: str, parent: Any = None) -> Any:
    from vanphong.core.vietnamese import fold
    from vanphong.org.models import Unit

    return Unit.objects.create(
        name=name, symbol=symbol, kind=kind, parent=parent, name_folded=fold(name)
    )


def _write(units: list[Any], count: int, responsible: Any, seed: int) -> None:
    """`count` transferred files, spread over `units` (each its own archive), inserted with
    executemany: Django's bulk_create spends half a millisecond a row compiling SQL (SQLite
    takes some 25 rows a statement), which would make a million rows a quarter of an hour."""
    from uuid import uuid4

    from django.db import connection
    from django.utils import timezone

    from vanphong.archives.models import FileStatus, RecordFile
    from vanphong.org.models import Clearance

    template = RecordFile(
        unit=units[0],
        year=2000,
        code="",
        title="",
        responsible=responsible,
        status=FileStatus.TRANSFERRED,
        opened_on=date(2000, 1, 3),
        archive_unit=units[0],
        created_at=timezone.now(),
    )
    fields = [f for f in RecordFile._meta.concrete_fields if not f.primary_key]
    base = {f.attname: f.get_db_prep_save(getattr(template, f.attname), connection) for f in fields}
    uuid_field = RecordFile._meta.get_field("uuid")
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {RecordFile._meta.db_table} ({columns}) VALUES ({marks})"  # noqa: S608
    names = [f.attname for f in fields]
    rows: list[list[Any]] = []
    with connection.cursor() as cursor:
        for i in range(count):
            n = i * 7919 + seed
            unit = units[i % len(units)]
            year = 2000 + n % 13
            level = Clearance.TOP_SECRET if n % 50 == 0 else Clearance.SECRET if n % 10 == 0 else 0
            row = dict(base)
            row.update(
                uuid=uuid_field.get_db_prep_save(uuid4(), connection),
                unit_id=unit.pk,
                archive_unit_id=unit.pk,
                year=year,
                code=f"{seed}.{i:07d}",
                title=f"Hồ sơ số {i}",
                retention_years=None if n % 4 == 0 else (5, 10, 20)[n % 3],
                confidentiality=int(level),
                opened_on=connection.ops.adapt_datefield_value(date(year, 1, 3)),
                work_ended_on=connection.ops.adapt_datefield_value(date(year, 12, 30)),
            )
            rows.append([row[name] for name in names])
            if len(rows) == BATCH:
                cursor.executemany(sql, rows)
                rows = []
        if rows:
            cursor.executemany(sql, rows)


def fill(count: int) -> dict[str, Any]:
    from django.db import connection, transaction

    from vanphong.org.models import Clearance, Role, UnitKind

    province = _unit("Tỉnh ủy Bench", "TU", UnitKind.PROVINCIAL_COMMITTEE)
    office = _unit("Văn phòng Tỉnh ủy Bench", "VPTU", UnitKind.OFFICE, province)
    other = _unit("Tỉnh ủy Khác", "TU", UnitKind.PROVINCIAL_COMMITTEE)
    offices = [
        _unit(f"Văn phòng Huyện ủy Khác {n}", "VPHU", UnitKind.OFFICE, other)
        for n in range(OTHER_OFFICES)
    ]
    clerk = _person("vt.bench", "Văn Thư Bench", office, Role.CLERK, Clearance.SECRET)
    _person("lt.bench", "Lưu Trữ Bench", office, Role.ARCHIVIST, Clearance.SECRET)
    _person("ld.khac.bench", "Lãnh Đạo Khác", other, Role.COMMITTEE_LEADER, Clearance.ULTRA_SECRET)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # the random uuid index wants its pages in memory
            cursor.execute("PRAGMA cache_size = -400000")
    started = time.perf_counter()
    with transaction.atomic():  # one transaction: SQLite syncs once, not once a batch
        _write([office], min(PROVINCE, count), clerk, seed=1)
        _write(offices, max(0, count - PROVINCE), clerk, seed=2)
    written = time.perf_counter() - started
    from vanphong.archives import holdings

    started = time.perf_counter()
    holdings.rebuild()  # the rows were written outside the services: the summary counted once
    summarised = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"files": count, "written_s": written, "summary_s": summarised}


def _median_ms(run: Callable[[], object], rounds: int) -> float:
    for _ in range(2):
        run()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(rounds: int) -> dict[str, Any]:
    from django.conf import settings
    from django.test import Client

    from vanphong.archives import registers
    from vanphong.org.models import Person

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    ms: dict[str, float] = {}
    counted: dict[str, int] = {}
    for label, username in READERS.items():
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(Person.objects.get(username=username))

        def page(client: Client = client) -> object:
            response = client.get("/luu-tru/thong-ke/")
            if response.status_code != 200:
                raise RuntimeError(f"holdings page: {response.status_code}")
            return response

        def selector(username: str = username) -> object:
            return registers.holdings(Person.objects.get(username=username))

        ms[f"page, {label}"] = _median_ms(page, rounds)
        ms[f"selector, {label}"] = _median_ms(selector, rounds)
        counted[label] = registers.holdings(Person.objects.get(username=username)).total.total
    # What each service pays on commit: its unit counted again (the province's Office, 5,000
    # files at every size; one of the other Offices, count / 100 files).
    from vanphong.archives import holdings
    from vanphong.org.models import Unit

    for label, name in (
        ("province's Office", "Văn phòng Tỉnh ủy Bench"),
        ("another Office", "Văn phòng Huyện ủy Khác 0"),
    ):
        unit_id: int = Unit.objects.get(name=name).pk

        def recount(unit_id: int = unit_id) -> object:
            return holdings.recount([unit_id])

        ms[f"recount, {label}"] = _median_ms(recount, rounds)
    return {"ms": ms, "counted": counted}


def _child(args: list[str]) -> dict[str, Any]:
    output = subprocess.run(  # noqa: S603 (our own script, our own arguments)
        [sys.executable, __file__, *args], check=False, capture_output=True, text=True
    )
    sys.stderr.write(output.stderr)
    output.check_returncode()
    return dict(json.loads(output.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--var", type=Path, help="keep the databases under it")
    parser.add_argument("--fill", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fill or args.measure:
        count = args.fill or args.measure
        _database(count)
        _setup(args.var, fresh=bool(args.fill))
        done = fill(count) if args.fill else measure(args.rounds)
        print(json.dumps(done))
        return 0
    base = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-archives-"))
    url = os.environ.get("VANPHONG_BENCH_DATABASE_URL", "sqlite")
    sizes: dict[int, dict[str, Any]] = {}
    try:
        for count in (args.small, args.large):
            var = str(base / str(count))
            filled = _child(["--fill", str(count), "--var", var])
            print(
                f"{count:,} files written in {filled['written_s']:.1f} s "
                f"({count / max(filled['written_s'], 1e-9):,.0f}/s); "
                f"summary rebuilt in {filled['summary_s']:.1f} s",
                flush=True,
            )
        for count in (args.small, args.large):
            var = str(base / str(count))
            sizes[count] = _child(
                ["--measure", str(count), "--var", var, "--rounds", str(args.rounds)]
            )
    finally:
        if args.var is None:
            shutil.rmtree(base, ignore_errors=True)
    (small_count, small), (large_count, large) = sizes.items()
    print(f"backend: {url.split(':', 1)[0]}; medians of {args.rounds} runs in ms; goal ≤ 2×")
    print(f"  {'':<44} {small_count:>10,} {large_count:>10,}   ratio")
    for name, value in small["ms"].items():
        other = large["ms"][name]
        print(f"  {name:<44} {value:10.1f} {other:10.1f}   ×{other / value:.2f}")
    for label in READERS:
        print(
            f"  files counted for the {label}: "
            f"{small['counted'][label]:,} and {large['counted'][label]:,}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
