"""Forms of the reception pages: they parse and type-check input; the rules live in
services_reception."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput, QueryForm
from vanphong.documents.forms_incoming import MultipleFileField
from vanphong.org.models import Person, Unit
from vanphong.org.pickers import PersonChoiceField, UnitChoiceField
from vanphong.petitions.models import Field, SessionKind

DAY_PARTS = [("morning", _("Sáng")), ("afternoon", _("Chiều"))]


class SessionForm(BootstrapForm):
    """A session recorded after it was held (`plan=False`) or planned in the week (`plan`)."""

    unit = UnitChoiceField(label=_("Đơn vị tiếp"))
    kind = forms.ChoiceField(label=_("Hình thức"), choices=SessionKind.choices)
    day = forms.DateField(label=_("Ngày tiếp"), widget=DateInput())
    session = forms.ChoiceField(label=_("Buổi"), choices=DAY_PARTS)
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    host = PersonChoiceField(
        label=_("Người chủ trì"),
        required=False,
        picker=False,
        help_text=_("Bắt buộc với buổi tiếp của người đứng đầu cấp ủy."),
    )
    host_title = forms.CharField(label=_("Chức vụ người chủ trì"), max_length=200, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit],
        hosts: QuerySet[Person],
        plan: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["host"].queryset = hosts  # type: ignore[attr-defined]
        if not plan:
            del self.fields["session"]


class VisitForm(BootstrapForm):
    group_size = forms.IntegerField(
        label=_("Số người"),
        min_value=1,
        max_value=10000,
        initial=1,
        help_text=_("Từ 5 người trở lên là đoàn đông người: đánh dấu một người đại diện."),
    )
    complaint = forms.BooleanField(label=_("Khiếu nại"), required=False)
    denunciation = forms.BooleanField(
        label=_("Tố cáo"),
        required=False,
        help_text=_("Danh tính người tố cáo được giữ bí mật."),
    )
    proposal = forms.BooleanField(label=_("Kiến nghị"), required=False)
    report = forms.BooleanField(label=_("Phản ánh"), required=False)
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Field.objects.filter(is_active=True), required=False
    )
    place = forms.CharField(label=_("Địa bàn"), max_length=300, required=False)
    place_unit = UnitChoiceField(label=_("Thuộc huyện, thị"), required=False)
    raised = forms.CharField(
        label=_("Nội dung trình bày"), max_length=10000, widget=forms.Textarea({"rows": 4})
    )
    answer = forms.CharField(
        label=_("Ý kiến trả lời"),
        max_length=10000,
        required=False,
        widget=forms.Textarea({"rows": 3}),
    )
    agreed = forms.CharField(
        label=_("Nội dung thống nhất, hướng xử lý"),
        max_length=10000,
        required=False,
        widget=forms.Textarea({"rows": 3}),
    )
    scans = MultipleFileField(
        label=_("Tài liệu công dân nộp (bản quét)"),
        required=False,
        help_text=_("PDF, ảnh, DOCX; có thể chọn nhiều tệp."),
    )

    def __init__(self, *args: Any, places: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place_unit"].queryset = places  # type: ignore[attr-defined]


class CitizenForm(BootstrapForm):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=200)
    id_number = forms.CharField(label=_("Số CMND/CCCD"), max_length=20, required=False)
    id_issued = forms.CharField(label=_("Ngày và nơi cấp"), max_length=200, required=False)
    address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    is_representative = forms.BooleanField(label=_("Người đại diện"), required=False)


CitizenFormSet = forms.formset_factory(
    CitizenForm, extra=1, min_num=1, validate_min=True, max_num=200, validate_max=True
)
VISITORS = "citizens"  # the formset's prefix: the services' error keys `citizens-<n>-<field>`


class RegisterQuery(QueryForm):
    params = {"unit": "don-vi", "year": "nam"}

    unit = UnitChoiceField(label=_("Đơn vị"), required=False, to_field_name="uuid")
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100, required=False)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        # No blank choice: without one the page shows the first office, whose book it lists.
        self.fields["unit"].empty_label = None  # type: ignore[attr-defined]
        self.fields["unit"].widget.attrs["class"] = "form-select"
        self.fields["year"].widget.attrs["class"] = "form-control"
