"""Handling a letter, after registration: who handles it, its classification, how it is
handled, the result, telling the petitioner, closing.

The statuses: REGISTERED → CLASSIFIED → FOLLOWING (forward, assign, accept: a result is
awaited) or CLOSED (keep, guide); FOLLOWING → CLOSED once the result is in and the petitioner
told (an anonymous letter has nobody to tell). Forwarding is `services_forward.letter_forward`;
it moves the letter with `handling_status(Handling.FORWARD)` and closes it with `close_if_done`
as the results come back.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.vietnamese import clean
from vanphong.documents.models import OutgoingDocument
from vanphong.documents.selectors import outgoing_visible
from vanphong.org.models import Person, Role, Unit
from vanphong.org.selectors import committee_of, people_holding, unit_subtree
from vanphong.petitions import clocks, redaction, workflow
from vanphong.petitions.models import (
    Complexity,
    Eligibility,
    Field,
    Handling,
    IneligibleReason,
    Letter,
    LetterStatus,
)
from vanphong.petitions.services import (
    LETTER_FIELDS,
    day_check,
    denouncer_in_text,
    letter_audit,
    letter_lock,
    require_act,
)

# The handlings that wait for a result; the others end the letter's handling at once.
FOLLOWED = frozenset({Handling.FORWARD, Handling.ASSIGN, Handling.ACCEPT})
# What `letter_handle` does; forwarding has its own service (a note, a copy, a body).
HANDLED_HERE = (Handling.KEEP, Handling.GUIDE, Handling.ASSIGN, Handling.ACCEPT)


def handling_status(handling: str) -> str:
    return LetterStatus.FOLLOWING if handling in FOLLOWED else LetterStatus.CLOSED


def proposed_classification(letter: Letter) -> dict[str, str]:
    """What the classification form proposes: an anonymous denunciation is not processed
    (Luật Tố cáo 2018 điều 25)."""
    if letter.anonymous and letter.denunciation:
        return {
            "eligibility": Eligibility.INELIGIBLE,
            "ineligible_reason": IneligibleReason.ANONYMOUS,
        }
    return {"eligibility": Eligibility.ELIGIBLE, "ineligible_reason": ""}


def result_in(letter: Letter) -> date | None:
    """When the letter's result came in (the last forward's, for a forwarded one), or None."""
    if letter.handling == Handling.FORWARD:
        forwards = list(letter.forwards.values_list("result_on", flat=True))
        if not forwards or any(day is None for day in forwards):
            return None
        return max(day for day in forwards if day is not None)
    return letter.result_on


def close_if_done(actor: Person, letter: Letter) -> Letter:
    """A locked, followed letter closes when its result is in and the petitioner was told."""
    if letter.status != LetterStatus.FOLLOWING:
        return letter
    done = result_in(letter)
    if done is None or (not letter.anonymous and letter.told_on is None):
        return letter
    before = audit.snapshot(letter, LETTER_FIELDS)
    letter.status = LetterStatus.CLOSED
    letter.closed_on = max(done, letter.told_on or done)
    letter.save(update_fields=["status", "closed_on"])
    clocks.refresh(letter)
    letter_audit(actor, letter, "letter.close", before)
    return letter


def handler_candidates(unit: Unit) -> list[Person]:
    """Who may handle the unit's letters: its reception officers (by a post in the unit)."""
    return list(people_holding(units=[unit.pk], roles=[Role.RECEPTION]).order_by("full_name", "pk"))


def _require_open(letter: Letter) -> None:
    if letter.status == LetterStatus.CLOSED:
        raise ValidationError(_("Đơn đã kết thúc xử lý."))


@transaction.atomic
def letter_take(*, actor: Person, letter: Letter) -> Letter:
    """A reception officer of the letter's unit takes a letter nobody handles yet."""
    letter = letter_lock(letter)
    _require_open(letter)
    if letter.handler_id is not None:
        raise ValidationError(
            _("Đơn đã có cán bộ xử lý: %(name)s.") % {"name": str(letter.handler)}
        )
    if not workflow.may_take(actor, letter.unit, letter.handler_id):
        raise PermissionDenied(_("Chỉ cán bộ tiếp dân của đơn vị mới nhận xử lý đơn."))
    before = audit.snapshot(letter, LETTER_FIELDS)
    letter.handler = actor
    letter.save(update_fields=["handler"])
    letter_audit(actor, letter, "letter.take", before)
    return letter


@transaction.atomic
def letter_handler_assign(*, actor: Person, letter: Letter, handler: Person) -> Letter:
    """A leader of the letter's unit gives it to one of the unit's reception officers."""
    letter = letter_lock(letter)
    _require_open(letter)
    if not workflow.may_lead(actor, letter.unit):
        raise PermissionDenied(_("Chỉ lãnh đạo đơn vị mới giao cán bộ xử lý đơn."))
    if handler.pk not in {p.pk for p in handler_candidates(letter.unit)}:
        raise ValidationError(
            {
                "handler": _("Cán bộ xử lý phải là cán bộ tiếp dân của %(unit)s.")
                % {"unit": letter.unit.name}
            }
        )
    before = audit.snapshot(letter, LETTER_FIELDS)
    letter.handler = handler
    letter.save(update_fields=["handler"])
    letter_audit(actor, letter, "letter.handler_assign", before)
    return letter


@transaction.atomic
def letter_classify(
    *,
    actor: Person,
    letter: Letter,
    eligibility: str,
    ineligible_reason: str = "",
    field: Field | None = None,
    complaint: bool | None = None,
    denunciation: bool | None = None,
    proposal: bool | None = None,
    report: bool | None = None,
    complexity: str = Complexity.NORMAL,
    remote: bool = False,
    second_complaint: bool = False,
    classified_on: date | None = None,
) -> Letter:
    """Classify a letter before its handling is decided (again, to correct it). The kinds left
    None keep what registration said."""
    letter = letter_lock(letter)
    require_act(actor, letter)
    if letter.handling or letter.status not in (LetterStatus.REGISTERED, LetterStatus.CLASSIFIED):
        raise ValidationError(_("Đơn đã có hướng xử lý; không phân loại lại."))
    kinds = {
        "complaint": letter.complaint if complaint is None else complaint,
        "denunciation": letter.denunciation if denunciation is None else denunciation,
        "proposal": letter.proposal if proposal is None else proposal,
        "report": letter.report if report is None else report,
    }
    on = classified_on or timezone.localdate()
    errors: dict[str, str] = {}
    if eligibility not in Eligibility.values:
        errors["eligibility"] = _("Chọn đủ hoặc không đủ điều kiện xử lý.")
    elif eligibility == Eligibility.INELIGIBLE and ineligible_reason not in IneligibleReason.values:
        errors["ineligible_reason"] = _("Đơn không đủ điều kiện xử lý: chọn lý do theo quy định.")
    if not any(kinds.values()):
        errors["kinds"] = _("Chọn ít nhất một loại đơn: khiếu nại, tố cáo, kiến nghị, phản ánh.")
    if complexity not in Complexity.values:
        errors["complexity"] = _("Tính chất vụ việc không hợp lệ.")
    if second_complaint and not kinds["complaint"]:
        errors["second_complaint"] = _("Chỉ đơn khiếu nại mới là khiếu nại lần hai.")
    if field is not None and not field.is_active and field.pk != letter.field_id:
        errors["field"] = _("Lĩnh vực “%(name)s” không còn dùng.") % {"name": field.name}
    day_check(errors, "classified_on", on, after=letter.received_on)
    if kinds["denunciation"] and not letter.denunciation:
        texts = {"summary": letter.summary, "subject": letter.subject, "place": letter.place}
        if redaction.free_text_errors(texts, letter.citizens.all()):
            errors["kinds"] = _(
                "Nội dung đơn đang ghi thông tin người gửi đơn: sửa nội dung tóm tắt, đối tượng, "
                "địa bàn trước khi phân loại là đơn tố cáo."
            )
    if errors:
        raise ValidationError(errors)
    if kinds["denunciation"] and not letter.denunciation:
        letter.files.filter(kind="letter").update(reveals_identity=True)
    before = audit.snapshot(letter, LETTER_FIELDS)
    for name, value in kinds.items():
        setattr(letter, name, value)
    letter.eligibility = eligibility
    letter.ineligible_reason = ineligible_reason if eligibility == Eligibility.INELIGIBLE else ""
    if field is not None:
        letter.field = field
    letter.complexity = complexity
    letter.remote = remote
    letter.second_complaint = second_complaint
    letter.classified_on = on
    letter.status = LetterStatus.CLASSIFIED
    letter.save()
    clocks.refresh(letter)
    letter_audit(actor, letter, "letter.classify", before)
    return letter


@transaction.atomic
def letter_handle(
    *,
    actor: Person,
    letter: Letter,
    handling: str,
    note: str = "",
    assigned_unit: Unit | None = None,
    accepted_on: date | None = None,
    guide_document: OutgoingDocument | None = None,
    handled_on: date | None = None,
) -> Letter:
    """Decide how a classified letter is handled: keep it, guide the petitioner, give it to a
    committee board to verify, or accept it for settlement. An ineligible letter is kept or
    its petitioner guided."""
    letter = letter_lock(letter)
    require_act(actor, letter)
    _require_open(letter)
    if letter.status != LetterStatus.CLASSIFIED or letter.handling:
        raise ValidationError(_("Phân loại đơn trước khi quyết định hướng xử lý."))
    on = handled_on or timezone.localdate()
    errors: dict[str, str] = {}
    if handling == Handling.FORWARD:
        errors["handling"] = _("Chuyển đơn bằng phiếu chuyển đơn (mục “Chuyển đơn”).")
    elif handling not in HANDLED_HERE:
        errors["handling"] = _("Hướng xử lý không hợp lệ.")
    elif letter.eligibility == Eligibility.INELIGIBLE and handling in (
        Handling.ASSIGN,
        Handling.ACCEPT,
    ):
        errors["handling"] = _("Đơn không đủ điều kiện xử lý chỉ được lưu hoặc hướng dẫn.")
    if handling == Handling.ASSIGN:
        committee = committee_of(letter.unit)
        if assigned_unit is None:
            errors["assigned_unit"] = _("Chọn ban được giao xác minh, báo cáo.")
        elif (
            committee is None
            or assigned_unit.pk not in unit_subtree(committee)
            or (assigned_unit.pk in (committee.pk, letter.unit_id))
        ):
            errors["assigned_unit"] = _("Chỉ giao cho ban, đơn vị trực thuộc cấp ủy.")
    if handling == Handling.ACCEPT:
        if accepted_on is None:
            errors["accepted_on"] = _("Cần ghi ngày thụ lý.")
        else:
            day_check(errors, "accepted_on", accepted_on, after=letter.received_on)
    if guide_document is not None and not (
        outgoing_visible(actor).filter(pk=guide_document.pk).exists()
    ):
        errors["guide_document"] = _("Bạn không được xem văn bản này; chọn văn bản đi khác.")
    day_check(errors, "handled_on", on, after=letter.classified_on or letter.received_on)
    errors.update(denouncer_in_text(letter, note=clean(note)))
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(letter, LETTER_FIELDS)
    letter.handling = handling
    letter.handled_on = on
    letter.handling_note = clean(note)
    letter.assigned_unit = assigned_unit if handling == Handling.ASSIGN else None
    letter.accepted_on = accepted_on if handling == Handling.ACCEPT else None
    letter.guide_document = guide_document
    letter.status = handling_status(handling)
    if letter.status == LetterStatus.CLOSED:
        letter.closed_on = on
    letter.save()
    clocks.refresh(letter)
    letter_audit(actor, letter, "letter.handle", before)
    return letter


@transaction.atomic
def letter_result_record(*, actor: Person, letter: Letter, result: str, result_on: date) -> Letter:
    """The result of a letter given to a board or accepted for settlement."""
    letter = letter_lock(letter)
    require_act(actor, letter)
    if letter.status != LetterStatus.FOLLOWING or letter.handling not in (
        Handling.ASSIGN,
        Handling.ACCEPT,
    ):
        raise ValidationError(
            _("Chỉ ghi kết quả cho đơn đã giao ban xác minh hoặc đã thụ lý giải quyết.")
        )
    errors: dict[str, str] = {}
    text = clean(result)
    if not text:
        errors["result"] = _("Cần nhập kết quả giải quyết.")
    start = letter.accepted_on or letter.handled_on
    day_check(errors, "result_on", result_on, after=start)
    errors.update(denouncer_in_text(letter, result=text))
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(letter, LETTER_FIELDS)
    letter.result = text
    letter.result_on = result_on
    letter.save(update_fields=["result", "result_on"])
    clocks.refresh(letter)
    letter_audit(actor, letter, "letter.result", before)
    return close_if_done(actor, letter)


@transaction.atomic
def letter_told(*, actor: Person, letter: Letter, told_on: date, told_how: str) -> Letter:
    """The petitioner is told the result (or, for a kept or guided letter, the handling)."""
    letter = letter_lock(letter)
    require_act(actor, letter)
    if letter.anonymous:
        raise ValidationError(_("Đơn nặc danh: không có người gửi để thông báo."))
    if not letter.handling:
        raise ValidationError(_("Đơn chưa có hướng xử lý để thông báo."))
    if letter.status == LetterStatus.CLOSED and letter.handling in FOLLOWED:
        raise ValidationError(_("Đơn đã kết thúc xử lý."))
    errors: dict[str, str] = {}
    how = clean(told_how)[:300]
    if not how:
        errors["told_how"] = _("Ghi hình thức thông báo (văn bản số…, trực tiếp, điện thoại).")
    done = result_in(letter) if letter.handling in FOLLOWED else letter.handled_on
    if done is None:
        errors["told_on"] = _("Chưa có kết quả giải quyết để thông báo.")
    else:
        day_check(errors, "told_on", told_on, after=done)
    errors.update(denouncer_in_text(letter, told_how=how))
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(letter, LETTER_FIELDS)
    letter.told_on = told_on
    letter.told_how = how
    letter.save(update_fields=["told_on", "told_how"])
    letter_audit(actor, letter, "letter.told", before)
    return close_if_done(actor, letter)


@transaction.atomic
def letter_close(
    *, actor: Person, letter: Letter, reason: str = "", closed_on: date | None = None
) -> Letter:
    """Close a letter by a leader's decision (the petitioner withdrew it, a result will not
    come): the reason is kept with its handling note."""
    letter = letter_lock(letter)
    _require_open(letter)
    if not workflow.may_lead(actor, letter.unit):
        raise PermissionDenied(_("Chỉ lãnh đạo đơn vị mới kết thúc đơn."))
    on = closed_on or timezone.localdate()
    errors: dict[str, str] = {}
    text = clean(reason)
    if not text:
        errors["reason"] = _("Ghi lý do kết thúc đơn.")
    day_check(errors, "closed_on", on, after=letter.received_on)
    errors.update(denouncer_in_text(letter, reason=text))
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(letter, LETTER_FIELDS)
    letter.status = LetterStatus.CLOSED
    letter.closed_on = on
    note = _("Kết thúc: %(reason)s") % {"reason": text}
    letter.handling_note = f"{letter.handling_note}\n{note}".strip()
    letter.save(update_fields=["status", "closed_on", "handling_note"])
    clocks.refresh(letter)
    letter_audit(actor, letter, "letter.close", before, reason=text)
    return letter
