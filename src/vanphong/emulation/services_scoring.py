"""Score sheets: opening one, scoring its criteria, attaching evidence and submitting it — one
atomic, audited function per use case.

Rounds run in order for each unit (models.ROUND_ORDER):

- self: the unit scores itself;
- bloc: in the members' mode every other member in force scores it, in the council mode the
  bloc leader (and the convenor for the leader's own unit) — only once its self sheet is
  submitted; nobody scores itself here;
- council: the convenor (the provincial council), once every expected bloc sheet of the unit
  is submitted.

Points lie between 0 and the criterion's maximum (two decimals); measured criteria come from
`Measurement` and are never scored by hand. In the bloc and council rounds a score that
differs from the previous round's needs the reviewer's reason. A sheet is submitted with every
assessed, bonus and penalty criterion scored and, in the self round, evidence for every assessed
criterion scored above 0; a submitted sheet is read-only. Sheets change only while the
movement is in its scoring step.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import IO

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.files import safe_filename, store, stored_name
from vanphong.core.vietnamese import clean
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.documents.selectors import incoming_visible, outgoing_visible
from vanphong.emulation import workflow
from vanphong.emulation.models import (
    Criterion,
    CriterionKind,
    Evidence,
    Movement,
    MovementStatus,
    ReviewMode,
    Round,
    Score,
    ScoreSheet,
    SheetStatus,
)
from vanphong.emulation.ranking import HAND_SCORED, fmt, mean
from vanphong.emulation.selectors import members_in_force
from vanphong.emulation.services import points_value
from vanphong.org.models import Person, Unit

SHEET_FIELDS = ("movement", "unit", "round", "reviewer_unit", "status", "note")
SCORE_FIELDS = ("sheet", "criterion", "points", "reason")


def round_label(round_: str) -> str:
    return str(Round(round_).label)


def year_end(movement: Movement) -> date:
    return date(movement.year, 12, 31)


def member_ids(movement: Movement) -> list[int]:
    """The members in force at the end of the movement's year, in the bloc's order."""
    return list(
        members_in_force(movement.bloc_id, year_end(movement)).values_list("unit_id", flat=True)
    )


def bloc_reviewers(movement: Movement, unit_id: int, members: list[int] | None = None) -> list[int]:
    """Who scores the unit in the bloc round: every other member (members' mode), or the bloc
    leader — the convenor when the unit is the leader itself (council mode)."""
    if movement.review_mode == ReviewMode.MEMBERS:
        ids = member_ids(movement) if members is None else members
        return [uid for uid in ids if uid != unit_id]
    leader = movement.leader_unit_id
    if leader is None:
        return []
    return [leader] if leader != unit_id else [movement.bloc.convenor_id]


def submitted_reviewers(movement: Movement, unit_id: int, round_: str) -> set[int]:
    return set(
        ScoreSheet.objects.filter(
            movement=movement, unit_id=unit_id, round=round_, status=SheetStatus.SUBMITTED
        ).values_list("reviewer_unit_id", flat=True)
    )


def bloc_round_missing(movement: Movement, unit_id: int) -> list[int]:
    """The expected bloc reviewers of the unit who have not submitted yet."""
    done = submitted_reviewers(movement, unit_id, Round.BLOC)
    return [uid for uid in bloc_reviewers(movement, unit_id) if uid not in done]


def default_reviewer(movement: Movement, unit: Unit, round_: str, actor: Person) -> int | None:
    if round_ == Round.SELF:
        return unit.id
    if round_ == Round.COUNCIL:
        return movement.bloc.convenor_id
    acting = workflow.acting_units(actor)
    return next((uid for uid in bloc_reviewers(movement, unit.id) if uid in acting), None)


def _names(unit_ids: list[int]) -> str:
    names = dict(Unit.objects.filter(id__in=unit_ids).values_list("id", "name"))
    return ", ".join(names.get(uid, "") for uid in unit_ids)


def _require_scoring(movement: Movement) -> None:
    if movement.status != MovementStatus.SCORING:
        raise ValidationError(
            _("Phong trào đang ở bước “%(status)s”; phiếu chấm chỉ lập, sửa khi đang chấm điểm.")
            % {"status": MovementStatus(movement.status).label}
        )


def _order_check(movement: Movement, unit: Unit, round_: str) -> None:
    """A round opens for the unit only when the previous round is done."""
    if round_ == Round.BLOC and unit.id not in submitted_reviewers(movement, unit.id, Round.SELF):
        raise ValidationError(
            _("%(unit)s chưa gửi phiếu tự chấm; chưa chấm chéo được.") % {"unit": unit.name}
        )
    if round_ == Round.COUNCIL:
        missing = bloc_round_missing(movement, unit.id)
        if missing:
            raise ValidationError(
                _("Vòng chấm chéo của %(unit)s chưa xong: còn chờ phiếu của %(names)s.")
                % {"unit": unit.name, "names": _names(missing)}
            )


def _role_check(movement: Movement, unit: Unit, round_: str, reviewer_id: int) -> None:
    if round_ == Round.SELF and reviewer_id != unit.id:
        raise ValidationError(_("Ở vòng tự chấm, đơn vị chỉ chấm chính mình."))
    if round_ != Round.SELF and reviewer_id == unit.id:
        raise ValidationError(
            _("Đơn vị không tự chấm mình ở vòng “%(round)s”.") % {"round": round_label(round_)}
        )
    if round_ == Round.BLOC and reviewer_id not in bloc_reviewers(movement, unit.id):
        raise ValidationError(
            _("Đơn vị này không chấm %(unit)s ở vòng chấm chéo (%(mode)s).")
            % {"unit": unit.name, "mode": ReviewMode(movement.review_mode).label}
        )
    if round_ == Round.COUNCIL and reviewer_id != movement.bloc.convenor_id:
        raise ValidationError(_("Chỉ hội đồng của đơn vị tổ chức chấm vòng cuối."))


@transaction.atomic
def sheet_open(
    *,
    actor: Person,
    movement: Movement,
    unit: Unit,
    round: str,
    reviewer_unit: Unit | None = None,
) -> ScoreSheet:
    """The reviewer's sheet of the unit in the round (opened if none yet)."""
    movement = (
        Movement.objects.select_for_update(of=("self",))
        .select_related("bloc__convenor")
        .get(pk=movement.pk)
    )
    if round not in Round.values:
        raise ValidationError({"round": _("Chọn vòng chấm.")})
    reviewer_id = (
        reviewer_unit.id
        if reviewer_unit is not None
        else default_reviewer(movement, unit, round, actor)
    )
    if reviewer_id is None or not workflow.acts_for(actor, reviewer_id):
        raise PermissionDenied(
            _("Bạn không chấm %(unit)s ở vòng “%(round)s”.")
            % {"unit": unit.name, "round": round_label(round)}
        )
    _require_scoring(movement)
    if unit.id not in member_ids(movement):
        raise ValidationError(
            {"unit": _("%(unit)s không phải thành viên của khối.") % {"unit": unit.name}}
        )
    _role_check(movement, unit, round, reviewer_id)
    existing = ScoreSheet.objects.filter(
        movement=movement, unit=unit, round=round, reviewer_unit_id=reviewer_id
    ).first()
    if existing is not None:
        return existing
    _order_check(movement, unit, round)
    sheet = ScoreSheet.objects.create(
        movement=movement, unit=unit, round=round, reviewer_unit_id=reviewer_id
    )
    audit.record(
        actor=actor,
        action="emulation.sheet.open",
        target=sheet,
        after=audit.snapshot(sheet, SHEET_FIELDS),
        label=f"{round_label(round)}: {unit.name}",
    )
    return sheet


def sheet_lock(sheet: ScoreSheet) -> ScoreSheet:
    return (
        ScoreSheet.objects.select_for_update(of=("self",))
        .select_related("movement__bloc__convenor", "unit", "reviewer_unit")
        .get(pk=sheet.pk)
    )


def _require_editable(actor: Person, sheet: ScoreSheet) -> None:
    if not workflow.acts_for(actor, sheet.reviewer_unit_id):
        raise PermissionDenied(
            _("Chỉ cán bộ thi đua và lãnh đạo của %(unit)s mới chấm phiếu này.")
            % {"unit": sheet.reviewer_unit.name}
        )
    _require_scoring(sheet.movement)
    if sheet.status != SheetStatus.DRAFT:
        raise ValidationError(_("Phiếu chấm đã gửi, không sửa được nữa."))


def previous_points(sheet: ScoreSheet, criterion_id: int) -> Decimal | None:
    """The previous round's points of the criterion for the sheet's unit (a mean of the
    submitted sheets), or None (self round, or nothing submitted)."""
    index = [str(r) for r in Round].index(sheet.round)
    if index == 0:
        return None
    found = list(
        Score.objects.filter(
            sheet__movement_id=sheet.movement_id,
            sheet__unit_id=sheet.unit_id,
            sheet__round=list(Round)[index - 1],
            sheet__status=SheetStatus.SUBMITTED,
            criterion_id=criterion_id,
        ).values_list("points", flat=True)
    )
    return mean(found) if found else None


@transaction.atomic
def score_set(
    *,
    actor: Person,
    sheet: ScoreSheet,
    criterion: Criterion,
    points: Decimal | str,
    reason: str = "",
) -> Score:
    sheet = sheet_lock(sheet)
    _require_editable(actor, sheet)
    if criterion.group.criteria_set_id != sheet.movement.criteria_set_id:
        raise ValidationError(
            {"criterion": _("Tiêu chí không thuộc bảng tiêu chí của phong trào.")}
        )
    if criterion.kind == CriterionKind.MEASURED:
        raise ValidationError(
            {
                "points": _("Tiêu chí %(code)s đo từ số liệu của hệ thống, không chấm bằng tay.")
                % {"code": criterion.code}
            }
        )
    value = points_value(points)
    if value < 0:
        raise ValidationError({"points": _("Điểm không được âm.")})
    if value > criterion.max_points:
        raise ValidationError(
            {
                "points": _("Điểm %(points)s vượt điểm tối đa %(max)s của tiêu chí %(code)s.")
                % {"points": fmt(value), "max": fmt(criterion.max_points), "code": criterion.code}
            }
        )
    reason = clean(reason or "").strip()
    previous = previous_points(sheet, criterion.id)
    if previous is not None and value != previous and not reason:
        raise ValidationError(
            {
                "reason": _("Điểm khác vòng trước (%(previous)s): ghi lý do chấm %(points)s.")
                % {"previous": fmt(previous), "points": fmt(value)}
            }
        )
    score = Score.objects.select_for_update().filter(sheet=sheet, criterion=criterion).first()
    before = audit.snapshot(score, SCORE_FIELDS) if score else None
    if score is None:
        score = Score(sheet=sheet, criterion=criterion)
    score.points = value
    score.reason = reason
    score.save()
    audit.record(
        actor=actor,
        action="emulation.score.set",
        target=sheet,
        before=before,
        after=audit.snapshot(score, SCORE_FIELDS),
        label=f"{round_label(sheet.round)}: {sheet.unit.name} — {criterion.code}",
    )
    return score


@transaction.atomic
def evidence_add(
    *,
    actor: Person,
    score: Score,
    upload: IO[bytes] | None = None,
    file_name: str = "",
    incoming: IncomingDocument | None = None,
    outgoing: OutgoingDocument | None = None,
    note: str = "",
) -> Evidence:
    """Attach a file, or a document of the registry the actor sees, to a score."""
    sheet = sheet_lock(score.sheet)
    _require_editable(actor, sheet)
    given = [x for x in (upload, incoming, outgoing) if x is not None]
    if len(given) != 1:
        raise ValidationError(_("Chọn một tệp, hoặc một văn bản đến, hoặc một văn bản đi."))
    if incoming is not None and not incoming_visible(actor).filter(pk=incoming.pk).exists():
        raise ValidationError({"incoming": _("Không tìm thấy văn bản đến này.")})
    if outgoing is not None and not outgoing_visible(actor).filter(pk=outgoing.pk).exists():
        raise ValidationError({"outgoing": _("Không tìm thấy văn bản đi này.")})
    evidence = Evidence(
        score=score,
        incoming=incoming,
        outgoing=outgoing,
        note=clean(note or "").strip()[:500],
    )
    if upload is not None:
        checked = store(upload)
        evidence.file = checked.stored
        evidence.file_name = stored_name(
            safe_filename(file_name or "minh-chung"), checked.stored.content_type
        )
    evidence.save()
    audit.record(
        actor=actor,
        action="emulation.evidence.add",
        target=sheet,
        after={
            "score": score.pk,
            "file": evidence.file_id,
            "file_name": evidence.file_name,
            "incoming": evidence.incoming_id,
            "outgoing": evidence.outgoing_id,
            "note": evidence.note,
        },
        label=f"{round_label(sheet.round)}: {sheet.unit.name}",
    )
    return evidence


@transaction.atomic
def evidence_remove(*, actor: Person, evidence: Evidence) -> None:
    sheet = sheet_lock(evidence.score.sheet)
    _require_editable(actor, sheet)
    before = {"score": evidence.score_id, "file_name": evidence.file_name, "note": evidence.note}
    Evidence.objects.filter(pk=evidence.pk).delete()
    audit.record(actor=actor, action="emulation.evidence.remove", target=sheet, before=before)


def submit_errors(sheet: ScoreSheet) -> list[str]:
    """What keeps the sheet from being submitted (empty: nothing)."""
    criteria = list(
        Criterion.objects.filter(
            group__criteria_set_id=sheet.movement.criteria_set_id, kind__in=HAND_SCORED
        ).order_by("group__position", "position", "id")
    )
    scores = {s.criterion_id: s for s in sheet.scores.prefetch_related("evidence")}
    errors: list[str] = []
    missing = [c.code for c in criteria if c.id not in scores]
    if missing:
        errors.append(_("Còn tiêu chí chưa chấm: %(codes)s.") % {"codes": ", ".join(missing)})
    if sheet.round == Round.SELF:
        bare = [
            c.code
            for c in criteria
            if c.kind == CriterionKind.ASSESSED
            and c.id in scores
            and scores[c.id].points > 0
            and not scores[c.id].evidence.all()
        ]
        if bare:
            errors.append(
                _("Tiêu chí có điểm nhưng chưa có minh chứng: %(codes)s.")
                % {"codes": ", ".join(bare)}
            )
    return errors


@transaction.atomic
def sheet_submit(*, actor: Person, sheet: ScoreSheet, note: str = "") -> ScoreSheet:
    sheet = sheet_lock(sheet)
    _require_editable(actor, sheet)
    errors = submit_errors(sheet)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(sheet, SHEET_FIELDS)
    sheet.status = SheetStatus.SUBMITTED
    sheet.note = clean(note or "").strip() or sheet.note
    sheet.submitted_at = timezone.now()
    sheet.submitted_by = actor
    sheet.save(update_fields=["status", "note", "submitted_at", "submitted_by"])
    audit.record(
        actor=actor,
        action="emulation.sheet.submit",
        target=sheet,
        before=before,
        after=audit.snapshot(sheet, SHEET_FIELDS),
        label=f"{round_label(sheet.round)}: {sheet.unit.name}",
    )
    return sheet


@transaction.atomic
def sheet_save(
    *,
    actor: Person,
    sheet: ScoreSheet,
    entries: list[tuple[Criterion, Decimal | str, str]],
) -> list[Score]:
    """Score several criteria at once (the sheet page): all or none. A refusal is keyed
    `points_<criterion id>` / `reason_<criterion id>` so the page shows it on its row."""
    saved: list[Score] = []
    errors: dict[str, list[str]] = {}
    for criterion, points, reason in entries:
        try:
            with transaction.atomic():
                saved.append(
                    score_set(
                        actor=actor, sheet=sheet, criterion=criterion, points=points, reason=reason
                    )
                )
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                raise
            for field, messages in error.message_dict.items():
                key = f"{field}_{criterion.pk}" if field in ("points", "reason") else field
                errors.setdefault(key, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    return saved
