"""The demo's living present: the weeks around a pinned "today" give every persona work in each
of their queues, a few items overdue; the registers keep their numbers in date order; loading
again the same day adds nothing, and a later day adds its own present.

Loaded once for the module (the organisation and the plans, without the year of documents, then
the present of Wednesday 14 October 2026) inside a transaction rolled back at the end; each test
runs in its own transaction inside it, so a later day loaded by one test does not stay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from vanphong.core import audit, inbox
from vanphong.core.models import AuditEvent, Notification
from vanphong.demo import present, present_kit, scenario
from vanphong.directives.models import Task, TaskState
from vanphong.directives.selectors import tasks_visible
from vanphong.documents import selectors, services_delivery, services_outgoing
from vanphong.documents.models import (
    DeliveryStatus,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from vanphong.org.models import Person
from vanphong.planning import selectors as planning_selectors
from vanphong.planning.models import Schedule, VersionStatus

pytestmark = pytest.mark.django_db
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# A Wednesday. The loader takes "today" as a parameter; the services still refuse a date after
# the real one, so every day a test loads is in the past.
TODAY = date(2026, 10, 14)
MONDAY = date(2026, 10, 12)


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[int]:
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            with override_settings(VANPHONG_DEMO_SCALE=0):
                scenario.load()  # the organisation and the plans; the present is left out
            yield present.load(today=TODAY)
        transaction.set_rollback(True)


def _person(username: str) -> Person:
    return Person.objects.get(username=username)


def _local(moment: datetime | None) -> date:
    assert moment is not None
    return moment.astimezone(TZ).date()


def _counts() -> tuple[int, ...]:
    return (
        IncomingDocument.objects.count(),
        OutgoingDocument.objects.count(),
        Task.objects.count(),
        Schedule.objects.count(),
        AuditEvent.objects.count(),
    )


def test_the_first_load_fills_the_working_days_of_the_last_two_weeks(demo: int) -> None:
    assert demo == 11  # Wednesday 30 September to Wednesday 14 October 2026


def test_clerks_find_deliveries_to_register_and_documents_to_issue(demo: int) -> None:
    province_clerk, district_clerk = _person("vt.tinhuy"), _person("vt.chauthanh")
    waiting = list(selectors.reception_queue(province_clerk))
    assert waiting
    assert all(d.document.unit.name.startswith("Văn phòng Huyện ủy") for d in waiting)
    assert selectors.reception_queue(district_clerk).exists(), "the province's letter arrived"
    assert selectors.awaiting_issue(province_clerk).exists()


def test_leaders_find_documents_presented_to_them_and_drafts_to_approve(demo: int) -> None:
    secretary, chief = _person("bithu.tinhuy"), _person("cvp.tinhuy")
    assert selectors.presented_to(secretary).exists()
    assert selectors.presented_to(chief).exists()
    assert selectors.awaiting_my_approval(chief)
    assert selectors.presented_to(_person("cvp.chauthanh")).exists()


def test_the_specialist_has_assignments_due_soon_overdue_and_done(demo: int) -> None:
    specialist = _person("cv.tinhuy")
    open_ones = list(selectors.inbox(specialist))
    deadlines = [a.deadline for a in open_ones if a.deadline is not None]
    assert any(d < TODAY for d in deadlines), "one overdue"
    assert any(TODAY <= d <= TODAY + timedelta(days=7) for d in deadlines), "one due soon"
    finished = selectors.inbox(specialist, include_done=True).exclude(completed_at=None)
    assert finished.exists()


def test_outgoing_documents_are_found_in_every_state_of_the_flow(demo: int) -> None:
    states = set(OutgoingDocument.objects.values_list("status", flat=True))
    assert {
        OutgoingStatus.DRAFT,
        OutgoingStatus.IN_REVIEW,
        OutgoingStatus.RETURNED,
        OutgoingStatus.SIGNED,
        OutgoingStatus.ISSUED,
        OutgoingStatus.WITHDRAWN,
    } <= states
    recalled = OutgoingDocument.objects.filter(status=OutgoingStatus.WITHDRAWN).first()
    assert recalled is not None
    assert set(recalled.deliveries.values_list("status", flat=True)) == {DeliveryStatus.RECALLED}


def test_this_week_is_published_with_leaders_today_and_tomorrow_and_next_week_waits(
    demo: int,
) -> None:
    province = _person("bithu.tinhuy").memberships.get().unit
    week = Schedule.objects.get(committee=province, kind="leaders", monday=MONDAY)
    published = planning_selectors.current_published(week)
    assert published is not None
    for day in (TODAY, TODAY + timedelta(days=1)):
        entries = published.entries.filter(day=day)
        assert entries.exists(), day
        assert all(entry.attendance.exists() for entry in entries)
    following = Schedule.objects.get(
        committee=province, kind="leaders", monday=MONDAY + timedelta(days=7)
    )
    assert following.versions.get().status == VersionStatus.DRAFT


def test_tasks_of_the_year_are_due_soon_overdue_and_awaiting_acceptance(demo: int) -> None:
    tasks = Task.objects.filter(directive__document_date__year=TODAY.year)
    open_tasks = tasks.filter(closed_at=None)
    assert open_tasks.filter(deadline__lt=TODAY).exclude(state=TaskState.SUBMITTED).exists()
    assert open_tasks.filter(deadline__gte=TODAY, deadline__lte=TODAY + timedelta(days=7)).exists()
    assert tasks.filter(state=TaskState.SUBMITTED).exists(), "reported done, awaiting acceptance"
    assert tasks.filter(state=TaskState.DONE).exists()
    district = tasks_visible(_person("cv.chauthanh")).filter(closed_at=None)
    assert district.exists(), "the district's Office sees its committee's tasks"


def test_the_registers_number_in_date_order_and_nothing_is_dated_after_today(demo: int) -> None:
    books: dict[int, list[tuple[int, datetime]]] = defaultdict(list)
    for unit_id, number, received_at in IncomingDocument.objects.values_list(
        "unit_id", "number", "received_at"
    ):
        books[unit_id].append((number, received_at))
    for entries in books.values():
        entries.sort()
        moments = [at for _n, at in entries]
        assert moments == sorted(moments)
        assert TODAY - timedelta(days=15) <= _local(moments[0]) <= _local(moments[-1]) <= TODAY
    series: dict[str, list[tuple[int, date]]] = defaultdict(list)
    for name, issued, issued_on in OutgoingDocument.objects.exclude(number=None).values_list(
        "series", "number", "issued_on"
    ):
        assert issued is not None
        assert issued_on is not None
        series[name].append((issued, issued_on))
    assert series
    for numbers in series.values():
        numbers.sort()
        assert [n for n, _d in numbers] == list(range(1, len(numbers) + 1))
        days = [d for _n, d in numbers]
        assert days == sorted(days)
        assert days[-1] <= TODAY
    for document in IncomingDocument.objects.exclude(presented_at=None):
        assert document.received_at <= document.registered_at
        assert document.presented_at is not None
        assert _local(document.registered_at) <= _local(document.presented_at) <= TODAY


def test_loading_again_the_same_day_adds_nothing(demo: int) -> None:
    before = _counts()
    assert present.load(today=TODAY) == 0
    assert _counts() == before


def test_a_later_day_adds_its_present_and_takes_on_what_was_waiting(demo: int) -> None:
    before = _counts()
    waiting = IncomingDocument.objects.get(submission_id=present_kit.key(TODAY, "arrival"))
    assert waiting.status == IncomingStatus.PRESENTED
    friday = TODAY + timedelta(days=2)
    assert present.load(today=friday) == 2
    assert _counts() > before
    waiting.refresh_from_db()
    assert waiting.status == IncomingStatus.ASSIGNED, "directed two days after it was presented"
    direction = waiting.directions.get()
    assert _local(direction.given_at) == friday
    province = _person("bithu.tinhuy").memberships.get().unit
    weeks = Schedule.objects.filter(committee=province, kind="leaders")
    next_week = weeks.get(monday=MONDAY + timedelta(days=7))
    assert planning_selectors.current_published(next_week) is not None, "published on Friday"
    after = weeks.get(monday=MONDAY + timedelta(days=14))
    assert after.versions.get().status == VersionStatus.DRAFT
    assert audit.verify().ok


def test_a_load_a_month_later_brings_fresh_work_without_touching_the_old(demo: int) -> None:
    earlier = set(IncomingDocument.objects.values_list("pk", "status"))
    later = TODAY + timedelta(days=28)
    assert present.load(today=later) == 11
    assert earlier <= set(IncomingDocument.objects.values_list("pk", "status"))
    fresh = selectors.presented_to(_person("bithu.tinhuy")).filter(
        presented_at__date__gte=later - timedelta(days=3)
    )
    assert fresh.exists()
    assert selectors.reception_queue(_person("vt.tinhuy")).filter(
        sent_at__date__gte=later - timedelta(days=3)
    )


def test_a_later_load_keeps_the_registers_in_date_order_after_people_worked(demo: int) -> None:
    clerk = _person("vt.tinhuy")
    signed = selectors.awaiting_issue(clerk).first()
    assert signed is not None
    by_hand = TODAY + timedelta(days=13)  # the clerk issued it on Tuesday two weeks later
    services_outgoing.outgoing_issue(
        actor=clerk,
        document=signed,
        recipients=[services_delivery.Recipient(external_name="Văn phòng Trung ương Đảng")],
        issued_on=by_hand,
    )
    assert present.load(today=by_hand + timedelta(days=1)) == 10
    issued = OutgoingDocument.objects.filter(unit=signed.unit).exclude(number=None)
    days = [d for _n, d in sorted(issued.values_list("number", "issued_on")) if d is not None]
    assert days == sorted(days)
    assert days.count(by_hand) >= 2, "letters due earlier went out that day, not before"


def test_the_bell_counts_the_news_of_the_last_days_only(demo: int) -> None:
    unread = Notification.objects.filter(read_at=None)
    assert unread.exists()
    yesterday = TODAY - timedelta(days=1)  # a Tuesday
    assert all(_local(at) >= yesterday for at in unread.values_list("created_at", flat=True))
    assert Notification.objects.exclude(read_at=None).exists()


@pytest.mark.parametrize(
    ("username", "sections"),
    [
        ("vt.tinhuy", {"awaiting_registration", "awaiting_issue", "my_entries"}),
        ("bithu.tinhuy", {"presented_to_me", "my_entries"}),
        ("cvp.tinhuy", {"presented_to_me", "awaiting_my_approval", "units_tasks_due"}),
        ("cv.tinhuy", {"my_assignments", "units_tasks_due", "my_entries"}),
        ("vt.chauthanh", {"awaiting_registration"}),
        ("cv.chauthanh", {"units_tasks_due"}),
    ],
)
def test_every_persona_opens_a_home_page_with_work_in_its_sections(
    demo: int, username: str, sections: set[str]
) -> None:
    shown = {section.key: found for section, found in inbox.sections_for(_person(username), TODAY)}
    assert sections <= set(shown)
    assert all(shown[key].count > 0 for key in sections), {k: v.count for k, v in shown.items()}
