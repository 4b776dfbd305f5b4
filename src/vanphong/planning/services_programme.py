"""Every write to the annual work programme and the monthly plans: one atomic, audited
function per use case."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean
from vanphong.documents import services_outgoing as documents_outgoing
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.workflow import DOCUMENT_ROLES
from vanphong.org.models import Person, Unit
from vanphong.org.selectors import scope_for
from vanphong.planning import hooks
from vanphong.planning.models import (
    Body,
    ItemState,
    MonthlyPlan,
    MonthlyPlanItem,
    ProgrammeItem,
    ProgrammeStatus,
    WorkProgramme,
)
from vanphong.planning.selectors import office_of, programme_text
from vanphong.planning.services import require_approver, require_committee, require_compiler

PROGRAMME_FIELDS = ("committee", "body", "year", "title", "status", "document")
ITEM_FIELDS = (
    "position",
    "topic",
    "content",
    "body",
    "lead_unit",
    "month",
    "quarter",
    "state",
    "reason",
    "done_on",
)
PLAN_FIELDS = ("committee", "year", "month", "status", "note")
PLAN_ITEM_FIELDS = ("content", "lead_unit", "day", "note", "programme_item")


# --- the annual work programme --------------------------------------------------------------


@transaction.atomic
def programme_create(
    *, actor: Person, committee: Unit, body: str, year: int, title: str = ""
) -> WorkProgramme:
    require_committee(committee)
    require_compiler(actor, committee)
    if body not in Body.values:
        raise ValidationError(
            {"body": _("Chọn chương trình của Hội nghị, Ban Thường vụ hay Thường trực.")}
        )
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Năm không hợp lệ.")})
    if WorkProgramme.objects.filter(committee=committee, body=body, year=year).exists():
        raise ValidationError({"year": _("Đã có chương trình công tác này cho năm đó.")})
    title = clean(title) or _("Chương trình công tác năm %(year)s của %(body)s %(committee)s") % {
        "year": year,
        "body": Body(body).label,
        "committee": committee.name,
    }
    programme = WorkProgramme.objects.create(
        committee=committee, body=body, year=year, title=title[:300], created_by=actor
    )
    audit.record(
        actor=actor,
        action="programme.create",
        target=programme,
        after=audit.snapshot(programme, PROGRAMME_FIELDS),
    )
    return programme


def _lock_programme(programme: WorkProgramme) -> WorkProgramme:
    return (
        WorkProgramme.objects.select_for_update().select_related("committee").get(pk=programme.pk)
    )


def _period(month: int | None, quarter: int | None) -> tuple[int | None, int | None]:
    if month is not None:
        if not 1 <= month <= 12:
            raise ValidationError({"month": _("Tháng phải từ 1 đến 12.")})
        return month, None
    if quarter is None or not 1 <= quarter <= 4:
        raise ValidationError({"month": _("Chọn tháng, hoặc quý (1–4) nếu chưa định tháng.")})
    return None, quarter


def _lead(lead_unit: Unit | None, supporting: Sequence[Unit]) -> Unit:
    if lead_unit is None:
        raise ValidationError({"lead_unit": _("Cần chọn cơ quan chủ trì.")})
    if lead_unit in supporting:
        raise ValidationError({"supporting_units": _("Cơ quan chủ trì không đồng thời phối hợp.")})
    return lead_unit


@transaction.atomic
def programme_item_add(
    *,
    actor: Person,
    programme: WorkProgramme,
    topic: str,
    content: str,
    body: str,
    lead_unit: Unit | None,
    supporting_units: Sequence[Unit] = (),
    month: int | None = None,
    quarter: int | None = None,
) -> ProgrammeItem:
    programme = _lock_programme(programme)
    require_compiler(actor, programme.committee)
    if programme.status != ProgrammeStatus.DRAFT:
        raise ValidationError(_("Chương trình đã duyệt; chỉ cập nhật tình hình thực hiện."))
    month, quarter = _period(month, quarter)
    errors = {}
    if not clean(content):
        errors["content"] = _("Cần nhập nội dung.")
    if body not in Body.values:
        errors["body"] = _("Chọn nơi trình: Hội nghị, Ban Thường vụ hay Thường trực.")
    if errors:
        raise ValidationError(errors)
    lead = _lead(lead_unit, supporting_units)
    position = (programme.items.aggregate(last=Max("position"))["last"] or 0) + 1
    item = ProgrammeItem.objects.create(
        programme=programme,
        position=position,
        topic=clean(topic)[:300],
        content=clean(content),
        body=body,
        lead_unit=lead,
        month=month,
        quarter=quarter,
        planned_month=month,
        planned_quarter=quarter,
    )
    item.supporting_units.set(supporting_units)
    audit.record(
        actor=actor,
        action="programme.item_add",
        target=item,
        after=audit.snapshot(item, ITEM_FIELDS),
    )
    return item


@transaction.atomic
def programme_item_remove(*, actor: Person, item: ProgrammeItem) -> None:
    programme = _lock_programme(item.programme)
    require_compiler(actor, programme.committee)
    if programme.status != ProgrammeStatus.DRAFT:
        raise ValidationError(
            _("Chương trình đã duyệt: không xóa được; hãy ghi là không thực hiện.")
        )
    audit.record(
        actor=actor,
        action="programme.item_remove",
        target=item,
        before=audit.snapshot(item, ITEM_FIELDS),
    )
    item.delete()


def _approve(
    actor: Person,
    plan: WorkProgramme | MonthlyPlan,
    *,
    action: str,
    fields: tuple[str, ...],
    already: str,
    empty: str,
) -> None:
    """The approval a programme and a monthly plan share; the caller holds the row's lock."""
    require_approver(actor, plan.committee)
    if plan.status != ProgrammeStatus.DRAFT:
        raise ValidationError(already)
    if not plan.items.exists():
        raise ValidationError(empty)
    before = audit.snapshot(plan, fields)
    plan.status = ProgrammeStatus.APPROVED
    plan.approved_by = actor
    plan.approved_at = timezone.now()
    plan.save(update_fields=["status", "approved_by", "approved_at"])
    audit.record(
        actor=actor, action=action, target=plan, before=before, after=audit.snapshot(plan, fields)
    )


@transaction.atomic
def programme_approve(*, actor: Person, programme: WorkProgramme) -> WorkProgramme:
    programme = _lock_programme(programme)
    _approve(
        actor,
        programme,
        action="programme.approve",
        fields=PROGRAMME_FIELDS,
        already=_("Chương trình đã được duyệt."),
        empty=_("Chương trình chưa có nội dung nào."),
    )
    return programme


@transaction.atomic
def programme_issue(*, actor: Person, programme: WorkProgramme) -> OutgoingDocument:
    """Draft the programme as a CTr document in the committee's book (or, when the compiler
    has no role in the committee itself, its Office's), to be approved, signed and issued
    through the documents module like any other."""
    programme = _lock_programme(programme)
    require_compiler(actor, programme.committee)
    if programme.status != ProgrammeStatus.APPROVED:
        raise ValidationError(_("Chương trình cần được duyệt trước khi ban hành."))
    if programme.document_id is not None:
        raise ValidationError(_("Chương trình đã có văn bản ban hành."))
    scope = scope_for(actor)
    committee = programme.committee
    office = office_of(committee)
    unit = committee if scope.holds(committee.id, *DOCUMENT_ROLES) else office
    if unit is None:  # require_compiler has found the Office; this informs the type checker
        raise ValidationError(_("Cấp ủy này chưa có Văn phòng trong hệ thống."))
    document = documents_outgoing.outgoing_create(
        actor=actor,
        unit=unit,
        type_symbol="CTr",
        subject=programme.title,
        body=programme_text(programme),
    )
    before = audit.snapshot(programme, PROGRAMME_FIELDS)
    programme.document = document
    programme.save(update_fields=["document"])
    audit.record(
        actor=actor,
        action="programme.issue",
        target=programme,
        before=before,
        after=audit.snapshot(programme, PROGRAMME_FIELDS),
    )
    return document


@transaction.atomic
def programme_item_track(
    *,
    actor: Person,
    item: ProgrammeItem,
    state: str,
    reason: str = "",
    month: int | None = None,
    quarter: int | None = None,
    done_on: date | None = None,
) -> ProgrammeItem:
    """Record how an item of an approved programme went: done, postponed, moved (to another
    month or quarter), dropped. Anything but done needs a reason."""
    programme = _lock_programme(item.programme)
    item = ProgrammeItem.objects.select_for_update().get(pk=item.pk)
    require_compiler(actor, programme.committee)
    if programme.status != ProgrammeStatus.APPROVED:
        raise ValidationError(_("Chỉ theo dõi thực hiện khi chương trình đã duyệt."))
    if state not in ItemState.values:
        raise ValidationError({"state": _("Tình trạng không hợp lệ.")})
    reason = clean(reason)
    if state not in (ItemState.DONE, ItemState.PLANNED) and not reason:
        raise ValidationError({"reason": _("Cần nêu lý do.")})
    before = audit.snapshot(item, ITEM_FIELDS)
    if state == ItemState.MOVED:
        new_month, new_quarter = _period(month, quarter)
        if (new_month, new_quarter) == (item.month, item.quarter):
            raise ValidationError({"month": _("Chọn thời gian mới khác thời gian cũ.")})
        item.month, item.quarter = new_month, new_quarter
    if state == ItemState.DONE:
        done_on = done_on or timezone.localdate()
        if done_on.year != programme.year:
            raise ValidationError({"done_on": _("Ngày thực hiện phải trong năm của chương trình.")})
    item.state = state
    item.reason = reason[:500]
    item.done_on = done_on if state == ItemState.DONE else None
    item.save()
    if state == ItemState.MOVED:
        # A programme followed as tasks (directives) moves the item's task with it.
        hooks.programme_item_moved(actor=actor, item=item)
    audit.record(
        actor=actor,
        action=f"programme.item_{state}",
        target=item,
        before=before,
        after=audit.snapshot(item, ITEM_FIELDS),
    )
    return item


# --- monthly plans --------------------------------------------------------------------------


@transaction.atomic
def monthly_plan_draft(*, actor: Person, committee: Unit, year: int, month: int) -> MonthlyPlan:
    """Start the month's plan from the approved programme items planned for that month."""
    require_committee(committee)
    require_compiler(actor, committee)
    if not 1 <= month <= 12:
        raise ValidationError({"month": _("Tháng phải từ 1 đến 12.")})
    if MonthlyPlan.objects.filter(committee=committee, year=year, month=month).exists():
        raise ValidationError({"month": _("Đã có kế hoạch của tháng này.")})
    plan = MonthlyPlan.objects.create(committee=committee, year=year, month=month, created_by=actor)
    items = ProgrammeItem.objects.filter(
        programme__committee=committee,
        programme__year=year,
        programme__status=ProgrammeStatus.APPROVED,
        month=month,
    ).exclude(state=ItemState.DROPPED)
    MonthlyPlanItem.objects.bulk_create(
        MonthlyPlanItem(
            plan=plan,
            programme_item=item,
            position=position,
            content=item.content,
            lead_unit_id=item.lead_unit_id,
        )
        for position, item in enumerate(items.order_by("programme__body", "position"), start=1)
    )
    audit.record(
        actor=actor,
        action="monthly_plan.draft",
        target=plan,
        after={**audit.snapshot(plan, PLAN_FIELDS), "items": plan.items.count()},
    )
    return plan


def _lock_plan(plan: MonthlyPlan) -> MonthlyPlan:
    return MonthlyPlan.objects.select_for_update().select_related("committee").get(pk=plan.pk)


@transaction.atomic
def monthly_plan_item_add(
    *,
    actor: Person,
    plan: MonthlyPlan,
    content: str,
    lead_unit: Unit | None = None,
    day: date | None = None,
    note: str = "",
) -> MonthlyPlanItem:
    plan = _lock_plan(plan)
    require_compiler(actor, plan.committee)
    if plan.status != ProgrammeStatus.DRAFT:
        raise ValidationError(_("Kế hoạch tháng đã duyệt, không sửa được."))
    if not clean(content):
        raise ValidationError({"content": _("Cần nhập nội dung.")})
    if day is not None and (day.year, day.month) != (plan.year, plan.month):
        raise ValidationError({"day": _("Ngày dự kiến phải trong tháng của kế hoạch.")})
    position = (plan.items.aggregate(last=Max("position"))["last"] or 0) + 1
    item = MonthlyPlanItem.objects.create(
        plan=plan,
        position=position,
        content=clean(content),
        lead_unit=lead_unit,
        day=day,
        note=clean(note)[:500],
    )
    audit.record(
        actor=actor,
        action="monthly_plan.item_add",
        target=plan,
        after=audit.snapshot(item, PLAN_ITEM_FIELDS),
    )
    return item


@transaction.atomic
def monthly_plan_item_remove(*, actor: Person, item: MonthlyPlanItem) -> None:
    plan = _lock_plan(item.plan)
    require_compiler(actor, plan.committee)
    if plan.status != ProgrammeStatus.DRAFT:
        raise ValidationError(_("Kế hoạch tháng đã duyệt, không sửa được."))
    audit.record(
        actor=actor,
        action="monthly_plan.item_remove",
        target=plan,
        before=audit.snapshot(item, PLAN_ITEM_FIELDS),
    )
    item.delete()


@transaction.atomic
def monthly_plan_approve(*, actor: Person, plan: MonthlyPlan) -> MonthlyPlan:
    plan = _lock_plan(plan)
    _approve(
        actor,
        plan,
        action="monthly_plan.approve",
        fields=PLAN_FIELDS,
        already=_("Kế hoạch tháng đã được duyệt."),
        empty=_("Kế hoạch tháng chưa có nội dung nào."),
    )
    return plan
