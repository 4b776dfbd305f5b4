"""Forms of the organisation pages: they parse and type-check input, nothing more.

Every rule about what is allowed lives in `services`; a ValidationError raised there is put
back on the form with `add_service_error`, so the page shows it next to what the user typed.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput, QueryForm
from vanphong.org.models import Clearance, NumberingStyle, Role, Unit, UnitKind
from vanphong.org.pickers import UnitChoiceField


def _text(label: Any, *, required: bool = True, max_length: int = 200, **kw: Any) -> forms.Field:
    return forms.CharField(label=label, required=required, max_length=max_length, **kw)


# --- units ---------------------------------------------------------------------------------


class UnitForm(BootstrapForm):
    parent = UnitChoiceField(label=_("Đơn vị cấp trên"), to_field_name="uuid")
    kind = forms.ChoiceField(label=_("Loại đơn vị"), choices=UnitKind.choices)
    name = _text(_("Tên đơn vị"))
    short_name = _text(_("Tên ngắn"), required=False, max_length=100)
    symbol = _text(
        _("Ký hiệu văn bản"),
        max_length=30,
        help_text=_("Ký hiệu cơ quan ban hành trên văn bản, ví dụ TU, HU, VPTU."),
    )
    superior_name = _text(
        _("Tên cơ quan chủ quản"),
        required=False,
        help_text=_("Dòng trên cùng bên trái của văn bản, ví dụ ĐẢNG BỘ TỈNH TÂY NINH."),
    )
    place = _text(
        _("Địa danh"), required=False, max_length=100, help_text=_("Ví dụ: Tây Ninh, Hòa Thành.")
    )
    numbering_style = forms.ChoiceField(
        label=_("Kiểu đánh số"), choices=NumberingStyle.choices, initial=NumberingStyle.PARTY
    )
    sort_order = forms.IntegerField(label=_("Thứ tự"), min_value=0, initial=0)
    is_active = forms.BooleanField(label=_("Đang hoạt động"), required=False, initial=True)
    clerical_unit = UnitChoiceField(
        label=_("Đơn vị làm công tác văn thư"),
        to_field_name="uuid",
        required=False,
        empty_label=_("(Mặc định — cấp ủy: Văn phòng của cấp ủy; đơn vị khác: chính đơn vị)"),
        help_text=_(
            "Văn bản gửi đến đơn vị này nằm trong danh sách chờ vào sổ của văn thư đơn vị được "
            "chọn, ví dụ Huyện ủy do Văn phòng Huyện ủy tiếp nhận."
        ),
    )

    def __init__(
        self,
        *args: Any,
        parents: QuerySet[Unit],
        allow_root: bool = False,
        editing: bool = False,
        clerical_units: QuerySet[Unit] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        parent = cast("forms.ModelChoiceField[Unit]", self.fields["parent"])
        parent.queryset = parents
        parent.required = not allow_root
        parent.empty_label = _("(Không có — đơn vị gốc)") if allow_root else "---------"
        clerical = cast("forms.ModelChoiceField[Unit]", self.fields["clerical_unit"])
        clerical.queryset = parents if clerical_units is None else clerical_units
        if not editing:  # a new unit has no Office below it yet: the default rule
            del self.fields["is_active"]
            del self.fields["clerical_unit"]


# --- committee terms -----------------------------------------------------------------------


class TermForm(BootstrapForm):
    name = _text(_("Tên nhiệm kỳ"), max_length=100, help_text=_("Ví dụ: Nhiệm kỳ 2010–2015."))
    congress = _text(
        _("Đại hội"), required=False, max_length=20, help_text=_("Ví dụ: IX (Đại hội IX).")
    )
    starts_on = forms.DateField(label=_("Ngày bắt đầu"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ngày kết thúc"), required=False, widget=DateInput())


# --- people --------------------------------------------------------------------------------


class PersonForm(BootstrapForm):
    """Profile fields; the username is fixed once the account exists."""

    full_name = _text(_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = _text(_("Điện thoại"), required=False, max_length=30)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["autocomplete"] = "off"


class PasswordForm(BootstrapForm):
    password = forms.CharField(
        label=_("Mật khẩu mới"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_confirm = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password"), data.get("password_confirm")
        if first and second and first != second:
            self.add_error("password_confirm", _("Hai lần nhập mật khẩu không khớp."))
        return data


class MembershipFieldsMixin(BootstrapForm):
    unit = UnitChoiceField(label=_("Đơn vị"), to_field_name="uuid")
    # No role is preselected: the administrator chooses it (the first one, Văn thư, would
    # otherwise be granted by whoever did not look).
    role = forms.ChoiceField(
        label=_("Vai trò"),
        choices=[("", _("— chọn vai trò —")), *Role.choices],
        error_messages={"required": _("Chọn vai trò của cán bộ ở đơn vị này.")},
    )
    clearance = forms.TypedChoiceField(
        label=_("Độ mật được tiếp cận"),
        choices=Clearance.choices,
        coerce=int,
        initial=Clearance.UNCLASSIFIED,
    )
    position = _text(
        _("Chức vụ"), required=False, max_length=150, help_text=_("Ví dụ: Chánh Văn phòng.")
    )
    starts_on = forms.DateField(
        label=_("Từ ngày"),
        required=False,
        widget=DateInput(),
        help_text=_("Để trống: từ hôm nay."),
    )

    def set_units(self, units: QuerySet[Unit]) -> None:
        field = cast("forms.ModelChoiceField[Unit]", self.fields["unit"])
        field.queryset = units


class PersonCreateForm(PasswordForm, PersonForm, MembershipFieldsMixin):
    username = _text(
        _("Tên đăng nhập"),
        max_length=150,
        help_text=_(
            "Chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang; không có khoảng "
            "trắng. Ví dụ: vt.chauthanh."
        ),
    )
    field_order = [
        "full_name",
        "username",
        "email",
        "phone",
        "password",
        "password_confirm",
        "unit",
        "role",
        "clearance",
        "position",
        "starts_on",
    ]

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_units(units)
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        )
        self.fields["password"].label = _("Mật khẩu")

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("password_confirm", None)
        return data


class DeactivateForm(BootstrapForm):
    reason = forms.CharField(
        label=_("Lý do vô hiệu hóa"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: nghỉ hưu, chuyển công tác, mất thiết bị."),
    )


class ConfirmForm(BootstrapForm):
    """A form with nothing to fill in: the POST itself is the confirmation."""


# --- memberships ---------------------------------------------------------------------------


class MembershipCreateForm(MembershipFieldsMixin):
    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_units(units)


class MembershipUpdateForm(BootstrapForm):
    clearance = forms.TypedChoiceField(
        label=_("Độ mật được tiếp cận"), choices=Clearance.choices, coerce=int
    )
    position = _text(
        _("Chức vụ"), required=False, max_length=150, help_text=_("Ví dụ: Chánh Văn phòng.")
    )


class MembershipEndForm(BootstrapForm):
    ends_on = forms.DateField(label=_("Ngày kết thúc"), widget=DateInput())


class RefuseForm(BootstrapForm):
    reason = forms.CharField(
        label=_("Lý do từ chối"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


# --- people list ---------------------------------------------------------------------------


class PeopleFilterForm(QueryForm):
    """The query string of the people list: `q`, `don-vi` (a unit's UUID), `trang-thai`."""

    params: ClassVar[dict[str, str]] = {"unit": "don-vi", "status": "trang-thai"}

    ACTIVE = "hoat-dong"
    INACTIVE = "vo-hieu"
    STATUS_CHOICES = (("", _("Tất cả")), (ACTIVE, _("Đang hoạt động")), (INACTIVE, _("Đã vô hiệu")))

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"] = forms.CharField(label=_("Tìm cán bộ"), required=False, max_length=100)
        self.fields["unit"] = UnitChoiceField(
            label=_("Đơn vị"), queryset=units, to_field_name="uuid", required=False
        )
        self.fields["status"] = forms.ChoiceField(
            label=_("Trạng thái"), choices=self.STATUS_CHOICES, required=False
        )
