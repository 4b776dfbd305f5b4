"""Forms of the incoming-document pages: they parse and type-check input, nothing more.

Every rule about what is allowed (dates in order, number-symbol shape, who may do what, which
files are accepted) lives in `documents.services`; its ValidationError is put back on the form
with `add_service_error`, next to what the user typed.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput, DateTimeInput, QueryForm
from vanphong.core.inputs import FIRST_YEAR, LAST_YEAR, bound_form_field
from vanphong.core.vietnamese import number_line
from vanphong.documents.models import IncomingStatus, Medium, OutgoingDocument, Urgency
from vanphong.documents.widgets import SuggestInput
from vanphong.org.models import Clearance, Person, Unit
from vanphong.org.pickers import PeopleChoiceField, PersonChoiceField, UnitChoiceField

_TEXTAREA = {"rows": 3}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one `<input type="file" multiple>`; the files are only parsed here,
    their content is checked by the service when it stores them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [cast(UploadedFile, single(item, initial)) for item in data if item]
        return [cast(UploadedFile, single(data, initial))] if data else []


def _people(field: forms.Field, people: QuerySet[Person]) -> None:
    cast("forms.ModelChoiceField[Person]", field).queryset = people


# --- registration --------------------------------------------------------------------------


class IncomingRegisterForm(BootstrapForm):
    unit = UnitChoiceField(label=_("Sổ của đơn vị"), to_field_name="uuid")
    medium = forms.ChoiceField(label=_("Hình thức"), choices=Medium.choices, initial=Medium.PAPER)
    received_at = forms.DateTimeField(
        label=_("Ngày, giờ đến"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Để trống: lúc bấm Vào sổ."),
    )
    sender_name = forms.CharField(
        label=_("Cơ quan ban hành (tác giả)"),
        max_length=200,
        widget=SuggestInput(),
        help_text=_("Ví dụ: Tỉnh ủy Tây Ninh, UBND tỉnh Tây Ninh. Gõ vài chữ để chọn nơi đã gửi."),
    )
    number_symbol = forms.CharField(
        label=_("Số, ký hiệu"),
        max_length=80,
        help_text=_("Ví dụ: 45-NQ/TU (văn bản Đảng) hoặc 123/QĐ-UBND (văn bản chính quyền)."),
    )
    document_date = forms.DateField(label=_("Ngày văn bản"), widget=DateInput())
    subject = forms.CharField(
        label=_("Tên loại và trích yếu nội dung"),
        max_length=500,
        widget=forms.Textarea(attrs=_TEXTAREA),
    )
    page_count = forms.IntegerField(label=_("Số trang"), required=False, min_value=1)
    confidentiality = forms.TypedChoiceField(
        label=_("Độ mật"), choices=Clearance.choices, coerce=int, initial=Clearance.UNCLASSIFIED
    )
    urgency = forms.TypedChoiceField(
        label=_("Độ khẩn"), choices=Urgency.choices, coerce=int, initial=Urgency.NORMAL
    )
    recipients_note = forms.CharField(
        label=_("Đơn vị, người nhận"),
        required=False,
        max_length=500,
        help_text=_("Ví dụ: Chánh Văn phòng; Ban Tuyên giáo."),
    )
    deadline = forms.DateField(label=_("Hạn xử lý"), required=False, widget=DateInput())
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    attachments = MultipleFileField(
        label=_("Tệp đính kèm"),
        required=False,
        help_text=_("Chọn được nhiều tệp: PDF, DOCX, DOC, XLSX, ODT, JPEG, PNG, TIFF."),
    )
    duplicate_reason = forms.CharField(
        label=_("Lý do vẫn vào sổ"),
        required=False,
        max_length=500,
        help_text=_("Ví dụ: bản chính đến sau bản fax; bản gửi lại có sửa đổi."),
    )
    submission_id = forms.UUIDField(widget=forms.HiddenInput())
    delivery = forms.UUIDField(required=False, widget=forms.HiddenInput())

    def __init__(
        self,
        *args: Any,
        units: QuerySet[Unit],
        max_clearance: int,
        senders_url: str = "",
        **kwargs: Any,
    ) -> None:
        """`senders_url`: where the sender box asks for earlier senders."""
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Unit]", self.fields["unit"]).queryset = units
        confidentiality = cast(forms.TypedChoiceField, self.fields["confidentiality"])
        confidentiality.choices = [c for c in Clearance.choices if c[0] <= max_clearance]
        cast(SuggestInput, self.fields["sender_name"].widget).source = senders_url
        self.fields["number_symbol"].widget.attrs["autocomplete"] = "off"


class DeliveryRegisterForm(BootstrapForm):
    """Registering what another unit sent: only what the receiving side knows. The document
    itself (number-symbol, date, issuer, subject, secrecy, urgency, files) is the sent one's
    and is shown, not asked for."""

    received_at = IncomingRegisterForm.base_fields["received_at"]
    page_count = IncomingRegisterForm.base_fields["page_count"]
    deadline = IncomingRegisterForm.base_fields["deadline"]
    recipients_note = IncomingRegisterForm.base_fields["recipients_note"]
    note = IncomingRegisterForm.base_fields["note"]
    duplicate_reason = IncomingRegisterForm.base_fields["duplicate_reason"]
    submission_id = forms.UUIDField(widget=forms.HiddenInput())
    delivery = forms.UUIDField(widget=forms.HiddenInput())

    def __init__(self, *args: Any, page_count_known: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if page_count_known:
            del self.fields["page_count"]


# --- the book's filters --------------------------------------------------------------------


class BookFilterForm(QueryForm):
    """The query string of the incoming book: `don-vi`, `nam`, `trang-thai`, `khan`, `q`,
    `tu`, `den` (received from, to). An invalid value is reported and not applied."""

    params: ClassVar[dict[str, str]] = {
        "unit": "don-vi",
        "year": "nam",
        "status": "trang-thai",
        "urgent": "khan",
        "received_from": "tu",
        "received_to": "den",
    }

    STATUS_CHOICES = (("", _("Mọi tình trạng")), *IncomingStatus.choices)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnitChoiceField(
            label=_("Sổ của đơn vị"), queryset=units, to_field_name="uuid", required=False
        )
        self.fields["year"] = forms.IntegerField(
            label=_("Năm"), required=False, min_value=FIRST_YEAR, max_value=LAST_YEAR
        )
        self.fields["status"] = forms.ChoiceField(
            label=_("Tình trạng"), choices=self.STATUS_CHOICES, required=False
        )
        self.fields["urgent"] = forms.BooleanField(label=_("Chỉ văn bản khẩn"), required=False)
        self.fields["q"] = forms.CharField(label=_("Tìm"), required=False, max_length=100)
        self.fields["received_from"] = forms.DateField(
            label=_("Đến từ ngày"), required=False, widget=DateInput()
        )
        self.fields["received_to"] = forms.DateField(
            label=_("Đến ngày"), required=False, widget=DateInput()
        )
        for field in self.fields.values():
            bound_form_field(field)


# --- actions on a document -----------------------------------------------------------------


class PresentForm(BootstrapForm):
    leader = PersonChoiceField(label=_("Trình lãnh đạo"), to_field_name="uuid")

    def __init__(self, *args: Any, leaders: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _people(self.fields["leader"], leaders)


class DirectionForm(BootstrapForm):
    text = forms.CharField(
        label=_("Ý kiến chỉ đạo"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ví dụ: Giao Ban Tuyên giáo chủ trì tham mưu, báo cáo trước ngày 15."),
    )
    lead_person = PersonChoiceField(label=_("Người chủ trì"), to_field_name="uuid", required=False)
    lead_unit = UnitChoiceField(
        label=_("Đơn vị chủ trì"),
        to_field_name="uuid",
        required=False,
        help_text=_("Chọn người hoặc đơn vị chủ trì (hoặc cả hai: người đó thuộc đơn vị)."),
    )
    supporting = PeopleChoiceField(
        label=_("Người phối hợp"), to_field_name="uuid", required=False, rows=6
    )
    informed = PeopleChoiceField(
        label=_("Người nhận để biết"), to_field_name="uuid", required=False, rows=6
    )
    deadline = forms.DateField(
        label=_("Hạn xử lý"),
        required=False,
        widget=DateInput(),
        help_text=_("Để trống: theo hạn ghi khi vào sổ (nếu có)."),
    )

    def __init__(
        self, *args: Any, people: QuerySet[Person], units: QuerySet[Unit], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for name in ("lead_person", "supporting", "informed"):
            _people(self.fields[name], people)
        cast("forms.ModelChoiceField[Unit]", self.fields["lead_unit"]).queryset = units


class ReasonForm(BootstrapForm):
    """Returning, cancelling, refusing: one reason, required by the service."""

    reason = forms.CharField(
        label=_("Lý do"), max_length=500, widget=forms.Textarea(attrs=_TEXTAREA)
    )


class FileForm(BootstrapForm):
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=500, widget=forms.Textarea(attrs=_TEXTAREA)
    )


# --- handling an assignment ----------------------------------------------------------------


class ProgressForm(BootstrapForm):
    text = forms.CharField(
        label=_("Tiến độ"),
        max_length=5000,
        widget=forms.Textarea(attrs=_TEXTAREA),
        help_text=_("Việc đã làm, vướng mắc, dự kiến hoàn thành."),
    )


class CompleteForm(BootstrapForm):
    result = forms.CharField(
        label=_("Kết quả xử lý"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=_TEXTAREA),
    )
    reply = forms.ModelChoiceField(
        label=_("Văn bản trả lời (đã phát hành)"),
        queryset=OutgoingDocument.objects.none(),
        to_field_name="uuid",
        required=False,
        empty_label=_("(Không có)"),
    )

    def __init__(self, *args: Any, replies: QuerySet[OutgoingDocument], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        reply = cast("forms.ModelChoiceField[OutgoingDocument]", self.fields["reply"])
        reply.queryset = replies
        reply.label_from_instance = _reply_label  # type: ignore[method-assign,assignment]


def _reply_label(document: OutgoingDocument) -> str:
    return f"{number_line(document.number_symbol)} — {document.subject[:80]}"


class HandOverForm(BootstrapForm):
    to = PersonChoiceField(label=_("Chuyển cho"), to_field_name="uuid")
    note = forms.CharField(
        label=_("Ghi chú bàn giao"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, colleagues: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _people(self.fields["to"], colleagues)
