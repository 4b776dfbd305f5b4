"""Search at a million documents: Tantivy, the search API, and PostgreSQL full text, one run.

    VANPHONG_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/vanphong_bench \\
        .venv/bin/python bench/search.py                 # 1,000,000 documents (~25 min)
    .venv/bin/python bench/search.py --count 20000       # quick, SQLite, no PostgreSQL column

A seeded generator writes Party-office documents (subjects and 20–80-syllable bodies from a
Zipf-weighted vocabulary of office phrases, place and hamlet names, both tone placements,
number-symbols) straight into the incoming books, as bench/documents.py does. The index is
then rebuilt from the database in a child process (rate and peak memory). Over a fixed query
mix — rare word, common word, two or three words, phrase, prefix, number-symbol — each as a
district clerk and as the provincial Secretary, it measures p50/p95 of (a) the bare Tantivy
query (visibility included), (b) a trivial authenticated API endpoint (`GET /api/v1/me`),
(c) the search API, and, on PostgreSQL, (d) the same queries in PostgreSQL full text (GIN
over `to_tsvector('simple', unaccent(subject || note))`, same visibility, top 20 by
`ts_rank` plus the exact count). Last, freshness: with `vanphong search follow` running,
registrations through the service while another thread searches; the delay from each commit
to the first search that finds it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import documents as docbench

PHRASES = (
    "công tác",
    "cán bộ",
    "đảng viên",
    "tổ chức cơ sở đảng",
    "chi bộ",
    "nghị quyết",
    "chỉ thị",
    "kiểm tra, giám sát",
    "dân vận",
    "tuyên giáo",
    "kinh tế - xã hội",
    "quốc phòng, an ninh",
    "xây dựng nông thôn mới",
    "cải cách hành chính",
    "phòng, chống tham nhũng",
    "thi đua",
    "khen thưởng",
    "bầu cử",
    "đại biểu",
    "Hội đồng nhân dân",
    "Ủy ban nhân dân",
    "Mặt trận Tổ quốc",
    "đoàn thể",
    "thanh niên",
    "phụ nữ",
    "cựu chiến binh",
    "nông dân",
    "hộ nghèo",
    "an sinh xã hội",
    "giáo dục",
    "y tế",
    "văn hóa",
    "du lịch",
    "giao thông",
    "thủy lợi",
    "đất đai",
    "khiếu nại",
    "tố cáo",
    "tiếp công dân",
    "quy hoạch",
    "đào tạo, bồi dưỡng",
    "luân chuyển",
    "đánh giá",
    "xếp loại",
    "sơ kết",
    "tổng kết",
    "báo cáo",
    "kế hoạch",
    "hướng dẫn",
    "triển khai",
    "thực hiện",
    "tăng cường",
    "nâng cao chất lượng",
    "hiệu quả",
    "lãnh đạo, chỉ đạo",
    "quán triệt",
    "học tập",
    "tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "chính quyền",
    "hệ thống chính trị",
    "đảng bộ",
    "ban thường vụ",
    "thường trực",
    "văn phòng",
    "lưu trữ",
    "hồ sơ",
    "tài liệu",
    "hội nghị",
    "chương trình",
    "đề án",
    "dự án",
    "ngân sách",
    "thu chi",
    "quản lý",
    "kỷ luật",
    "khuyết điểm",
    "ưu điểm",
    "nguyên nhân",
    "giải pháp",
    "nhiệm vụ",
    "trọng tâm",
    "năm",
    "tháng",
    "quý",
    "sáu tháng đầu năm",
    "biên giới",
    "doanh nghiệp",
    "sản xuất",
    "thương mại",
    "chợ",
    "mùa khô",
    "phòng cháy, chữa cháy",
    "dịch bệnh",
    "thiên tai",
    "lũ lụt",
    "học sinh",
    "trường học",
    "bệnh viện",
    "đường giao thông nông thôn",
)
PLACES = (
    "Hòa Thành",
    "Hoà Thành",
    "Châu Thành",
    "Gò Dầu",
    "Trảng Bàng",
    "Tân Châu",
    "Tân Biên",
    "Bến Cầu",
    "Dương Minh Châu",
    "thành phố Tây Ninh",
    "Phước Thạnh",
    "Long Hoa",
    "Trường Hòa",
    "Hiệp Tân",
    "Thanh Điền",
    "Ninh Sơn",
    "Bình Minh",
    "Thạnh Tân",
    "Suối Đá",
    "Lộc Ninh",
)
# Hamlet names: rare words (a few dozen documents each at a million).
HAMLET_HEADS = ("Xóm", "Cầu", "Bàu", "Trà", "Bưng", "Rạch", "Gò", "Láng", "Truông", "Đìa")
HAMLET_TAILS = (
    "Mới",
    "Sắt",
    "Sen",
    "Vông",
    "Dầu",
    "Tre",
    "Nổi",
    "Kè",
    "Chùa",
    "Đá",
    "Trâm",
    "Mít",
    "Lớn",
    "Nhỏ",
    "Cát",
    "Găng",
    "Mây",
    "Bông",
    "Đình",
    "Trôm",
    "Cỏ",
    "Năng",
    "Lác",
    "Sình",
    "Ké",
)
LEADS = ("Về việc", "Báo cáo", "Kế hoạch", "Thông báo", "Hướng dẫn", "Kết luận về", "V/v")
TYPES = (
    ("party", "TU", ("NQ", "CT", "KL", "TB", "KH", "BC")),
    ("government", "UBND", ("QĐ", "KH", "TB", "")),
)


def _zipf_weights(n: int) -> list[float]:
    return [1.0 / (rank + 1) for rank in range(n)]


def _text(rng: random.Random, syllables: int, weights: list[float]) -> str:
    from vanphong.demo.documents import old_tones

    words: list[str] = []
    while sum(len(w.split()) for w in words) < syllables:
        roll = rng.random()
        if roll < 0.08:
            words.append(rng.choice(PLACES))
        elif roll < 0.10:
            words.append(f"ấp {rng.choice(HAMLET_HEADS)} {rng.choice(HAMLET_TAILS)}")
        else:
            words.append(rng.choices(PHRASES, weights)[0])
    text = " ".join(words)
    return old_tones(text) if rng.random() < 0.4 else text


def generate(count: int, *, seed: int) -> dict[str, float]:
    """Write `count` documents with subjects and bodies (the `note` column) to the books."""
    from django.db import transaction

    from vanphong.core.vietnamese import NumberSymbol, fold
    from vanphong.documents.models import IncomingDocument, Participant

    rng = random.Random(seed)
    weights = _zipf_weights(len(PHRASES))
    offices = docbench._offices()
    clerks = {o.pk: docbench._staff(o, "clerk")[0].pk for o in offices}
    documents, participants = docbench._Table(IncomingDocument), docbench._Table(Participant)
    start = datetime(2011, 1, 3, 1, 0, tzinfo=UTC)
    step = (datetime(2026, 10, 30, tzinfo=UTC) - start) / count
    numbers: dict[tuple[int, int], int] = {}
    raw_bytes = 0
    started = time.perf_counter()
    for first in range(0, count, docbench.BATCH):
        for i in range(first, min(count, first + docbench.BATCH)):
            office = offices[i % len(offices)]
            received = start + step * i
            key = (office.pk, received.year)
            numbers[key] = numbers.get(key, 0) + 1
            style, issuer, kinds = rng.choice(TYPES)
            kind = rng.choice(kinds)
            symbol = NumberSymbol(
                number=i % 900 + 1,
                type_symbol=kind if style == "party" or kind else "",
                issuer=issuer,
                style="party" if style == "party" else "government",
            )
            subject = f"{rng.choice(LEADS)} {_text(rng, rng.randint(6, 14), weights)}"[:480]
            body = _text(rng, rng.randint(20, 80), weights)
            raw_bytes += len(subject.encode()) + len(body.encode())
            document = documents.add(
                unit_id=office.pk,
                year=received.year,
                number=numbers[key] + 100_000,  # above any number a registration gives
                received_at=received,
                medium="paper",
                sender_name="Tỉnh ủy Tây Ninh" if style == "party" else "Ủy ban nhân dân tỉnh",
                sender_folded="tinh uy tay ninh" if style == "party" else "uy ban nhan dan tinh",
                number_symbol=symbol.code,
                symbol_key=symbol.key,
                document_date=received.date(),
                type_symbol=symbol.type_symbol,
                subject=subject,
                subject_folded=fold(subject),
                note=body,
                confidentiality=1 if rng.random() < 0.03 else 0,
                status="filed",
                registered_by_id=clerks[office.pk],
                registered_at=received + timedelta(minutes=10),
            )
            participants.add(person_id=clerks[office.pk], incoming_id=document)
        with transaction.atomic():
            documents.flush()
            participants.flush()
        if first // docbench.BATCH % 20 == 19:
            print(f"  … {first + docbench.BATCH:,} documents", file=sys.stderr)
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:  # the rows came with explicit ids
        for sql in connection.ops.sequence_reset_sql(no_style(), [IncomingDocument, Participant]):
            cursor.execute(sql)
    seconds = time.perf_counter() - started
    return {"documents": count, "seconds": seconds, "raw_text_bytes": raw_bytes}


def _dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def rebuild_child() -> dict[str, float]:
    import resource

    from vanphong.search import engine

    report = engine.rebuild(batch=2000)
    path = engine.current_dir()
    assert path is not None
    return {
        "documents": report.documents,
        "seconds": report.seconds,
        "per_second": report.documents / report.seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "index_bytes": _dir_bytes(path),
    }


# --- latency ---------------------------------------------------------------------------------


def _percentiles(run: Callable[[], object], rounds: int) -> tuple[float, float]:
    for _ in range(3):
        run()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def _queries() -> list[tuple[str, str]]:
    from vanphong.documents.models import IncomingDocument

    # A number-symbol of the district clerk's own book, so both readers may find it.
    district = docbench._offices()[1]
    documents = IncomingDocument.objects.filter(unit=district).order_by("id")
    symbol = documents.values_list("number_symbol", flat=True)[77]
    return [
        ("rare word", "Bàu Trôm"),
        ("common word", "cán bộ"),
        ("2–3 words", "xây dựng nông thôn mới"),
        ("phrase", '"cải cách hành chính"'),
        ("prefix", "thủy lợ*"),
        ("number-symbol", symbol),
    ]


_PG_SETUP = """
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE OR REPLACE FUNCTION bench_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT public.unaccent('public.unaccent', $1) $$;
ALTER TABLE documents_incomingdocument ADD COLUMN IF NOT EXISTS bench_fts tsvector
    GENERATED ALWAYS AS
    (to_tsvector('simple', bench_unaccent(subject || ' ' || number_symbol || ' ' || note))) STORED;
CREATE INDEX IF NOT EXISTS bench_fts_gin ON documents_incomingdocument USING gin (bench_fts);
VACUUM ANALYZE documents_incomingdocument;
"""
# A stored tsvector column with a GIN index: how such systems set PostgreSQL up for search.
_PG_DOC = "d.bench_fts"


def _pg_tsquery(text: str) -> tuple[str, str]:
    """PostgreSQL's own reading of the query kinds: plain, phrase and prefix."""
    if text.startswith('"'):
        return "phraseto_tsquery('simple', bench_unaccent(%s))", text.strip('"')
    if text.endswith("*"):
        words = text[:-1].split()
        return "to_tsquery('simple', bench_unaccent(%s))", " & ".join(words) + ":*"
    return "plainto_tsquery('simple', bench_unaccent(%s))", text


def _pg_search(person: Any, text: str) -> Callable[[], object]:
    from django.db import connection

    from vanphong.documents.selectors import unit_grants

    grants = unit_grants(person)
    ways = [
        "EXISTS (SELECT 1 FROM documents_participant p "
        "WHERE p.incoming_id = d.id AND p.person_id = %s)"
    ]
    params: list[Any] = [person.pk]
    for level, units in grants.items():
        ways.append(f"(d.confidentiality = %s AND d.unit_id IN ({', '.join(['%s'] * len(units))}))")
        params += [level, *units]
    tsquery, value = _pg_tsquery(text)
    where = f"{_PG_DOC} @@ q AND ({' OR '.join(ways)})"
    top = (
        f"SELECT d.id, d.subject, ts_rank({_PG_DOC}, q) AS rank FROM documents_incomingdocument d, "  # noqa: S608
        f"{tsquery} q WHERE {where} ORDER BY rank DESC LIMIT 20"
    )
    count = f"SELECT count(*) FROM documents_incomingdocument d, {tsquery} q WHERE {where}"  # noqa: S608

    def run() -> object:
        with connection.cursor() as cursor:
            cursor.execute(top, [value, *params])
            rows = cursor.fetchall()
            cursor.execute(count, [value, *params])
            return rows, cursor.fetchone()

    return run


def latency(rounds: int, *, postgres: bool) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client

    from vanphong.api.services import token_create
    from vanphong.org.models import Person
    from vanphong.search import engine, selectors
    from vanphong.search.query import parse

    if postgres:
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for statement in _PG_SETUP.split(";\n"):
                if statement.strip():
                    cursor.execute(statement)
        print(f"PostgreSQL column and GIN index built in {time.perf_counter() - started:.0f} s")
    offices = docbench._offices()
    district = Person.objects.get(pk=docbench._staff(offices[1], "clerk")[0].pk)
    leader = Person.objects.get(username="bithu.tinhuy")
    client = Client(HTTP_HOST="127.0.0.1")  # an allowed host of the settings
    results: dict[str, Any] = {}
    for who, person in (("district clerk", district), ("provincial Secretary", leader)):
        headers = {
            "Authorization": f"Bearer {token_create(actor=None, person=person, name='bench').token}"
        }
        for label, text in _queries():
            parsed = parse(text)
            query = selectors.Query.boolean_query(
                [
                    (selectors.Occur.Must, selectors._text_query(parsed)),
                    (selectors.Occur.Must, selectors.visibility(person)),
                ]
            )
            searcher = engine.reader().searcher()
            hits = searcher.search(query, 20).count  # type: ignore[attr-defined]

            def bare(query: Any = query, searcher: Any = searcher) -> object:
                return searcher.search(query, 20, count=True)

            def trivial(headers: dict[str, str] = headers) -> object:
                response = client.get("/api/v1/me", headers=headers)
                assert response.status_code == 200
                return response

            def api(
                headers: dict[str, str] = headers, text: str = text, facets: str = "false"
            ) -> object:
                response = client.get(
                    "/api/v1/search", {"q": text, "facets": facets}, headers=headers
                )
                assert response.status_code == 200, response.content
                return response

            def api_facets(headers: dict[str, str] = headers, text: str = text) -> object:
                return api(headers, text, "true")

            row = {
                "hits": hits,
                "a_tantivy": _percentiles(bare, rounds),
                "b_trivial_api": _percentiles(trivial, rounds),
                "c_search_api": _percentiles(api, rounds),
                "c_with_facets": _percentiles(api_facets, rounds),
            }
            if postgres:
                row["d_postgres_fts"] = _percentiles(_pg_search(person, text), max(5, rounds // 3))
            results[f"{who}: {label}"] = row
    return results


# --- freshness -------------------------------------------------------------------------------


def freshness(samples: int, var: Path) -> dict[str, float]:
    """Commit-to-searchable delay under registrations and concurrent searches."""
    from django.db import connections
    from django.utils import timezone

    from vanphong.documents import services_incoming
    from vanphong.org.models import Person
    from vanphong.search import selectors

    office = docbench._offices()[0]
    clerk = Person.objects.get(pk=docbench._staff(office, "clerk")[0].pk)
    follower = subprocess.Popen(
        [sys.executable, "-m", "vanphong.cli", "search", "follow"],  # as `serve` runs it
        env={**os.environ},
        stdout=subprocess.DEVNULL,
    )
    stop = threading.Event()

    def background_searches() -> None:
        while not stop.is_set():
            selectors.search(clerk, "cán bộ", facets=True)
        connections.close_all()

    load = threading.Thread(target=background_searches)
    load.start()
    delays = []
    try:
        time.sleep(1.0)
        for n in range(samples):
            marker = f"mốc{uuid.uuid4().hex[:10]}"
            services_incoming.incoming_register(
                actor=clerk,
                unit=office,
                medium="electronic",
                sender_name="Ủy ban nhân dân tỉnh Tây Ninh",
                number_symbol=f"{900_000 + n}/UBND-VP",
                document_date=timezone.localdate(),
                subject=f"V/v đo độ tươi của chỉ mục {marker}",
                duplicate_reason="đo lại trên kho đã đo",  # --reuse registers the same numbers
            )
            committed = time.perf_counter()
            while not selectors.search(clerk, marker, facets=False).hits:
                if time.perf_counter() - committed > 10:
                    raise RuntimeError("a registration was not searchable within 10 s")
                time.sleep(0.005)
            delays.append((time.perf_counter() - committed) * 1000)
    finally:
        stop.set()
        load.join()
        follower.terminate()
        follower.wait(timeout=30)
    delays.sort()
    return {
        "samples": samples,
        "p50_ms": statistics.median(delays),
        "p95_ms": delays[int(len(delays) * 0.95) - 1],
        "max_ms": delays[-1],
    }


# --- command line ----------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--freshness", type=int, default=100, help="registrations timed")
    parser.add_argument("--var", type=Path, help="keep the database and index here")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the corpus and index kept in --var"
    )
    parser.add_argument("--child-rebuild", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    var = args.var or Path(tempfile.mkdtemp(prefix="vanphong-bench-search-"))
    if args.child_rebuild:
        docbench._setup(var, fresh=False)
        print(json.dumps(rebuild_child()))
        return 0
    postgres = bool(os.environ.get("VANPHONG_BENCH_DATABASE_URL"))
    try:
        if args.reuse and args.var is not None:
            docbench._setup(var, fresh=False)
            return _measure(args, var, postgres)
        backend = docbench._setup(var, fresh=True)
        corpus = generate(args.count, seed=args.seed)
        print(
            f"backend: {backend}; {corpus['documents']:,} documents generated in "
            f"{corpus['seconds']:.0f} s; raw text {corpus['raw_text_bytes'] / 1e6:,.0f} MB"
        )
        from django.db import connections

        connections.close_all()
        child = subprocess.run(  # noqa: S603 (our own script)
            [sys.executable, __file__, "--child-rebuild", "--var", str(var)],
            check=True,
            capture_output=True,
            text=True,
        )
        built = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"rebuild: {built['documents']:,} documents in {built['seconds']:.0f} s "
            f"({built['per_second']:,.0f}/s), peak RSS {built['peak_rss_mb']:,.0f} MB; "
            f"index {built['index_bytes'] / 1e6:,.0f} MB = "
            f"×{built['index_bytes'] / corpus['raw_text_bytes']:.2f} of the raw text"
        )
        return _measure(args, var, postgres)
    finally:
        if args.var is None:
            shutil.rmtree(var, ignore_errors=True)


def _measure(args: argparse.Namespace, var: Path, postgres: bool) -> int:
    results = latency(args.rounds, postgres=postgres)
    print(
        f"{'query':<40} {'hits':>8}  p50/p95 ms: (a) tantivy  (b) /me  (c) search API"
        + "  (c') with facets"
        + ("  (d) postgres" if postgres else "")
        + "  c/(a+b)"
    )
    for name, row in results.items():
        a, b, c = row["a_tantivy"], row["b_trivial_api"], row["c_search_api"]
        line = (
            f"  {name:<38} {row['hits']:>8,}  {a[0]:6.2f}/{a[1]:6.2f} "
            f"{b[0]:6.2f}/{b[1]:6.2f} {c[0]:6.2f}/{c[1]:6.2f} "
            f"{row['c_with_facets'][0]:6.2f}/{row['c_with_facets'][1]:6.2f}"
        )
        if postgres:
            d = row["d_postgres_fts"]
            line += f" {d[0]:8.1f}/{d[1]:8.1f}"
        line += f"  ×{c[0] / (a[0] + b[0]):.2f}"
        print(line)
    fresh = freshness(args.freshness, var)
    print(
        f"freshness over {fresh['samples']} registrations with searches running: "
        f"p50 {fresh['p50_ms']:.0f} ms, p95 {fresh['p95_ms']:.0f} ms, "
        f"max {fresh['max_ms']:.0f} ms (target p95 ≤ 1,000 ms)"
    )
    from vanphong.search import engine

    check = engine.verify()
    print(f"verify: {check.checked:,} checked, drift: {not check.ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
