"""The calendar in the JSON API: a year for every caller, its rows for the editors."""

from __future__ import annotations

from django.test import Client

from tests.support.personas import Personas
from vanphong.api.services import token_create
from vanphong.core.models import AuditEvent, CalendarDay
from vanphong.org.models import Person

BASE = "/api/v1/ngay-lam-viec"


def bearer(person: Person) -> dict[str, str]:
    token = token_create(actor=None, person=person, name="thử").token
    return {"Authorization": f"Bearer {token}"}


def test_any_caller_lists_a_years_days_off_and_worked_days(
    client: Client, people: Personas
) -> None:
    response = client.get(f"{BASE}/2012", headers=bearer(people.chau_thanh_specialist))
    assert response.status_code == 200
    data = response.json()
    assert (data["year"], data["working_days"], data["may_edit"]) == (2012, 252, False)
    days = {d["day"]: d for d in data["days"]}
    assert days["2012-01-23"]["kind"] == "day_off"
    assert days["2012-01-23"]["uuid"] is not None
    assert days["2012-02-04"] == {
        **days["2012-02-04"],
        "kind": "worked",
        "is_working": True,
        "weekday": "thứ Bảy",
    }
    assert days["2012-09-02"]["kind"] == "holiday"
    assert days["2012-09-03"]["kind"] == "compensatory"
    assert days["2012-09-03"]["uuid"] is None
    assert client.get(f"{BASE}/1800", headers=bearer(people.chau_thanh_clerk)).status_code == 404
    assert client.get(f"{BASE}/2012").status_code == 401


def test_the_provinces_admin_creates_updates_and_deletes_a_row(
    client: Client, people: Personas
) -> None:
    headers = bearer(people.province_admin)
    assert client.get(f"{BASE}/2013", headers=headers).json()["may_edit"] is True
    created = client.post(
        f"{BASE}/ngay",
        {"day": "2013-06-08", "is_working": True, "name": "Làm bù"},
        content_type="application/json",
        headers=headers,
    )
    assert created.status_code == 201
    uuid = created.json()["uuid"]
    updated = client.put(
        f"{BASE}/ngay/{uuid}",
        {"day": "2013-06-08", "is_working": True, "name": "Làm bù cho thứ Sáu", "note": "QĐ"},
        content_type="application/json",
        headers=headers,
    )
    assert updated.status_code == 200
    assert updated.json()["name"] == "Làm bù cho thứ Sáu"
    deleted = client.delete(f"{BASE}/ngay/{uuid}", headers=headers)
    assert deleted.status_code == 204
    assert not CalendarDay.objects.filter(uuid=uuid).exists()
    assert list(AuditEvent.objects.filter(object_id=uuid).values_list("action", flat=True)) == [
        "calendar_day.create",
        "calendar_day.update",
        "calendar_day.delete",
    ]


def test_a_worked_weekday_or_a_duplicate_is_a_422_with_the_field_named(
    client: Client, people: Personas
) -> None:
    headers = bearer(people.province_admin)
    weekday = client.post(
        f"{BASE}/ngay",
        {"day": "2013-06-05", "is_working": True, "name": "Làm bù"},
        content_type="application/json",
        headers=headers,
    )
    assert weekday.status_code == 422
    assert "vốn là ngày làm việc" in weekday.json()["errors"]["is_working"][0]
    duplicate = client.post(
        f"{BASE}/ngay",
        {"day": "2012-01-23", "name": "Tết"},
        content_type="application/json",
        headers=headers,
    )
    assert duplicate.status_code == 422
    assert list(duplicate.json()["errors"]) == ["day"]


def test_someone_who_is_not_the_provinces_admin_gets_a_403(
    client: Client, people: Personas
) -> None:
    headers = bearer(people.chau_thanh_admin)
    row = CalendarDay.objects.get(day="2012-01-23")
    refused = client.post(
        f"{BASE}/ngay",
        {"day": "2013-06-05", "name": "Nghỉ"},
        content_type="application/json",
        headers=headers,
    )
    assert refused.status_code == 403
    assert "quản trị của đơn vị cấp cao nhất" in refused.json()["detail"]
    assert client.delete(f"{BASE}/ngay/{row.uuid}", headers=headers).status_code == 403
    missing = "00000000-0000-0000-0000-000000000000"
    assert client.delete(f"{BASE}/ngay/{missing}", headers=headers).status_code == 404
    assert CalendarDay.objects.filter(pk=row.pk).exists()
