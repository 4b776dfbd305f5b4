"""Forms of the task pages: they parse and type-check input; the rules live in services."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput, QueryForm
from vanphong.directives.models import Recurrence, TaskState
from vanphong.documents.forms_incoming import MultipleFileField
from vanphong.org.models import Person, Unit
from vanphong.org.pickers import PersonChoiceField, UnitChoiceField, UnitsChoiceField


def _attachments() -> MultipleFileField:
    return MultipleFileField(
        label=_("Tệp đính kèm"),
        required=False,
        help_text=_("PDF, DOCX, DOC, XLSX, ODT, ảnh; có thể chọn nhiều tệp."),
    )


class AssignForm(BootstrapForm):
    content = forms.CharField(
        label=_("Nội dung nhiệm vụ"), max_length=5000, widget=forms.Textarea({"rows": 3})
    )
    lead_unit = UnitChoiceField(label=_("Đơn vị chủ trì"), queryset=Unit.objects.none())
    supporting_units = UnitsChoiceField(
        label=_("Đơn vị phối hợp"), queryset=Unit.objects.none(), required=False, rows=6
    )
    deadline = forms.DateField(
        label=_("Thời hạn"),
        required=False,
        widget=DateInput(),
        help_text=_("Để trống nếu thực hiện thường xuyên."),
    )
    recurrence = forms.ChoiceField(label=_("Định kỳ"), choices=Recurrence.choices, required=False)
    recur_until = forms.DateField(
        label=_("Định kỳ đến ngày"),
        required=False,
        widget=DateInput(),
        help_text=_("Nhiệm vụ định kỳ: khi kỳ này được xác nhận hoàn thành, kỳ sau được giao."),
    )
    clause = forms.CharField(label=_("Căn cứ (mục, điểm)"), max_length=200, required=False)
    product = forms.CharField(
        label=_("Sản phẩm"),
        max_length=200,
        required=False,
        help_text=_("Ví dụ: báo cáo, kế hoạch, dự thảo nghị quyết."),
    )
    leader = PersonChoiceField(
        label=_("Lãnh đạo phụ trách"), queryset=Person.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, units: QuerySet[Unit], leaders: QuerySet[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["supporting_units"].queryset = units  # type: ignore[attr-defined]
        self.fields["leader"].queryset = leaders  # type: ignore[attr-defined]


class ReportForm(BootstrapForm):
    text = forms.CharField(
        label=_("Nội dung báo cáo"), max_length=5000, widget=forms.Textarea({"rows": 3})
    )
    state = forms.ChoiceField(
        label=_("Tình trạng"),
        choices=[
            (TaskState.IN_PROGRESS, TaskState.IN_PROGRESS.label),
            (TaskState.CANNOT_DO, _("Không thực hiện được (nêu lý do ở trên)")),
        ],
    )
    attachments = _attachments()


class CompleteForm(BootstrapForm):
    text = forms.CharField(
        label=_("Kết quả thực hiện"),
        max_length=5000,
        widget=forms.Textarea({"rows": 3}),
        required=False,
    )
    done_on = forms.DateField(label=_("Ngày hoàn thành"), widget=DateInput())
    product_number = forms.CharField(
        label=_("Văn bản sản phẩm (số, ký hiệu)"),
        max_length=50,
        required=False,
        help_text=_("Văn bản đi đã ban hành của đơn vị, ví dụ 125-BC/HU."),
    )
    attachments = _attachments()


class ExtensionForm(BootstrapForm):
    new_deadline = forms.DateField(label=_("Thời hạn đề nghị"), widget=DateInput())
    reason = forms.CharField(label=_("Lý do"), max_length=500)


class DecideForm(BootstrapForm):
    approve = forms.TypedChoiceField(
        label=_("Quyết định"),
        choices=[("1", _("Đồng ý gia hạn")), ("0", _("Không đồng ý"))],
        coerce=lambda value: value == "1",
    )
    note = forms.CharField(label=_("Ý kiến"), max_length=500, required=False)


class ReturnForm(BootstrapForm):
    reason = forms.CharField(label=_("Lý do trả lại"), max_length=500)


class DeadlineForm(BootstrapForm):
    deadline = forms.DateField(label=_("Thời hạn mới"), widget=DateInput(), required=False)


class DirectiveChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.number_symbol or obj.title[:60])


class TaskFilterForm(QueryForm, BootstrapForm):
    """The task list's filters; the names are those of the dashboards' links (don-vi, van-ban,
    lanh-dao, nam, loai; han for the home page's "due soon"), so a figure's link and the form
    give the same list."""

    params: ClassVar[dict[str, str]] = {
        "directive": "van-ban",
        "unit": "don-vi",
        "leader": "lanh-dao",
        "year": "nam",
        "figure": "loai",
        "due": "han",
    }

    def __init__(
        self,
        data: Any,
        *,
        units: QuerySet[Unit],
        directives: QuerySet[Any],
        leaders: QuerySet[Person],
        kinds: dict[str, Any],
        due: dict[str, Any],
    ) -> None:
        super().__init__(data)
        self.fields["directive"] = DirectiveChoice(
            label=_("Văn bản"), queryset=directives, to_field_name="uuid", required=False
        )
        self.fields["unit"] = UnitChoiceField(
            label=_("Đơn vị chủ trì"), queryset=units, to_field_name="uuid", required=False
        )
        self.fields["leader"] = PersonChoiceField(
            label=_("Lãnh đạo phụ trách"),
            queryset=leaders,
            to_field_name="uuid",
            required=False,
            picker=False,
        )
        self.fields["year"] = forms.IntegerField(
            label=_("Năm"), min_value=2000, max_value=2100, required=False
        )
        self.fields["figure"] = forms.ChoiceField(
            label=_("Số liệu"), choices=[("", "—"), *kinds.items()], required=False
        )
        self.fields["due"] = forms.ChoiceField(
            label=_("Hạn"), choices=[("", "—"), *due.items()], required=False
        )
        # Added after BootstrapForm styled the fields it had, so styled here, small.
        for field in self.fields.values():
            select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = (
                "form-select form-select-sm" if select else "form-control form-control-sm"
            )


class DelegationForm(BootstrapForm):
    unit = UnitChoiceField(
        label=_("Đơn vị giao nhiệm vụ"), queryset=Unit.objects.none(), to_field_name="uuid"
    )
    delegate = PersonChoiceField(
        label=_("Người được ủy quyền"), queryset=Person.objects.none(), to_field_name="uuid"
    )
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("Đến ngày"),
        required=False,
        widget=DateInput(),
        help_text=_("Để trống: đến khi kết thúc ủy quyền."),
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(
        self, *args: Any, units: QuerySet[Unit], people: QuerySet[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["delegate"].queryset = people  # type: ignore[attr-defined]
