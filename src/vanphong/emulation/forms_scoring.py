"""The forms of blocs, criteria, movements, pledges and score sheets: parse and type-check only."""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core import yearly
from vanphong.core.forms import BootstrapForm, DateInput
from vanphong.emulation.models import (
    CriteriaSet,
    Criterion,
    CriterionGroup,
    CriterionKind,
    MovementStatus,
    ReviewMode,
    Round,
)
from vanphong.emulation.ranking import fmt
from vanphong.org.models import Unit


class PointsInput(forms.TextInput):
    """Points shown as people write them (17,5)."""

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal):
            return fmt(value)
        return super().format_value(value)


class PointsField(forms.DecimalField):
    """Points typed with a decimal comma or point (17,5 or 17.5); never a thousands mark."""

    widget = PointsInput

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class BlocForm(BootstrapForm):
    name = forms.CharField(label=_("Tên khối thi đua"), max_length=200)
    convenor = forms.ModelChoiceField(label=_("Đơn vị tổ chức"), queryset=Unit.objects.none())

    def __init__(self, *args: Any, convenors: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["convenor"].queryset = convenors  # type: ignore[attr-defined]


class MemberForm(BootstrapForm):
    unit = forms.ModelChoiceField(label=_("Đơn vị thành viên"), queryset=Unit.objects.none())
    joined_on = forms.DateField(label=_("Tham gia từ ngày"), widget=DateInput())

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class MemberEndForm(BootstrapForm):
    left_on = forms.DateField(label=_("Rời khối từ ngày"), widget=DateInput())


class CriteriaSetForm(BootstrapForm):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    name = forms.CharField(label=_("Tên bảng tiêu chí"), max_length=300)
    source = forms.CharField(label=_("Căn cứ"), max_length=500, required=False)


class CopyForm(BootstrapForm):
    year = forms.IntegerField(label=_("Sao chép sang năm"), min_value=2000, max_value=2100)
    name = forms.CharField(
        label=_("Tên bảng mới"),
        max_length=300,
        required=False,
        help_text=_("Để trống: tên cũ, đổi năm."),
    )


class GroupForm(BootstrapForm):
    code = forms.CharField(label=_("Số thứ tự nhóm"), max_length=10, help_text=_("Ví dụ: I, II."))
    title = forms.CharField(label=_("Tên nhóm tiêu chí"), max_length=300)


class CriterionForm(BootstrapForm):
    group = forms.ModelChoiceField(label=_("Nhóm"), queryset=CriterionGroup.objects.none())
    code = forms.CharField(label=_("Số thứ tự"), max_length=10, help_text=_("Ví dụ: 1.1."))
    title = forms.CharField(label=_("Tiêu chí"), max_length=500)
    kind = forms.ChoiceField(label=_("Loại"), choices=CriterionKind.choices)
    max_points = PointsField(label=_("Điểm tối đa"), max_digits=6, decimal_places=2, min_value=0)
    measure = forms.ChoiceField(label=_("Cách đo (tiêu chí đo từ số liệu)"), required=False)
    scale = forms.CharField(
        label=_("Thang điểm (tiêu chí đo từ số liệu)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            'Ví dụ {"kind": "linear"} (điểm = tối đa × tỷ lệ) hoặc {"kind": "bands", "bands": '
            "[[0.95, 10], [0.9, 8], [0, 5]]}."
        ),
    )
    guidance = forms.CharField(
        label=_("Hướng dẫn chấm"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self, *args: Any, groups: QuerySet[CriterionGroup], current_measure: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        choices = [("", "—")] + [(m.key, f"{m.title} ({m.key})") for m in yearly.measures()]
        if current_measure and current_measure not in {key for key, _ in choices}:
            choices.append((current_measure, f"{current_measure} — " + str(_("chưa cài đặt"))))
        self.fields["measure"].choices = choices  # type: ignore[attr-defined]

    def clean_scale(self) -> dict[str, Any]:
        raw = (self.cleaned_data.get("scale") or "").strip()
        if not raw:
            return {"kind": "linear"} if self.data.get("kind") == CriterionKind.MEASURED else {}
        try:
            value = json.loads(raw)
        except ValueError:
            raise forms.ValidationError(_("Thang điểm phải viết dạng JSON.")) from None
        if not isinstance(value, dict):
            raise forms.ValidationError(_("Thang điểm phải là một bảng (kind, bands)."))
        return value


def criterion_initial(criterion: Criterion) -> dict[str, Any]:
    return {
        "group": criterion.group_id,
        "code": criterion.code,
        "title": criterion.title,
        "kind": criterion.kind,
        "max_points": criterion.max_points,
        "measure": criterion.measure,
        "scale": json.dumps(criterion.scale, ensure_ascii=False) if criterion.scale else "",
        "guidance": criterion.guidance,
    }


class MovementForm(BootstrapForm):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Tên phong trào"), max_length=500)
    launched_on = forms.DateField(label=_("Ngày phát động"), widget=DateInput())
    pledge_deadline = forms.DateField(label=_("Hạn đăng ký thi đua"), widget=DateInput())
    criteria_set = forms.ModelChoiceField(
        label=_("Bảng tiêu chí"), queryset=CriteriaSet.objects.none()
    )
    leader_unit = forms.ModelChoiceField(
        label=_("Đơn vị trưởng khối"), queryset=Unit.objects.none(), required=False
    )
    review_mode = forms.ChoiceField(label=_("Cách chấm chéo"), choices=ReviewMode.choices)

    def __init__(
        self,
        *args: Any,
        sets: QuerySet[CriteriaSet],
        members: QuerySet[Unit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria_set"].queryset = sets  # type: ignore[attr-defined]
        self.fields["leader_unit"].queryset = members  # type: ignore[attr-defined]


class MovementUpdateForm(BootstrapForm):
    title = forms.CharField(label=_("Tên phong trào"), max_length=500)
    pledge_deadline = forms.DateField(label=_("Hạn đăng ký thi đua"), widget=DateInput())
    leader_unit = forms.ModelChoiceField(
        label=_("Đơn vị trưởng khối"), queryset=Unit.objects.none(), required=False
    )
    review_mode = forms.ChoiceField(label=_("Cách chấm chéo"), choices=ReviewMode.choices)

    def __init__(self, *args: Any, members: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leader_unit"].queryset = members  # type: ignore[attr-defined]


class AdvanceForm(BootstrapForm):
    to = forms.ChoiceField(choices=MovementStatus.choices, widget=forms.HiddenInput())


class PledgeForm(BootstrapForm):
    titles = forms.MultipleChoiceField(
        label=_("Danh hiệu đăng ký"), widget=forms.CheckboxSelectMultiple()
    )
    content = forms.CharField(
        label=_("Nội dung đăng ký"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, titles: Iterable[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["titles"].choices = list(titles)  # type: ignore[attr-defined]


class OpenSheetForm(BootstrapForm):
    unit = forms.UUIDField(widget=forms.HiddenInput())
    round = forms.ChoiceField(choices=Round.choices, widget=forms.HiddenInput())


class SheetForm(BootstrapForm):
    """One row per hand-scored criterion: `points_<id>` and `reason_<id>`; a blank point is
    left unscored."""

    def __init__(self, *args: Any, criteria: Iterable[Criterion], **kwargs: Any) -> None:
        # The rows are this form's fields: built before the kit styles and bounds them.
        self.base_fields = {}  # type: ignore[misc]
        for criterion in criteria:
            self.base_fields[f"points_{criterion.pk}"] = PointsField(
                label=_("Điểm"),
                required=False,
                max_digits=6,
                decimal_places=2,
                widget=PointsInput(attrs={"inputmode": "decimal", "size": 6}),
            )
            self.base_fields[f"reason_{criterion.pk}"] = forms.CharField(
                label=_("Lý do, nhận xét"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 1}),
            )
        super().__init__(*args, **kwargs)


class EvidenceForm(BootstrapForm):
    criterion = forms.ChoiceField(label=_("Tiêu chí"))
    file = forms.FileField(label=_("Tệp minh chứng"), required=False)
    document = forms.CharField(
        label=_("Hoặc số, ký hiệu văn bản đến/đi trong sổ"),
        max_length=50,
        required=False,
        help_text=_("Ví dụ: 15-BC/HU."),
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args: Any, criteria: Iterable[Criterion], **kwargs: Any) -> None:
        # Its own ids: the sheet's page also shows the submit form, whose `note` is another.
        kwargs.setdefault("auto_id", "id_evidence_%s")
        super().__init__(*args, **kwargs)
        self.fields["criterion"].choices = [(str(c.pk), f"{c.code} {c.title}") for c in criteria]  # type: ignore[attr-defined]


class SubmitForm(BootstrapForm):
    note = forms.CharField(
        label=_("Nhận xét chung"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
