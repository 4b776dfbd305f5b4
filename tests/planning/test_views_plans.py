"""The programme and monthly plan pages: who sees them, who may change them, and a refusal
shown on the page instead of an error."""

from __future__ import annotations

from django.test import Client

from tests.support.planning import PlanWorld, programme_with_items
from tests.support.web import login
from vanphong.planning import services_programme
from vanphong.planning.models import ItemState, MonthlyPlan, WorkProgramme


def test_the_office_creates_a_programme_from_the_list_page(
    world: PlanWorld, client: Client
) -> None:
    login(client, world.specialist)
    assert client.get("/ke-hoach/chuong-trinh/").status_code == 200
    response = client.post(
        "/ke-hoach/chuong-trinh/",
        {
            "committee": str(world.province.uuid),
            "body": "standing_committee",
            "year": 2012,
            "title": "",
        },
    )
    programme = WorkProgramme.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ke-hoach/chuong-trinh/{programme.uuid}/"
    again = client.post(
        "/ke-hoach/chuong-trinh/",
        {
            "committee": str(world.province.uuid),
            "body": "standing_committee",
            "year": 2012,
            "title": "",
        },
    )
    assert again.status_code == 200
    assert "Đã có chương trình công tác này cho năm đó." in again.content.decode()
    assert WorkProgramme.objects.count() == 1


def test_a_programme_is_not_found_by_a_district_and_not_changed_by_a_leader(
    world: PlanWorld, client: Client
) -> None:
    programme = programme_with_items(world)
    url = f"/ke-hoach/chuong-trinh/{programme.uuid}/"
    assert login(client, world.chau_thanh_clerk).get(url).status_code == 404
    page = login(client, world.secretary).get(url)
    assert page.status_code == 200
    assert "Sơ kết quý I" in page.content.decode()
    refused = client.post(url, {"content": "Thêm", "body": "conference", "month": 3})
    assert refused.status_code == 404
    assert programme.items.count() == 5


def test_approving_twice_shows_the_refusal_as_a_message(world: PlanWorld, client: Client) -> None:
    programme = programme_with_items(world)
    login(client, world.chief)
    url = f"/ke-hoach/chuong-trinh/{programme.uuid}/duyet/"
    assert client.post(url).status_code == 302
    page = client.post(url, follow=True)
    assert "Chương trình đã được duyệt." in page.content.decode()


def test_tracking_an_item_without_a_reason_keeps_the_form_with_the_error(
    world: PlanWorld, client: Client
) -> None:
    programme = services_programme.programme_approve(
        actor=world.chief, programme=programme_with_items(world)
    )
    item = programme.items.get(month=2)
    login(client, world.specialist)
    url = f"/ke-hoach/chuong-trinh/noi-dung/{item.uuid}/theo-doi/"
    page = client.post(url, {"state": ItemState.POSTPONED, "reason": ""})
    assert page.status_code == 200
    assert "Cần nêu lý do." in page.content.decode()
    done = client.post(url, {"state": ItemState.POSTPONED, "reason": "Chờ chỉ đạo"})
    assert done.status_code == 302
    item.refresh_from_db()
    assert item.state == ItemState.POSTPONED


def test_a_monthly_plan_is_drafted_extended_and_approved_from_its_pages(
    world: PlanWorld, client: Client
) -> None:
    login(client, world.specialist)
    response = client.post(
        "/ke-hoach/thang/", {"committee": str(world.province.uuid), "year": 2012, "month": 3}
    )
    plan = MonthlyPlan.objects.get()
    assert response.status_code == 302
    url = f"/ke-hoach/thang/{plan.uuid}/"
    wrong = client.post(url, {"content": "Ngoài tháng", "day": "2012-04-02"})
    assert "Ngày dự kiến phải trong tháng của kế hoạch." in wrong.content.decode()
    assert client.post(url, {"content": "Dự Hội nghị", "day": "2012-03-05"}).status_code == 302
    assert login(client, world.chau_thanh_clerk).get(url).status_code == 404
    login(client, world.chief).post(f"/ke-hoach/thang/{plan.uuid}/duyet/")
    plan.refresh_from_db()
    assert plan.status == "approved"
    assert [i.content for i in plan.items.all()] == ["Dự Hội nghị"]
