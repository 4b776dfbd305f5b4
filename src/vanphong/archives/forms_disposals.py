"""Forms of the disposal, hold and register pages: they parse, the services decide."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.archives.models import DisposalItem, HoldKind, RecordFile
from vanphong.core.forms import BootstrapForm, DateInput, QueryForm
from vanphong.core.inputs import bound_form_field
from vanphong.org.models import Person, Unit


class FileChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} — {obj.title} ({obj.year})"


class DisposalProposeForm(BootstrapForm):
    title = forms.CharField(label=_("Tên đợt tiêu hủy"), max_length=300)
    files = FileChoice(  # type: ignore[assignment]
        label=_("Hồ sơ hết thời hạn bảo quản"),
        queryset=RecordFile.objects.none(),
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, candidates: QuerySet[RecordFile], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["files"].queryset = candidates  # type: ignore[attr-defined]


class AppraiseForm(BootstrapForm):
    """The council's members and opinion; a reason typed against a file keeps it back."""

    council = forms.ModelMultipleChoiceField(
        label=_("Thành phần hội đồng xác định giá trị tài liệu"),
        queryset=Person.objects.none(),
        to_field_name="uuid",
        widget=forms.CheckboxSelectMultiple,
    )
    opinion = forms.CharField(
        label=_("Ý kiến của hội đồng"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self,
        *args: Any,
        people: QuerySet[Person],
        items: Sequence[DisposalItem],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = people  # type: ignore[attr-defined]
        self.items = list(items)
        for item in self.items:
            keep = forms.CharField(
                label=_("Giữ lại %(code)s — %(title)s: lý do")
                % {"code": item.file.code, "title": item.file.title},
                required=False,
                max_length=500,
            )
            bound_form_field(keep)  # what BootstrapForm did for the declared fields
            keep.widget.attrs["class"] = "form-control"
            self.fields[f"keep_{item.pk}"] = keep

    def kept(self) -> dict[RecordFile, str]:
        return {
            item.file: self.cleaned_data[f"keep_{item.pk}"]
            for item in self.items
            if self.cleaned_data.get(f"keep_{item.pk}")
        }


class ApproveForm(BootstrapForm):
    decision = forms.CharField(
        label=_("Quyết định tiêu hủy (số, ngày)"),
        max_length=200,
        help_text=_("Ví dụ: Quyết định số 12-QĐ/VPTU ngày 05/01/2017."),
    )


class ExecuteForm(BootstrapForm):
    method = forms.CharField(
        label=_("Phương pháp hủy"),
        max_length=200,
        help_text=_("Ví dụ: nghiền bột giấy tại cơ sở tái chế, có giám sát."),
    )
    executed_on = forms.DateField(label=_("Ngày hủy"), widget=DateInput())


class ReasonForm(BootstrapForm):
    reason = forms.CharField(
        label=_("Lý do"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class HoldForm(BootstrapForm):
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=Unit.objects.none(), to_field_name="uuid"
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=HoldKind.choices)
    reason = forms.CharField(label=_("Lý do tạm giữ"), max_length=500)
    reference = forms.CharField(
        label=_("Căn cứ"),
        max_length=300,
        required=False,
        help_text=_("Số đơn, số quyết định thanh tra, kiểm tra, thụ lý…"),
    )
    files = FileChoice(  # type: ignore[assignment]
        label=_("Hồ sơ tạm giữ"),
        queryset=RecordFile.objects.none(),
        to_field_name="uuid",
        widget=forms.SelectMultiple(attrs={"size": 12}),
    )

    def __init__(
        self, *args: Any, units: QuerySet[Unit], files: QuerySet[RecordFile], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["files"].queryset = files  # type: ignore[attr-defined]


class YearQuery(QueryForm, BootstrapForm):
    params = {"year": "nam", "archive_unit": "luu-tru"}

    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1900, max_value=2100)
    archive_unit = forms.ModelChoiceField(
        label=_("Lưu trữ"),
        queryset=Unit.objects.none(),
        to_field_name="uuid",
        required=False,
    )

    def __init__(self, *args: Any, units: QuerySet[Unit] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if units is None:
            del self.fields["archive_unit"]
        else:
            self.fields["archive_unit"].queryset = units  # type: ignore[attr-defined]
