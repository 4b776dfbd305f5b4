"""Changing the working-day calendar: who may, what is refused, and the audit trail."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.personas import Personas
from vanphong.core import services, workdays
from vanphong.core.models import AuditEvent, CalendarDay
from vanphong.org.models import Role

WEDNESDAY = date(2013, 6, 5)
SATURDAY = date(2013, 6, 8)


def test_the_provinces_admin_adds_a_day_off_and_it_is_audited(people: Personas) -> None:
    row = services.calendar_day_create(
        actor=people.province_admin,
        day=WEDNESDAY,
        is_working=False,
        name="  Nghỉ   bù  ",
        note="Quyết định của Tỉnh ủy",
    )
    assert (row.name, row.is_working) == ("Nghỉ bù", False)
    assert not workdays.is_working(WEDNESDAY)
    event = AuditEvent.objects.get(action="calendar_day.create")
    assert event.object_id == str(row.uuid)
    assert event.after == {
        "day": "2013-06-05",
        "is_working": False,
        "name": "Nghỉ bù",
        "note": "Quyết định của Tỉnh ủy",
    }
    assert event.actor_id == people.province_admin.pk


def test_a_superuser_may_change_the_calendar_too(people: Personas) -> None:
    row = services.calendar_day_create(
        actor=people.superuser, day=SATURDAY, is_working=True, name="Làm bù"
    )
    assert workdays.is_working(row.day)


@pytest.mark.parametrize("who", ["chau_thanh_admin", "province_clerk", "province_leader"])
def test_no_one_else_may_change_it_not_even_a_districts_admin(people: Personas, who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.calendar_day_create(
            actor=getattr(people, who), day=WEDNESDAY, is_working=False, name="Nghỉ"
        )
    assert not CalendarDay.objects.filter(day=WEDNESDAY).exists()


def test_an_admin_of_an_office_below_the_root_may_not_either(people: Personas) -> None:
    office_admin = PersonFactory.create(username="qt.vptu")
    MembershipFactory.create(person=office_admin, unit=people.province_office, role=Role.ADMIN)
    with pytest.raises(PermissionDenied):
        services.calendar_day_create(
            actor=office_admin, day=WEDNESDAY, is_working=False, name="Nghỉ"
        )


def test_a_worked_day_on_an_ordinary_weekday_is_refused(people: Personas) -> None:
    with pytest.raises(ValidationError) as refused:
        services.calendar_day_create(
            actor=people.province_admin, day=WEDNESDAY, is_working=True, name="Làm bù"
        )
    assert refused.value.message_dict["is_working"] == [
        "Ngày 05/06/2013 (thứ Tư) vốn là ngày làm việc. Chỉ ngày nghỉ (thứ Bảy, Chủ nhật, "
        "ngày lễ, ngày nghỉ bù) mới đặt được làm ngày làm bù."
    ]


def test_a_fixed_holiday_or_its_compensatory_day_may_be_made_a_working_day(
    people: Personas,
) -> None:
    # 2 September 2012 was a Sunday, so Monday 3 September was off by the Labour Code.
    services.calendar_day_create(
        actor=people.province_admin, day=date(2012, 9, 3), is_working=True, name="Làm việc"
    )
    assert workdays.is_working(date(2012, 9, 3))
    assert workdays.is_working(date(2012, 9, 4))


def test_a_second_row_for_the_same_day_is_refused(people: Personas) -> None:
    services.calendar_day_create(
        actor=people.province_admin, day=WEDNESDAY, is_working=False, name="Nghỉ"
    )
    with pytest.raises(ValidationError) as refused:
        services.calendar_day_create(
            actor=people.province_admin, day=WEDNESDAY, is_working=False, name="Nghỉ nữa"
        )
    assert refused.value.message_dict["day"] == [
        "Ngày 05/06/2013 (thứ Tư) đã có trong lịch; hãy sửa dòng đã có."
    ]


def test_a_row_needs_a_name_and_a_year_the_calendar_serves(people: Personas) -> None:
    with pytest.raises(ValidationError) as nameless:
        services.calendar_day_create(
            actor=people.province_admin, day=WEDNESDAY, is_working=False, name="  "
        )
    assert "name" in nameless.value.message_dict
    with pytest.raises(ValidationError) as far:
        services.calendar_day_create(
            actor=people.province_admin, day=date(1990, 1, 2), is_working=False, name="Nghỉ"
        )
    assert "day" in far.value.message_dict


def test_an_update_moves_a_row_and_records_before_and_after(people: Personas) -> None:
    row = services.calendar_day_create(
        actor=people.province_admin, day=WEDNESDAY, is_working=False, name="Nghỉ"
    )
    services.calendar_day_update(
        actor=people.province_admin,
        calendar_day=row,
        day=date(2013, 6, 7),
        is_working=False,
        name="Nghỉ (dời)",
        note="",
    )
    assert workdays.is_working(WEDNESDAY)
    assert not workdays.is_working(date(2013, 6, 7))
    event = AuditEvent.objects.get(action="calendar_day.update")
    assert event.before is not None
    assert event.after is not None
    assert (event.before["day"], event.after["day"]) == ("2013-06-05", "2013-06-07")


def test_an_update_may_not_land_on_a_day_that_has_a_row(people: Personas) -> None:
    first = services.calendar_day_create(
        actor=people.province_admin, day=WEDNESDAY, is_working=False, name="Nghỉ"
    )
    services.calendar_day_create(
        actor=people.province_admin, day=date(2013, 6, 6), is_working=False, name="Nghỉ"
    )
    with pytest.raises(ValidationError):
        services.calendar_day_update(
            actor=people.province_admin,
            calendar_day=first,
            day=date(2013, 6, 6),
            is_working=False,
            name="Nghỉ",
        )


def test_turning_a_worked_saturday_into_a_day_off_and_back_is_allowed(people: Personas) -> None:
    row = services.calendar_day_create(
        actor=people.province_admin, day=SATURDAY, is_working=True, name="Làm bù"
    )
    # Checked against the calendar without the row itself: the Saturday is a day off there.
    services.calendar_day_update(
        actor=people.province_admin, calendar_day=row, day=SATURDAY, is_working=True, name="Bù"
    )
    assert workdays.is_working(SATURDAY)


def test_deleting_a_row_restores_the_ordinary_week_and_is_audited(people: Personas) -> None:
    row = services.calendar_day_create(
        actor=people.province_admin, day=SATURDAY, is_working=True, name="Làm bù"
    )
    services.calendar_day_delete(actor=people.province_admin, calendar_day=row)
    assert not workdays.is_working(SATURDAY)
    event = AuditEvent.objects.get(action="calendar_day.delete")
    assert event.object_id == str(row.uuid)
    assert event.before == {"day": "2013-06-08", "is_working": True, "name": "Làm bù", "note": ""}


def test_a_district_admin_may_not_delete_a_row(people: Personas) -> None:
    row = CalendarDay.objects.get(day=date(2012, 1, 23))  # mùng 1 Tết Nhâm Thìn, shipped
    with pytest.raises(PermissionDenied):
        services.calendar_day_delete(actor=people.chau_thanh_admin, calendar_day=row)
    assert CalendarDay.objects.filter(pk=row.pk).exists()
