"""The year's movement of a bloc and the members' pledges: one atomic, audited function per use
case.

Rules: who runs the bloc launches the movement (one a year), names the year's leading member
(a member in force on the launch day) and the criteria set it is scored on (frozen from then),
rotates the leader or moves the pledge deadline while the movement is open, and moves its
status along OPEN → SCORING → RANKED → CLOSED. A member's emulation officers and Office
leaders register its pledge while the movement is open, by the deadline; after it only the
convenor records a pledge (marked late), or extends the deadline for everyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.rules import NoRuleInForce, rule_data
from vanphong.core.vietnamese import clean
from vanphong.emulation import workflow
from vanphong.emulation.models import (
    Bloc,
    CriteriaSet,
    Movement,
    MovementStatus,
    Pledge,
    ReviewMode,
)
from vanphong.emulation.ranking import Ranking, bloc_ranking
from vanphong.emulation.selectors import members_in_force
from vanphong.emulation.services import require_runs, text
from vanphong.org.models import Person, Unit

MOVEMENT_FIELDS = (
    "bloc",
    "year",
    "title",
    "launched_on",
    "pledge_deadline",
    "leader_unit",
    "criteria_set",
    "review_mode",
    "status",
)
PLEDGE_FIELDS = ("movement", "unit", "titles", "content", "registered_on", "late")
STATUS_NEXT = {
    MovementStatus.OPEN: MovementStatus.SCORING,
    MovementStatus.SCORING: MovementStatus.RANKED,
    MovementStatus.RANKED: MovementStatus.CLOSED,
}
# The unit titles a pledge names when no `emulation.titles` rule is in force yet.
DEFAULT_TITLES = (
    ("provincial_flag", "Cờ thi đua của Ủy ban nhân dân tỉnh"),
    ("chairman_merit", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"),
    ("excellent_collective", "Tập thể lao động xuất sắc"),
    ("advanced_collective", "Tập thể lao động tiên tiến"),
)


def today() -> date:
    return timezone.localdate()


def unit_titles(on: date) -> list[tuple[str, str]]:
    """The titles a unit may pledge (code, name), by the rule in force on `on`."""
    try:
        data = rule_data("emulation.titles", on)
    except NoRuleInForce:
        return list(DEFAULT_TITLES)
    found = [
        (str(t["code"]), str(t["name"]))
        for t in data.get("titles", [])
        if isinstance(t, dict) and t.get("level", "unit") == "unit" and "code" in t
    ]
    return found or list(DEFAULT_TITLES)


def movement_lock(movement: Movement) -> Movement:
    return (
        Movement.objects.select_for_update(of=("self",))
        .select_related("bloc__convenor", "criteria_set", "leader_unit")
        .get(pk=movement.pk)
    )


def _leader_check(bloc: Bloc, leader: Unit | None, on: date) -> None:
    if leader is None:
        return
    if not members_in_force(bloc.pk, on).filter(unit=leader).exists():
        raise ValidationError(
            {
                "leader_unit": _("%(unit)s không phải thành viên của khối vào ngày %(day)s.")
                % {"unit": leader.name, "day": on.strftime("%d/%m/%Y")}
            }
        )


def _dates_check(launched_on: date, pledge_deadline: date) -> None:
    if pledge_deadline < launched_on:
        raise ValidationError(
            {"pledge_deadline": _("Hạn đăng ký thi đua không được trước ngày phát động.")}
        )


@transaction.atomic
def movement_launch(
    *,
    actor: Person,
    bloc: Bloc,
    year: int,
    title: str,
    launched_on: date,
    pledge_deadline: date,
    criteria_set: CriteriaSet,
    leader_unit: Unit | None = None,
    review_mode: str = ReviewMode.MEMBERS,
) -> Movement:
    bloc = Bloc.objects.select_for_update().select_related("convenor").get(pk=bloc.pk)
    require_runs(actor, bloc)
    errors: dict[str, str] = {}
    if criteria_set.year != year:
        errors["criteria_set"] = _("Bảng tiêu chí là của năm %(set)d, không phải năm %(year)d.") % {
            "set": criteria_set.year,
            "year": year,
        }
    if review_mode not in ReviewMode.values:
        errors["review_mode"] = _("Chọn cách chấm chéo.")
    if launched_on.year != year:
        errors["launched_on"] = _("Ngày phát động phải trong năm %(year)d.") % {"year": year}
    if Movement.objects.filter(bloc=bloc, year=year).exists():
        errors["year"] = _("Khối đã có phong trào thi đua năm %(year)d.") % {"year": year}
    if errors:
        raise ValidationError(errors)
    _dates_check(launched_on, pledge_deadline)
    if not members_in_force(bloc.pk, launched_on).exists():
        raise ValidationError(_("Khối chưa có thành viên nào vào ngày phát động."))
    _leader_check(bloc, leader_unit, launched_on)
    criteria_set = CriteriaSet.objects.select_for_update().get(pk=criteria_set.pk)
    if not criteria_set.groups.filter(criteria__isnull=False).exists():
        raise ValidationError({"criteria_set": _("Bảng tiêu chí chưa có tiêu chí nào.")})
    if not criteria_set.frozen:
        criteria_set.frozen = True
        criteria_set.save(update_fields=["frozen"])
    movement = Movement.objects.create(
        bloc=bloc,
        year=year,
        title=text(title, "title", _("Nhập tên phong trào.")),
        launched_on=launched_on,
        pledge_deadline=pledge_deadline,
        leader_unit=leader_unit,
        criteria_set=criteria_set,
        review_mode=review_mode,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="emulation.movement.launch",
        target=movement,
        after=audit.snapshot(movement, MOVEMENT_FIELDS),
    )
    return movement


@transaction.atomic
def movement_update(
    *,
    actor: Person,
    movement: Movement,
    title: str | None = None,
    pledge_deadline: date | None = None,
    leader_unit: Unit | None = None,
    review_mode: str | None = None,
) -> Movement:
    """Rotate the leader, extend the pledge deadline, rename, change the review mode — while
    the movement is open (scoring has not started)."""
    movement = movement_lock(movement)
    require_runs(actor, movement.bloc)
    if movement.status != MovementStatus.OPEN:
        raise ValidationError(
            _("Phong trào đã bắt đầu chấm điểm; không thay đổi trưởng khối, hạn hay cách chấm.")
        )
    before = audit.snapshot(movement, MOVEMENT_FIELDS)
    if title is not None:
        movement.title = text(title, "title", _("Nhập tên phong trào."))
    if pledge_deadline is not None:
        _dates_check(movement.launched_on, pledge_deadline)
        movement.pledge_deadline = pledge_deadline
    if leader_unit is not None:
        _leader_check(movement.bloc, leader_unit, max(movement.launched_on, today()))
        movement.leader_unit = leader_unit
    if review_mode is not None:
        if review_mode not in ReviewMode.values:
            raise ValidationError({"review_mode": _("Chọn cách chấm chéo.")})
        movement.review_mode = review_mode
    movement.save()
    audit.record(
        actor=actor,
        action="emulation.movement.update",
        target=movement,
        before=before,
        after=audit.snapshot(movement, MOVEMENT_FIELDS),
    )
    return movement


@transaction.atomic
def movement_advance(*, actor: Person, movement: Movement, to: str) -> Movement:
    """Move the movement's status one step: open → scoring → ranked → closed."""
    movement = movement_lock(movement)
    require_runs(actor, movement.bloc)
    expected = STATUS_NEXT.get(MovementStatus(movement.status))
    if expected is None or to != expected:
        raise ValidationError(
            _("Phong trào đang ở bước “%(now)s”; bước tiếp theo là “%(next)s”.")
            % {
                "now": MovementStatus(movement.status).label,
                "next": MovementStatus(expected).label if expected else _("không còn bước nào"),
            }
        )
    if to == MovementStatus.SCORING and movement.leader_unit_id is None:
        raise ValidationError({"leader_unit": _("Chọn đơn vị trưởng khối trước khi chấm điểm.")})
    if to == MovementStatus.RANKED and not movement.sheets.filter(status="submitted").exists():
        raise ValidationError(_("Chưa có phiếu chấm nào được gửi; chưa xếp hạng được."))
    before = audit.snapshot(movement, MOVEMENT_FIELDS)
    movement.status = to
    movement.save(update_fields=["status"])
    after: dict[str, Any] = audit.snapshot(movement, MOVEMENT_FIELDS)
    if to == MovementStatus.RANKED:
        after["ranking"] = [
            {"unit": row.unit.id, "total": str(row.total), "rank": row.rank, "round": row.round}
            for row in bloc_ranking(movement).rows
        ]
    audit.record(
        actor=actor,
        action=f"emulation.movement.{to}",
        target=movement,
        before=before,
        after=after,
    )
    return movement


def movement_rank(*, actor: Person, movement: Movement) -> Ranking:
    """Close the scoring and freeze the ranking: no sheet changes from now (the audit event
    keeps the ranking as it was frozen)."""
    movement = movement_advance(actor=actor, movement=movement, to=MovementStatus.RANKED)
    return bloc_ranking(movement)


@transaction.atomic
def pledge_register(
    *,
    actor: Person,
    movement: Movement,
    unit: Unit,
    titles: Sequence[str],
    content: str = "",
) -> Pledge:
    """Register (or change) the member's pledge by the deadline; the convenor may record one
    after it, marked late."""
    movement = movement_lock(movement)
    on = today()
    runs = workflow.runs_bloc(actor, movement.bloc.convenor_id)
    if not (workflow.acts_for(actor, unit.id) or runs):
        raise PermissionDenied(
            _("Chỉ cán bộ thi đua và lãnh đạo của %(unit)s mới đăng ký thi đua cho đơn vị.")
            % {"unit": unit.name}
        )
    if movement.status != MovementStatus.OPEN:
        raise ValidationError(_("Phong trào đã hết thời gian đăng ký thi đua."))
    if (
        not members_in_force(movement.bloc_id, max(on, movement.launched_on))
        .filter(unit=unit)
        .exists()
    ):
        raise ValidationError(
            {"unit": _("%(unit)s không phải thành viên của khối.") % {"unit": unit.name}}
        )
    late = on > movement.pledge_deadline
    if late and not runs:
        raise ValidationError(
            _(
                "Đã quá hạn đăng ký thi đua (hạn ngày %(day)s). Đề nghị đơn vị tổ chức gia hạn "
                "hoặc ghi nhận đăng ký muộn."
            )
            % {"day": movement.pledge_deadline.strftime("%d/%m/%Y")}
        )
    known = dict(unit_titles(on))
    chosen = list(dict.fromkeys(t.strip() for t in titles if t and t.strip()))
    if not chosen:
        raise ValidationError({"titles": _("Chọn ít nhất một danh hiệu đăng ký.")})
    unknown = [t for t in chosen if t not in known]
    if unknown:
        raise ValidationError(
            {
                "titles": _("Danh hiệu không có trong quy định: %(codes)s.")
                % {"codes": ", ".join(unknown)}
            }
        )
    pledge = Pledge.objects.select_for_update().filter(movement=movement, unit=unit).first()
    before = audit.snapshot(pledge, PLEDGE_FIELDS) if pledge else None
    if pledge is None:
        pledge = Pledge(movement=movement, unit=unit)
    pledge.titles = chosen
    pledge.content = clean(content or "").strip()
    pledge.registered_on = on
    pledge.registered_by = actor
    pledge.late = late
    pledge.save()
    audit.record(
        actor=actor,
        action="emulation.pledge.register",
        target=pledge,
        before=before,
        after=audit.snapshot(pledge, PLEDGE_FIELDS),
        label=f"{movement.title}: {unit.name}",
    )
    return pledge
