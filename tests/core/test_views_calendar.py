"""The calendar pages: a year for everyone who is logged in, its rows for the editors."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from tests.support.personas import Personas
from vanphong.core.models import AuditEvent, CalendarDay


def year_url(year: int) -> str:
    return reverse("core:calendar_year", args=[year])


def test_anyone_logged_in_sees_the_years_holidays_swaps_and_fixed_days(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_specialist)
    response = client.get(year_url(2012))
    assert response.status_code == 200
    body = response.content.decode()
    entries = {entry.day.day: entry for entry in response.context["calendar"].entries}
    assert entries[date(2012, 1, 23)].day.name == "Tết Nguyên đán Nhâm Thìn (mùng 1)"
    assert entries[date(2012, 2, 4)].kind_label == "ngày làm bù"
    assert entries[date(2012, 4, 30)].kind_label == "ngày lễ cố định"
    assert entries[date(2012, 9, 3)].kind_label == "nghỉ bù (tự động)"
    assert 'data-day="2012-03-31"' in body
    assert "Năm 2012 có 252 ngày làm việc." in body
    assert reverse("core:calendar_day_create") not in body  # no editing for a specialist
    assert client.get(reverse("core:calendar")).status_code == 200  # this year


def test_the_calendar_is_linked_from_the_navigation_bar(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_clerk)
    assert reverse("core:calendar") in client.get(reverse("web:home")).content.decode()


def test_a_year_outside_the_calendar_is_not_found_and_a_visitor_must_log_in(
    client: Client, people: Personas
) -> None:
    assert client.get(year_url(2012)).status_code == 302
    client.force_login(people.chau_thanh_clerk)
    assert client.get(year_url(1800)).status_code == 404


def test_the_year_page_costs_a_fixed_number_of_queries(
    client: Client, people: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    client.force_login(people.province_admin)
    # session, user, scope, the root-unit check, the calendar, the rows
    with django_assert_max_num_queries(7):
        client.get(year_url(2011))


def test_the_provinces_admin_adds_a_worked_saturday(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    page = client.get(year_url(2013)).content.decode()
    assert reverse("core:calendar_day_create") in page
    url = reverse("core:calendar_day_create") + "?ngay=2013-06-08"
    form = client.get(url)
    assert form.context["form"].initial["is_working"] == "1"  # a Saturday: likely làm bù
    response = client.post(
        url,
        {"day": "2013-06-08", "is_working": "1", "name": "Làm bù cho thứ Sáu", "note": ""},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == year_url(2013)
    row = CalendarDay.objects.get(day=date(2013, 6, 8))
    assert row.is_working
    assert "Đã thêm" in response.content.decode()


def test_a_worked_weekday_is_refused_on_its_field_with_the_input_kept(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    response = client.post(
        reverse("core:calendar_day_create"),
        {"day": "2013-06-05", "is_working": "1", "name": "Làm bù nhầm"},
    )
    assert response.status_code == 200
    assert "vốn là ngày làm việc" in response.context["form"].errors["is_working"][0]
    assert 'value="Làm bù nhầm"' in response.content.decode()
    assert not CalendarDay.objects.filter(day=date(2013, 6, 5)).exists()


def test_a_duplicate_day_is_refused_on_the_day_field(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    response = client.post(
        reverse("core:calendar_day_create"),
        {"day": "2012-01-23", "is_working": "0", "name": "Tết"},
    )
    assert response.context["form"].errors["day"] == [
        "Ngày 23/01/2012 (thứ Hai) đã có trong lịch; hãy sửa dòng đã có."
    ]


def test_the_admin_edits_then_deletes_a_row(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    row = CalendarDay.objects.get(day=date(2026, 9, 1))
    edit = reverse("core:calendar_day_update", args=[row.uuid])
    assert 'value="Quốc khánh (ngày liền kề)"' in client.get(edit).content.decode()
    client.post(
        edit,
        {"day": "2026-09-03", "is_working": "0", "name": "Quốc khánh (ngày liền kề)", "note": ""},
    )
    row.refresh_from_db()
    assert row.day == date(2026, 9, 3)
    delete = reverse("core:calendar_day_delete", args=[row.uuid])
    assert "Xóa ngày 03/09/2026" in client.get(delete).content.decode()
    response = client.post(delete)
    assert response.status_code == 302
    assert not CalendarDay.objects.filter(pk=row.pk).exists()
    assert [e.action for e in AuditEvent.objects.filter(object_id=str(row.uuid))] == [
        "calendar_day.update",
        "calendar_day.delete",
    ]


def test_a_district_admin_may_look_but_not_edit(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    row = CalendarDay.objects.get(day=date(2012, 1, 23))
    assert client.get(year_url(2012)).status_code == 200
    for url in (
        reverse("core:calendar_day_create"),
        reverse("core:calendar_day_update", args=[row.uuid]),
        reverse("core:calendar_day_delete", args=[row.uuid]),
    ):
        refused = client.get(url)
        assert refused.status_code == 403
        assert "chỉ quản trị của đơn vị cấp cao nhất" in refused.content.decode()
    assert client.post(reverse("core:calendar_day_delete", args=[row.uuid])).status_code == 403
    assert CalendarDay.objects.filter(pk=row.pk).exists()
