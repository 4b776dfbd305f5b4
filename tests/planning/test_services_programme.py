"""The annual work programme, its tracking and completion rates, and monthly plans."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.planning import PlanWorld, programme_with_items
from vanphong.core.models import AuditEvent
from vanphong.documents.models import OutgoingDocument
from vanphong.planning import progress, services_programme
from vanphong.planning.models import ItemState, MonthlyPlan, ProgrammeItem, WorkProgramme


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
            body="conference",
            lead_unit=world.province_office,
        )
    assert "month" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services_programme.programme_item_add(
            actor=world.specialist,
            programme=programme,
            topic="",
            content="Việc A",
            body="conference",
            lead_unit=None,
            month=13,
        )
    assert "month" in refused.value.message_dict
    assert programme.items.count() == 5


def test_a_second_programme_of_the_same_body_and_year_is_refused(world: PlanWorld) -> None:
    programme_with_items(world)
    with pytest.raises(ValidationError):
        services_programme.programme_create(
            actor=world.specialist, committee=world.province, body="standing_committee", year=2011
        )


def test_only_the_office_compiles_and_only_its_leader_approves(world: PlanWorld) -> None:
    with pytest.raises(PermissionDenied):
        services_programme.programme_create(
            actor=world.secretary, committee=world.province, body="conference", year=2011
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
            body="conference",
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


def approved(world: PlanWorld) -> WorkProgramme:
    return services_programme.programme_approve(
        actor=world.chief, programme=programme_with_items(world)
    )


def track(world: PlanWorld, item: ProgrammeItem, state: str, **kwargs: object) -> ProgrammeItem:
    return services_programme.programme_item_track(
        actor=world.specialist,
        item=item,
        state=state,
        **kwargs,  # type: ignore[arg-type]
    )


def test_an_item_is_removed_from_a_draft_with_an_audit_event_but_not_once_approved(
    world: PlanWorld,
) -> None:
    programme = programme_with_items(world)
    first = programme.items.get(position=1)
    services_programme.programme_item_remove(actor=world.specialist, item=first)
    assert programme.items.count() == 4
    assert AuditEvent.objects.filter(action="programme.item_remove").count() == 1
    services_programme.programme_approve(actor=world.chief, programme=programme)
    with pytest.raises(ValidationError):
        services_programme.programme_item_remove(
            actor=world.specialist, item=programme.items.get(position=2)
        )
    assert programme.items.count() == 4


def test_an_empty_programme_is_not_approved_and_an_approved_one_not_twice(
    world: PlanWorld,
) -> None:
    empty = services_programme.programme_create(
        actor=world.specialist, committee=world.province, body="conference", year=2011
    )
    with pytest.raises(ValidationError):
        services_programme.programme_approve(actor=world.chief, programme=empty)
    programme = approved(world)
    assert (programme.approved_by, programme.status) == (world.chief, "approved")
    with pytest.raises(ValidationError):
        services_programme.programme_approve(actor=world.chief, programme=programme)


def test_a_programme_is_issued_only_once_approved(world: PlanWorld) -> None:
    programme = programme_with_items(world)
    with pytest.raises(ValidationError):
        services_programme.programme_issue(actor=world.specialist, programme=programme)
    assert not OutgoingDocument.objects.exists()
    services_programme.programme_approve(actor=world.chief, programme=programme)
    with pytest.raises(PermissionDenied):
        services_programme.programme_issue(actor=world.chau_thanh_clerk, programme=programme)


def test_a_draft_programme_is_not_tracked_and_an_unknown_state_is_refused(
    world: PlanWorld,
) -> None:
    programme = programme_with_items(world)
    item = programme.items.get(position=1)
    with pytest.raises(ValidationError):
        track(world, item, ItemState.DONE, done_on=date(2011, 1, 20))
    services_programme.programme_approve(actor=world.chief, programme=programme)
    with pytest.raises(ValidationError) as refused:
        track(world, item, "forgotten", reason="?")
    assert "state" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        services_programme.programme_item_track(
            actor=world.secretary, item=item, state=ItemState.DONE, done_on=date(2011, 1, 20)
        )


def test_an_item_goes_through_postponed_moved_done_and_back_to_planned(world: PlanWorld) -> None:
    item = approved(world).items.get(month=2)
    item = track(world, item, ItemState.POSTPONED, reason="  Chờ   hướng dẫn ")
    assert (item.state, item.reason, item.month) == ("postponed", "Chờ hướng dẫn", 2)
    item = track(world, item, ItemState.MOVED, reason="Dời sang quý III", quarter=3)
    assert (item.month, item.quarter, item.period_quarter) == (None, 3, 3)
    assert (item.planned_month, item.planned_quarter) == (2, None)
    item = track(world, item, ItemState.DONE, done_on=date(2011, 8, 5))
    assert (item.state, item.done_on, item.reason) == ("done", date(2011, 8, 5), "")
    item = track(world, item, ItemState.PLANNED)
    assert (item.state, item.done_on) == ("planned", None)
    actions = list(
        AuditEvent.objects.filter(action__startswith="programme.item_")
        .exclude(action="programme.item_add")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == [
        "programme.item_postponed",
        "programme.item_moved",
        "programme.item_done",
        "programme.item_planned",
    ]


def test_a_move_needs_a_new_period_other_than_the_old_one(world: PlanWorld) -> None:
    item = approved(world).items.get(month=2)
    for period in ({"month": 2}, {}, {"quarter": 5}, {"month": 0}):
        with pytest.raises(ValidationError) as refused:
            track(world, item, ItemState.MOVED, reason="Dời", **period)
        assert "month" in refused.value.message_dict
    item.refresh_from_db()
    assert (item.state, item.month) == ("planned", 2)


def test_a_dropped_item_needs_a_reason(world: PlanWorld) -> None:
    item = approved(world).items.get(month=2)
    with pytest.raises(ValidationError) as refused:
        track(world, item, ItemState.DROPPED, reason="   ")
    assert "reason" in refused.value.message_dict
    assert track(world, item, ItemState.DROPPED, reason="Không còn phù hợp").state == "dropped"


def test_a_monthly_plan_takes_approved_items_moved_into_its_month_but_not_dropped_ones(
    world: PlanWorld,
) -> None:
    programme = approved(world)
    track(world, programme.items.get(month=3), ItemState.DROPPED, reason="Gộp vào tháng 5")
    track(world, programme.items.get(month=1), ItemState.MOVED, reason="Dời", month=3)
    draft = services_programme.programme_create(
        actor=world.specialist, committee=world.province, body="conference", year=2011
    )
    services_programme.programme_item_add(
        actor=world.specialist,
        programme=draft,
        topic="",
        content="Chưa duyệt",
        body="conference",
        lead_unit=world.province_office,
        month=3,
    )
    plan = services_programme.monthly_plan_draft(
        actor=world.specialist, committee=world.province, year=2011, month=3
    )
    assert [(i.content, i.position) for i in plan.items.order_by("position")] == [
        ("Tổng kết công tác năm 2010", 1)
    ]
    event = AuditEvent.objects.get(action="monthly_plan.draft")
    assert event.after is not None
    assert event.after["items"] == 1


def test_a_month_has_one_plan_and_a_month_is_one_to_twelve(world: PlanWorld) -> None:
    services_programme.monthly_plan_draft(
        actor=world.specialist, committee=world.province, year=2011, month=4
    )
    for month in (4, 13):
        with pytest.raises(ValidationError) as refused:
            services_programme.monthly_plan_draft(
                actor=world.specialist, committee=world.province, year=2011, month=month
            )
        assert "month" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        services_programme.monthly_plan_draft(
            actor=world.chau_thanh_clerk, committee=world.province, year=2011, month=5
        )
    assert MonthlyPlan.objects.count() == 1


def test_a_monthly_plan_is_edited_until_approved_and_never_approved_empty(
    world: PlanWorld,
) -> None:
    plan = services_programme.monthly_plan_draft(
        actor=world.specialist, committee=world.province, year=2011, month=6
    )
    with pytest.raises(ValidationError):
        services_programme.monthly_plan_approve(actor=world.chief, plan=plan)
    with pytest.raises(ValidationError) as refused:
        services_programme.monthly_plan_item_add(actor=world.specialist, plan=plan, content=" ")
    assert "content" in refused.value.message_dict
    first = services_programme.monthly_plan_item_add(
        actor=world.specialist, plan=plan, content="Dự Hội nghị", note="Chuẩn bị báo cáo"
    )
    second = services_programme.monthly_plan_item_add(
        actor=world.specialist, plan=plan, content="Kiểm tra cơ sở", lead_unit=world.chau_thanh
    )
    assert (first.position, second.position) == (1, 2)
    services_programme.monthly_plan_item_remove(actor=world.specialist, item=first)
    with pytest.raises(PermissionDenied):
        services_programme.monthly_plan_approve(actor=world.specialist, plan=plan)
    plan = services_programme.monthly_plan_approve(actor=world.chief, plan=plan)
    assert plan.status == "approved"
    with pytest.raises(ValidationError):
        services_programme.monthly_plan_item_add(actor=world.specialist, plan=plan, content="Sau")
    with pytest.raises(ValidationError):
        services_programme.monthly_plan_item_remove(actor=world.specialist, item=second)
    with pytest.raises(ValidationError):
        services_programme.monthly_plan_approve(actor=world.chief, plan=plan)
    assert [i.content for i in plan.items.all()] == ["Kiểm tra cơ sở"]
