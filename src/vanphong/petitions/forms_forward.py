"""Forms of forwarding a letter and of recording the body's result: parse and type-check only."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput
from vanphong.core.vietnamese import format_date
from vanphong.documents.models import IncomingDocument
from vanphong.org.models import Unit
from vanphong.org.pickers import UnitChoiceField

# The reply is one of the unit's latest documents received since the forward; an older one
# is not the answer to it.
REPLY_CHOICES = 200


class ForwardForm(BootstrapForm):
    to_body = forms.CharField(
        label=_("Cơ quan nhận đơn"),
        max_length=300,
        required=False,
        help_text=_("Ví dụ: Ủy ban Kiểm tra Tỉnh ủy; Thanh tra tỉnh; UBND huyện Hòa Thành."),
    )
    to_unit = UnitChoiceField(
        label=_("Hoặc chọn đơn vị trong hệ thống"),
        queryset=Unit.objects.none(),
        to_field_name="uuid",
        required=False,
    )
    forwarded_on = forms.DateField(label=_("Ngày chuyển"), widget=DateInput())
    note_subject = forms.CharField(
        label=_("Trích yếu phiếu chuyển đơn"),
        max_length=500,
        required=False,
        help_text=_("Để trống: “V/v chuyển đơn … của công dân”. Không nêu người tố cáo."),
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = units  # type: ignore[attr-defined]


class ResultForm(BootstrapForm):
    result = forms.CharField(
        label=_("Kết quả giải quyết"), widget=forms.Textarea(attrs={"rows": 4})
    )
    result_on = forms.DateField(label=_("Ngày nhận kết quả"), widget=DateInput())
    reply = forms.ModelChoiceField(
        label=_("Văn bản trả lời (trong sổ văn bản đến)"),
        queryset=IncomingDocument.objects.none(),
        to_field_name="uuid",
        required=False,
    )

    def __init__(self, *args: Any, replies: QuerySet[IncomingDocument], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[IncomingDocument]", self.fields["reply"])
        field.queryset = replies
        # Offered: the latest; accepted: any of `replies` (validated against the queryset).
        field.choices = [("", "---------")] + [
            (str(document.uuid), _label(document))
            for document in replies.order_by("-received_at", "-id")[:REPLY_CHOICES]
        ]


def _label(document: IncomingDocument) -> str:
    return (
        f"{document.number}/{document.year} · {document.number_symbol} · "
        f"{format_date(document.document_date)} · {document.subject[:80]}"
    )
