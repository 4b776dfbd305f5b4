"""The schedule pages: who sees what, the compile flow through forms, pinned query counts."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.support.planning import MONDAY, PlanWorld, publish
from tests.support.web import login
from vanphong.planning import services_schedule
from vanphong.planning.models import Entry, EntryLeader, ScheduleVersion

SESSIONS = ("morning", "afternoon", "evening")


def fill(world: PlanWorld, version: ScheduleVersion, count: int) -> None:
    """`count` entries spread over the week, leaders and units: written directly, fast."""
    leaders = [world.secretary, world.deputy, world.chief]
    entries = Entry.objects.bulk_create(
        Entry(
            version=version,
            day=MONDAY + timedelta(days=n % 7),
            session=SESSIONS[n % 3],
            starts_at=time(7 + (n % 3) * 6, 0),
            content=f"Nội dung số {n}, có dấu: Hòa Thành",
            room=world.hall if n % 2 else None,
            place="" if n % 2 else "Xã Long Thành Bắc",
            preparing_unit=world.province_office,
            confidentiality=2 if n % 10 == 0 else 0,
        )
        for n in range(count)
    )
    EntryLeader.objects.bulk_create(
        EntryLeader(entry=entry, person=leaders[n % 3], day=entry.day)
        for n, entry in enumerate(entries)
    )
    for entry in entries[:: max(1, count // 10)]:
        entry.units.add(world.chau_thanh)


def test_a_published_week_is_seen_by_every_unit_and_a_draft_only_by_the_office(
    world: PlanWorld, client: Client
) -> None:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    url = f"/ke-hoach/lich/{version.schedule.uuid}/"
    assert login(client, world.hoa_thanh_clerk).get(url).status_code == 404
    assert login(client, world.specialist).get(url).status_code == 200
    publish(world, version)
    page = login(client, world.hoa_thanh_clerk).get(url)
    assert page.status_code == 200
    assert "Họp Thường trực Tỉnh ủy" in page.content.decode()


def test_a_secret_entry_shows_as_busy_to_a_district_clerk(world: PlanWorld, client: Client) -> None:
    version = world.week()
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(content="Làm việc về nhân sự chủ chốt", confidentiality=2),
    )
    publish(world, version)
    html = login(client, world.hoa_thanh_clerk).get(f"/ke-hoach/lich/{version.schedule.uuid}/")
    text = html.content.decode()
    assert "nhân sự chủ chốt" not in text
    assert "Bận" in text
    secretary_view = login(client, world.secretary).get(f"/ke-hoach/lich/{version.schedule.uuid}/")
    assert "nhân sự chủ chốt" in secretary_view.content.decode()


def test_adding_a_clashing_entry_shows_the_clash_and_saves_with_a_reason(
    world: PlanWorld, client: Client
) -> None:
    version = world.week()
    first = services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    login(client, world.specialist)
    form = {
        "day": "2012-02-13",
        "session": "morning",
        "starts_at": "08:30",
        "content": "Tiếp đoàn công tác của Trung ương",
        "leaders": [str(world.secretary.uuid)],
        "room": str(world.small_room.uuid),
        "confidentiality": "0",
    }
    url = f"/ke-hoach/lich/ban/{version.uuid}/them/"
    shown = client.post(url, form)
    assert shown.status_code == 200
    assert "Nguyễn Bí Thư đã có lịch" in shown.content.decode()
    assert Entry.objects.count() == 1
    saved = client.post(url, {**form, f"override-leader:{first.lineage}": "Bí thư tiếp đoàn"})
    assert saved.status_code == 302
    assert Entry.objects.count() == 2


def test_a_form_error_keeps_what_was_typed(world: PlanWorld, client: Client) -> None:
    version = world.week()
    login(client, world.specialist)
    page = client.post(
        f"/ke-hoach/lich/ban/{version.uuid}/them/",
        {
            "day": "2012-02-14",
            "session": "afternoon",
            "starts_at": "08:00",
            "content": "Làm việc với Ban Tuyên giáo",
            "confidentiality": "0",
        },
    )
    text = page.content.decode()
    assert "không thuộc buổi chiều" in text
    assert "Làm việc với Ban Tuyên giáo" in text
    assert not Entry.objects.exists()


def test_an_unknown_document_number_is_an_error_on_the_documents_field(
    world: PlanWorld, client: Client
) -> None:
    version = world.week()
    login(client, world.specialist)
    page = client.post(
        f"/ke-hoach/lich/ban/{version.uuid}/them/",
        {
            "day": "2012-02-14",
            "session": "morning",
            "content": "Họp",
            "documents": "999-GM/TU",
            "confidentiality": "0",
        },
    )
    assert "Không tìm thấy văn bản: 999-GM/TU" in page.content.decode()


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("suffix", ["", "pdf", "docx"])
def test_the_page_and_prints_of_300_entries_take_as_many_queries_as_30(
    world: PlanWorld, client: Client, suffix: str
) -> None:
    small, large = world.week(), world.week(date(2012, 2, 20))
    fill(world, small, 30)
    fill(world, large, 300)
    login(client, world.hoa_thanh_clerk)
    # The filler's entries clash with one another on purpose; publish them as they are.
    ScheduleVersion.objects.filter(pk__in=[small.pk, large.pk]).update(status="published")

    def url(version: ScheduleVersion) -> str:
        if suffix:
            return f"/ke-hoach/lich/ban/{version.uuid}/in.{suffix}"
        return f"/ke-hoach/lich/{version.schedule.uuid}/"

    assert _queries(client, url(small)) == _queries(client, url(large)) <= 22


def test_the_lobby_shows_the_published_week_and_refreshes_by_htmx(
    world: PlanWorld, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2012, 2, 15))
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    publish(world, version)
    login(client, world.hoa_thanh_clerk)
    page = client.get(f"/ke-hoach/sanh/{world.province.uuid}/")
    text = page.content.decode()
    assert 'hx-trigger="every 60s"' in text
    assert "Họp Thường trực Tỉnh ủy" in text
    fragment = client.get(f"/ke-hoach/sanh/{world.province.uuid}/", HTTP_HX_REQUEST="true")
    assert "<html" not in fragment.content.decode()


def test_pages_of_plans_and_rooms_render_for_the_office(world: PlanWorld, client: Client) -> None:
    login(client, world.specialist)
    for url in (
        "/ke-hoach/lich/",
        "/ke-hoach/chuong-trinh/",
        "/ke-hoach/thang/",
        "/ke-hoach/phong-hop/",
        "/ke-hoach/lien-ket-lich/",
    ):
        assert client.get(url).status_code == 200, url


def test_a_feed_is_created_once_shown_and_revoked_from_its_page(
    world: PlanWorld, client: Client
) -> None:
    login(client, world.secretary)
    page = client.post(
        "/ke-hoach/lien-ket-lich/", {"scope": "leader", "person": str(world.secretary.uuid)}
    )
    text = page.content.decode()
    assert "/ke-hoach/ical/" in text
    feed = world.secretary.feed_tokens.get()
    assert client.post(f"/ke-hoach/lien-ket-lich/{feed.uuid}/thu-hoi/").status_code == 302
    feed.refresh_from_db()
    assert feed.revoked_at is not None


def test_text_typed_into_an_entry_is_escaped_in_the_grid(world: PlanWorld, client: Client) -> None:
    version = world.week()
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(content='<script>alert(1)</script> & "Hòa"', note="<b>ghi chú</b>"),
    )
    text = login(client, world.specialist).get(f"/ke-hoach/lich/{version.schedule.uuid}/")
    html = text.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Hòa&quot;" in html
    assert "&lt;b&gt;ghi chú&lt;/b&gt;" in html
