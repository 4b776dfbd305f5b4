"""The forms of a letter's settlement extensions and suspensions (services_clocks)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput


class ExtensionForm(BootstrapForm):
    days = forms.IntegerField(label=_("Số ngày gia hạn"), min_value=1, max_value=365)
    # Not required here: the service says what is missing, on the field, in its own words.
    decision_number = forms.CharField(
        label=_("Số quyết định gia hạn"), max_length=50, required=False
    )
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput(), required=False)
    reason = forms.CharField(label=_("Lý do"), max_length=500, required=False)
    decision_file = forms.FileField(label=_("Tệp quyết định"), required=False)


class SuspensionForm(BootstrapForm):
    starts_on = forms.DateField(label=_("Tạm đình chỉ từ ngày"), widget=DateInput(), required=False)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DateInput(), required=False)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=50, required=False)
    reason = forms.CharField(label=_("Lý do"), max_length=500, required=False)


class SuspensionEndForm(BootstrapForm):
    ends_on = forms.DateField(label=_("Ngày kết thúc tạm đình chỉ"), widget=DateInput())
