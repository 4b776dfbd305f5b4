"""The annual review at volume: the provincial Office's tổng kết năm 2012 (its own books and the
districts' roll-up, as the provincial Secretary draws it), generated as the DOCX draft, with
100,000 incoming documents registered in 2012 (and as many in 2011, the year it is compared
with), each with its lead assignment, and 20,000 outgoing documents a year. Goal: under 5 s.

    .venv/bin/python bench/emulation_review.py                    # SQLite in a temporary directory
    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/emulation_review.py

Rows are written straight into the tables with bench/documents.py's `_Table` (executemany in
batches, ids given), bypassing the services on purpose: what is measured is reading a big
year, not writing it. No audit events are written, so `audit verify` still holds.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import documents as docbench

BATCH = 5_000


def write_year(year: int, incoming: int, outgoing: int, *, seed: int) -> None:
    """`incoming` documents received in `year` over the demo's Offices (the province's a third
    of them), each with a lead assignment (done on time, late, or still open), and `outgoing`
    issued documents."""
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.db.models import Max

    from vanphong.core.vietnamese import fold
    from vanphong.documents.models import Assignment, IncomingDocument, OutgoingDocument
    from vanphong.org.models import Person

    rng = random.Random(seed)
    offices = docbench._offices()
    weights = [30.0 if office.parent.parent_id is None else 7.8 for office in offices]
    person = Person.objects.order_by("pk").first()
    assert person is not None
    documents, parts = docbench._Table(IncomingDocument), docbench._Table(Assignment)
    sent = docbench._Table(OutgoingDocument)
    start = datetime(year, 1, 1, 1, 0, tzinfo=docbench.TZ)
    step = (datetime(year, 12, 31, 23, 0, tzinfo=docbench.TZ) - start) / incoming
    numbers: dict[int, int] = defaultdict(int)
    for office in offices:
        top = IncomingDocument.objects.filter(unit=office, year=year).aggregate(n=Max("number"))
        numbers[office.pk] = top["n"] or 0
    empty_chain = connection.ops.adapt_json_value([], None)  # the JSON column's own adaptation
    subject = "V/v tổ chức hội nghị tổng kết công tác văn phòng"
    folded = fold(subject)
    for first in range(0, incoming, BATCH):
        for i in range(first, min(incoming, first + BATCH)):
            received = start + step * i
            office = rng.choices(offices, weights)[0]
            numbers[office.pk] += 1
            document = documents.add(
                unit_id=office.pk,
                year=year,
                number=numbers[office.pk],
                received_at=received,
                medium=rng.choice(["paper", "electronic", "electronic", "internal"]),
                sender_name="Tỉnh ủy Tây Ninh",
                sender_folded="tinh uy tay ninh",
                number_symbol=f"{i}-CV/TU",
                symbol_key=f"{i}-cv/tu",
                document_date=received.date(),
                subject=subject,
                subject_folded=folded,
                status=rng.choice(["done", "assigned", "filed", "recalled"]),
                registered_by_id=person.pk,
                registered_at=received,
            )
            deadline = received.date() + timedelta(days=rng.choice([5, 10, 15]))
            done = rng.random() < 0.8
            parts.add(
                document_id=document,
                assignee_id=person.pk,
                role="lead",
                deadline=deadline,
                status="done" if done else "in_progress",
                assigned_by_id=person.pk,
                assigned_at=received + timedelta(hours=2),
                completed_at=received + timedelta(days=rng.randint(1, 25)) if done else None,
            )
        with transaction.atomic():
            documents.flush()
            parts.flush()
    for first in range(0, outgoing, BATCH):
        for i in range(first, min(outgoing, first + BATCH)):
            office = rng.choices(offices, weights)[0]
            issued = date(year, 1, 1) + timedelta(days=i * 364 // outgoing)
            sent.add(
                unit_id=office.pk,
                type_symbol="BC",
                type_name="Báo cáo",
                subject=subject,
                subject_folded=folded,
                drafter_id=person.pk,
                chain=empty_chain,
                created_at=datetime(year, 1, 1, tzinfo=docbench.TZ),
                status="withdrawn" if rng.random() < 0.01 else "issued",
                series=f"bench-review:{office.pk}:{year}",
                number=i + 1,
                number_symbol=f"{i + 1}-BC/VP",
                issued_on=issued,
            )
        with transaction.atomic():
            sent.flush()
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(
            no_style(), [IncomingDocument, Assignment, OutgoingDocument]
        ):
            cursor.execute(sql)


def review_run() -> Callable[[], bytes]:
    """The Secretary downloading the provincial Office's 2012 review, as a new request would."""
    from vanphong.emulation.review import review_figures
    from vanphong.emulation.review_docx import review_docx
    from vanphong.org.models import Person, Unit, UnitKind

    province = (
        Unit.objects.filter(parent=None, kind=UnitKind.PROVINCIAL_COMMITTEE).order_by("pk").first()
    )
    office = Unit.objects.filter(kind=UnitKind.OFFICE, parent=province).order_by("pk").first()
    assert office is not None
    secretary = Person.objects.get(username="bithu.tinhuy")
    today = date(2013, 1, 15)

    def run() -> bytes:
        fresh = Person.objects.get(pk=secretary.pk)  # a new request's scope
        figures = review_figures(office, 2012, reader=fresh, today=today)
        return review_docx(figures, {"finance": "Quyết toán đúng hạn."}, today=today)

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--var", type=Path)
    args = parser.parse_args()
    var = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-review-"))
    try:
        backend = docbench._setup(var, fresh=True)
        from vanphong.documents.models import IncomingDocument

        started = time.perf_counter()
        write_year(2011, args.documents, args.documents // 5, seed=1)
        write_year(2012, args.documents, args.documents // 5, seed=2)
        written = time.perf_counter() - started
        run = review_run()
        content = run()
        median = docbench._median_ms(run, args.rounds)
        in_2012 = IncomingDocument.objects.filter(year=2012).count()
        facts: dict[str, Any] = {
            "backend": backend,
            "documents 2012": f"{in_2012:,}",
            "all incoming": f"{IncomingDocument.objects.count():,}",
            "written in": f"{written:.0f} s",
            "docx": f"{len(content):,} bytes",
        }
        print("; ".join(f"{k}: {v}" for k, v in facts.items()))
        print(
            f"annual review 2012 of the provincial Office with its districts, DOCX: "
            f"median {median:.0f} ms over {args.rounds} rounds (goal < 5,000 ms)"
        )
        return 0 if median < 5_000 else 1
    finally:
        if args.var is None:
            shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
