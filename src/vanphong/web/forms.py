from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm
from vanphong.core.models import NoticeKind

# The kinds a person chooses email for ("other" is what older notices were; nobody asks for it).
CHOOSABLE_KINDS = [(kind, label) for kind, label in NoticeKind.choices if kind != NoticeKind.OTHER]


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Sau nhiều lần sai liên tiếp, "
            "đăng nhập sẽ bị tạm khóa."
        ),
        "inactive": _("Tài khoản này đã bị vô hiệu hóa."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "class": "form-control", "autofocus": True}
        )
        self.fields["password"].label = _("Mật khẩu")
        self.fields["password"].widget = forms.PasswordInput(
            attrs={"autocomplete": "current-password", "class": "form-control"}
        )


class NoticeEmailForm(BootstrapForm):
    """The kinds of notices the person also wants by email (the unticked: in the app only)."""

    kinds = forms.MultipleChoiceField(
        label=_("Gửi cả qua thư điện tử"),
        choices=CHOOSABLE_KINDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
