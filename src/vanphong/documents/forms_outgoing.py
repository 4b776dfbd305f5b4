"""Forms of the outgoing-document pages: they parse and type-check input, nothing more.

What may be done, by whom and in which state is decided by `services` (through `workflow`);
a ValidationError raised there is put back on the form with `add_service_error`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput, QueryForm
from vanphong.core.inputs import FIRST_YEAR, LAST_YEAR, bound_form_field
from vanphong.documents.models import SigningAuthority, Urgency
from vanphong.documents.services import Upload
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.widgets import OutsideRecipientsField, OutsideRecipientsWidget
from vanphong.org.models import LEADER_ROLES, Clearance, Role, Unit
from vanphong.org.pickers import UnitChoiceField, UnitsChoiceField
from vanphong.org.units import units_in_order

SUBJECT_HELP = _("Tối đa 500 ký tự.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list of uploaded files (maybe empty)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        single = super().clean
        return [cast(UploadedFile, single(item, initial)) for item in files]


def uploads(files: Iterable[UploadedFile]) -> list[Upload]:
    return [Upload(name=f.name or "", stream=f) for f in files]


def _attachments(label: Any = None) -> MultipleFileField:
    return MultipleFileField(
        label=label or _("Tệp đính kèm"),
        help_text=_("Có thể chọn nhiều tệp: PDF, DOC, DOCX, XLSX, ODT, ảnh."),
    )


def _subject() -> forms.CharField:
    return forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
        help_text=SUBJECT_HELP,
    )


def _body() -> forms.CharField:
    return forms.CharField(
        label=_("Nội dung dự thảo"),
        required=False,
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 12}),
    )


# --- drafts --------------------------------------------------------------------------------


class DraftForm(BootstrapForm):
    unit = UnitChoiceField(label=_("Đơn vị soạn thảo"), to_field_name="uuid")
    type_symbol = forms.ChoiceField(label=_("Loại văn bản"))
    subject = _subject()
    confidentiality = forms.TypedChoiceField(
        label=_("Độ mật"), coerce=int, initial=Clearance.UNCLASSIFIED
    )
    urgency = forms.TypedChoiceField(
        label=_("Độ khẩn"), choices=Urgency.choices, coerce=int, initial=Urgency.NORMAL
    )
    body = _body()
    attachments = _attachments()

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit],
        types: Mapping[str, Mapping[str, str]],
        max_clearance: int,
        **kwargs: Any,
    ) -> None:
        """`types`: for each group label (a numbering style), symbol → type name."""
        super().__init__(*args, **kwargs)
        unit = cast("forms.ModelChoiceField[Unit]", self.fields["unit"])
        unit.queryset = units
        type_field = cast(forms.ChoiceField, self.fields["type_symbol"])
        groups = [
            (label, [(symbol, f"{name} ({symbol})") for symbol, name in table.items()])
            for label, table in types.items()
        ]
        if len(groups) == 1:
            type_field.choices = [("", "---------"), *groups[0][1]]
        else:
            type_field.choices = [("", "---------"), *groups]
        secrecy = cast(forms.TypedChoiceField, self.fields["confidentiality"])
        secrecy.choices = [(v, label) for v, label in Clearance.choices if v <= max_clearance]


class ReviseForm(BootstrapForm):
    subject = _subject()
    body = _body()
    note = forms.CharField(
        label=_("Ghi chú phiên bản"),
        required=False,
        max_length=500,
        help_text=_("Đã sửa những gì, theo ý kiến của ai."),
    )
    attachments = _attachments(_("Tệp đính kèm của phiên bản mới"))


# --- approval, signature -------------------------------------------------------------------


class DecisionForm(BootstrapForm):
    APPROVE = "duyet"
    RETURN = "tra-lai"

    comment = forms.CharField(
        label=_("Ý kiến"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bắt buộc khi trả lại dự thảo."),
    )
    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Đồng ý")), (RETURN, _("Trả lại"))], widget=forms.HiddenInput
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("decision"):  # the field is the pressed button: say so on the form
            raise forms.ValidationError(_("Hãy bấm “Đồng ý” hoặc “Trả lại”."))
        return data


class SignForm(BootstrapForm):
    """The signer's own signature: who signs is the person signing, never a choice."""

    position = forms.CharField(
        label=_("Chức vụ người ký"),
        max_length=100,
        help_text=_("Ví dụ: Bí thư, Phó Bí thư, Chánh Văn phòng."),
    )
    authority = forms.ChoiceField(
        label=_("Thẩm quyền ký"), choices=SigningAuthority.choices, required=False
    )


# --- issue, distribution, recall -----------------------------------------------------------


class RecipientsForm(BootstrapForm):
    recipients = UnitsChoiceField(
        label=_("Nơi nhận trong hệ thống"), to_field_name="uuid", required=False, rows=12
    )
    external = OutsideRecipientsField(
        label=_("Nơi nhận bên ngoài"),
        help_text=_(
            "Mỗi dòng một nơi nhận: chọn nơi đã gửi, nhận trước đây hoặc nhập tên mới, kèm "
            "ghi chú gửi (ví dụ: bản giấy)."
        ),
    )

    def __init__(
        self, *args: Any, units: QuerySet[Unit], outside_url: str = "", **kwargs: Any
    ) -> None:
        """`outside_url`: where each outside row asks for known outside bodies."""
        super().__init__(*args, **kwargs)
        cast("forms.ModelMultipleChoiceField[Unit]", self.fields["recipients"]).queryset = units
        cast(OutsideRecipientsWidget, self.fields["external"].widget).source = outside_url

    def recipient_list(self) -> list[Recipient]:
        chosen = self.cleaned_data.get("recipients") or Unit.objects.none()
        found = [Recipient(unit=unit) for unit in units_in_order(chosen)]
        found += [
            Recipient(external_name=name, note=note)
            for name, note in self.cleaned_data.get("external") or []
        ]
        return found


class DistributeForm(RecipientsForm):
    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("recipients") and not data.get("external"):
            self.add_error("recipients", _("Cần chọn hoặc nhập ít nhất một nơi nhận."))
        return data


class IssueForm(RecipientsForm):
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    page_count = forms.IntegerField(label=_("Số trang"), min_value=1, required=False)
    copies = forms.IntegerField(label=_("Số lượng bản"), min_value=1, initial=1)
    file_copy_holder = forms.CharField(
        label=_("Đơn vị, người nhận bản lưu"),
        max_length=200,
        required=False,
        help_text=_("Ví dụ: Lưu Văn phòng Huyện ủy."),
    )
    attachments = _attachments(_("Bản đã ký (tệp quét hoặc tệp ký số)"))
    # Shown only once the date was refused as earlier than the book's last (show_backdate).
    backdate_reason = forms.CharField(
        label=_("Lý do cấp số lùi ngày"),
        required=False,
        max_length=500,
        widget=forms.HiddenInput(),
        help_text=_("Chỉ Chánh Văn phòng cấp số có ngày trước ngày của số đã cấp trước trong sổ."),
    )
    field_order = [
        "issued_on",
        "backdate_reason",
        "page_count",
        "copies",
        "file_copy_holder",
        "attachments",
        "recipients",
        "external",
    ]

    def show_backdate(self) -> None:
        """Offer the reason field: the service refused the date as back-dating."""
        invalid = " is-invalid" if "backdate_reason" in self.errors else ""
        field = self.fields["backdate_reason"]
        field.widget = forms.Textarea(attrs={"rows": 2, "class": f"form-control{invalid}"})


class ReasonForm(BootstrapForm):
    reason = forms.CharField(
        label=_("Lý do"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


# --- approval chain ------------------------------------------------------------------------

CHAIN_ROWS = 5


class ChainForm(BootstrapForm):
    """Up to CHAIN_ROWS ordered steps of leader roles; a row without a role is left out.
    `self_approval_editable`: whether the viewer may change self-approval (else it is shown,
    not posted, and steps() is all the page changes)."""

    allow_self_approval = forms.BooleanField(
        label=_("Cho phép người soạn thảo tự duyệt ở bước mình đảm nhiệm"),
        required=False,
        help_text=_("Chỉ lãnh đạo cấp ủy thay đổi được."),
    )

    def __init__(self, *args: Any, self_approval_editable: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["allow_self_approval"].disabled = not self_approval_editable
        leaders = [(role, label) for role, label in Role.choices if role in LEADER_ROLES]
        for i in range(CHAIN_ROWS):
            self.fields[f"role_{i}"] = forms.ChoiceField(
                label=_("Vai trò duyệt ở bước %(n)d") % {"n": i + 1},
                choices=[("", _("— không dùng —")), *leaders],
                required=False,
                widget=forms.Select(attrs={"class": "form-select"}),
            )
            self.fields[f"at_{i}"] = forms.ChoiceField(
                label=_("Cấp duyệt ở bước %(n)d") % {"n": i + 1},
                choices=[("unit", _("Tại đơn vị")), ("committee", _("Tại cấp ủy"))],
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    @staticmethod
    def initial_for(steps: Sequence[Mapping[str, str]], allow_self: bool) -> dict[str, Any]:
        initial: dict[str, Any] = {"allow_self_approval": allow_self}
        for i, step in enumerate(steps[:CHAIN_ROWS]):
            initial[f"role_{i}"] = step.get("role", "")
            initial[f"at_{i}"] = step.get("at", "unit")
        return initial

    def rows(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(i + 1, self[f"role_{i}"], self[f"at_{i}"]) for i in range(CHAIN_ROWS)]

    def self_approval(self) -> bool | None:
        """The posted choice, or None (unchanged) when the viewer may not change it."""
        if self.fields["allow_self_approval"].disabled:
            return None
        return bool(self.cleaned_data["allow_self_approval"])

    def steps(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        return [
            {"role": data[f"role_{i}"], "at": data[f"at_{i}"]}
            for i in range(CHAIN_ROWS)
            if data.get(f"role_{i}")
        ]


# --- the outgoing book ---------------------------------------------------------------------


class BookFilterForm(QueryForm):
    """The book's query string: `don-vi` (a unit's UUID), `nam`, `q` (the page number,
    `trang`, is read by the view)."""

    params: ClassVar[dict[str, str]] = {"unit": "don-vi", "year": "nam"}

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitChoiceField(
            label=_("Đơn vị"), queryset=units, to_field_name="uuid", required=False
        )
        self.fields["year"] = forms.IntegerField(
            label=_("Năm"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
        )
        self.fields["q"] = forms.CharField(label=_("Tìm"), required=False, max_length=200)
        for field in self.fields.values():
            bound_form_field(field)
