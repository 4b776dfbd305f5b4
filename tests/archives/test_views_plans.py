"""The file plan pages: the list a person sees, the plan with its forms for its compilers and
the approve button for its head, each form through its service, the prints; a plan of a unit
one does not see is a 404."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document

from tests.support.archives_plans import YEAR, PlanWorld, build_plan_world, entry
from tests.support.web import login, messages_of, page_queries
from vanphong.archives import services_plans
from vanphong.archives.models import FilePlan, PlanEntry, PlanHeading, PlanStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def pw() -> PlanWorld:
    return build_plan_world()


def url(name: str, *args: object) -> str:
    return reverse(f"archives:{name}", args=args)


def test_the_list_shows_the_plans_of_ones_units_and_not_those_of_another_district(
    client: Client, pw: PlanWorld
) -> None:
    other = services_plans.plan_create(
        actor=pw.hoa_thanh_clerk, unit=pw.hoa_thanh_office, year=YEAR
    )
    login(client, pw.chau_thanh_specialist)
    body = client.get(url("plan_list")).content.decode()
    assert url("plan_detail", pw.plan.uuid) in body
    assert url("plan_detail", other.uuid) not in body
    assert 'data-testid="plan-create"' in body
    assert client.get(url("plan_detail", other.uuid)).status_code == 404


def test_the_list_filters_by_year(client: Client, pw: PlanWorld) -> None:
    later = services_plans.plan_create(
        actor=pw.chau_thanh_clerk, unit=pw.chau_thanh_office, year=2011
    )
    login(client, pw.chau_thanh_clerk)
    body = client.get(url("plan_list"), {"nam": 2011}).content.decode()
    assert url("plan_detail", later.uuid) in body
    assert url("plan_detail", pw.plan.uuid) not in body


def test_the_list_costs_a_fixed_number_of_queries(client: Client, pw: PlanWorld) -> None:
    login(client, pw.chau_thanh_clerk)
    before = page_queries(client, url("plan_list"))
    for year in (2008, 2009, 2010, 2011):
        services_plans.plan_create(actor=pw.chau_thanh_clerk, unit=pw.chau_thanh_office, year=year)
    assert page_queries(client, url("plan_list")) == before


def test_creating_a_plan_opens_it_and_a_second_for_the_year_is_refused_in_the_form(
    client: Client, pw: PlanWorld
) -> None:
    login(client, pw.chau_thanh_clerk)
    data = {"unit": str(pw.chau_thanh_office.uuid), "year": 2013}
    response = client.post(url("plan_create"), data)
    plan = FilePlan.objects.get(unit=pw.chau_thanh_office, year=2013)
    assert response.status_code == 302
    assert response["Location"] == url("plan_detail", plan.uuid)
    again = client.post(url("plan_create"), data)
    assert again.status_code == 400
    assert "đã có danh mục hồ sơ năm 2013" in again.content.decode()


def test_a_unit_one_does_not_compile_for_is_not_offered(client: Client, pw: PlanWorld) -> None:
    login(client, pw.hoa_thanh_clerk)
    response = client.post(
        url("plan_create"), {"unit": str(pw.chau_thanh_office.uuid), "year": 2013}
    )
    assert response.status_code == 400
    assert not FilePlan.objects.filter(year=2013).exists()


def test_the_plan_page_numbers_headings_and_shows_the_summary(
    client: Client, pw: PlanWorld
) -> None:
    login(client, pw.chau_thanh_specialist)
    response = client.get(url("plan_detail", pw.plan.uuid))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index(">I<") < body.index("01.TH") < body.index(">1<") < body.index("02.TH")
    assert body.index(">II<") < body.index("03.HC")
    assert "Bản danh mục hồ sơ này có: 3 hồ sơ" in body
    assert 'data-testid="entry-form"' in body
    assert 'data-testid="plan-approve"' not in body


def test_the_plan_page_costs_a_fixed_number_of_queries(client: Client, pw: PlanWorld) -> None:
    login(client, pw.chau_thanh_clerk)
    before = page_queries(client, url("plan_detail", pw.plan.uuid))
    for n in range(5):
        entry(pw, pw.plan, pw.admin, f"1{n}.HC", f"Hồ sơ {n}", responsible=pw.chau_thanh_clerk)
    services_plans.heading_add(actor=pw.chau_thanh_clerk, plan=pw.plan, title="Khác")
    assert page_queries(client, url("plan_detail", pw.plan.uuid)) == before


def test_a_reader_above_sees_the_plan_without_the_forms(client: Client, pw: PlanWorld) -> None:
    login(client, pw.province_leader)
    body = client.get(url("plan_detail", pw.plan.uuid)).content.decode()
    assert "01.TH" in body
    assert 'data-testid="entry-form"' not in body
    response = client.post(url("plan_heading_add", pw.plan.uuid), {"title": "X"})
    assert response.status_code == 403


def test_adding_a_heading_and_an_entry_through_the_forms(client: Client, pw: PlanWorld) -> None:
    login(client, pw.chau_thanh_clerk)
    response = client.post(
        url("plan_heading_add", pw.plan.uuid),
        {"title": "Văn thư", "parent": str(pw.admin.uuid)},
    )
    assert response.status_code == 302
    minor = PlanHeading.objects.get(plan=pw.plan, title="Văn thư")
    assert minor.parent == pw.admin
    response = client.post(
        url("plan_entry_add", pw.plan.uuid),
        {
            "heading": str(minor.uuid),
            "code": "05.vt",
            "title": "Sổ chuyển giao văn bản",
            "retention_years": "10",
            "responsible": str(pw.chau_thanh_clerk.uuid),
        },
    )
    assert response.status_code == 302
    added = PlanEntry.objects.get(plan=pw.plan, code="05.VT")
    assert (added.heading, added.retention_years, added.responsible) == (
        minor,
        10,
        pw.chau_thanh_clerk,
    )
    assert "Đã thêm hồ sơ vào danh mục." in messages_of(
        client.get(url("plan_detail", pw.plan.uuid))
    )


def test_a_refused_entry_comes_back_on_the_page_as_typed(client: Client, pw: PlanWorld) -> None:
    login(client, pw.chau_thanh_clerk)
    response = client.post(
        url("plan_entry_add", pw.plan.uuid),
        {"heading": str(pw.admin.uuid), "code": "01.TH", "title": "Trùng số", "permanent": "on"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Danh mục đã có hồ sơ số 01.TH." in body
    assert "Trùng số" in body


def test_editing_an_entry_and_moving_and_removing_a_heading(client: Client, pw: PlanWorld) -> None:
    login(client, pw.chau_thanh_clerk)
    target = PlanEntry.objects.get(plan=pw.plan, code="03.HC")
    edit = url("plan_entry_edit", pw.plan.uuid, target.uuid)
    assert "Sổ đăng ký văn bản đi, đến" in client.get(edit).content.decode()
    response = client.post(
        edit,
        {"heading": str(pw.admin.uuid), "code": "03.HC", "title": "Sổ đăng ký", "permanent": "on"},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.title, target.retention_years) == ("Sổ đăng ký", None)
    response = client.post(url("plan_heading_move", pw.plan.uuid, pw.admin.uuid), {"position": 1})
    assert response.status_code == 302
    pw.admin.refresh_from_db()
    assert pw.admin.position == 1
    added = entry(pw, pw.plan, pw.admin, "04.HC", "Công văn", retention_years=10)
    moved = client.post(url("plan_entry_move", pw.plan.uuid, added.uuid), {"position": 1})
    assert moved.status_code == 302
    added.refresh_from_db()
    assert added.position == 1
    refused = client.post(url("plan_heading_remove", pw.plan.uuid, pw.admin.uuid))
    assert refused.status_code == 400
    assert "Đề mục còn hồ sơ" in refused.content.decode()


def test_the_head_approves_and_then_only_an_amendment_adds(client: Client, pw: PlanWorld) -> None:
    login(client, pw.chau_thanh_office_leader)
    assert (
        'data-testid="plan-approve"'
        in client.get(url("plan_detail", pw.plan.uuid)).content.decode()
    )
    assert client.post(url("plan_approve", pw.plan.uuid)).status_code == 302
    pw.plan.refresh_from_db()
    assert pw.plan.status == PlanStatus.APPROVED
    login(client, pw.chau_thanh_clerk)
    body = client.get(url("plan_detail", pw.plan.uuid)).content.decode()
    assert 'data-testid="entry-form"' not in body
    assert 'data-testid="amend-form"' in body
    frozen = client.post(
        url("plan_entry_add", pw.plan.uuid),
        {"heading": str(pw.admin.uuid), "code": "09.HC", "title": "Muộn", "permanent": "on"},
    )
    assert frozen.status_code == 400
    response = client.post(
        url("plan_amend", pw.plan.uuid),
        {
            "heading": str(pw.admin.uuid),
            "code": "09.HC",
            "title": "Hồ sơ bầu cử",
            "permanent": "on",
            "reason": "Phát sinh bầu cử",
        },
    )
    assert response.status_code == 302
    assert PlanEntry.objects.get(plan=pw.plan, code="09.HC").note.startswith("Bổ sung ngày")


def test_a_clerk_does_not_approve(client: Client, pw: PlanWorld) -> None:
    login(client, pw.chau_thanh_clerk)
    response = client.post(url("plan_approve", pw.plan.uuid))
    assert response.status_code == 400
    pw.plan.refresh_from_db()
    assert pw.plan.status == PlanStatus.DRAFT


def test_copy_forward_opens_the_new_plan(client: Client, pw: PlanWorld) -> None:
    login(client, pw.chau_thanh_clerk)
    response = client.post(url("plan_copy", pw.plan.uuid), {"year": 2013})
    copy = FilePlan.objects.get(unit=pw.chau_thanh_office, year=2013)
    assert response["Location"] == url("plan_detail", copy.uuid)
    assert copy.entries.count() == 3


def test_the_prints_download_with_their_names(client: Client, pw: PlanWorld) -> None:
    login(client, pw.chau_thanh_specialist)
    response = client.get(url("plan_docx", pw.plan.uuid))
    assert (
        "danh-muc-ho-so-2012_van-phong-huyen-uy-chau-thanh.docx" in response["Content-Disposition"]
    )
    document = Document(io.BytesIO(response.content))
    assert document.tables[1].rows[2].cells[0].text == "01.TH"
    pdf = client.get(url("plan_pdf", pw.plan.uuid))
    assert pdf.content.startswith(b"%PDF")
    login(client, pw.hoa_thanh_clerk)
    assert client.get(url("plan_docx", pw.plan.uuid)).status_code == 404
