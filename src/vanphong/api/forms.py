from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vanphong.org.forms import PasswordForm


class OwnPasswordForm(PasswordForm):
    current_password = forms.CharField(
        label=_("Mật khẩu hiện tại"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    field_order = ["current_password", "password", "password_confirm"]
