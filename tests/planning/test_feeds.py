"""iCalendar feeds: parse back, escape Vietnamese text, show amendments, revoke."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from icalendar import Calendar

from tests.support.planning import PlanWorld, publish
from vanphong.planning import services, services_schedule

TODAY = date(2012, 2, 14)


def feed_of(client: Client, token: str) -> Calendar:
    response = client.get(f"/ke-hoach/ical/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.fixture(autouse=True)
def _in_february_2012(monkeypatch: pytest.MonkeyPatch) -> None:
    from vanphong.planning import feeds

    real = feeds.calendar
    monkeypatch.setattr(feeds, "calendar", lambda feed: real(feed, today=TODAY))


def test_a_leaders_feed_parses_and_escapes_commas_semicolons_and_newlines(
    world: PlanWorld, client: Client
) -> None:
    version = world.week()
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(
            content="Họp Thường trực; bàn về đê, kè\nvà công tác phòng, chống lụt bão",
            place="Số 1, đường 30/4; phường 2",
            room=None,
        ),
    )
    publish(world, version)
    token = services.feed_create(
        actor=world.secretary, scope="leader", person=world.secretary
    ).token

    calendar = feed_of(client, token)
    raw = client.get(f"/ke-hoach/ical/{token}.ics").content.decode()
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == (
        "Họp Thường trực; bàn về đê, kè\nvà công tác phòng, chống lụt bão"
    )
    assert str(event["LOCATION"]) == "Số 1, đường 30/4; phường 2"
    assert "bàn về đê\\, kè\\nvà" in raw.replace("\r\n ", "")
    assert "\\;" in raw
    start = event.decoded("DTSTART")
    assert start == datetime(2012, 2, 13, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert calendar.walk("VTIMEZONE")


def test_the_feed_shows_an_amendment_with_a_higher_sequence_and_a_cancelled_entry(
    world: PlanWorld, client: Client
) -> None:
    version = world.week()
    changed = services_schedule.entry_add(
        actor=world.specialist, version=version, data=world.data()
    )
    dropped = services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(day=date(2012, 2, 15), content="Làm việc tại Gò Dầu"),
    )
    publish(world, version)
    token = services.feed_create(
        actor=world.secretary, scope="leader", person=world.secretary
    ).token
    amendment = services_schedule.schedule_amend(
        actor=world.specialist, version=version, note="Đổi giờ"
    )
    services_schedule.entry_update(
        actor=world.specialist,
        entry=amendment.entries.get(lineage=changed.lineage),
        data=world.data(starts_at=time(9, 30)),
    )
    services_schedule.entry_remove(
        actor=world.specialist, entry=amendment.entries.get(lineage=dropped.lineage)
    )
    publish(world, amendment)

    events = {str(e["UID"]): e for e in feed_of(client, token).walk("VEVENT")}
    moved = events[f"{changed.lineage}@vanphong"]
    assert moved.decoded("SEQUENCE") == 2
    assert str(moved["SUMMARY"]).startswith("[Điều chỉnh]")
    assert moved.decoded("DTSTART").time() == time(9, 30)
    gone = events[f"{dropped.lineage}@vanphong"]
    assert str(gone["STATUS"]) == "CANCELLED"


def test_a_secret_entry_is_busy_in_the_feed_of_someone_not_cleared(
    world: PlanWorld, client: Client
) -> None:
    version = world.week()
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(content="Làm việc về nhân sự", confidentiality=2),
    )
    publish(world, version)
    cleared = services.feed_create(actor=world.secretary, scope="room", room=world.hall)
    uncleared = services.feed_create(actor=world.province_clerk, scope="room", room=world.hall)
    [seen] = feed_of(client, cleared.token).walk("VEVENT")
    [busy] = feed_of(client, uncleared.token).walk("VEVENT")
    assert str(seen["SUMMARY"]) == "Làm việc về nhân sự"
    assert str(busy["SUMMARY"]) == "Bận"
    assert "LOCATION" not in busy


def test_a_revoked_feed_is_not_found(world: PlanWorld, client: Client) -> None:
    created = services.feed_create(actor=world.secretary, scope="leader", person=world.secretary)
    services.feed_revoke(actor=world.secretary, feed=created.feed)
    assert client.get(f"/ke-hoach/ical/{created.token}.ics").status_code == 404
    assert client.get("/ke-hoach/ical/khong-co-ma-nay-dau-ca-ca-ca-ca.ics").status_code == 404


def test_only_the_office_takes_another_leaders_calendar(world: PlanWorld) -> None:
    services.feed_create(actor=world.specialist, scope="leader", person=world.secretary)
    with pytest.raises(PermissionDenied):
        services.feed_create(actor=world.chau_thanh_clerk, scope="leader", person=world.secretary)


def test_a_unit_feed_holds_the_committees_own_week(world: PlanWorld, client: Client) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    publish(world, version)
    token = services.feed_create(actor=world.secretary, scope="unit", unit=world.province).token
    district = services.feed_create(
        actor=world.chau_thanh_clerk, scope="unit", unit=world.chau_thanh
    ).token
    assert len(feed_of(client, token).walk("VEVENT")) == 1
    assert feed_of(client, district).walk("VEVENT") == []
