"""The petitions benchmarks' generator: letters written straight into offices' petitions books.

Shared by bench/petitions.py (the issue's three ratios), bench/petitions_duplicates.py and
bench/petitions_reports.py. Like bench/documents.py it bypasses the services on purpose (a
million `letter_register` calls would take hours; what is measured is reading big books) and
inserts with `executemany` in batches of 5,000 letters, one transaction a batch, ids given
explicitly: per letter one `Letter`, its open or met processing clock (`Deadline`), one or two
petitioners (`Citizen`, none for an anonymous letter) and, for a forwarded letter, its
`Forward` (half of them with their result back).

A seeded generator: received days spread over each year asked for; one to three kinds (a
quarter of letters denounce); a field of the editable list; handling, eligibility and status
consistent with each other (a tenth of letters still waiting to be classified); petitioners
drawn from a name pool small enough that common names repeat (as "Nguyễn Văn …" does) and an
identity-number pool of a third of the letters (people write again); summaries from a
vocabulary of complaint phrases, both tone placements and unaccented. Numbers are gap-free per
unit and year in order of writing; no audit events are written, so `audit verify` still holds.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import documents as docbench

BATCH = 5_000
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Hoàng")
GIVEN = (
    *("An", "Bình", "Cường", "Dũng", "Đông", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa"),
    *("Hoà", "Hùng", "Khoa", "Lan", "Long", "Mai", "Nam", "Nga", "Phúc", "Quang", "Sơn"),
    *("Tâm", "Thảo", "Thủy", "Thuỷ", "Trung", "Tuấn", "Vinh", "Xuân", "Yến"),
)
PHRASES = (
    "khiếu nại việc bồi thường",
    "hỗ trợ tái định cư",
    "thu hồi đất",
    "mở rộng đường",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "tranh chấp ranh giới",
    "tố cáo cán bộ địa chính",
    "nhận tiền trái quy định",
    "chế độ chính sách người có công",
    "trợ cấp thương binh",
    "kiến nghị sửa chữa cầu",
    "phản ánh ô nhiễm môi trường",
    "đảng viên vi phạm",
    "ở ấp Trường Lưu xã Trường Hòa",
    "huyện Hòa Thành",
    "huyện Trảng Bàng",
    "khieu nai viec boi thuong",
    "xã Hoà Thành",
)
KINDS = ("complaint", "denunciation", "proposal", "report")
# handling -> the status a letter so handled has (or may have: closed once its result is back)
HANDLINGS = {
    "": "classified",
    "forward": "following",
    "guide": "closed",
    "keep": "following",
    "assign": "following",
    "accept": "following",
}


def others(count: int) -> list[Any]:
    """`count` Offices of another province: the rest of the country's books, seen by none of
    the demo's people."""
    from vanphong.org.models import Unit, UnitKind

    root = Unit.objects.create(
        kind=UnitKind.PROVINCIAL_COMMITTEE,
        name="Tỉnh ủy khác",
        name_folded="tinh uy khac",
        symbol="TU",
    )
    offices = [
        Unit(
            parent=root,
            kind=UnitKind.OFFICE,
            name=f"Văn phòng thử {n:03d}",
            name_folded=f"van phong thu {n:03d}",
            symbol="VP",
        )
        for n in range(count)
    ]
    return list(Unit.objects.bulk_create(offices))


class Books:
    """Writes letters into offices' books, numbering on from what it wrote before."""

    def __init__(self, *, people: int) -> None:
        from vanphong.org.models import Person
        from vanphong.petitions.models import Field

        author = Person.objects.filter(is_active=True).order_by("pk").first()
        assert author is not None
        self.author = author.pk
        self.fields: list[int | None] = [*Field.objects.values_list("pk", flat=True)] or [None]
        self.ids = [f"072{n:09d}" for n in range(max(1, people))]
        self.numbers: dict[tuple[int, int], int] = {}
        self.written = 0

    def write(self, units: list[Any], years: tuple[int, ...], count: int, *, seed: int) -> float:
        """`count` letters spread evenly over `units` and `years`; returns the seconds taken."""
        from django.core.management.color import no_style
        from django.db import connection, transaction
        from django.utils import timezone

        from vanphong.core.vietnamese import fold
        from vanphong.petitions.models import Citizen, Deadline, Forward, Letter

        rng = random.Random(seed)
        tables = [docbench._Table(m) for m in (Letter, Deadline, Citizen, Forward)]
        letters, deadlines, citizens, forwards = tables
        now = timezone.now()
        started = time.perf_counter()
        for n in range(count):
            unit = units[n % len(units)].pk
            year = years[n % len(years)]
            received = date(year, 1, 1) + timedelta(days=rng.randrange(365))
            key = (unit, year)
            self.numbers[key] = self.numbers.get(key, 0) + 1
            kinds = {kind: rng.random() < 0.3 for kind in KINDS}
            kinds["denunciation"] = rng.random() < 0.25
            if not any(kinds.values()):
                kinds["complaint"] = True
            anonymous = kinds["denunciation"] and rng.random() < 0.1
            classified = rng.random() >= 0.1
            eligible = classified and not anonymous and rng.random() < 0.85
            handling = rng.choice(list(HANDLINGS)) if eligible else ""
            status = HANDLINGS[handling] if classified else "registered"
            if (handling == "forward" and rng.random() < 0.5) or (classified and not eligible):
                status = "closed"
            reason = "anonymous" if anonymous else rng.choice(("time_limit", "not_competent"))
            summary = " ".join(rng.sample(PHRASES, rng.randint(2, 4)))
            letter = letters.add(
                unit_id=unit,
                year=year,
                number=self.numbers[key],
                received_on=received,
                channel=rng.choice(("post", "post", "in_person", "email", "forwarded")),
                anonymous=anonymous,
                field_id=rng.choice(self.fields),
                summary=summary,
                summary_folded=fold(summary),
                status=status,
                eligibility=("eligible" if eligible else "ineligible") if classified else "",
                ineligible_reason=reason if classified and not eligible else "",
                classified_on=received + timedelta(days=5) if classified else None,
                handling=handling,
                handled_on=received + timedelta(days=8) if handling else None,
                closed_on=received + timedelta(days=50) if status == "closed" else None,
                created_by_id=self.author,
                created_at=now,
                **kinds,
            )
            deadlines.add(
                letter_id=letter,
                unit_id=unit,
                kind="processing",
                starts_on=received,
                due_on=received + timedelta(days=14),
                days=10,
                working_days=True,
                rule_kind="deadline.processing",
                rule_from=date(2014, 7, 1),
                source="Luật Tiếp công dân 2013",
                met_on=received + timedelta(days=5) if classified else None,
            )
            for position in range(0 if anonymous else 1 if rng.random() < 0.9 else 2):
                name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
                citizens.add(
                    letter_id=letter,
                    position=position,
                    full_name=name,
                    name_folded=fold(name),
                    id_number=rng.choice(self.ids) if rng.random() < 0.7 else "",
                )
            if handling == "forward":
                on = received + timedelta(days=8)
                forwards.add(
                    letter_id=letter,
                    to_body="Ủy ban Kiểm tra",
                    forwarded_on=on,
                    result_due_on=on + timedelta(days=60),
                    result_on=on + timedelta(days=40) if status == "closed" else None,
                    created_by_id=self.author,
                    created_at=now,
                )
            if len(letters.rows) >= BATCH or n == count - 1:
                with transaction.atomic():
                    for table in tables:
                        table.flush()
            self.written += 1
            if self.written % 100_000 == 0:
                rate = (n + 1) / (time.perf_counter() - started)
                print(f"  … {self.written:,} letters ({rate:,.0f}/s)", file=sys.stderr)
        with connection.cursor() as cursor:  # a registration afterwards gets the next ids
            for sql in connection.ops.sequence_reset_sql(
                no_style(), [Letter, Deadline, Citizen, Forward]
            ):
                cursor.execute(sql)
        return time.perf_counter() - started
