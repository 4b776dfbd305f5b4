"""The forms of the transfer and access pages: they parse input; the services decide."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.archives.models import AccessMode, RecordFile
from vanphong.archives.services_access import MAX_DAYS
from vanphong.archives.services_transfers import PLACE_LENGTH
from vanphong.core.forms import BootstrapForm, DateInput, QueryForm
from vanphong.org.models import Unit

YES, NO = "1", "0"


class FileChoice(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} · {obj.title} ({obj.year})"


class TransferForm(BootstrapForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị nộp lưu"), queryset=Unit.objects.none())
    year = forms.IntegerField(label=_("Năm của hồ sơ"), min_value=1945, max_value=2100)
    record_files = FileChoice(
        label=_("Hồ sơ nộp lưu"),
        queryset=RecordFile.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        to_field_name="uuid",
    )
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000)

    def __init__(
        self, *args: Any, units: QuerySet[Unit], files: QuerySet[RecordFile], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ModelChoiceField)  # noqa: S101
        unit_field.queryset = units
        unit_field.to_field_name = "uuid"
        files_field = self.fields["record_files"]
        assert isinstance(files_field, forms.ModelMultipleChoiceField)  # noqa: S101
        files_field.queryset = files


class ReceiveForm(BootstrapForm):
    received_on = forms.DateField(label=_("Ngày giao nhận"), widget=DateInput())

    def __init__(self, *args: Any, files: list[RecordFile], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.record_files = files
        for file in files:
            self.fields[f"box_{file.pk}"] = forms.CharField(
                label=_("Hộp số — %(code)s") % {"code": file.code},
                max_length=PLACE_LENGTH,
                required=False,
                initial=file.box,
            )
            self.fields[f"shelf_{file.pk}"] = forms.CharField(
                label=_("Giá — %(code)s") % {"code": file.code},
                max_length=PLACE_LENGTH,
                required=False,
                initial=file.shelf,
            )
        # BootstrapForm styled the fields it had; style the ones added here too.
        for name, field in self.fields.items():
            if name != "received_on":
                field.widget.attrs["class"] = "form-control form-control-sm"

    def placements(self) -> dict[RecordFile, tuple[str, str]]:
        data = self.cleaned_data
        return {
            file: (data.get(f"box_{file.pk}", ""), data.get(f"shelf_{file.pk}", ""))
            for file in self.record_files
        }

    def rows(self) -> list[tuple[RecordFile, Any, Any]]:
        return [
            (file, self[f"box_{file.pk}"], self[f"shelf_{file.pk}"]) for file in self.record_files
        ]


class KeepBackForm(BootstrapForm):
    until = forms.DateField(
        label=_("Giữ lại đến ngày"),
        required=False,
        widget=DateInput(),
        help_text=_("Để trống: thôi giữ lại, hồ sơ nộp lưu theo hạn."),
    )
    reason = forms.CharField(label=_("Lý do giữ lại"), required=False, max_length=500)


class PlaceForm(BootstrapForm):
    box = forms.CharField(label=_("Hộp số"), max_length=PLACE_LENGTH)
    shelf = forms.CharField(label=_("Giá"), max_length=PLACE_LENGTH, required=False)


class AccessRequestForm(BootstrapForm):
    mode = forms.ChoiceField(
        label=_("Hình thức"), choices=AccessMode.choices, widget=forms.RadioSelect
    )
    purpose = forms.CharField(label=_("Mục đích khai thác"), max_length=500)
    days = forms.IntegerField(label=_("Số ngày"), min_value=1, max_value=MAX_DAYS, initial=7)


class DecideForm(BootstrapForm):
    approve = forms.TypedChoiceField(
        label=_("Quyết định"),
        choices=[(YES, _("Đồng ý")), (NO, _("Từ chối"))],
        coerce=lambda value: value == YES,
        widget=forms.RadioSelect,
    )
    valid_until = forms.DateField(
        label=_("Được khai thác đến ngày"),
        required=False,
        widget=DateInput(),
        help_text=_("Để trống: theo số ngày người yêu cầu xin."),
    )
    note = forms.CharField(
        label=_("Ý kiến"),
        required=False,
        max_length=500,
        help_text=_("Bắt buộc khi từ chối."),
    )


class CatalogueQuery(QueryForm, BootstrapForm):
    params: ClassVar[dict[str, str]] = {"text": "tim"}
    text = forms.CharField(
        label=_("Tìm theo số, ký hiệu hoặc tiêu đề"), required=False, max_length=200
    )
