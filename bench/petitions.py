"""The issue's three figures for petitions at volume: the letters list, the duplicate proposal
and the yearly report, with 10,000 letters in the books and then with 1,000,000, in the same
run and database, medians and ratios.

    .venv/bin/python bench/petitions.py                         # SQLite in a temporary directory
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/petitions.py                     # PostgreSQL (schema recreated)
    .venv/bin/python bench/petitions.py --large 200000          # a quicker look

National scale is ~400,000 letters a year. The demo province's ten Offices keep 4,000 letters
of 2011 (what a province receives in a year) at both sizes; what grows is everything else:
with 10,000 letters the other 6,000 are in 700 Offices of another province (2010–2012); with
1,000,000 the province's books also hold 2010 and 2012 (20,000 more) and the other Offices the
rest. Letters come from bench/petitions_world.py. After each size the search index is rebuilt
from the database (the duplicate proposal reads it), and on PostgreSQL the tables are
analysed, as autovacuum does after a bulk load.

Measured at each size, each as a request would do it (a new person, so the scope is worked
out again):

- the letters list (`GET /don-thu/` through Django's test client: session, middleware, the
  selector, the template) as the provincial Secretary (every book of the province) and as a
  district reception officer (one book): the first page, a year and kind, a text search;
- the duplicate proposal (`petitions.duplicates.propose`), p50 and p95 over letters sampled
  from the books each reader sees (bench/petitions_duplicates.py);
- the province's 2011 yearly report rolled up with its districts (bench/petitions_reports.py).

The goals: each within 2× of its time at 10,000; the proposal under 100 ms p95 at 1,000,000.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import petitions_duplicates as dupbench
import petitions_reports as reportbench
import petitions_world as world

import documents as docbench

PROVINCE_YEAR = 4_000  # the province's letters of 2011, at every size
OTHER_OFFICES = 700
# The list's pages: the query string after /don-thu/ (the form's Vietnamese parameters).
LIST_PAGES = {
    "first page": "",
    "2011, denunciations": "?nam=2011&loai=denunciation",
    "text “thu hồi đất”": "?q=thu+h%E1%BB%93i+%C4%91%E1%BA%A5t",
}
READERS = {"Secretary": "bithu.tinhuy", "district reception": "tiepdan.hoathanh"}


def _list_runs() -> dict[str, Callable[[], object]]:
    from django.conf import settings
    from django.test import Client

    # Pages without collectstatic: the manifest storage would refuse every {% static %}.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)

    runs: dict[str, Callable[[], object]] = {}
    for label, username in READERS.items():
        from vanphong.org.models import Person

        client = Client(HTTP_HOST="127.0.0.1")  # an allowed host of the settings
        client.force_login(Person.objects.get(username=username))
        for page, query in LIST_PAGES.items():

            def get(client: Client = client, url: str = f"/don-thu/{query}") -> object:
                response = client.get(url)
                if response.status_code != 200:
                    raise RuntimeError(f"{url}: {response.status_code}")
                return response

            runs[f"list, {label}, {page}"] = get
    return runs


def _rows(label: str, username: str) -> int:
    """How many letters the reader's list has (its first page's total)."""
    from vanphong.org.models import Person
    from vanphong.petitions import selectors

    person = Person.objects.get(username=username)
    return selectors.letters_found(person, selectors.LetterFilter()).count()


def _prepare(backend: str) -> float:
    """Rebuild the index (and analyse on PostgreSQL) after writing; returns the seconds."""
    from django.db import connection

    from vanphong.search import engine

    started = time.perf_counter()
    engine.rebuild(batch=2_000)
    if backend.startswith("postgres"):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return time.perf_counter() - started


def measure(rounds: int, samples: int) -> dict[str, Any]:
    ms = {name: docbench._median_ms(run, rounds) for name, run in _list_runs().items()}
    ms["yearly report 2011, province with districts"] = docbench._median_ms(
        reportbench.report_run(), rounds
    )
    proposal = dupbench.measure(samples)
    return {
        "ms": ms,
        "proposal": proposal,
        "seen": {label: _rows(label, username) for label, username in READERS.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--var", type=Path, help="keep the database and index here")
    args = parser.parse_args()
    var = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-petitions-"))
    try:
        backend = docbench._setup(var, fresh=True)
        from vanphong.org.models import Unit, UnitKind

        offices = list(Unit.objects.filter(kind=UnitKind.OFFICE).order_by("pk"))
        outside = world.others(OTHER_OFFICES)
        books = world.Books(people=args.large // 3)
        sizes: dict[int, dict[str, Any]] = {}
        written = books.write(offices, (2011,), PROVINCE_YEAR, seed=1)
        written += books.write(outside, (2010, 2011, 2012), args.small - PROVINCE_YEAR, seed=2)
        prepared = _prepare(backend)
        print(f"{args.small:,}: written in {written:.0f} s, indexed in {prepared:.0f} s")
        sizes[args.small] = measure(args.rounds, args.samples)
        grown = args.large - args.small
        written = books.write(offices, (2010, 2012), 20_000, seed=3)
        written += books.write(outside, (2010, 2011, 2012), grown - 20_000, seed=4)
        prepared = _prepare(backend)
        rate = grown / written
        print(
            f"{args.large:,}: written in {written:.0f} s ({rate:,.0f}/s), "
            f"indexed in {prepared:.0f} s"
        )
        sizes[args.large] = measure(args.rounds, args.samples)
    finally:
        if args.var is None:
            shutil.rmtree(var, ignore_errors=True)
    small, large = sizes[args.small], sizes[args.large]
    print(f"backend: {backend}; medians of {args.rounds} runs in ms; ratio goal ≤ 2")
    print(f"  {'':<58} {args.small:>9,} {args.large:>9,}   ratio")
    for name, ms in small["ms"].items():
        print(f"  {name:<58} {ms:9.1f} {large['ms'][name]:9.1f}   ×{large['ms'][name] / ms:.2f}")
    worst = 0.0
    for reader, figures in small["proposal"].items():
        at_large = large["proposal"][reader]
        worst = max(worst, at_large["p95_ms"])
        for key in ("p50_ms", "p95_ms"):
            name = f"duplicate proposal, {reader}, {key[:3]}"
            ratio = at_large[key] / figures[key]
            print(f"  {name:<58} {figures[key]:9.1f} {at_large[key]:9.1f}   ×{ratio:.2f}")
    print(f"  duplicate proposal p95 at {args.large:,}: {worst:.1f} ms (goal < 100)")
    for label in READERS:
        print(
            f"  letters in the {label}'s list: "
            f"{small['seen'][label]:,} and {large['seen'][label]:,}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
