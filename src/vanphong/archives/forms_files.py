"""Forms of the file pages: they parse; the services decide (`core.forms.attempt`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from vanphong.archives.models import FileItem, FileStatus, RecordFile
from vanphong.archives.selectors_files import RETENTION_PERMANENT
from vanphong.core.forms import BootstrapForm, DateInput
from vanphong.core.inputs import bound_form_field
from vanphong.org.models import Unit

RETENTION_CHOICES = [
    ("", _("Mọi thời hạn")),
    (RETENTION_PERMANENT, _("Vĩnh viễn")),
    *[(str(n), _("%(n)s năm") % {"n": n}) for n in (2, 5, 10, 20, 50, 70)],
]


class FileFilterForm(BootstrapForm):
    don_vi = forms.ChoiceField(label=_("Đơn vị"), required=False)
    nam = forms.IntegerField(label=_("Năm"), required=False, min_value=1900, max_value=2999)
    trang_thai = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Mọi trạng thái")), *FileStatus.choices],
    )
    thoi_han = forms.ChoiceField(
        label=_("Thời hạn bảo quản"), required=False, choices=RETENTION_CHOICES
    )

    def __init__(self, *args: Any, units: Iterable[Unit] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].choices = [  # type: ignore[attr-defined]
            ("", _("Mọi đơn vị")),
            *[(str(u.uuid), u.name) for u in units],
        ]


class RetentionFields(BootstrapForm):
    retention_years = forms.IntegerField(
        label=_("Thời hạn bảo quản (năm)"), required=False, min_value=1, max_value=100
    )
    permanent = forms.BooleanField(label=_("Bảo quản vĩnh viễn"), required=False)


class FileOpenForm(RetentionFields):
    unit = forms.ChoiceField(label=_("Đơn vị lập hồ sơ"))
    year = forms.IntegerField(label=_("Năm"), min_value=1900, max_value=2999)
    plan_entry = forms.ChoiceField(label=_("Hồ sơ trong danh mục"), required=False)
    code = forms.CharField(label=_("Số và ký hiệu hồ sơ"), max_length=30, required=False)
    title = forms.CharField(label=_("Tiêu đề hồ sơ"), max_length=500, required=False)
    opened_on = forms.DateField(label=_("Ngày mở hồ sơ"), widget=DateInput())
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    field_order = [
        "unit",
        "year",
        "plan_entry",
        "code",
        "title",
        "retention_years",
        "permanent",
        "opened_on",
        "note",
    ]

    def __init__(
        self,
        *args: Any,
        units: Iterable[Unit] = (),
        entries: Iterable[tuple[str, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        unit, entry = self.fields["unit"], self.fields["plan_entry"]
        unit.choices = [(str(u.uuid), u.name) for u in units]  # type: ignore[attr-defined]
        entry.choices = [("", _("— Không theo danh mục —")), *entries]  # type: ignore[attr-defined]
        entry.help_text = _(
            "Chọn một hồ sơ trong danh mục: số, tiêu đề, thời hạn lấy theo danh mục."
        )


class FileEditForm(RetentionFields):
    code = forms.CharField(label=_("Số và ký hiệu hồ sơ"), max_length=30)
    title = forms.CharField(label=_("Tiêu đề hồ sơ"), max_length=500)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    field_order = ["code", "title", "retention_years", "permanent", "note"]


class ItemAddForm(RetentionFields):
    file = forms.ChoiceField(label=_("Hồ sơ"), widget=forms.RadioSelect)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    field_order = ["file", "note", "retention_years", "permanent"]

    def __init__(self, *args: Any, files: Iterable[RecordFile] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].choices = [  # type: ignore[attr-defined]
            (str(f.uuid), f"{f.code} — {f.title} ({f.unit.name}, {f.year})") for f in files
        ]
        self.fields["retention_years"].help_text = _(
            "Để trống: theo thời hạn của hồ sơ. Nhập khi văn bản có giá trị lâu hơn."
        )


class ItemMoveForm(BootstrapForm):
    position = forms.IntegerField(label=_("Chuyển đến vị trí"), min_value=1)


class CloseForm(BootstrapForm):
    work_ended_on = forms.DateField(label=_("Ngày kết thúc công việc"), widget=DateInput())


class ReopenForm(BootstrapForm):
    reason = forms.CharField(
        label=_("Lý do mở lại"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


AUTO, MANUAL = "auto", "manual"


class PagesForm(BootstrapForm):
    """Sheets numbered from the page counts, or as typed for each line (`from_<uuid>`,
    `to_<uuid>`)."""

    mode = forms.ChoiceField(
        label=_("Cách đánh số tờ"),
        choices=[
            (AUTO, _("Tự động theo số trang của từng văn bản")),
            (MANUAL, _("Nhập từng dòng")),
        ],
        widget=forms.RadioSelect,
        initial=AUTO,
    )

    def __init__(self, *args: Any, items: Iterable[FileItem] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            label = f"{item.position}. {item.number_symbol or item.title[:60]}"
            self.fields[f"from_{item.uuid}"] = forms.IntegerField(
                label=_("%(line)s — từ tờ") % {"line": label},
                required=False,
                min_value=1,
                initial=item.page_from,
            )
            self.fields[f"to_{item.uuid}"] = forms.IntegerField(
                label=_("đến tờ"), required=False, min_value=1, initial=item.page_to
            )
        # Fields added after the kit's pass: its input rules and classes, given here.
        for name, field in self.fields.items():
            if name.startswith(("from_", "to_")):
                bound_form_field(field)
                field.widget.attrs["class"] = "form-control form-control-sm"

    def manual(self) -> dict[Any, tuple[int, int]]:
        typed: dict[Any, tuple[int, int]] = {}
        for item in self.items:
            first = self.cleaned_data.get(f"from_{item.uuid}")
            last = self.cleaned_data.get(f"to_{item.uuid}")
            if first is not None and last is not None:
                typed[item.uuid] = (first, last)
        return typed
