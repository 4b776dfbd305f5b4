"""The form of a directive's review: its kind and period, read from the query string (the
field names are the parameters of the address: `?loai=so-ket&tu=01/01/2011&den=30/06/2011`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm
from vanphong.core.inputs import day_in_range, out_of_range_message
from vanphong.core.vietnamese import VietnameseParseError, format_date, parse_date


class VietnameseDateField(forms.Field):
    """A date as offices write it (`17/02/2012`, `17.02.2012`, ISO too); the message of a
    date it cannot read says which shapes it takes."""

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("placeholder", "dd/mm/yyyy")
        self.widget.attrs.setdefault("inputmode", "numeric")

    def prepare_value(self, value: Any) -> Any:
        return format_date(value) if isinstance(value, date) else value

    def to_python(self, value: Any) -> date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        try:
            day = parse_date(str(value))
        except VietnameseParseError as error:
            raise ValidationError(str(error), code="invalid") from None
        if not day_in_range(day):
            raise ValidationError(out_of_range_message(), code="date_range")
        return day


class ReviewForm(BootstrapForm):
    loai = forms.ChoiceField(
        label=_("Loại báo cáo"),
        choices=[("so-ket", _("Sơ kết")), ("tong-ket", _("Tổng kết"))],
        initial="so-ket",
    )
    tu = VietnameseDateField(label=_("Từ ngày"))
    den = VietnameseDateField(label=_("Đến ngày"), help_text=_("Số liệu tính đến hết ngày này."))
