"""The demo's citizen reception and letters: Tây Ninh 2011–2012 — the group of twelve received
by the Secretary, the denunciation forwarded to the Inspection Committee and its result, the
overdue forward, the anonymous letters kept, the letter sent to three bodies — a second load
that adds nothing, the 2011 yearly report whose figures are the database's, and the letters
around a pinned "today".

Loaded once for the module (the organisation and the plans without the year of documents, then
the petitions and their present of Wednesday 14 October 2026) inside a transaction rolled back
at the end.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.db.models import Q, Sum
from django.test import override_settings
from docx import Document
from openpyxl import load_workbook  # type: ignore[import-untyped]
from pytest_django import DjangoDbBlocker

from vanphong.core import audit
from vanphong.core.models import AuditEvent
from vanphong.demo import petitions, scenario
from vanphong.documents.models import OutgoingStatus
from vanphong.org.models import Person, Unit, UnitKind
from vanphong.petitions import report_files
from vanphong.petitions.models import (
    Deadline,
    Eligibility,
    Forward,
    Handling,
    IneligibleReason,
    Letter,
    LetterStatus,
    ReceptionSession,
    SessionKind,
    Visit,
)
from vanphong.petitions.reception_check import head_months
from vanphong.petitions.reports import Period, PeriodKind, report_build
from vanphong.planning.models import Entry, VersionStatus

pytestmark = pytest.mark.django_db
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A Wednesday; the services refuse a date after the real one, so it is in the past.
TODAY = date(2026, 10, 14)
YEAR = Period(PeriodKind.YEAR, 2011)
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[int]:
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
            with override_settings(VANPHONG_DEMO_SCALE=0):
                scenario.load()  # the organisation and the plans; the petitions are left out
                assert not Letter.objects.exists()
            yield petitions.load(today=TODAY)
        transaction.set_rollback(True)


def _person(username: str) -> Person:
    return Person.objects.get(username=username)


def _office(username: str) -> Unit:
    return _person(username).memberships.get(unit__kind=UnitKind.OFFICE).unit


def test_the_secretary_receives_a_group_of_twelve_villagers_on_his_monthly_day(
    demo: int,
) -> None:
    secretary = _person("bithu.tinhuy")
    group = Visit.objects.get(group_size=12)
    session = group.session
    assert (session.kind, session.host, session.held) == (SessionKind.HEAD, secretary, True)
    assert session.unit == _office("tiepdan.tinhuy")
    # The session is an entry of the province's weekly schedule, published.
    assert session.entry_lineage is not None
    entry = Entry.objects.filter(lineage=session.entry_lineage).select_related("version").get()
    assert entry.day == session.day
    assert entry.attendance.filter(person=secretary).exists()
    assert entry.version.status == VersionStatus.PUBLISHED
    citizens = list(group.citizens.all())
    assert len(citizens) == 12
    assert [c.is_representative for c in citizens].count(True) == 1
    assert group.files.count() >= 2, "the papers they handed in are kept"
    assert group.answer
    assert group.agreed
    letter = group.letter
    assert letter is not None
    assert letter.group_size == 12
    assert letter.status == LetterStatus.CLOSED
    assert letter.told_on is not None
    assert letter.forwards.get().reply is not None


def test_the_secretary_receives_every_month_of_2011_but_may(demo: int) -> None:
    months = head_months(_office("tiepdan.tinhuy"), 2011, today=TODAY)
    held = {check.month.month for check in months if check.held}
    assert held == set(range(1, 13)) - {5}
    # No rule was in force then (Chỉ thị 35-CT/TW, 2014): nothing is flagged.
    assert not any(check.lacking for check in months)


def test_the_denunciation_of_a_commune_secretary_goes_to_the_inspection_committee_and_back(
    demo: int,
) -> None:
    inspection = Unit.objects.get(name="Ủy ban Kiểm tra Tỉnh ủy")
    forward = Forward.objects.select_related("letter", "note", "reply").get(to_unit=inspection)
    letter = forward.letter
    assert letter.denunciation
    assert letter.subject_kind == "party_member"
    assert "Bí thư Đảng ủy xã" in letter.subject
    assert forward.note is not None
    assert forward.note.status == OutgoingStatus.ISSUED
    assert forward.copy is not None
    assert forward.copy.kind == "redacted"
    denouncer = letter.citizens.get()
    assert denouncer.full_name not in forward.note.versions.get().body
    assert forward.reply is not None
    assert forward.reply.sender_name == "Ủy ban Kiểm tra Tỉnh ủy"
    assert forward.result_on is not None
    assert forward.result_on <= forward.result_due_on
    assert letter.status == LetterStatus.CLOSED
    assert letter.told_on is not None
    actions = set(
        AuditEvent.objects.filter(
            object_type="petitions.letter", object_id=str(letter.uuid)
        ).values_list("action", flat=True)
    )
    assert {"letter.register", "letter.classify", "letter.forward", "letter.told"} <= actions


def test_one_forward_is_overdue_without_its_result(demo: int) -> None:
    overdue = Forward.objects.filter(result_on=None, result_due_on__lt=date(2011, 12, 31))
    assert overdue.count() == 1
    letter = overdue.get().letter
    assert letter.status == LetterStatus.FOLLOWING
    clock = Deadline.objects.get(letter=letter, kind="follow_up")
    assert clock.met_on is None
    assert clock.due_on < date(2011, 12, 31)


def test_anonymous_denunciations_are_kept_not_processed(demo: int) -> None:
    anonymous = Letter.objects.filter(anonymous=True, denunciation=True, year=2011)
    assert anonymous.count() >= 3
    for letter in anonymous:
        assert letter.eligibility == Eligibility.INELIGIBLE
        assert letter.ineligible_reason == IneligibleReason.ANONYMOUS
        assert letter.handling == Handling.KEEP
        assert letter.status == LetterStatus.CLOSED
        assert not letter.citizens.exists()
        assert not letter.forwards.exists()


def test_a_letter_sent_to_three_bodies_is_linked_as_its_second_and_third_round(
    demo: int,
) -> None:
    first = Letter.objects.get(duplicates__duplicate_round=3)
    copies = list(first.duplicates.order_by("duplicate_round"))
    assert [c.duplicate_round for c in copies] == [2, 3]
    assert {c.channel for c in copies} == {"forwarded"}
    assert all(c.covering is not None for c in copies)
    assert len({c.sender_body for c in copies}) == 2
    names = set(first.citizens.values_list("full_name", flat=True))
    for copy in copies:
        assert set(copy.citizens.values_list("full_name", flat=True)) == names


def test_land_and_compensation_complaints_reach_the_districts_books_and_the_provinces(
    demo: int,
) -> None:
    complaints = Letter.objects.filter(
        year=2011, complaint=True, field__name__in=["Đất đai", "Bồi thường, hỗ trợ, tái định cư"]
    )
    for key in ("hoathanh", "trangbang"):
        district = _office(f"tiepdan.{key}")
        assert complaints.filter(unit=district).exists()
        assert complaints.filter(unit=_office("tiepdan.tinhuy"), place_unit=district.parent)


def test_loading_again_adds_nothing(demo: int) -> None:
    counts = (Letter.objects.count(), Visit.objects.count(), ReceptionSession.objects.count())
    events = AuditEvent.objects.count()
    assert petitions.load(today=TODAY) == 0
    assert (
        Letter.objects.count(),
        Visit.objects.count(),
        ReceptionSession.objects.count(),
    ) == counts
    assert AuditEvent.objects.count() == events
    assert audit.verify().ok


def test_the_rows_carry_the_storys_days_not_the_day_of_loading(demo: int) -> None:
    story = Letter.objects.filter(year__lte=2012)
    assert story.exists()
    for letter in story:
        assert letter.created_at.astimezone(TZ).date() == letter.received_on, letter
    visits = Visit.objects.filter(year__lte=2012).select_related("session")
    assert visits.exists()
    for visit in visits:
        assert visit.created_at.astimezone(TZ).date() == visit.session.day, visit
    for forward in Forward.objects.filter(forwarded_on__year__lte=2012).select_related("note"):
        assert forward.created_at.astimezone(TZ).date() == forward.forwarded_on
        assert forward.note is not None
        assert forward.note.issued_on == forward.forwarded_on


# --- the 2011 yearly report ----------------------------------------------------------------


def _sheet(book: Any, name: str) -> dict[str, dict[str, Any]]:
    """A sheet's rows by their first cell, each row's values by the headings."""
    rows = list(book[name].iter_rows(min_row=4, values_only=True))
    head = [str(h) for h in rows[0]]
    return {str(row[0]): dict(zip(head, row, strict=False)) for row in rows[1:]}


def test_the_2011_yearly_report_opens_and_its_figures_are_the_databases(demo: int) -> None:
    chief = _person("cvp.tinhuy")
    office = _office("cvp.tinhuy")
    report = report_build(person=chief, unit=office, period=YEAR)
    book = load_workbook(io.BytesIO(report_files.xlsx(report)))
    draft = Document(io.BytesIO(report_files.docx(report, today=TODAY)))
    assert "2011" in "\n".join(p.text for p in draft.paragraphs)

    letters = Letter.objects.filter(unit=office, received_on__year=2011)
    end = date(2011, 12, 31)
    received = _sheet(book, "tiep-nhan")[report.lines[0].name]
    assert received["Tổng số đơn"] == letters.count()
    assert received["Đơn trùng"] == letters.exclude(duplicate_of=None).count() == 2
    assert received["Khiếu nại"] == letters.filter(complaint=True).count()
    assert received["Tố cáo"] == letters.filter(denunciation=True).count()
    assert received["Nặc danh"] == letters.filter(anonymous=True).count()
    assert received["Không đủ điều kiện xử lý"] == (
        letters.filter(eligibility="ineligible", classified_on__lte=end).count()
    )
    handled = _sheet(book, "xu-ly")[report.lines[0].name]
    assert handled["Chuyển đơn"] == letters.filter(handling="forward", handled_on__lte=end).count()
    forwards = Forward.objects.filter(letter__in=letters, forwarded_on__lte=end)
    assert handled["Lượt chuyển đơn"] == forwards.count()
    assert handled["Đã nhận kết quả"] == forwards.filter(result_on__lte=end).count()
    assert (
        handled["Quá hạn chưa có kết quả"]
        == forwards.filter(Q(result_on=None) | Q(result_on__gt=end), result_due_on__lt=end).count()
    )
    reception = _sheet(book, "tiep-dan")[report.lines[0].name]
    sessions = ReceptionSession.objects.filter(unit=office, day__year=2011, held=True)
    assert reception["Buổi người đứng đầu cấp ủy tiếp"] == sessions.filter(kind="head").count()
    assert reception["Tổng số buổi"] == sessions.count()
    visits = Visit.objects.filter(session__in=sessions)
    assert reception["Lượt tiếp"] == visits.count()
    assert reception["Số người được tiếp"] == visits.aggregate(n=Sum("group_size"))["n"]
    assert reception["Đoàn đông người"] == visits.filter(group_size__gte=5).count() >= 1
    by_field = _sheet(book, "linh-vuc")
    for name, count in by_field.items():
        if name != "Tổng cộng":
            assert count["Số đơn"] == letters.filter(field__name=name).count(), name
    reasons = _sheet(book, "ly-do")
    assert reasons[str(IneligibleReason.ANONYMOUS.label)]["Số đơn"] == (
        letters.filter(ineligible_reason="anonymous").count()
    )


def test_the_provinces_report_rolls_up_hoa_thanh_and_trang_bang(demo: int) -> None:
    secretary = _person("bithu.tinhuy")
    province = Unit.objects.get(parent=None)
    report = report_build(person=secretary, unit=province, period=YEAR)
    book = load_workbook(io.BytesIO(report_files.xlsx(report)))
    received = _sheet(book, "tiep-nhan")
    for key in ("hoathanh", "trangbang"):
        office = _office(f"tiepdan.{key}")
        line = received[office.parent.name]  # type: ignore[union-attr]
        assert (
            line["Tổng số đơn"]
            == Letter.objects.filter(unit=office, received_on__year=2011).count()
            > 0
        )
    assert received["Tổng cộng"]["Tổng số đơn"] == (
        Letter.objects.filter(received_on__year=2011).count()
    )


# --- the present ---------------------------------------------------------------------------


def test_the_reception_officer_finds_new_due_soon_and_overdue_letters(demo: int) -> None:
    office = _office("tiepdan.tinhuy")
    assert (
        Letter.objects.filter(
            unit=office, status=LetterStatus.REGISTERED, received_on__gte=date(2026, 10, 1)
        ).count()
        >= 2
    )
    open_clocks = Deadline.objects.filter(unit=office, met_on=None, letter__year=2026)
    assert open_clocks.filter(due_on__gte=TODAY, due_on__lte=date(2026, 10, 21)).exists()
    assert open_clocks.filter(due_on__lt=TODAY).exists()
    follow = open_clocks.filter(kind="follow_up")
    assert follow.filter(due_on__gt=TODAY).exists()
    assert follow.filter(due_on__lt=TODAY).exists()


def test_hoa_thanhs_secretary_missed_one_month_this_year(demo: int) -> None:
    months = head_months(_office("tiepdan.hoathanh"), 2026, today=TODAY)
    assert [check.label for check in months if check.lacking] == ["08/2026"]
    province = head_months(_office("tiepdan.tinhuy"), 2026, today=TODAY)
    assert not any(check.lacking for check in province)


def test_a_later_load_adds_the_heads_months_since_and_no_letter_twice(demo: int) -> None:
    later = date(2026, 11, 20)  # a Friday; the services refuse a day after the real one
    with transaction.atomic():
        letters = Letter.objects.count()
        petitions.load(today=later)
        assert Letter.objects.count() == letters
        months = head_months(_office("tiepdan.hoathanh"), 2026, today=later)
        assert [check.label for check in months if check.lacking] == ["08/2026"]
        held = {check.label for check in months if check.held}
        assert {"10/2026", "11/2026"} <= held
        transaction.set_rollback(True)
