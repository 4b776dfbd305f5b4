"""Writes to the working-day calendar: one atomic, audited function per use case."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vanphong.core import audit
from vanphong.core.models import CalendarDay
from vanphong.core.selectors import FIRST_YEAR, LAST_YEAR, calendar_may_edit, weekday_name
from vanphong.core.vietnamese import clean
from vanphong.core.workdays import WorkCalendar

CALENDAR_DAY_FIELDS = ("day", "is_working", "name", "note")
NAME_MAX = CalendarDay._meta.get_field("name").max_length or 200
NOTE_MAX = CalendarDay._meta.get_field("note").max_length or 500


def _require_editor(actor: AbstractBaseUser | None) -> None:
    if actor is None:  # system work: migrations, the command line
        return
    if not calendar_may_edit(actor):
        raise PermissionDenied(
            _("Chỉ quản trị của đơn vị cấp cao nhất mới được sửa lịch ngày làm việc.")
        )


def _shown(day: date) -> str:
    return f"{day:%d/%m/%Y} ({weekday_name(day)})"


def _duplicate(day: date) -> ValidationError:
    return ValidationError(
        {"day": _("Ngày %(day)s đã có trong lịch; hãy sửa dòng đã có.") % {"day": _shown(day)}}
    )


def _check(
    *, day: date, is_working: bool, name: str, note: str, replacing: CalendarDay | None
) -> None:
    """Refuse a row that would not make sense; reads only, before any lock is taken."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(
            {
                "day": _("Lịch chỉ nhận ngày từ năm %(first)s đến năm %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            }
        )
    if not name:
        raise ValidationError(
            {"name": _("Cần nhập tên ngày, ví dụ “Tết Nguyên đán (mùng 1)” hoặc “Làm bù”.")}
        )
    if len(name) > NAME_MAX:
        raise ValidationError({"name": _("Tên dài quá %(n)s ký tự.") % {"n": NAME_MAX}})
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": _("Ghi chú dài quá %(n)s ký tự.") % {"n": NOTE_MAX}})
    taken = CalendarDay.objects.filter(day=day)
    if replacing is not None:
        taken = taken.exclude(pk=replacing.pk)
    if taken.exists():
        raise _duplicate(day)
    if is_working:
        # Without this row (and without the row being edited), would the day be off?
        ignore = {day} if replacing is None else {day, replacing.day}
        if WorkCalendar.load(day, ignore=ignore).is_working(day):
            raise ValidationError(
                {
                    "is_working": _(
                        "Ngày %(day)s vốn là ngày làm việc. Chỉ ngày nghỉ (thứ Bảy, Chủ nhật, "
                        "ngày lễ, ngày nghỉ bù) mới đặt được làm ngày làm bù."
                    )
                    % {"day": _shown(day)}
                }
            )


@transaction.atomic
def calendar_day_create(
    *, actor: AbstractBaseUser | None, day: date, is_working: bool, name: str, note: str = ""
) -> CalendarDay:
    _require_editor(actor)
    name, note = clean(name), clean(note)
    _check(day=day, is_working=is_working, name=name, note=note, replacing=None)
    row = CalendarDay(day=day, is_working=is_working, name=name, note=note)
    try:
        with transaction.atomic():  # a concurrent row for the same day: an error, not a 500
            row.save()
    except IntegrityError:
        raise _duplicate(day) from None
    audit.record(
        actor=actor,
        action="calendar_day.create",
        target=row,
        after=audit.snapshot(row, CALENDAR_DAY_FIELDS),
    )
    return row


@transaction.atomic
def calendar_day_update(
    *,
    actor: AbstractBaseUser | None,
    calendar_day: CalendarDay,
    day: date,
    is_working: bool,
    name: str,
    note: str = "",
) -> CalendarDay:
    _require_editor(actor)
    row = CalendarDay.objects.select_for_update().get(pk=calendar_day.pk)
    name, note = clean(name), clean(note)
    _check(day=day, is_working=is_working, name=name, note=note, replacing=row)
    before = audit.snapshot(row, CALENDAR_DAY_FIELDS)
    row.day, row.is_working, row.name, row.note = day, is_working, name, note
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise _duplicate(day) from None
    after = audit.snapshot(row, CALENDAR_DAY_FIELDS)
    if after != before:
        audit.record(
            actor=actor, action="calendar_day.update", target=row, before=before, after=after
        )
    return row


@transaction.atomic
def calendar_day_delete(*, actor: AbstractBaseUser | None, calendar_day: CalendarDay) -> None:
    """Remove a row: the day goes back to what the week and the fixed holidays make it."""
    _require_editor(actor)
    row = CalendarDay.objects.select_for_update().filter(pk=calendar_day.pk).first()
    if row is None:
        raise ValidationError(_("Dòng này đã bị xóa."))
    audit.record(
        actor=actor,
        action="calendar_day.delete",
        target=row,
        before=audit.snapshot(row, CALENDAR_DAY_FIELDS),
    )
    row.delete()
