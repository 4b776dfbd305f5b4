"""The bounds of what vanphong accepts, for API schemas and forms alike.

Every text is `sanitize`d (NFC, no control character but tab and newline) and stripped at the
boundary and then measured against the same limit as its form field and model column; every
date lies in `FIRST_DAY`–`LAST_DAY` (dates outside overflow date arithmetic, and no office
document is dated there); every number fits its column. Out-of-range input is a 422 or a form
error on its field, never a 500. Plain pydantic and Django: every app may import this.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any, Final

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext as _
from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from vanphong.core.vietnamese import format_date, sanitize

FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2100
FIRST_DAY: Final = date(FIRST_YEAR, 1, 1)
LAST_DAY: Final = date(LAST_YEAR, 12, 31)
# PositiveIntegerField holds up to 2^31 - 1 on every database Django supports.
MAX_COUNT: Final = 2_147_483_647

# What a form accepts, whatever the page's or the browser's language: the day first as offices
# write it (`01/03/2012` is 1 March, never 3 January), ISO for old links and bookmarks, and
# 24-hour times (`14:30`, `7:30`, `7g30`). The first of each is how a form shows a value.
# `vanphong.core.formats` makes them Django's input formats in every language.
DATE_INPUT_FORMATS: Final = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
TIME_INPUT_FORMATS: Final = ["%H:%M", "%H:%M:%S", "%Hg%M", "%Hh%M", "%H.%M"]
DATETIME_INPUT_FORMATS: Final = [
    f"{day} {clock}" for day in DATE_INPUT_FORMATS for clock in TIME_INPUT_FORMATS
] + ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]


def out_of_range_message() -> str:
    return _("Ngày phải trong khoảng %(first)s – %(last)s.") % {
        "first": format_date(FIRST_DAY),
        "last": format_date(LAST_DAY),
    }


def day_in_range(day: date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY


def check_day(day: date | None, field: str) -> None:
    """For services and views: a date outside the range is a ValidationError on `field`."""
    if day is not None and not day_in_range(day):
        raise ValidationError({field: out_of_range_message()})


# --- pydantic -------------------------------------------------------------------------------
# Errors of our own are typed `vanphong_…`; their messages are Vietnamese already.


def _scrub(value: Any) -> Any:
    return sanitize(value).strip() if isinstance(value, str) else value


# Give it its limits where it is used, `Field(min_length=1, max_length=500)`: they are checked
# on the scrubbed text, so a blank or control-only value is too short.
CleanStr = Annotated[str, BeforeValidator(_scrub)]


def _day(value: date) -> date:
    if not day_in_range(value):
        raise PydanticCustomError("vanphong_date_range", out_of_range_message())
    return value


def _moment(value: datetime) -> datetime:
    # Its own date, not the office's: converting year 9999 to +07:00 would overflow.
    _day(value.date())
    return value


def _clock(value: time) -> time:
    # A TimeField cannot store a zone; the office's hours are Vietnamese time.
    if value.tzinfo is not None:
        raise PydanticCustomError(
            "vanphong_time_zone", _("Ghi giờ Việt Nam, không kèm múi giờ (ví dụ 08:30).")
        )
    return value


# The JSON schema cannot carry date bounds; the validators hold them.
Day = Annotated[date, AfterValidator(_day)]
Moment = Annotated[datetime, AfterValidator(_moment)]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
Count = Annotated[int, Field(ge=1, le=MAX_COUNT)]
Clock = Annotated[time, AfterValidator(_clock)]


# --- forms ----------------------------------------------------------------------------------


def _form_day(value: date) -> None:
    day = value.date() if isinstance(value, datetime) else value
    if not day_in_range(day):
        raise ValidationError(out_of_range_message(), code="date_range")


def _invalid_date() -> str:
    return _("Ngày không hợp lệ: ghi ngày/tháng/năm, ví dụ 01/03/2012.")


def _invalid_time() -> str:
    return _("Giờ không hợp lệ: ghi giờ:phút theo 24 giờ, ví dụ 07:30 hoặc 14:30.")


def _invalid_moment() -> str:
    return _("Ngày giờ không hợp lệ: ghi ngày/tháng/năm giờ:phút, ví dụ 01/03/2012 14:30.")


def bound_form_field(field: forms.Field) -> None:
    """Put a form field under the same rules as the API: text sanitised and stripped before
    its length is checked (passwords excepted: they are compared as typed), dates in range,
    integers that fit their column. Called for every field of `BootstrapForm`.

    Dates and times are read in the office's shapes whatever the language, and a value that
    does not read says which shape to use."""
    if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.PasswordInput):
        parse = field.to_python
        field.to_python = lambda value: _scrub(parse(value))  # type: ignore[method-assign]
    elif isinstance(field, forms.DateTimeField):
        field.input_formats = DATETIME_INPUT_FORMATS
        field.error_messages["invalid"] = _invalid_moment()
        field.validators.append(_form_day)
    elif isinstance(field, forms.DateField):
        field.input_formats = DATE_INPUT_FORMATS
        field.error_messages["invalid"] = _invalid_date()
        field.validators.append(_form_day)
    elif isinstance(field, forms.TimeField):
        field.input_formats = TIME_INPUT_FORMATS
        field.error_messages["invalid"] = _invalid_time()
    elif isinstance(field, forms.IntegerField) and field.max_value is None:
        field.validators.append(MaxValueValidator(MAX_COUNT))
        if field.min_value is None:
            field.validators.append(MinValueValidator(-MAX_COUNT))
