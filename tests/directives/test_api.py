"""The directives API: the assignment-to-completion walk and its refusals."""

from __future__ import annotations

from datetime import date

from django.test import Client

from tests.support.api import caller
from tests.support.directives import province_directive
from tests.support.documents import DocWorld
from vanphong.api.services import token_create


def test_a_task_goes_from_assignment_through_an_extension_to_completion(
    client: Client, world: DocWorld
) -> None:
    directive = province_directive(world)
    province = caller(client, world.province_office_leader)
    leader = caller(client, world.province_leader)
    district = caller(client, world.chau_thanh_clerk)
    made = province.post(
        f"/van-ban/{directive.uuid}/nhiem-vu",
        {
            "lead_unit": str(world.chau_thanh.uuid),
            "content": "Niêm yết danh sách cử tri",
            "deadline": "2011-04-15",
        },
    )
    assert made.status_code == 201, made.content
    task = made.json()["uuid"]
    assert district.get(f"/{task}").json()["state"] == "not_started"
    asked = district.post(f"/{task}/gia-han", {"new_deadline": "2011-04-30", "reason": "Chờ xã"})
    assert asked.status_code == 201, asked.content
    assert (
        district.post(f"/gia-han/{asked.json()['uuid']}/quyet-dinh", {"approve": True}).status_code
        == 403
    )
    # The Office prepares; the province's leader decides.
    refused = province.post(f"/gia-han/{asked.json()['uuid']}/quyet-dinh", {"approve": True})
    assert refused.status_code == 403
    decided = leader.post(f"/gia-han/{asked.json()['uuid']}/quyet-dinh", {"approve": True})
    assert decided.json()["status"] == "approved"
    assert district.get(f"/{task}").json()["deadline"] == "2011-04-30"
    done = district.post(f"/{task}/hoan-thanh", {"text": "Đã niêm yết", "done_on": "2011-04-28"})
    assert done.json()["state"] == "submitted"
    accepted = leader.post(f"/{task}/xac-nhan")
    assert (accepted.json()["state"], accepted.json()["status"]) == ("done", "on_time")
    report = district.post(f"/{task}/bao-cao", {"text": "Thêm"})
    assert report.status_code == 422
    counts = province.get(f"/don-vi/{world.chau_thanh.uuid}/thong-ke").json()
    assert counts["on_time"] == 1


def test_a_task_of_another_district_is_not_found(client: Client, world: DocWorld) -> None:
    directive = province_directive(world)
    made = caller(client, world.province_office_leader).post(
        f"/van-ban/{directive.uuid}/nhiem-vu",
        {"lead_unit": str(world.chau_thanh.uuid), "content": "Việc của Châu Thành"},
    )
    other = caller(client, world.hoa_thanh_clerk)
    assert other.get(f"/{made.json()['uuid']}").status_code == 404
    assert other.post(f"/{made.json()['uuid']}/bao-cao", {"text": "x"}).status_code == 404


def test_a_report_with_files_is_listed_and_its_file_downloaded(
    client: Client, world: DocWorld
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.support.directives import district_task

    task = district_task(world)
    token = token_create(actor=None, person=world.chau_thanh_clerk, name="t").token
    sent = client.post(
        f"/api/v1/nhiem-vu/{task.uuid}/bao-cao/kem-tep",
        {
            "text": "Đã niêm yết",
            "state": "in_progress",
            "files": [SimpleUploadedFile("Danh sách.pdf", b"%PDF-1.4\n%\xe2\xe3\n")],
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert sent.status_code == 200, sent.content
    province = caller(client, world.province_office_leader)
    reports = province.get(f"/{task.uuid}/bao-cao").json()
    assert [f["filename"] for f in reports[0]["files"]] == ["Danh sách.pdf"]
    download = client.get(
        reports[0]["files"][0]["url"],
        headers={"Authorization": f"Bearer {token}"},
    )
    assert download.status_code == 200
    outsider = caller(client, world.hoa_thanh_clerk)
    assert outsider.get(f"/tep/{reports[0]['files'][0]['uuid']}").status_code == 404


def test_the_leader_and_directive_figures_and_a_moved_deadline(
    client: Client, world: DocWorld
) -> None:
    from tests.support.directives import district_task

    task = district_task(world, leader=world.province_leader)
    province = caller(client, world.province_office_leader)
    leaders = province.get("/lanh-dao/thong-ke").json()
    assert leaders["rows"][0]["name"] == world.province_leader.full_name
    assert sum(leaders["total"].values()) == 1
    board = province.get(f"/van-ban/{task.directive.uuid}/thong-ke").json()
    assert board["rows"][0]["uuid"] == str(world.chau_thanh.uuid)
    moved = caller(client, world.province_leader).post(
        f"/{task.uuid}/thoi-han", {"deadline": "2011-05-31"}
    )
    assert moved.json()["deadline"] == "2011-05-31"
    assert moved.json()["leader"] == str(world.province_leader.uuid)
    district = caller(client, world.chau_thanh_clerk)
    assert district.post(f"/{task.uuid}/thoi-han", {"deadline": "2011-06-30"}).status_code == 403


def test_an_approved_programme_is_tracked_through_the_api(client: Client, db: None) -> None:
    from tests.support.planning import build_world, programme_with_items
    from vanphong.planning import services_programme as planning_programme

    world = build_world()
    programme = programme_with_items(world)
    planning_programme.programme_approve(actor=world.chief, programme=programme)
    made = caller(client, world.specialist).post(f"/chuong-trinh/{programme.uuid}/theo-doi")
    assert made.status_code == 201, made.content
    assert made.json()["type_symbol"] == "CTr"


def test_the_unit_that_follows_a_document_is_the_committee_of_its_office(
    client: Client, world: DocWorld
) -> None:
    from tests.support.documents import register

    document = register(world)  # in the book of the Châu Thành Office
    district = caller(client, world.chau_thanh_clerk)
    wrong = district.post(
        "/van-ban", {"unit": str(world.province.uuid), "incoming": str(document.uuid)}
    )
    assert wrong.status_code == 422
    made = district.post("/van-ban", {"incoming": str(document.uuid)})
    assert made.status_code == 201, made.content
    assert made.json()["unit"] == str(world.chau_thanh.uuid)


def test_a_product_must_be_an_issued_document_of_the_lead_unit(
    client: Client, world: DocWorld
) -> None:
    from tests.support.directives import district_task
    from tests.support.documents import issued_report
    from vanphong.documents import services_outgoing as documents_outgoing

    task = district_task(world, deadline=date(2012, 3, 30))
    draft = documents_outgoing.outgoing_create(
        actor=world.chau_thanh_specialist,
        unit=world.chau_thanh_office,
        type_symbol="BC",
        subject="Dự thảo báo cáo",
        body="x",
    )
    district = caller(client, world.chau_thanh_clerk)
    refused = district.post(
        f"/{task.uuid}/hoan-thanh", {"text": "x", "product_document": str(draft.uuid)}
    )
    assert refused.status_code == 404
    report = issued_report(world)
    done = district.post(
        f"/{task.uuid}/hoan-thanh",
        {"text": "x", "done_on": "2012-03-02", "product_document": str(report.uuid)},
    )
    assert done.status_code == 200, done.content


def test_the_task_list_filters_like_the_links_of_the_dashboard(
    client: Client, world: DocWorld
) -> None:
    from tests.support.directives import district_task

    district_task(world, deadline=date(2011, 4, 1), leader=world.province_leader)
    district_task(world, deadline=None)
    province = caller(client, world.province_office_leader)
    overdue = province.get(f"/?don_vi={world.chau_thanh.uuid}&loai=overdue&nam=2011").json()
    assert [t["deadline"] for t in overdue] == ["2011-04-01"]
    assert province.get(f"/?don_vi={world.hoa_thanh.uuid}").status_code == 404  # leads none
    led = province.get("/?lanh_dao=tat-ca").json()
    assert [t["leader"] for t in led] == [str(world.province_leader.uuid)]
    assert province.get("/?don_vi=00000000-0000-0000-0000-000000000000").status_code == 404
