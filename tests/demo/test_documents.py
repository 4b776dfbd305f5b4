"""The demo's year of documents: every state, both tone placements, gap-free books. (A second
load of the full demo adding nothing: full_year/test_load_again.py.)

The year is loaded once for the module (a tenth of the routine traffic, two districts: the
one-off documents of the year's events, which carry every state, always come) inside a
transaction that is rolled back at the end.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import LazySettings
from django.db import transaction
from django.db.models import F
from django.test import override_settings
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from vanphong.core.models import Counter, Notification, NumberAllocation
from vanphong.core.vietnamese import canonical_tones
from vanphong.demo import directives, documents, scenario
from vanphong.directives.models import Directive
from vanphong.documents import selectors, services_delivery, services_outgoing
from vanphong.documents.models import (
    Assignment,
    AssignmentRole,
    AssignmentStatus,
    Delivery,
    DeliveryEvent,
    DeliveryStatus,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.org.models import Clearance, Person, Unit, UnitKind
from vanphong.org.selectors import term_in_force
from vanphong.search import engine
from vanphong.search.models import OutboxEntry
from vanphong.search.selectors import search

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Each test also runs in its own transaction, inside the module's: nothing a test does stays.
pytestmark = pytest.mark.django_db
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[int]:
    with django_db_blocker.unblock(), transaction.atomic():
        # Module fixtures run before the autouse ones: the fast hasher is set here (Argon2 for
        # the demo's people would take ten seconds).
        with override_settings(VANPHONG_DEMO_SCALE=0, PASSWORD_HASHERS=FAST_HASHERS):
            scenario.load()
        registered = documents.load(scale=0.1, districts=2)
        directives.load()  # what `vanphong demo` follows in the year, on the year's documents
        yield registered
        transaction.set_rollback(True)


def _local(moment: datetime | None) -> date:
    assert moment is not None
    return moment.astimezone(TZ).date()


def test_the_year_registers_hundreds_of_documents(demo: int) -> None:
    assert demo == IncomingDocument.objects.count() > 200
    assert OutgoingDocument.objects.count() > 50


def test_incoming_documents_are_in_every_state(demo: int) -> None:
    states = set(IncomingDocument.objects.values_list("status", flat=True))
    assert states == set(IncomingStatus.values)


def test_outgoing_documents_are_in_every_state(demo: int) -> None:
    states = set(OutgoingDocument.objects.values_list("status", flat=True))
    assert states == set(OutgoingStatus.values)


def test_deliveries_reach_every_status_the_flow_can_reach(demo: int) -> None:
    # No service asks for a recall by message (13) or refuses one (16): those come by edXML.
    reachable = set(DeliveryStatus.values) - {
        DeliveryStatus.RECALL_REQUESTED,
        DeliveryStatus.RECALL_REFUSED,
    }
    assert set(Delivery.objects.values_list("status", flat=True)) == reachable


def test_every_delivery_history_runs_forward_in_time_with_the_copy(demo: int) -> None:
    history: dict[int, list[tuple[str, datetime]]] = defaultdict(list)
    for delivery_id, status, at in DeliveryEvent.objects.order_by("id").values_list(
        "delivery_id", "status", "at"
    ):
        history[delivery_id].append((status, at))
    for delivery in Delivery.objects.select_related("registered_as"):
        events = history[delivery.pk]
        moments = [at for _, at in events]
        assert moments == sorted(moments), delivery.pk
        assert delivery.status_at == moments[-1]
        copy = getattr(delivery, "registered_as", None)
        if copy is not None:
            assert (DeliveryStatus.REGISTERED, copy.registered_at) in events


def test_subjects_come_in_both_tone_placements(demo: int) -> None:
    subjects = list(IncomingDocument.objects.values_list("subject", flat=True))
    old_style = [s for s in subjects if canonical_tones(s) != s]
    new_style = [s for s in subjects if documents.old_tones(s) != s]
    assert len(old_style) >= 5
    assert len(new_style) >= 5


def test_old_tones_moves_the_mark_only_where_the_pair_closes_the_syllable() -> None:
    typed = "Huyện ủy Hòa Thành: thủy lợi, sức khỏe, Hoàng, quý, ỦY BAN, Thúy"
    expected = "Huyện uỷ Hoà Thành: thuỷ lợi, sức khoẻ, Hoàng, quý, UỶ BAN, Thuý"
    assert documents.old_tones(typed) == expected
    assert canonical_tones(expected) == typed


def test_incoming_numbers_are_gap_free_and_follow_arrival_in_every_book(demo: int) -> None:
    books: dict[tuple[int, int], list[tuple[int, datetime]]] = defaultdict(list)
    rows = IncomingDocument.objects.values_list("unit_id", "year", "number", "received_at")
    for unit_id, year, number, received_at in rows:
        books[(unit_id, year)].append((number, received_at))
    assert len(books) >= 6  # three offices, 2011 and the first weeks of 2012
    for (unit_id, year), entries in books.items():
        entries.sort()
        assert [n for n, _ in entries] == list(range(1, len(entries) + 1)), (unit_id, year)
        moments = [at for _, at in entries]
        assert moments == sorted(moments), "số đến follows the arrival"
        assert all(_local(at).year == year for at in moments)
        counter = Counter.objects.get(series=f"in:{unit_id}:{year}")
        assert counter.value == len(entries)


def test_outgoing_numbers_are_gap_free_in_every_series(demo: int) -> None:
    series: dict[str, list[int]] = defaultdict(list)
    issued = OutgoingDocument.objects.exclude(number=None).values_list("series", "number")
    for name, number in issued:
        assert number is not None
        series[name].append(number)
    assert series
    for name, numbers in series.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), name
        allocated = NumberAllocation.objects.filter(series=name).count()
        assert allocated == len(numbers), name


def test_dates_belong_to_the_story_not_to_the_day_it_was_loaded(demo: int) -> None:
    first, last = date(2011, 1, 1), documents.LAST_DAY
    for received, registered in IncomingDocument.objects.values_list(
        "received_at", "registered_at"
    ):
        assert first <= _local(received) <= last
        assert received <= registered
        assert _local(registered) <= last
    for issued_on in OutgoingDocument.objects.exclude(issued_on=None).values_list(
        "issued_on", flat=True
    ):
        assert issued_on is not None
        assert date(2010, 10, 16) <= issued_on <= last  # inside the 2010–2015 terms
    stamped = Assignment.objects.exclude(completed_at=None).values_list("completed_at", flat=True)
    assert stamped
    assert all(_local(at) <= date(2012, 6, 30) for at in stamped)


def test_every_step_comes_after_the_one_before(demo: int) -> None:
    for document in IncomingDocument.objects.exclude(presented_at=None):
        assert document.presented_at is not None
        assert document.registered_at <= document.presented_at
    parts = Assignment.objects.select_related("document", "direction")
    for part in parts.prefetch_related("notes"):
        assert part.document.registered_at <= part.assigned_at
        notes = [note.written_at for note in part.notes.all()]
        assert all(part.assigned_at <= at for at in notes)
        if part.completed_at is not None:
            assert all(at <= part.completed_at for at in notes)
            assert part.assigned_at <= part.completed_at
    for outgoing in OutgoingDocument.objects.exclude(issued_at=None):
        assert outgoing.signed_at is not None
        assert outgoing.issued_at is not None
        assert outgoing.created_at <= outgoing.signed_at <= outgoing.issued_at


def test_handling_has_directions_leads_supports_notes_and_late_and_timely_work(demo: int) -> None:
    leads = Assignment.objects.filter(role=AssignmentRole.LEAD)
    assert leads.filter(status=AssignmentStatus.DONE).exists()
    assert Assignment.objects.filter(role=AssignmentRole.SUPPORT).exists()
    assert leads.filter(status=AssignmentStatus.IN_PROGRESS, notes__isnull=False).exists()
    done = leads.filter(status=AssignmentStatus.DONE).exclude(deadline=None)
    on_time = late = 0
    for completed_at, deadline in done.values_list("completed_at", "deadline"):
        assert deadline is not None
        if _local(completed_at) <= deadline:
            on_time += 1
        else:
            late += 1
    assert on_time > late > 0


def test_district_reports_answer_the_province_requests(demo: int) -> None:
    answered = Assignment.objects.exclude(reply=None).select_related("reply", "document")
    assert answered
    for assignment in answered:
        assert assignment.reply is not None
        assert assignment.reply.reply_to_id == assignment.document_id
        assert assignment.reply.status == OutgoingStatus.ISSUED
        assert assignment.document.registered_at < assignment.reply.created_at
        assert assignment.reply.issued_at is not None
        assert assignment.completed_at is not None
        assert assignment.reply.issued_at <= assignment.completed_at
    registered_upward = IncomingDocument.objects.filter(
        delivery__document__in=[a.reply_id for a in answered]
    )
    assert registered_upward.exists()


def test_outside_documents_carry_real_number_symbols_urgency_and_secrecy(demo: int) -> None:
    symbols = set(IncomingDocument.objects.values_list("number_symbol", flat=True))
    assert any(re.fullmatch(r"\d+-CT/TW", s) for s in symbols)
    assert any(re.fullmatch(r"\d+/UBND-VP", s) for s in symbols)
    assert any(re.fullmatch(r"\d+/QĐ-UBND", s) for s in symbols)
    assert any(re.fullmatch(r"\d+-NQ/TU", s) for s in symbols)
    types = set(IncomingDocument.objects.values_list("type_symbol", flat=True))
    assert {"NQ", "CT", "KL", "KH", "BC", "TB", "CV", "HD", "QĐ"} <= types
    urgencies = set(IncomingDocument.objects.values_list("urgency", flat=True))
    assert len(urgencies) >= 3
    assert IncomingDocument.objects.filter(confidentiality__gte=Clearance.SECRET).exists()
    assert OutgoingDocument.objects.filter(confidentiality__gte=Clearance.SECRET).exists()
    assert not IncomingDocument.objects.filter(registered_at__lt=F("received_at")).exists()


def _whole_book(clerk: Person, unit: Unit, **filters: Any) -> list[int]:
    """Every number of the book under `filters`, page by page (keyset)."""
    numbers: list[int] = []
    after = None
    while page := selectors.incoming_book(clerk, unit_id=unit.pk, after=after, limit=40, **filters):
        numbers += [document.number for document in page]
        after = (page[-1].received_at, page[-1].pk)
    return numbers


def test_the_registry_pages_through_a_year_and_through_a_month_of_the_demo(demo: int) -> None:
    clerk = Person.objects.get(username="vt.tinhuy")
    office = Unit.objects.get(parent__parent=None, kind=UnitKind.OFFICE)
    book = IncomingDocument.objects.filter(unit=office)
    year_2011 = _whole_book(clerk, office, year=2011)
    assert year_2011 == list(range(book.filter(year=2011).count(), 0, -1))
    may = _whole_book(clerk, office, received_from=date(2011, 5, 1), received_to=date(2011, 5, 31))
    in_may = [d.number for d in book if _local(d.received_at).strftime("%Y-%m") == "2011-05"]
    assert may == sorted(in_may, reverse=True)
    assert may


def test_issuing_a_document_today_works_in_the_demo(demo: int) -> None:
    province = Unit.objects.get(parent=None)
    committees = [
        province,
        *Unit.objects.filter(parent=province, kind__in=["district_committee", "town_committee"]),
    ]
    for committee in committees:
        assert term_in_force(committee, timezone.localdate()) is not None, committee
    office = Unit.objects.get(parent=province, kind=UnitKind.OFFICE)
    drafter = Person.objects.get(username="cv2.tinhuy")
    leader = Person.objects.get(username="cvp.tinhuy")
    clerk = Person.objects.get(username="vt.tinhuy")
    with transaction.atomic():
        draft = services_outgoing.outgoing_create(
            actor=drafter, unit=office, type_symbol="CV", subject="V/v kiểm tra hôm nay"
        )
        services_outgoing.outgoing_submit(actor=drafter, document=draft)
        services_outgoing.outgoing_approve(actor=leader, document=draft)
        services_outgoing.outgoing_sign(actor=leader, document=draft, position="Chánh VP")
        issued = services_outgoing.outgoing_issue(
            actor=clerk,
            document=draft,
            recipients=[services_delivery.Recipient(external_name="Văn phòng Trung ương Đảng")],
        )
        assert issued.number_symbol == "01-CV/VPTU"  # the first of the 2025–2030 term
        transaction.set_rollback(True)


def test_the_demo_directives_follow_the_years_own_registrations(demo: int) -> None:
    followed = Directive.objects.exclude(incoming=None).select_related("incoming")
    own = {uuid.uuid5(directives.SUBMISSIONS, key) for key in ("51-CT/TW", "01-CT/TW")}
    assert len(followed) == 2
    assert all(d.incoming is not None and d.incoming.submission_id not in own for d in followed)


def test_an_index_fed_only_by_the_outbox_of_the_load_matches_the_database(
    demo: int, settings: LazySettings, tmp_path: Path
) -> None:
    settings.VANPHONG_SEARCH_DIR = tmp_path / "search"
    (tmp_path / "search").mkdir()
    empty = engine._new_dir()
    engine._open(empty)
    engine.Cursor().write(empty)
    engine._switch_to(empty)
    assert engine.drain(batch=5000) == OutboxEntry.objects.count()
    report = engine.verify()
    assert report.ok, (report.missing[:3], report.stale[:3], report.extra[:3])
    assert report.checked == IncomingDocument.objects.count() + OutgoingDocument.objects.count()
    province_clerk = Person.objects.get(username="vt.tinhuy")
    assert search(province_clerk, "bau cu").total > 0
    engine._readers.clear()


def test_the_years_notices_are_read_long_ago(demo: int) -> None:
    assert Notification.objects.exists()
    assert not Notification.objects.filter(read_at=None).exists()
