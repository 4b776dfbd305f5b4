from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.archives_plans import YEAR, build_plan_world, district_rule, entry
from vanphong.archives import services_plans
from vanphong.archives.models import FilePlan, PlanEntry, PlanHeading, PlanStatus, RecordFile
from vanphong.archives.plans import plan_outline
from vanphong.archives.services_plans import EntryInput
from vanphong.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _errors(excinfo: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return excinfo.value.message_dict


def test_a_clerk_of_the_unit_creates_its_plan_once_a_year_and_it_is_audited() -> None:
    pw = build_plan_world()
    assert pw.plan.status == PlanStatus.DRAFT
    assert AuditEvent.objects.filter(action="file_plan.create", object_id=str(pw.plan.uuid))
    with pytest.raises(ValidationError) as excinfo:
        services_plans.plan_create(actor=pw.chau_thanh_clerk, unit=pw.chau_thanh_office, year=YEAR)
    assert "year" in _errors(excinfo)


def test_a_clerk_of_another_district_may_not_create_or_edit_the_plan() -> None:
    pw = build_plan_world()
    with pytest.raises(PermissionDenied):
        services_plans.plan_create(actor=pw.hoa_thanh_clerk, unit=pw.chau_thanh_office, year=2013)
    with pytest.raises(PermissionDenied):
        services_plans.heading_add(actor=pw.hoa_thanh_clerk, plan=pw.plan, title="Khác")


def test_a_year_far_ahead_is_refused() -> None:
    pw = build_plan_world()
    with pytest.raises(ValidationError) as excinfo:
        services_plans.plan_create(actor=pw.chau_thanh_clerk, unit=pw.chau_thanh_office, year=2999)
    assert "year" in _errors(excinfo)


def test_a_code_is_stored_in_capitals_and_must_be_unique_in_the_plan() -> None:
    pw = build_plan_world()
    added = entry(pw, pw.plan, pw.admin, "04.hc", "Công văn trao đổi", retention_years=10)
    assert added.code == "04.HC"
    with pytest.raises(ValidationError) as excinfo:
        entry(pw, pw.plan, pw.admin, "04.HC", "Công văn khác", retention_years=10)
    assert "04.HC" in _errors(excinfo)["code"][0]


@pytest.mark.parametrize("code", ["1.1", "01.TCCB", "TH-05", "ĐU/01"])
def test_codes_of_the_usual_shapes_are_accepted(code: str) -> None:
    assert services_plans.code_error(services_plans.normal_code(code)) is None


@pytest.mark.parametrize("code", ["", "TCCB", "01..TH", "01.TH!", ".01", "Ă.01", "0" * 31])
def test_malformed_codes_are_refused_with_the_rule_in_the_message(code: str) -> None:
    assert services_plans.code_error(services_plans.normal_code(code)) is not None


def test_a_rule_alone_gives_its_retention_and_a_shorter_one_is_refused() -> None:
    pw = build_plan_world()
    monthly = district_rule("Kế hoạch, báo cáo công tác tháng")
    added = entry(pw, pw.plan, pw.reports, "05.TH", "Kế hoạch tháng", rule=monthly)
    assert added.retention_years == 5
    assert added.retention_rule == monthly
    ledger = district_rule("Sổ đăng ký văn bản đi")
    with pytest.raises(ValidationError) as excinfo:
        entry(pw, pw.plan, pw.admin, "06.HC", "Sổ", rule=ledger, retention_years=10)
    assert "retention_years" in _errors(excinfo)
    longer = entry(pw, pw.plan, pw.admin, "07.HC", "Sổ", rule=ledger, retention_years=30)
    assert longer.retention_years == 30


def test_a_provincial_rule_is_refused_for_a_district_unit() -> None:
    pw = build_plan_world()
    from vanphong.archives.models import RetentionRule

    provincial = RetentionRule.objects.filter(level="provincial").first()
    with pytest.raises(ValidationError) as excinfo:
        entry(pw, pw.plan, pw.admin, "08.HC", "Sổ", rule=provincial)
    assert "rule" in _errors(excinfo)


def test_retention_must_be_given_once_and_in_range() -> None:
    pw = build_plan_world()
    cases: list[dict[str, Any]] = [
        {},
        {"permanent": True, "retention_years": 5},
        {"retention_years": 0},
    ]
    for fields in cases:
        with pytest.raises(ValidationError) as excinfo:
            services_plans.entry_add(
                actor=pw.chau_thanh_clerk,
                plan=pw.plan,
                data=EntryInput(heading=pw.admin, code="09.HC", title="Sổ", **fields),
            )
        assert "retention_years" in _errors(excinfo)


def test_the_compiler_must_hold_a_post_in_the_unit() -> None:
    pw = build_plan_world()
    with pytest.raises(ValidationError) as excinfo:
        entry(pw, pw.plan, pw.admin, "10.HC", "Sổ", responsible=pw.hoa_thanh_clerk)
    assert "responsible" in _errors(excinfo)


def test_a_minor_heading_goes_only_under_a_major_heading_of_the_same_plan() -> None:
    pw = build_plan_world()
    with pytest.raises(ValidationError) as excinfo:
        services_plans.heading_add(
            actor=pw.chau_thanh_clerk, plan=pw.plan, title="Con của con", parent=pw.reports
        )
    assert "parent" in _errors(excinfo)


def test_moving_a_heading_renumbers_its_siblings() -> None:
    pw = build_plan_world()
    third = services_plans.heading_add(actor=pw.chau_thanh_clerk, plan=pw.plan, title="Tài chính")
    services_plans.heading_move(actor=pw.chau_thanh_clerk, heading=third, position=1)
    outline = plan_outline(pw.plan)
    assert [(row.number, row.heading.title) for row in outline.headings] == [
        ("I", "Tài chính"),
        ("II", "Công tác tổng hợp"),
        ("III", "Công tác hành chính"),
    ]
    with pytest.raises(ValidationError):
        services_plans.heading_move(actor=pw.chau_thanh_clerk, heading=third, position=4)


def test_a_heading_with_entries_is_not_removed_an_empty_one_is_and_the_rest_close_up() -> None:
    pw = build_plan_world()
    with pytest.raises(ValidationError):
        services_plans.heading_remove(actor=pw.chau_thanh_clerk, heading=pw.general)
    empty = services_plans.heading_add(actor=pw.chau_thanh_clerk, plan=pw.plan, title="Trống")
    services_plans.heading_move(actor=pw.chau_thanh_clerk, heading=empty, position=1)
    services_plans.heading_remove(actor=pw.chau_thanh_clerk, heading=empty)
    positions = PlanHeading.objects.filter(plan=pw.plan, parent=None).order_by("position")
    assert [h.position for h in positions] == [1, 2]
    assert AuditEvent.objects.filter(action="plan_heading.remove").count() == 1


def test_an_entry_moved_to_another_heading_goes_to_its_end_and_is_audited() -> None:
    pw = build_plan_world()
    moved = PlanEntry.objects.get(plan=pw.plan, code="01.TH")
    services_plans.entry_update(
        actor=pw.chau_thanh_specialist,
        entry=moved,
        data=EntryInput(
            heading=pw.admin,
            code="01.TH",
            title="Nghị quyết (sửa)",
            retention_years=None,
            permanent=True,
        ),
    )
    moved.refresh_from_db()
    assert (moved.heading, moved.position, moved.title) == (pw.admin, 2, "Nghị quyết (sửa)")
    event = AuditEvent.objects.get(action="plan_entry.update")
    assert event.before is not None
    assert event.after is not None
    assert event.before["title"] != event.after["title"]


def test_moving_an_entry_under_its_heading_renumbers_the_others() -> None:
    pw = build_plan_world()
    second = entry(pw, pw.plan, pw.admin, "04.HC", "Công văn", retention_years=10)
    services_plans.entry_move(actor=pw.chau_thanh_clerk, entry=second, position=1)
    codes = [e.code for e in PlanEntry.objects.filter(heading=pw.admin).order_by("position")]
    assert codes == ["04.HC", "03.HC"]
    with pytest.raises(ValidationError):
        services_plans.entry_move(actor=pw.chau_thanh_clerk, entry=second, position=3)
    with pytest.raises(PermissionDenied):
        services_plans.entry_move(actor=pw.hoa_thanh_clerk, entry=second, position=2)


def test_an_entry_a_file_was_opened_under_is_not_removed() -> None:
    pw = build_plan_world()
    used = PlanEntry.objects.get(plan=pw.plan, code="03.HC")
    RecordFile.objects.create(
        unit=pw.chau_thanh_office,
        year=YEAR,
        plan_entry=used,
        code="03.HC",
        title="Sổ",
        responsible=pw.chau_thanh_clerk,
        opened_on=date(2012, 1, 3),
    )
    with pytest.raises(ValidationError):
        services_plans.entry_remove(actor=pw.chau_thanh_clerk, entry=used)
    other = PlanEntry.objects.get(plan=pw.plan, code="02.TH")
    services_plans.entry_remove(actor=pw.chau_thanh_clerk, entry=other)
    assert not PlanEntry.objects.filter(pk=other.pk).exists()


def test_only_the_head_approves_and_an_approved_plan_is_frozen() -> None:
    pw = build_plan_world()
    with pytest.raises(PermissionDenied):
        services_plans.plan_approve(actor=pw.chau_thanh_clerk, plan=pw.plan)
    plan = services_plans.plan_approve(actor=pw.chau_thanh_office_leader, plan=pw.plan)
    assert plan.status == PlanStatus.APPROVED
    assert plan.approved_by == pw.chau_thanh_office_leader
    with pytest.raises(ValidationError):
        services_plans.heading_add(actor=pw.chau_thanh_clerk, plan=plan, title="Muộn")
    with pytest.raises(ValidationError):
        entry(pw, plan, pw.admin, "11.HC", "Muộn", retention_years=10)
    with pytest.raises(ValidationError):
        services_plans.plan_approve(actor=pw.chau_thanh_office_leader, plan=plan)


def test_an_empty_plan_is_not_approved() -> None:
    pw = build_plan_world()
    empty = services_plans.plan_create(
        actor=pw.chau_thanh_clerk, unit=pw.chau_thanh_office, year=2011
    )
    with pytest.raises(ValidationError):
        services_plans.plan_approve(actor=pw.chau_thanh_office_leader, plan=empty)


def test_an_amendment_adds_an_entry_to_an_approved_plan_with_its_reason() -> None:
    pw = build_plan_world()
    plan = services_plans.plan_approve(actor=pw.chau_thanh_office_leader, plan=pw.plan)
    data = EntryInput(heading=pw.admin, code="12.HC", title="Hồ sơ bầu cử", permanent=True)
    with pytest.raises(ValidationError) as excinfo:
        services_plans.plan_amend(actor=pw.chau_thanh_clerk, plan=plan, data=data, reason=" ")
    assert "reason" in _errors(excinfo)
    added = services_plans.plan_amend(
        actor=pw.chau_thanh_clerk, plan=plan, data=data, reason="Bầu cử Quốc hội khóa XIII"
    )
    assert added.note.startswith("Bổ sung ngày")
    assert "Bầu cử Quốc hội khóa XIII" in added.note
    event = AuditEvent.objects.get(action="file_plan.amend")
    assert event.after is not None
    assert event.after["reason"] == "Bầu cử Quốc hội khóa XIII"


def test_a_draft_is_not_amended() -> None:
    pw = build_plan_world()
    data = EntryInput(heading=pw.admin, code="12.HC", title="Hồ sơ", permanent=True)
    with pytest.raises(ValidationError):
        services_plans.plan_amend(actor=pw.chau_thanh_clerk, plan=pw.plan, data=data, reason="x")


def test_copy_forward_keeps_headings_entries_and_codes_and_names_its_source() -> None:
    pw = build_plan_world()
    services_plans.plan_approve(actor=pw.chau_thanh_office_leader, plan=pw.plan)
    copy = services_plans.plan_copy_forward(actor=pw.chau_thanh_clerk, plan=pw.plan, year=2013)
    assert copy.copied_from == pw.plan
    assert copy.status == PlanStatus.DRAFT
    old, new = plan_outline(pw.plan), plan_outline(copy)
    assert [(r.label, [c.label for c in r.children]) for r in new.headings] == [
        (r.label, [c.label for c in r.children]) for r in old.headings
    ]
    assert [(e.code, e.title, e.retention_years) for e in new.entries] == [
        (e.code, e.title, e.retention_years) for e in old.entries
    ]
    assert new.entries[0].responsible == pw.chau_thanh_clerk
    parent = new.entries[1].heading.parent
    assert parent is not None
    assert parent.plan == copy
    with pytest.raises(ValidationError):
        services_plans.plan_copy_forward(actor=pw.chau_thanh_clerk, plan=pw.plan, year=2013)
    with pytest.raises(ValidationError):
        services_plans.plan_copy_forward(actor=pw.chau_thanh_clerk, plan=copy, year=2012)
    assert FilePlan.objects.filter(unit=pw.chau_thanh_office).count() == 2
