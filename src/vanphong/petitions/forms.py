"""Forms of the letters pages: they parse and type-check input, nothing more (every rule is
the services')."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput, QueryForm
from vanphong.core.vietnamese import format_date
from vanphong.core.widgets import Picker
from vanphong.documents.forms_outgoing import MultipleFileField
from vanphong.documents.models import OutgoingDocument
from vanphong.org.models import Person, Unit
from vanphong.org.pickers import UnitChoiceField
from vanphong.petitions.models import (
    Channel,
    Complexity,
    Eligibility,
    Field,
    FileKind,
    Handling,
    IneligibleReason,
    LetterStatus,
    SubjectKind,
)
from vanphong.petitions.selectors import DUE_SOON, OVERDUE
from vanphong.petitions.services_handling import HANDLED_HERE
from vanphong.petitions.widgets import PetitionersField

KIND_CHOICES = (
    ("complaint", _("Khiếu nại")),
    ("denunciation", _("Tố cáo")),
    ("proposal", _("Kiến nghị")),
    ("report", _("Phản ánh")),
)


def _ids(action: str) -> str:
    """Element ids of one form: the letter page holds several forms."""
    return f"id_{action}_%s"


class FieldChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class LetterFilterForm(QueryForm, BootstrapForm):
    params: ClassVar[dict[str, str]] = {
        "year": "nam",
        "status": "tinh-trang",
        "kind": "loai",
        "field": "linh-vuc",
        "due": "han",
        "text": "q",
    }

    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)
    status = forms.ChoiceField(
        label=_("Tình trạng"), choices=[("", _("Tất cả")), *LetterStatus.choices], required=False
    )
    kind = forms.ChoiceField(
        label=_("Loại đơn"), choices=[("", _("Tất cả")), *KIND_CHOICES], required=False
    )
    field = FieldChoice(
        label=_("Lĩnh vực"),
        queryset=Field.objects.none(),
        to_field_name="uuid",
        required=False,
        empty_label=_("Tất cả"),
    )
    due = forms.ChoiceField(
        label=_("Thời hạn"),
        choices=[("", _("Tất cả")), (OVERDUE, _("Quá hạn")), (DUE_SOON, _("Sắp đến hạn"))],
        required=False,
    )
    text = forms.CharField(label=_("Tìm (nội dung, số)"), max_length=200, required=False)

    def __init__(self, data: Any, *, fields: QuerySet[Field]) -> None:
        super().__init__(data)
        self.fields["field"].queryset = fields  # type: ignore[attr-defined]


class LetterForm(BootstrapForm):
    """Registering a letter, or correcting its registration data (without `unit`, and
    without petitioners for one who may not read a denouncer's)."""

    unit = UnitChoiceField(label=_("Sổ đơn thư của"), to_field_name="uuid")
    received_on = forms.DateField(label=_("Ngày nhận"), widget=DateInput())
    channel = forms.ChoiceField(label=_("Nguồn đơn"), choices=Channel.choices)
    sender_body = forms.CharField(
        label=_("Cơ quan chuyển đến"),
        max_length=300,
        required=False,
        help_text=_("Đơn do cơ quan khác chuyển: tên cơ quan."),
    )
    covering = forms.CharField(
        label=_("Văn bản chuyển đơn (số đến)"),
        max_length=20,
        required=False,
        help_text=_("Số đến trong sổ văn bản đến của đơn vị, ví dụ 125 hoặc 125/2011."),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Loại đơn"),
        choices=KIND_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    anonymous = forms.BooleanField(label=_("Đơn nặc danh (không rõ người gửi)"), required=False)
    citizens = PetitionersField(
        label=_("Người gửi đơn"),
        help_text=_("Họ tên, số CMND (9 chữ số) hoặc CCCD (12 chữ số), địa chỉ, điện thoại."),
    )
    group_size = forms.IntegerField(
        label=_("Số người đứng đơn"),
        min_value=1,
        max_value=10000,
        required=False,
        help_text=_("Đơn đông người: ghi tổng số người ký đơn."),
    )
    field = FieldChoice(
        label=_("Lĩnh vực"), queryset=Field.objects.none(), to_field_name="uuid", required=False
    )
    place = forms.CharField(label=_("Địa bàn"), max_length=300, required=False)
    place_unit = UnitChoiceField(label=_("Thuộc huyện, thị"), to_field_name="uuid", required=False)
    subject_kind = forms.ChoiceField(
        label=_("Đối tượng bị đề cập"),
        choices=[("", "—"), *SubjectKind.choices],
        required=False,
    )
    subject = forms.CharField(
        label=_("Người, tổ chức, quyết định bị đề cập"), max_length=300, required=False
    )
    summary = forms.CharField(
        label=_("Nội dung tóm tắt"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    scans = MultipleFileField(
        label=_("Bản quét đơn"),
        help_text=_("Có thể chọn nhiều tệp: PDF, ảnh."),
    )

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit] | None,
        places: QuerySet[Unit],
        fields: QuerySet[Field],
        with_citizens: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["unit"]
        else:
            self.fields["unit"].queryset = units  # type: ignore[attr-defined]
            if units.count() == 1:
                self.fields["unit"].initial = units.first()
        if not with_citizens:
            del self.fields["citizens"]
        self.fields["place_unit"].queryset = places  # type: ignore[attr-defined]
        self.fields["field"].queryset = fields  # type: ignore[attr-defined]

    def kind_flags(self) -> dict[str, bool]:
        chosen = set(self.cleaned_data.get("kinds") or [])
        return {kind: kind in chosen for kind, _label in KIND_CHOICES}


class HandlerForm(BootstrapForm):
    handler = forms.ModelChoiceField(
        label=_("Cán bộ xử lý"), queryset=Person.objects.none(), to_field_name="uuid"
    )

    def __init__(self, *args: Any, candidates: Iterable[Person], **kwargs: Any) -> None:
        super().__init__(*args, auto_id=_ids("can-bo"), **kwargs)
        field = self.fields["handler"]
        field.queryset = Person.objects.filter(  # type: ignore[attr-defined]
            pk__in=[p.pk for p in candidates]
        ).order_by("full_name")
        field.label_from_instance = lambda p: p.full_name  # type: ignore[attr-defined]


class ClassifyForm(BootstrapForm):
    eligibility = forms.ChoiceField(
        label=_("Điều kiện xử lý"), choices=Eligibility.choices, widget=forms.RadioSelect
    )
    ineligible_reason = forms.ChoiceField(
        label=_("Lý do không đủ điều kiện"),
        choices=[("", "—"), *IneligibleReason.choices],
        required=False,
    )
    kinds = forms.MultipleChoiceField(
        label=_("Loại đơn"), choices=KIND_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    field = FieldChoice(
        label=_("Lĩnh vực"), queryset=Field.objects.none(), to_field_name="uuid", required=False
    )
    complexity = forms.ChoiceField(label=_("Tính chất vụ việc"), choices=Complexity.choices)
    remote = forms.BooleanField(label=_("Vùng sâu, vùng xa, đi lại khó khăn"), required=False)
    second_complaint = forms.BooleanField(label=_("Khiếu nại lần hai"), required=False)
    classified_on = forms.DateField(label=_("Ngày phân loại"), widget=DateInput())

    def __init__(self, *args: Any, fields: QuerySet[Field], **kwargs: Any) -> None:
        super().__init__(*args, auto_id=_ids("phan-loai"), **kwargs)
        self.fields["field"].queryset = fields  # type: ignore[attr-defined]

    def kind_flags(self) -> dict[str, bool]:
        chosen = set(self.cleaned_data.get("kinds") or [])
        return {kind: kind in chosen for kind, _label in KIND_CHOICES}


class HandleForm(BootstrapForm):
    handling = forms.ChoiceField(
        label=_("Hướng xử lý"),
        choices=[(h.value, h.label) for h in Handling if h in HANDLED_HERE],
    )
    assigned_unit = UnitChoiceField(
        label=_("Ban được giao xác minh"), to_field_name="uuid", required=False
    )
    accepted_on = forms.DateField(label=_("Ngày thụ lý"), widget=DateInput(), required=False)
    note = forms.CharField(
        label=_("Ý kiến xử lý"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    handled_on = forms.DateField(label=_("Ngày xử lý"), widget=DateInput())
    guide_document = forms.ModelChoiceField(
        label=_("Văn bản hướng dẫn (văn bản đi)"),
        queryset=OutgoingDocument.objects.none(),
        to_field_name="uuid",
        required=False,
        widget=Picker(multiple=False, rows=6),
        help_text=_("Hướng dẫn người gửi đơn: văn bản đi của đơn vị đã gửi họ."),
    )

    def __init__(
        self,
        *args: Any,
        boards: QuerySet[Unit],
        guides: QuerySet[OutgoingDocument],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, auto_id=_ids("xu-ly"), **kwargs)
        self.fields["assigned_unit"].queryset = boards  # type: ignore[attr-defined]
        field = cast("forms.ModelChoiceField[OutgoingDocument]", self.fields["guide_document"])
        field.queryset = guides
        # Offered: the latest, by year; accepted: any of `guides` (checked against the queryset).
        grouped: dict[str, list[tuple[str, str]]] = {}
        for document in guides.order_by("-created_at", "-id")[:GUIDE_CHOICES]:
            grouped.setdefault(str(document.created_at.year), []).append(
                (str(document.uuid), _outgoing_label(document))
            )
        field.choices = list(grouped.items())


# The guide letter is one of the unit's latest outgoing documents; the picker's search finds
# it among them.
GUIDE_CHOICES = 200


def _outgoing_label(document: OutgoingDocument) -> str:
    number = document.number_symbol or str(_("Dự thảo"))
    day = format_date(document.issued_on) if document.issued_on else ""
    return " · ".join(part for part in (number, day, document.subject[:80]) if part)


class FilesForm(BootstrapForm):
    # Not `files`: a form's `files` is the uploaded data.
    scans = MultipleFileField(label=_("Tệp"), help_text=_("Có thể chọn nhiều tệp: PDF, ảnh."))
    # The redacted copy is generated by the forward, never uploaded.
    kind = forms.ChoiceField(
        label=_("Loại tệp"),
        choices=[(k, label) for k, label in FileKind.choices if k != FileKind.REDACTED],
        initial=FileKind.EVIDENCE,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, auto_id=_ids("them-tep"), **kwargs)

    def add_service_error(self, error: ValidationError) -> None:
        # The service names the uploads `files`; here they are `scans`.
        if hasattr(error, "error_dict") and "files" in error.error_dict:
            error = ValidationError(
                {("scans" if k == "files" else k): v for k, v in error.error_dict.items()}
            )
        super().add_service_error(error)


class ResultForm(BootstrapForm):
    result = forms.CharField(
        label=_("Kết quả giải quyết"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    result_on = forms.DateField(label=_("Ngày có kết quả"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, auto_id=_ids("ket-qua"), **kwargs)


class ToldForm(BootstrapForm):
    told_on = forms.DateField(label=_("Ngày thông báo"), widget=DateInput())
    told_how = forms.CharField(
        label=_("Hình thức thông báo"),
        max_length=300,
        help_text=_("Văn bản số…, trực tiếp, điện thoại."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, auto_id=_ids("thong-bao"), **kwargs)


class CloseForm(BootstrapForm):
    reason = forms.CharField(label=_("Lý do kết thúc"), max_length=500)
    closed_on = forms.DateField(label=_("Ngày kết thúc"), widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, auto_id=_ids("ket-thuc"), **kwargs)


class FieldForm(BootstrapForm):
    name = forms.CharField(label=_("Tên lĩnh vực"), max_length=200)
    position = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=999, required=False)


class FieldEditForm(FieldForm):
    is_active = forms.BooleanField(label=_("Đang dùng"), required=False)
