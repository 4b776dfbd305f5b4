"""The annual work programme, its tracking and completion rates, and monthly plans."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.planning.conftest import PlanWorld
from vanphong.documents.models import OutgoingDocument
from vanphong.planning import progress, services_programme
from vanphong.planning.models import ItemState, MonthlyPlan, ProgrammeItem, WorkProgramme


def programme_with_items(world: PlanWorld) -> WorkProgramme:
    programme = services_programme.programme_create(
        actor=world.specialist, committee=world.province, body="ban_thuong_vu", year=2011
    )
    for month, content in (
        (1, "Tổng kết công tác năm 2010"),
        (2, "Lãnh đạo tổ chức bầu cử đại biểu Quốc hội"),
        (3, "Sơ kết quý I"),
        (5, "Chỉ đạo ngày bầu cử 22/5"),
    ):
        services_programme.programme_item_add(
            actor=world.specialist,
            programme=programme,
            topic="Xây dựng Đảng",
            content=content,
            body="ban_thuong_vu",
            lead_unit=world.province_office,
            supporting_units=[world.chau_thanh],
            month=month,
        )
    services_programme.programme_item_add(
        actor=world.specialist,
        programme=programme,
        topic="Kinh tế",
        content="Sơ kết 6 tháng",
        body="hoi_nghi",
        lead_unit=world.province_office,
        quarter=2,
    )
    return programme


def test_a_programme_gets_a_default_title_and_numbered_items(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    assert programme.title == "Chương trình công tác năm 2011 của Ban Thường vụ Tỉnh ủy Tây Ninh"
    assert list(programme.items.values_list("position", flat=True)) == [1, 2, 3, 4, 5]


def test_an_item_needs_a_month_or_a_quarter_and_a_lead_unit(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    with pytest.raises(ValidationError) as refused:
        services_programme.programme_item_add(
            actor=world.specialist,
            programme=programme,
            topic="",
            content="Việc A",
            body="hoi_nghi",
            lead_unit=world.province_office,
        )
    assert "month" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services_programme.programme_item_add(
            actor=world.specialist,
            programme=programme,
            topic="",
            content="Việc A",
            body="hoi_nghi",
            lead_unit=None,
            month=13,
        )
    assert "month" in refused.value.message_dict
    assert programme.items.count() == 5


def test_a_second_programme_of_the_same_body_and_year_is_refused(world: PlanWorld) -> None:
    programme_with_items(world)
    with pytest.raises(ValidationError):
        services_programme.programme_create(
            actor=world.specialist, committee=world.province, body="ban_thuong_vu", year=2011
        )


def test_only_the_office_compiles_and_only_its_leader_approves(world: PlanWorld) -> None:
    with pytest.raises(PermissionDenied):
        services_programme.programme_create(
            actor=world.secretary, committee=world.province, body="hoi_nghi", year=2011
        )
    programme = programme_with_items(world)
    with pytest.raises(PermissionDenied):
        services_programme.programme_approve(actor=world.specialist, programme=programme)
    services_programme.programme_approve(actor=world.chief, programme=programme)


def test_an_approved_programme_is_tracked_not_edited(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    services_programme.programme_approve(actor=world.chief, programme=programme)
    with pytest.raises(ValidationError):
        services_programme.programme_item_add(
            actor=world.specialist,
            programme=programme,
            topic="",
            content="Thêm",
            body="hoi_nghi",
            lead_unit=world.province_office,
            month=4,
        )
    with pytest.raises(ValidationError):
        services_programme.programme_item_remove(
            actor=world.specialist, item=programme.items.earliest("id")
        )


def test_anything_but_done_needs_a_reason_and_a_move_changes_the_period(
    world: PlanWorld,
) -> None:
    programme = programme_with_items(world)
    services_programme.programme_approve(actor=world.chief, programme=programme)
    item = programme.items.get(month=3)
    with pytest.raises(ValidationError) as refused:
        services_programme.programme_item_track(
            actor=world.specialist, item=item, state="postponed"
        )
    assert "reason" in refused.value.message_dict
    moved = services_programme.programme_item_track(
        actor=world.specialist, item=item, state="moved", reason="Chờ số liệu", month=4
    )
    assert (moved.month, moved.planned_month, moved.period_quarter) == (4, 3, 2)


def test_quarter_rates_count_done_items_where_they_are_planned_now(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    services_programme.programme_approve(actor=world.chief, programme=programme)
    by_month = {item.month: item for item in programme.items.all()}
    for month in (1, 2):
        services_programme.programme_item_track(
            actor=world.specialist,
            item=by_month[month],
            state="done",
            done_on=date(2011, month, 20),
        )
    services_programme.programme_item_track(
        actor=world.specialist, item=by_month[3], state="moved", reason="Lùi", month=4
    )
    services_programme.programme_item_track(
        actor=world.specialist, item=by_month[5], state="dropped", reason="Không còn cần"
    )
    items = list(ProgrammeItem.objects.filter(programme=programme))
    rates = {r.quarter: (r.done, r.total) for r in progress.quarter_rates(items)}
    assert rates == {1: (2, 2), 2: (0, 3), 3: (0, 0), 4: (0, 0), 0: (2, 5)}
    grouped = progress.rates_for([programme])[programme.pk]
    assert [(r.quarter, r.done, r.total) for r in grouped] == [
        (q, *rates[q]) for q in (1, 2, 3, 4, 0)
    ]
    assert progress.quarter_rates(items)[-1].percent == 40.0


def test_a_done_date_outside_the_programme_year_is_refused(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    services_programme.programme_approve(actor=world.chief, programme=programme)
    with pytest.raises(ValidationError):
        services_programme.programme_item_track(
            actor=world.specialist,
            item=programme.items.earliest("id"),
            state="done",
            done_on=date(2012, 1, 5),
        )
    assert not ProgrammeItem.objects.filter(state=ItemState.DONE).exists()


def test_issuing_drafts_a_ctr_document_holding_the_items(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    with pytest.raises(ValidationError):
        services_programme.programme_issue(actor=world.specialist, programme=programme)
    services_programme.programme_approve(actor=world.chief, programme=programme)
    document = services_programme.programme_issue(actor=world.specialist, programme=programme)
    assert isinstance(document, OutgoingDocument)
    assert document.type_symbol == "CTr"
    assert document.unit == world.province_office  # the compiler has no role in the committee
    body = document.versions.get().body
    assert "QUÝ I" in body
    assert "Lãnh đạo tổ chức bầu cử đại biểu Quốc hội" in body
    with pytest.raises(ValidationError):
        services_programme.programme_issue(actor=world.specialist, programme=programme)


def test_a_monthly_plan_starts_from_the_approved_items_of_its_month(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    services_programme.programme_approve(actor=world.chief, programme=programme)
    plan = services_programme.monthly_plan_draft(
        actor=world.specialist, committee=world.province, year=2011, month=2
    )
    assert [i.content for i in plan.items.all()] == ["Lãnh đạo tổ chức bầu cử đại biểu Quốc hội"]
    services_programme.monthly_plan_item_add(
        actor=world.specialist,
        plan=plan,
        content="Dự Hội nghị tổng kết ngành",
        day=date(2011, 2, 25),
    )
    with pytest.raises(ValidationError):
        services_programme.monthly_plan_item_add(
            actor=world.specialist, plan=plan, content="Sai tháng", day=date(2011, 3, 1)
        )
    services_programme.monthly_plan_approve(actor=world.chief, plan=plan)
    with pytest.raises(ValidationError):
        services_programme.monthly_plan_item_add(actor=world.specialist, plan=plan, content="Muộn")
    assert MonthlyPlan.objects.get().items.count() == 2
