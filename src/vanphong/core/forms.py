"""Forms of the calendar pages: they parse and type-check input; the rules live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vanphong.org.forms import BootstrapForm, DateInput

DAY_OFF, WORKED = "0", "1"


class CalendarDayForm(BootstrapForm):
    day = forms.DateField(label=_("Ngày"), widget=DateInput())
    is_working = forms.TypedChoiceField(
        label=_("Loại"),
        choices=[
            (DAY_OFF, _("Ngày nghỉ (lễ, Tết, nghỉ bù, nghỉ hoán đổi)")),
            (WORKED, _("Ngày làm bù (đi làm vào thứ Bảy, Chủ nhật hoặc ngày nghỉ)")),
        ],
        coerce=lambda value: value == WORKED,
        initial=DAY_OFF,
    )
    name = forms.CharField(
        label=_("Tên"),
        max_length=200,
        help_text=_("Ví dụ: Tết Nguyên đán (mùng 1); Làm bù cho thứ Sáu 27/01/2012."),
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=500,
        help_text=_("Căn cứ (văn bản, thông báo), hoặc “chưa kiểm chứng”."),
    )


class ConfirmForm(BootstrapForm):
    """No fields: a POST that says yes."""
