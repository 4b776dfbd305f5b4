"""The unit dashboard: figures from one grouped query, bars that lead to their tasks."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.support.directives import district_task, province_directive
from tests.support.documents import DocWorld
from vanphong.directives import services, services_decisions, services_reports, stats
from vanphong.directives.models import Task

TODAY = date(2011, 4, 20)


@pytest.fixture(autouse=True)
def _april_2011(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: TODAY)


def tasks_in_every_state(world: DocWorld, count: int = 1) -> None:
    directive = province_directive(world)
    for _ in range(count):
        on_time = district_task(world, directive=directive, deadline=date(2011, 4, 15))
        services_reports.task_complete(
            actor=world.chau_thanh_clerk, task=on_time, text="x", done_on=date(2011, 4, 15)
        )
        services_decisions.completion_accept(actor=world.province_leader, task=on_time)
        late = district_task(world, directive=directive, deadline=date(2011, 4, 8))
        services_reports.task_complete(
            actor=world.chau_thanh_clerk, task=late, text="x", done_on=date(2011, 4, 13)
        )
        services_decisions.completion_accept(actor=world.province_leader, task=late)
        district_task(world, directive=directive, deadline=date(2011, 4, 1))  # overdue
        district_task(world, directive=directive, deadline=date(2011, 5, 30))  # open
        # Due on Saturday 16 April: on Monday 18 it is due, not yet late, on the 20th overdue.
        district_task(world, directive=directive, deadline=date(2011, 4, 16))
        dropped = district_task(world, directive=directive, deadline=date(2011, 5, 30))
        services_reports.task_report(
            actor=world.chau_thanh_clerk, task=dropped, text="Không khả thi", state="cannot_do"
        )


def test_the_figures_count_each_state_by_working_days(world: DocWorld) -> None:
    tasks_in_every_state(world)
    board = stats.dashboard(Task.objects.all(), by="lead_unit_id", today=TODAY)
    assert board.total.items() == [
        ("on_time", 1),
        ("late", 1),
        ("overdue", 2),
        ("open", 1),
        ("cannot_do", 1),
    ]


def test_the_dashboard_takes_as_many_queries_for_many_tasks_as_for_few(
    world: DocWorld, client: Client
) -> None:
    tasks_in_every_state(world)
    client.force_login(world.chau_thanh_clerk)
    url = f"/nhiem-vu/don-vi/{world.chau_thanh.uuid}/"
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    tasks_in_every_state(world, count=5)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert len(many) == len(few) <= 15
    html = page.content.decode()
    assert 'data-testid="total-overdue">12<' in html
    assert f"/nhiem-vu/?don-vi={world.chau_thanh.uuid}&amp;nam=2011&amp;van-ban=" in html
    assert "&amp;loai=overdue" in html
    assert "<svg" in html


def test_a_figure_leads_to_the_tasks_behind_it(world: DocWorld, client: Client) -> None:
    tasks_in_every_state(world)
    client.force_login(world.chau_thanh_clerk)
    page = client.get(f"/nhiem-vu/?don-vi={world.chau_thanh.uuid}&loai=late&nam=2011")
    assert page.content.decode().count('href="/nhiem-vu/') >= 1
    assert len(page.context["tasks"]) == 1
    assert page.context["narrowed"] == "Huyện ủy Châu Thành · năm 2011 · Trễ hạn"


def test_a_unit_outside_ones_own_is_not_found(world: DocWorld, client: Client) -> None:
    client.force_login(world.hoa_thanh_clerk)
    assert client.get(f"/nhiem-vu/don-vi/{world.chau_thanh.uuid}/").status_code == 404
    client.force_login(world.province_leader)
    assert client.get(f"/nhiem-vu/don-vi/{world.chau_thanh.uuid}/").status_code == 200


def test_a_day_off_declared_later_moves_when_finishing_becomes_late(
    world: DocWorld, django_capture_on_commit_callbacks: object
) -> None:
    from vanphong.core import services as core_services

    task = district_task(world, deadline=date(2011, 4, 14))  # a Thursday
    assert task.late_from == date(2011, 4, 15)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        core_services.calendar_day_create(
            actor=world.superuser, day=date(2011, 4, 14), is_working=False, name="Nghỉ bù"
        )
    task.refresh_from_db()
    assert task.late_from == date(2011, 4, 18)  # runs to Friday, late from Monday


def test_a_directive_dashboard_counts_by_lead_unit_what_the_person_sees(
    world: DocWorld, client: Client
) -> None:
    tasks_in_every_state(world)
    directive = province_directive(world)
    client.force_login(world.province_office_leader)
    page = client.get(f"/nhiem-vu/van-ban/{directive.uuid}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-testid="total-overdue">2<' in html
    assert "Huyện ủy Châu Thành" in html
    client.force_login(world.hoa_thanh_clerk)
    assert client.get(f"/nhiem-vu/van-ban/{directive.uuid}/").status_code == 404


def test_the_unit_dashboard_shows_a_year_and_the_totals_of_all_years(
    world: DocWorld, client: Client
) -> None:
    directive = province_directive(world)
    district_task(world, directive=directive, deadline=date(2011, 4, 1))  # overdue in 2011
    district_task(world, directive=directive, deadline=date(2012, 3, 1))  # due next year
    district_task(world, directive=directive, deadline=None)  # ongoing: every year
    client.force_login(world.chau_thanh_clerk)
    url = f"/nhiem-vu/don-vi/{world.chau_thanh.uuid}/"
    this_year = client.get(url).context
    assert (this_year["total"].total, this_year["all_years"].total) == (2, 3)
    next_year = client.get(url + "?nam=2012").context
    assert (next_year["total"].open, next_year["total"].total) == (2, 2)
    listed = client.get(f"/nhiem-vu/?don-vi={world.chau_thanh.uuid}&nam=2012&loai=open")
    assert {t.deadline for t in listed.context["tasks"]} == {date(2012, 3, 1), None}


def test_my_unit_leads_to_the_committee_an_office_works_for(
    world: DocWorld, client: Client
) -> None:
    client.force_login(world.chau_thanh_clerk)  # of the Office of Huyện ủy Châu Thành
    found = client.get("/nhiem-vu/don-vi/")
    assert found.url == f"/nhiem-vu/don-vi/{world.chau_thanh.uuid}/"  # type: ignore[attr-defined]
    client.force_login(world.unassigned)
    assert client.get("/nhiem-vu/don-vi/").status_code == 404


def test_a_supporting_unit_opens_the_tasks_behind_a_directive_figure(
    world: DocWorld, client: Client
) -> None:
    directive = province_directive(world)
    district_task(world, directive=directive, supporting_units=[world.hoa_thanh])
    client.force_login(world.hoa_thanh_clerk)
    assert client.get(f"/nhiem-vu/van-ban/{directive.uuid}/").status_code == 200
    listed = client.get(f"/nhiem-vu/?van-ban={directive.uuid}&don-vi={world.chau_thanh.uuid}")
    assert len(listed.context["tasks"]) == 1


def test_a_districts_own_tasks_are_counted_for_the_province_without_their_titles(
    world: DocWorld, client: Client
) -> None:
    from tests.support.documents import register

    document = register(
        world,
        number_symbol="Số 47-CT/TU",
        document_date=date(2011, 1, 10),
        subject="Trích yếu riêng của huyện",
    )
    own = services.directive_track(
        actor=world.chau_thanh_clerk, unit=world.chau_thanh, incoming=document
    )
    services.task_assign(
        actor=world.chau_thanh_clerk,
        directive=own,
        lead_unit=world.chau_thanh_office,
        content="Việc riêng của huyện",
        deadline=date(2011, 6, 1),
    )
    client.force_login(world.province_office_leader)
    page = client.get(f"/nhiem-vu/don-vi/{world.chau_thanh_office.uuid}/")
    html = page.content.decode()
    assert page.context["total"].total == 1
    assert "Trích yếu riêng của huyện" not in html
    assert "47-CT/TU" not in html
    assert 'data-testid="own-tasks"' in html
    client.force_login(world.chau_thanh_clerk)
    html = client.get(f"/nhiem-vu/don-vi/{world.chau_thanh_office.uuid}/").content.decode()
    assert "47-CT/TU" in html


def test_the_list_behind_a_figure_filters_in_the_database_and_pages(
    world: DocWorld, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vanphong.directives import views

    monkeypatch.setattr(views, "PAGE", 2)
    directive = province_directive(world)
    for _ in range(3):
        district_task(world, directive=directive, deadline=date(2011, 4, 1))  # overdue
    district_task(world, directive=directive, deadline=date(2011, 5, 30))  # open
    client.force_login(world.chau_thanh_clerk)
    first = client.get(f"/nhiem-vu/?don-vi={world.chau_thanh.uuid}&loai=overdue")
    assert (len(first.context["tasks"]), first.context["pages"].next) == (2, 2)
    assert "3 nhiệm vụ · trang 1/2" in first.content.decode()
    second = client.get(f"/nhiem-vu/?don-vi={world.chau_thanh.uuid}&loai=overdue&trang=2")
    assert (len(second.context["tasks"]), second.context["pages"].next) == (1, None)


def test_a_unit_dashboard_opens_on_the_latest_year_with_tasks(
    world: DocWorld, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.utils import timezone

    district_task(world, deadline=date(2011, 4, 1))
    client.force_login(world.chau_thanh_clerk)
    url = f"/nhiem-vu/don-vi/{world.chau_thanh.uuid}/"
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2013, 5, 2))
    page = client.get(url).context
    assert (page["subtitle"].count("2011"), page["total"].total) == (1, 1)
    assert client.get(url + "?nam=2013").context["total"].total == 0


def test_a_closed_ongoing_task_does_not_keep_the_board_on_this_year(world: DocWorld) -> None:
    district_task(world, deadline=date(2011, 4, 15))
    ongoing = district_task(world, deadline=None, content="Theo dõi dư luận")
    services_reports.task_report(
        actor=world.chau_thanh_clerk, task=ongoing, text="Không cần nữa", state="cannot_do"
    )
    assert stats.default_year(world.chau_thanh, date(2026, 11, 26)) == 2011
    district_task(world, lead_unit=world.hoa_thanh, deadline=date(2027, 3, 31))
    assert stats.default_year(world.hoa_thanh, date(2026, 11, 26)) == 2027
