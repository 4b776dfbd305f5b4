"""The planning API: the same flows and refusals as the pages."""

from __future__ import annotations

from django.test import Client

from tests.support.api import api
from tests.support.planning import PlanWorld, entry


def test_a_week_is_compiled_with_a_conflict_approved_published_and_amended(
    client: Client, world: PlanWorld
) -> None:
    office = api(client, world.specialist)
    chief = api(client, world.chief)
    opened = office.post(
        "/lich", {"committee": str(world.province.uuid), "kind": "leaders", "day": "2012-02-15"}
    )
    assert opened.status_code == 201, opened.content
    version = opened.json()["version"]["uuid"]
    assert opened.json()["subtitle"] == "Tuần 07, từ ngày 13/02 đến ngày 19/02/2012"
    first = office.post(f"/lich/ban/{version}/muc", entry(world))
    assert first.status_code == 201, first.content

    clash = office.post(f"/lich/ban/{version}/muc", entry(world, content="Tiếp khách"))
    assert clash.status_code == 409
    keys = [c["key"] for c in clash.json()["conflicts"]]
    assert sorted(k.split(":")[0] for k in keys) == ["leader", "room"]
    kept = office.post(
        f"/lich/ban/{version}/muc",
        entry(world, content="Tiếp khách", overrides=dict.fromkeys(keys, "Tiếp 10 phút")),
    )
    assert kept.status_code == 201

    assert office.post(f"/lich/ban/{version}/duyet").status_code == 403
    assert chief.post(f"/lich/ban/{version}/duyet").status_code == 200
    published = chief.post(f"/lich/ban/{version}/phat-hanh")
    assert published.json()["version"]["status"] == "published"

    amendment = office.post(f"/lich/ban/{version}/dieu-chinh", {"note": "Đổi giờ"})
    assert amendment.status_code == 201
    new_version = amendment.json()["version"]["uuid"]
    [copy] = [e for e in amendment.json()["entries"] if e["content"] == "Họp Thường trực Tỉnh ủy"]
    changed = office.put(f"/lich/muc/{copy['uuid']}", entry(world, starts_at="07:30"))
    assert changed.status_code == 200, changed.content
    shown = office.get(f"/lich/ban/{new_version}").json()
    marks = {e["content"]: e["change"] for e in shown["entries"]}
    assert marks == {"Họp Thường trực Tỉnh ủy": "changed", "Tiếp khách": ""}


def test_bad_input_is_422_on_its_field(client: Client, world: PlanWorld) -> None:
    office = api(client, world.specialist)
    version = office.post(
        "/lich", {"committee": str(world.province.uuid), "kind": "leaders", "day": "2012-02-15"}
    ).json()["version"]["uuid"]
    late = office.post(f"/lich/ban/{version}/muc", entry(world, starts_at="10:00", ends_at="09:00"))
    assert late.status_code == 422
    assert "ends_at" in late.json()["errors"]
    unknown = office.post(
        f"/lich/ban/{version}/muc", entry(world, room="00000000-0000-0000-0000-000000000000")
    )
    assert unknown.status_code == 422
    assert "room" in unknown.json()["errors"]


def test_a_draft_week_is_not_found_by_a_district_clerk(client: Client, world: PlanWorld) -> None:
    version = world.week()
    response = api(client, world.hoa_thanh_clerk).get(f"/lich/ban/{version.uuid}")
    assert response.status_code == 404


def test_a_programme_is_built_approved_tracked_and_reported_by_quarter(
    client: Client, world: PlanWorld
) -> None:
    office = api(client, world.specialist)
    created = office.post(
        "/chuong-trinh",
        {"committee": str(world.province.uuid), "body": "standing_board", "year": 2011},
    )
    assert created.status_code == 201, created.content
    programme = created.json()["uuid"]
    item = office.post(
        f"/chuong-trinh/{programme}/noi-dung",
        {
            "content": "Lãnh đạo bầu cử đại biểu Quốc hội khóa XIII",
            "body": "standing_board",
            "lead_unit": str(world.province_office.uuid),
            "month": 5,
        },
    )
    assert item.status_code == 201, item.content
    assert api(client, world.chief).post(f"/chuong-trinh/{programme}/duyet").status_code == 200
    done = office.post(
        f"/chuong-trinh/noi-dung/{item.json()['uuid']}/theo-doi",
        {"state": "done", "done_on": "2011-05-22"},
    )
    assert done.status_code == 200, done.content
    rates = office.get(f"/chuong-trinh/{programme}").json()["rates"]
    assert rates[1] == {"quarter": 2, "done": 1, "total": 1, "percent": 100.0}
    issued = office.post(f"/chuong-trinh/{programme}/ban-hanh")
    assert issued.status_code == 201


def test_a_feed_url_is_returned_once_and_works(client: Client, world: PlanWorld) -> None:
    leader = api(client, world.secretary)
    created = leader.post(
        "/lien-ket-lich", {"scope": "leader", "target": str(world.secretary.uuid)}
    )
    assert created.status_code == 201, created.content
    url = created.json()["url"]
    assert "/ke-hoach/ical/" in url
    assert client.get(url.split("testserver")[-1]).status_code == 200
    listed = leader.get("/lien-ket-lich").json()
    assert [f["url"] for f in listed] == [""]
