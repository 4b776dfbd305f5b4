"""Extensions and suspensions of an accepted letter's settlement: each on a recorded written
decision, within what the rule version in force on the acceptance day allows (core.rules);
the letter's clocks follow (clocks.refresh)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from vanphong.core import audit, files
from vanphong.core.rules import NoRuleInForce, RuleBook
from vanphong.core.vietnamese import clean
from vanphong.org.models import Person
from vanphong.petitions import clocks
from vanphong.petitions.models import (
    Extension,
    FileKind,
    Handling,
    Letter,
    LetterFile,
    Suspension,
)
from vanphong.petitions.workflow import may_act


def _lock(actor: Person, letter: Letter) -> Letter:
    letter = Letter.objects.select_for_update().select_related("unit").get(pk=letter.pk)
    if not may_act(actor, unit=letter.unit, handler_id=letter.handler_id):
        raise PermissionDenied(_("Chỉ cán bộ xử lý và lãnh đạo đơn vị mới làm việc này."))
    return letter


def _require_accepted(letter: Letter) -> date:
    if (
        not (letter.complaint or letter.denunciation)
        or letter.handling != Handling.ACCEPT
        or letter.accepted_on is None
    ):
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Chỉ gia hạn, tạm đình chỉ việc giải quyết khiếu nại, tố cáo đã thụ lý."
                )
            }
        )
    if letter.result_on is not None:
        raise ValidationError({NON_FIELD_ERRORS: _("Đơn thư đã có kết quả giải quyết.")})
    return letter.accepted_on


def _decision_errors(decision_number: str, decision_day: date | None, field: str) -> dict[str, str]:
    errors = {}
    if not decision_number:
        errors["decision_number"] = _("Phải có số của quyết định bằng văn bản.")
    if decision_day is None:
        errors[field] = _("Phải có ngày của quyết định bằng văn bản.")
    return errors


def allowed_extensions(letter: Letter, *, book: RuleBook | None = None) -> tuple[int, ...]:
    """The longest each extension of the letter's settlement may be, in order (rule version
    in force on the acceptance day; a complaint has none)."""
    if not letter.denunciation or letter.accepted_on is None:
        return ()
    book = book or RuleBook.load()
    try:
        return clocks.settlement_period(book, letter, letter.accepted_on).extensions
    except NoRuleInForce as error:
        raise ValidationError({"accepted_on": str(error)}) from error


@transaction.atomic
def letter_extension_add(
    *,
    actor: Person,
    letter: Letter,
    days: int,
    decision_number: str,
    decision_date: date | None,
    reason: str,
    decision_file: UploadedFile | None = None,
) -> Extension:
    """Extend an accepted letter's settlement on a written decision (số, ngày quyết định)."""
    letter = _lock(actor, letter)
    decision_number = clean(decision_number or "")
    reason = clean(reason or "")
    errors = _decision_errors(decision_number, decision_date, "decision_date")
    if not reason:
        errors["reason"] = _("Nêu lý do gia hạn.")
    if errors:
        raise ValidationError(errors)
    assert decision_date is not None  # noqa: S101 (checked above)
    accepted_on = _require_accepted(letter)
    if decision_date < accepted_on:
        raise ValidationError(
            {"decision_date": _("Ngày quyết định gia hạn không được trước ngày thụ lý.")}
        )
    if days < 1:
        raise ValidationError({"days": _("Số ngày gia hạn phải từ 1 ngày trở lên.")})
    allowed = allowed_extensions(letter)
    done = Extension.objects.filter(letter=letter).count()
    if not allowed:
        raise ValidationError(
            {
                "days": _(
                    "Quy định áp dụng cho vụ việc này không cho phép gia hạn thời hạn giải quyết."
                )
            }
        )
    if done >= len(allowed):
        raise ValidationError(
            {
                "days": _("Quy định chỉ cho phép gia hạn %(count)d lần; vụ việc đã gia hạn đủ.")
                % {"count": len(allowed)}
            }
        )
    if days > allowed[done]:
        raise ValidationError(
            {
                "days": _("Lần gia hạn thứ %(n)d không được quá %(max)d ngày.")
                % {"n": done + 1, "max": allowed[done]}
            }
        )
    stored = None
    if decision_file is not None:
        checked = files.store(decision_file)
        stored = LetterFile.objects.create(
            letter=letter,
            file=checked.stored,
            filename=files.stored_name(decision_file.name or "", checked.stored.content_type),
            kind=FileKind.DECISION,
            uploaded_by=actor,
        )
    extension = Extension.objects.create(
        letter=letter,
        days=days,
        decision_number=decision_number,
        decision_date=decision_date,
        decision=stored,
        reason=reason,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="letter.extension_add",
        target=letter,
        after={
            "days": days,
            "decision_number": decision_number,
            "decision_date": decision_date,
            "reason": reason,
        },
        label=letter.book_number,
    )
    clocks.refresh(letter)
    return extension


@transaction.atomic
def letter_suspension_add(
    *,
    actor: Person,
    letter: Letter,
    starts_on: date | None,
    decision_number: str,
    reason: str,
    ends_on: date | None = None,
) -> Suspension:
    """Suspend an accepted letter's settlement from `starts_on` on a written decision: the
    days suspended do not count toward its period. Suspensions do not overlap."""
    letter = _lock(actor, letter)
    decision_number = clean(decision_number or "")
    reason = clean(reason or "")
    errors = _decision_errors(decision_number, starts_on, "starts_on")
    if not reason:
        errors["reason"] = _("Nêu lý do tạm đình chỉ.")
    if errors:
        raise ValidationError(errors)
    assert starts_on is not None  # noqa: S101 (checked above)
    accepted_on = _require_accepted(letter)
    if starts_on < accepted_on:
        raise ValidationError({"starts_on": _("Không tạm đình chỉ trước ngày thụ lý.")})
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc không được trước ngày bắt đầu.")})
    for other in Suspension.objects.filter(letter=letter):
        if other.ends_on is None:
            raise ValidationError(
                {NON_FIELD_ERRORS: _("Việc giải quyết đang tạm đình chỉ; kết thúc lần đó trước.")}
            )
        if starts_on <= other.ends_on and (ends_on is None or ends_on >= other.starts_on):
            raise ValidationError({"starts_on": _("Trùng với một lần tạm đình chỉ đã ghi nhận.")})
    suspension = Suspension.objects.create(
        letter=letter,
        starts_on=starts_on,
        ends_on=ends_on,
        decision_number=decision_number,
        reason=reason,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="letter.suspension_add",
        target=letter,
        after={
            "starts_on": starts_on,
            "ends_on": ends_on,
            "decision_number": decision_number,
            "reason": reason,
        },
        label=letter.book_number,
    )
    clocks.refresh(letter)
    return suspension


@transaction.atomic
def letter_suspension_end(
    *, actor: Person, suspension: Suspension, ends_on: date | None
) -> Suspension:
    """Resume the settlement: the open suspension ends on `ends_on` (its last day)."""
    letter = _lock(actor, suspension.letter)
    suspension = Suspension.objects.select_for_update().get(pk=suspension.pk)
    if suspension.ends_on is not None:
        raise ValidationError({NON_FIELD_ERRORS: _("Lần tạm đình chỉ này đã kết thúc.")})
    if ends_on is None:
        raise ValidationError({"ends_on": _("Nhập ngày kết thúc tạm đình chỉ.")})
    if ends_on < suspension.starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc không được trước ngày bắt đầu.")})
    suspension.ends_on = ends_on
    suspension.save(update_fields=["ends_on"])
    audit.record(
        actor=actor,
        action="letter.suspension_end",
        target=letter,
        after={"decision_number": suspension.decision_number, "ends_on": ends_on},
        label=letter.book_number,
    )
    clocks.refresh(letter)
    return suspension
