"""The forms of the file plan and retention pages: parse and type-check only; the rules are the
services' (services_plans)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.archives.models import PlanHeading, RetentionRule, UnitLevel
from vanphong.archives.plans import Outline, retention_label
from vanphong.archives.services_plans import EntryInput
from vanphong.archives.services_retention import RuleInput
from vanphong.core.forms import BootstrapForm, QueryForm
from vanphong.org.models import Person, Unit
from vanphong.org.pickers import PersonChoiceField, UnitChoiceField, set_queryset


class PlanQuery(QueryForm):
    params = {"unit": "don-vi", "year": "nam"}

    unit = UnitChoiceField(
        label=_("Đơn vị"), queryset=Unit.objects.none(), to_field_name="uuid", required=False
    )
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1990, max_value=2100)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self.fields["unit"], units)
        self.fields["unit"].widget.attrs["class"] = "form-select"
        self.fields["year"].widget.attrs["class"] = "form-control"


class PlanCreateForm(BootstrapForm):
    unit = UnitChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none(), to_field_name="uuid")
    year = forms.IntegerField(label=_("Năm"), min_value=1990, max_value=2100)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        set_queryset(self.fields["unit"], units)


class CopyForwardForm(BootstrapForm):
    year = forms.IntegerField(label=_("Sao chép sang năm"), min_value=1990, max_value=2100)


class HeadingForm(BootstrapForm):
    title = forms.CharField(label=_("Tên đề mục"), max_length=300)
    parent = forms.ChoiceField(
        label=_("Thuộc đề mục lớn"),
        required=False,
        help_text=_("Để trống: một đề mục lớn (số La Mã); chọn: một đề mục nhỏ (số Ả Rập)."),
    )

    def __init__(self, *args: Any, outline: Outline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.majors = {str(row.heading.uuid): row.heading for row in outline.headings}
        field = cast(forms.ChoiceField, self.fields["parent"])
        field.choices = [
            ("", _("— Đề mục lớn —")),
            *((str(row.heading.uuid), row.label) for row in outline.headings),
        ]

    def chosen_parent(self) -> PlanHeading | None:
        return self.majors.get(self.cleaned_data.get("parent") or "")


class HeadingTitleForm(BootstrapForm):
    title = forms.CharField(label=_("Tên đề mục"), max_length=300)


class MoveForm(BootstrapForm):
    position = forms.IntegerField(label=_("Vị trí mới"), min_value=1, max_value=1000)


class _RuleChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.number}. {obj.title} ({retention_label(obj.retention_years)})"


class EntryForm(BootstrapForm):
    heading = forms.ChoiceField(label=_("Đề mục"))
    code = forms.CharField(
        label=_("Số và ký hiệu hồ sơ"),
        max_length=30,
        help_text=_("Ví dụ 01.TCCB, 1.1, TH-05: chữ in hoa, chữ số, dấu chấm, gạch."),
    )
    title = forms.CharField(
        label=_("Tiêu đề hồ sơ"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    rule = _RuleChoice(
        label=_("Theo bảng thời hạn bảo quản"),
        queryset=RetentionRule.objects.none(),
        to_field_name="uuid",
        required=False,
    )
    permanent = forms.BooleanField(label=_("Bảo quản vĩnh viễn"), required=False)
    retention_years = forms.IntegerField(
        label=_("Thời hạn bảo quản (năm)"),
        required=False,
        min_value=1,
        max_value=100,
        help_text=_("Để trống cả hai ô trên thì lấy thời hạn của dòng bảng đã chọn."),
    )
    responsible = PersonChoiceField(
        label=_("Người lập hồ sơ"), required=False, picker=False, to_field_name="uuid"
    )
    keywords = forms.CharField(
        label=_("Từ khóa gợi ý"),
        max_length=500,
        required=False,
        help_text=_("Các từ giúp gợi ý mục này khi lập hồ sơ, ví dụ: báo cáo tháng quý."),
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(
        self,
        *args: Any,
        outline: Outline,
        rules: QuerySet[RetentionRule],
        members: QuerySet[Person],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.headings: dict[str, PlanHeading] = {}
        choices: list[tuple[str, str]] = []
        for row in outline.headings:
            self.headings[str(row.heading.uuid)] = row.heading
            choices.append((str(row.heading.uuid), row.label))
            for child in row.children:
                self.headings[str(child.heading.uuid)] = child.heading
                choices.append((str(child.heading.uuid), f"{row.number}.{child.label}"))
        cast(forms.ChoiceField, self.fields["heading"]).choices = choices
        set_queryset(self.fields["rule"], rules)
        set_queryset(self.fields["responsible"], members)

    def data_in(self) -> EntryInput:
        data = self.cleaned_data
        return EntryInput(
            heading=self.headings[data["heading"]],
            code=data["code"],
            title=data["title"],
            retention_years=data.get("retention_years"),
            permanent=bool(data.get("permanent")),
            rule=data.get("rule"),
            responsible=data.get("responsible"),
            keywords=data.get("keywords") or "",
            note=data.get("note") or "",
        )


class AmendForm(EntryForm):
    reason = forms.CharField(label=_("Lý do bổ sung"), max_length=300)


class RetentionQuery(QueryForm):
    params = {"level": "cap", "text": "tim"}

    level = forms.ChoiceField(
        label=_("Cấp"), required=False, choices=[("", _("Cả hai cấp")), *UnitLevel.choices]
    )
    text = forms.CharField(label=_("Tìm"), required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["level"].widget.attrs["class"] = "form-select"
        self.fields["text"].widget.attrs["class"] = "form-control"


class RetentionRuleForm(BootstrapForm):
    group = forms.CharField(label=_("Nhóm"), max_length=200)
    title = forms.CharField(
        label=_("Tên nhóm hồ sơ, tài liệu"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    permanent = forms.BooleanField(label=_("Bảo quản vĩnh viễn"), required=False)
    retention_years = forms.IntegerField(
        label=_("Thời hạn bảo quản (năm)"), required=False, min_value=1, max_value=100
    )
    source = forms.CharField(label=_("Căn cứ"), max_length=300)
    verified = forms.BooleanField(label=_("Đã đối chiếu với văn bản hướng dẫn"), required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def data_in(self) -> RuleInput:
        data = self.cleaned_data
        return RuleInput(
            group=data["group"],
            title=data["title"],
            retention_years=data.get("retention_years"),
            permanent=bool(data.get("permanent")),
            source=data["source"],
            verified=bool(data.get("verified")),
            note=data.get("note") or "",
        )
