"""Forms of the planning pages: they parse and type-check input, nothing more."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, DateInput, TimeInput
from vanphong.core.vietnamese import weekday_name
from vanphong.org.models import Clearance, Person, Unit
from vanphong.org.pickers import (
    PeopleChoiceField,
    PersonChoiceField,
    UnitChoiceField,
    UnitsChoiceField,
)
from vanphong.planning.models import Body, FeedScope, ItemState, Room, ScheduleKind, Session


class OpenWeekForm(BootstrapForm):
    committee = UnitChoiceField(
        label=_("Cấp ủy"), queryset=Unit.objects.none(), to_field_name="uuid"
    )
    kind = forms.ChoiceField(label=_("Lịch của"), choices=ScheduleKind.choices)
    day = forms.DateField(
        label=_("Một ngày trong tuần"), widget=DateInput(), help_text=_("Tuần bắt đầu từ thứ Hai.")
    )

    def __init__(self, *args: Any, committees: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees  # type: ignore[attr-defined]


class EntryForm(BootstrapForm):
    day = forms.TypedChoiceField(label=_("Ngày"), coerce=date.fromisoformat)
    session = forms.ChoiceField(label=_("Buổi"), choices=Session.choices)
    starts_at = forms.TimeField(label=_("Giờ bắt đầu"), required=False, widget=TimeInput())
    ends_at = forms.TimeField(label=_("Giờ kết thúc"), required=False, widget=TimeInput())
    content = forms.CharField(
        label=_("Nội dung"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    leaders = PeopleChoiceField(
        label=_("Lãnh đạo dự"),
        queryset=Person.objects.none(),
        required=False,
        to_field_name="uuid",
    )
    room = forms.ModelChoiceField(
        label=_("Phòng họp"), queryset=Room.objects.none(), required=False, to_field_name="uuid"
    )
    place = forms.CharField(
        label=_("Địa điểm khác"),
        max_length=300,
        required=False,
        help_text=_("Ngoài trụ sở: ghi địa chỉ."),
    )
    units = UnitsChoiceField(
        label=_("Thành phần (đơn vị dự)"),
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="uuid",
    )
    preparing_unit = UnitChoiceField(
        label=_("Đơn vị chuẩn bị"),
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="uuid",
    )
    documents = forms.CharField(
        label=_("Văn bản kèm theo"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Số, ký hiệu văn bản đến hoặc đi (giấy mời, tài liệu họp); mỗi dòng một văn bản."
        ),
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)
    confidentiality = forms.TypedChoiceField(
        label=_("Độ mật"), choices=Clearance.choices, coerce=int, initial=Clearance.UNCLASSIFIED
    )

    def __init__(
        self,
        *args: Any,
        monday: date,
        leaders: list[Person],
        rooms: QuerySet[Room],
        units: QuerySet[Unit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [  # type: ignore[attr-defined]
            (
                (monday + timedelta(days=i)).isoformat(),
                f"{weekday_name(monday + timedelta(days=i))} {monday + timedelta(days=i):%d/%m}",
            )
            for i in range(7)
        ]
        leader_field = self.fields["leaders"]
        leader_field.queryset = Person.objects.filter(  # type: ignore[attr-defined]
            pk__in=[p.pk for p in leaders]
        )
        self.fields["room"].queryset = rooms  # type: ignore[attr-defined]
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        self.fields["preparing_unit"].queryset = units  # type: ignore[attr-defined]


class ReasonForm(BootstrapForm):
    reason = forms.CharField(
        label=_("Lý do"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class AmendForm(BootstrapForm):
    change_note = forms.CharField(
        label=_("Lý do điều chỉnh"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class RoomForm(BootstrapForm):
    committee = UnitChoiceField(
        label=_("Cấp ủy"), queryset=Unit.objects.none(), to_field_name="uuid"
    )
    name = forms.CharField(label=_("Tên phòng"), max_length=200)
    address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)
    capacity = forms.IntegerField(label=_("Sức chứa"), min_value=1, required=False)

    def __init__(self, *args: Any, committees: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees  # type: ignore[attr-defined]


class FeedForm(BootstrapForm):
    scope = forms.ChoiceField(label=_("Lịch"), choices=FeedScope.choices)
    person = PersonChoiceField(
        label=_("Lãnh đạo"), required=False, to_field_name="uuid", picker=False
    )
    room = forms.ModelChoiceField(
        label=_("Phòng họp"), queryset=Room.objects.none(), required=False, to_field_name="uuid"
    )
    unit = UnitChoiceField(
        label=_("Đơn vị"), queryset=Unit.objects.none(), required=False, to_field_name="uuid"
    )

    def __init__(
        self,
        *args: Any,
        people: QuerySet[Person],
        rooms: QuerySet[Room],
        units: QuerySet[Unit],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]
        self.fields["room"].queryset = rooms  # type: ignore[attr-defined]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


# --- programmes and monthly plans -----------------------------------------------------------


class ProgrammeForm(BootstrapForm):
    committee = UnitChoiceField(
        label=_("Cấp ủy"), queryset=Unit.objects.none(), to_field_name="uuid"
    )
    body = forms.ChoiceField(label=_("Chương trình của"), choices=Body.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(
        label=_("Tên chương trình"),
        max_length=300,
        required=False,
        help_text=_("Để trống: đặt theo năm và cấp ủy."),
    )

    def __init__(self, *args: Any, committees: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees  # type: ignore[attr-defined]


MONTHS = [("", "—")] + [(str(m), _("Tháng %(m)s") % {"m": m}) for m in range(1, 13)]
QUARTERS = [("", "—")] + [(str(q), _("Quý %(q)s") % {"q": q}) for q in range(1, 5)]


def _optional_int(value: str) -> int | None:
    return int(value) if value else None


class ProgrammeItemForm(BootstrapForm):
    topic = forms.CharField(label=_("Lĩnh vực, chủ đề"), max_length=300, required=False)
    content = forms.CharField(
        label=_("Nội dung"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    body = forms.ChoiceField(label=_("Trình"), choices=Body.choices)
    lead_unit = UnitChoiceField(
        label=_("Cơ quan chủ trì"), queryset=Unit.objects.none(), to_field_name="uuid"
    )
    supporting_units = UnitsChoiceField(
        label=_("Cơ quan phối hợp"),
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="uuid",
    )
    month = forms.TypedChoiceField(
        label=_("Tháng"), choices=MONTHS, coerce=_optional_int, required=False, empty_value=None
    )
    quarter = forms.TypedChoiceField(
        label=_("Hoặc quý"),
        choices=QUARTERS,
        coerce=_optional_int,
        required=False,
        empty_value=None,
        help_text=_("Khi chương trình chỉ ghi quý."),
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["supporting_units"].queryset = units  # type: ignore[attr-defined]


class TrackForm(BootstrapForm):
    state = forms.ChoiceField(label=_("Tình hình"), choices=ItemState.choices)
    reason = forms.CharField(label=_("Lý do"), max_length=500, required=False)
    month = forms.TypedChoiceField(
        label=_("Chuyển sang tháng"),
        choices=MONTHS,
        coerce=_optional_int,
        required=False,
        empty_value=None,
    )
    quarter = forms.TypedChoiceField(
        label=_("Hoặc quý"),
        choices=QUARTERS,
        coerce=_optional_int,
        required=False,
        empty_value=None,
    )
    done_on = forms.DateField(label=_("Ngày thực hiện"), required=False, widget=DateInput())


class MonthlyPlanForm(BootstrapForm):
    committee = UnitChoiceField(
        label=_("Cấp ủy"), queryset=Unit.objects.none(), to_field_name="uuid"
    )
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    month = forms.IntegerField(label=_("Tháng"), min_value=1, max_value=12)

    def __init__(self, *args: Any, committees: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees  # type: ignore[attr-defined]


class PlanItemForm(BootstrapForm):
    content = forms.CharField(
        label=_("Nội dung"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    lead_unit = UnitChoiceField(
        label=_("Cơ quan chủ trì"),
        queryset=Unit.objects.none(),
        required=False,
        to_field_name="uuid",
    )
    day = forms.DateField(label=_("Ngày dự kiến"), required=False, widget=DateInput())
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = units  # type: ignore[attr-defined]
