"""Following a document from its page, assigning tasks from the directive's page, the list
of directives and the per-leader board."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from tests.support.directives import district_task, province_directive
from tests.support.documents import DocWorld, register
from vanphong.directives.models import Directive, Task


def test_a_directive_type_document_is_followed_from_its_page(
    world: DocWorld, client: Client
) -> None:
    document = register(world)  # 45-CT/TU received by the Châu Thành Office
    client.force_login(world.chau_thanh_clerk)
    page = client.get(f"/van-ban/den/{document.uuid}/").content.decode()
    assert 'data-testid="track"' in page
    followed = client.post("/nhiem-vu/van-ban/theo-doi/", {"incoming": str(document.uuid)})
    directive = Directive.objects.get()
    assert followed.url == f"/nhiem-vu/van-ban/{directive.uuid}/"  # type: ignore[attr-defined]
    assert directive.unit == world.chau_thanh  # the committee, not its Office
    page = client.get(f"/van-ban/den/{document.uuid}/").content.decode()
    assert 'data-testid="tracked"' in page


def test_someone_outside_the_unit_cannot_follow_its_document(
    world: DocWorld, client: Client
) -> None:
    document = register(world)
    client.force_login(world.hoa_thanh_clerk)
    assert (
        client.post("/nhiem-vu/van-ban/theo-doi/", {"incoming": str(document.uuid)}).status_code
        == 404
    )
    assert not Directive.objects.exists()


def test_assigning_with_a_deadline_before_the_document_keeps_the_form(
    world: DocWorld, client: Client
) -> None:
    directive = province_directive(world)
    client.force_login(world.province_office_leader)
    page = client.post(
        f"/nhiem-vu/van-ban/{directive.uuid}/",
        {
            "content": "Tuyên truyền về bầu cử",
            "lead_unit": world.chau_thanh.pk,
            "deadline": "2010-12-01",
            "recurrence": "",
        },
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "Thời hạn không được trước ngày của văn bản (05/01/2011)." in html
    assert "Tuyên truyền về bầu cử" in html
    assert not Task.objects.exists()


def test_a_task_is_assigned_from_the_directive_page_with_its_leader(
    world: DocWorld, client: Client
) -> None:
    directive = province_directive(world)
    client.force_login(world.province_office_leader)
    page = client.get(f"/nhiem-vu/van-ban/{directive.uuid}/")
    leaders = list(page.context["form"].fields["leader"].queryset)
    assert leaders == [world.province_leader]
    made = client.post(
        f"/nhiem-vu/van-ban/{directive.uuid}/",
        {
            "content": "Tuyên truyền về bầu cử",
            "lead_unit": world.chau_thanh.pk,
            "supporting_units": [world.hoa_thanh.pk],
            "deadline": "2011-03-31",
            "recurrence": "monthly",
            "leader": world.province_leader.pk,
        },
    )
    assert made.status_code == 302
    task = Task.objects.get()
    assert (task.leader, task.recurrence) == (world.province_leader, "monthly")


def test_a_district_sees_the_directive_but_may_not_assign_its_tasks(
    world: DocWorld, client: Client
) -> None:
    directive = district_task(world).directive
    client.force_login(world.chau_thanh_clerk)
    assert client.get(f"/nhiem-vu/van-ban/{directive.uuid}/").context["form"] is None
    assert client.post(f"/nhiem-vu/van-ban/{directive.uuid}/", {"content": "x"}).status_code == 404
    client.force_login(world.hoa_thanh_clerk)
    assert client.get(f"/nhiem-vu/van-ban/{directive.uuid}/").status_code == 404


def test_the_list_of_directives_shows_those_the_person_sees(
    world: DocWorld, client: Client, django_assert_max_num_queries: object
) -> None:
    directive = district_task(world).directive
    client.force_login(world.chau_thanh_clerk)
    # 13 since the list has page numbers: one COUNT of the directives for them.
    with django_assert_max_num_queries(13):  # type: ignore[operator]
        page = client.get("/nhiem-vu/van-ban/")
    assert [(d, counts.overdue) for d, counts in page.context["rows"]] == [(directive, 1)]
    assert f"?van-ban={directive.uuid}&amp;loai=overdue" in page.content.decode()
    client.force_login(world.hoa_thanh_clerk)
    assert client.get("/nhiem-vu/van-ban/").context["rows"] == []


def test_the_leader_board_counts_each_leaders_tasks_and_leads_to_them(
    world: DocWorld, client: Client
) -> None:
    district_task(world, leader=world.province_leader, deadline=date(2011, 2, 1))
    district_task(world, leader=world.province_leader, deadline=None)
    district_task(world)  # followed by no leader
    client.force_login(world.province_office_leader)
    page = client.get("/nhiem-vu/lanh-dao/")
    assert page.context["total"].total == 2
    html = page.content.decode()
    assert world.province_leader.full_name in html
    link = f"/nhiem-vu/?lanh-dao={world.province_leader.uuid}&amp;loai=overdue"
    assert link in html
    listed = client.get(f"/nhiem-vu/?lanh-dao={world.province_leader.uuid}&loai=overdue")
    assert len(listed.context["tasks"]) == 1
    client.force_login(world.hoa_thanh_clerk)
    assert client.get("/nhiem-vu/lanh-dao/").context["total"].total == 0


def test_the_task_list_and_the_directive_page_take_as_many_queries_for_many_tasks(
    world: DocWorld, client: Client
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    directive = province_directive(world)
    district_task(world, directive=directive, leader=world.province_leader)
    client.force_login(world.province_office_leader)
    pages = (
        "/nhiem-vu/",
        "/nhiem-vu/van-ban/",
        f"/nhiem-vu/van-ban/{directive.uuid}/",
        "/nhiem-vu/lanh-dao/",
    )
    few = []
    for page in pages:
        with CaptureQueriesContext(connection) as counted:
            assert client.get(page).status_code == 200
        few.append(len(counted))
    for n in range(12):
        district_task(world, directive=directive, leader=world.province_leader,
                      lead_unit=(world.chau_thanh, world.hoa_thanh)[n % 2])  # fmt: skip
    many = []
    for page in pages:
        with CaptureQueriesContext(connection) as counted:
            assert client.get(page).status_code == 200
        many.append(len(counted))
    assert many == few
    assert max(many) <= 16


def test_the_list_names_only_units_and_leaders_of_tasks_the_person_sees(
    world: DocWorld, client: Client
) -> None:
    district_task(world, leader=world.province_leader)
    client.force_login(world.hoa_thanh_clerk)
    assert client.get(f"/nhiem-vu/?don-vi={world.chau_thanh.uuid}").status_code == 404
    assert client.get(f"/nhiem-vu/?lanh-dao={world.province_leader.uuid}").status_code == 404
    client.force_login(world.chau_thanh_clerk)
    page = client.get(f"/nhiem-vu/?lanh-dao={world.province_leader.uuid}")
    assert page.context["narrowed"] == world.province_leader.full_name


def test_the_filter_form_gives_the_same_list_as_a_figures_link(
    world: DocWorld, client: Client
) -> None:
    directive = province_directive(world)
    district_task(world, directive=directive, deadline=date(2011, 4, 1))
    district_task(world, directive=directive, lead_unit=world.hoa_thanh, deadline=None)
    client.force_login(world.province_office_leader)
    everything = client.get("/nhiem-vu/?van-ban=&don-vi=&lanh-dao=&nam=&loai=")
    assert len(everything.context["tasks"]) == 2
    html = everything.content.decode()
    assert 'name="don-vi"' in html
    assert f'value="{world.hoa_thanh.uuid}"' in html
    chosen = client.get(
        f"/nhiem-vu/?van-ban={directive.uuid}&don-vi={world.hoa_thanh.uuid}&lanh-dao=&nam=&loai="
    )
    assert [t.lead_unit for t in chosen.context["tasks"]] == [world.hoa_thanh]
    assert f'<option value="{world.hoa_thanh.uuid}" selected>' in chosen.content.decode()


def test_the_list_of_directives_shows_the_rest_on_page_two(
    world: DocWorld, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vanphong.directives import services, views

    monkeypatch.setattr(views, "DIRECTIVES_PAGE", 2)
    followed = [
        services.directive_track(
            actor=world.chau_thanh_clerk,
            unit=world.chau_thanh,
            incoming=register(
                world, number_symbol=f"Số {n + 1}-CT/TU", document_date=date(2012, 2, 1 + n)
            ),
        )
        for n in range(3)
    ]
    client.force_login(world.chau_thanh_clerk)
    first = client.get("/nhiem-vu/van-ban/")
    assert [d for d, _c in first.context["rows"]] == [followed[2], followed[1]]
    assert "3 văn bản · trang 1/2" in first.content.decode()
    second = client.get("/nhiem-vu/van-ban/?trang=2")
    assert [d for d, _c in second.context["rows"]] == [followed[0]]


def test_a_directive_page_with_more_tasks_than_it_shows_leads_to_all_of_them(
    world: DocWorld, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vanphong.directives import views

    monkeypatch.setattr(views, "PAGE", 2)
    directive = province_directive(world)
    for _ in range(2):
        district_task(world, directive=directive)
    client.force_login(world.province_office_leader)
    address = f"/nhiem-vu/van-ban/{directive.uuid}/"
    assert 'data-testid="all-tasks"' not in client.get(address).content.decode()
    district_task(world, directive=directive)
    page = client.get(address)
    assert len(page.context["tasks"]) == 2
    assert f'href="/nhiem-vu/?van-ban={directive.uuid}" data-testid="all-tasks"' in (
        page.content.decode()
    )
