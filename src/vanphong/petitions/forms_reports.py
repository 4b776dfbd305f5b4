"""The report page's choice: unit, period kind, year and month, from the query string."""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vanphong.core.forms import BootstrapForm, QueryForm
from vanphong.org.models import Unit
from vanphong.org.units import units_in_order
from vanphong.petitions.reports import (
    PERIOD_OF_SLUG,
    PERIOD_SLUGS,
    Period,
    PeriodKind,
    period_choices,
)

FIRST_YEAR = 1990
FORMATS = (("", _("Xem trên trang")), ("xlsx", "XLSX"), ("docx", "DOCX"))


class ReportForm(QueryForm, BootstrapForm):
    """`don-vi` (one of the units offered: any other is refused on the field), `ky`, `nam`,
    `thang` (for a monthly report), `dinh-dang` (xlsx, docx; empty: the page)."""

    params: ClassVar[dict[str, str]] = {
        "unit": "don-vi",
        "kind": "ky",
        "year": "nam",
        "month": "thang",
        "file_format": "dinh-dang",
    }

    unit = forms.ChoiceField(label=_("Đơn vị"), choices=())
    kind = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=())
    year = forms.IntegerField(label=_("Năm"))
    month = forms.TypedChoiceField(
        label=_("Tháng"),
        choices=[("", "—"), *((str(m), str(m)) for m in range(1, 13))],
        coerce=int,
        required=False,
        empty_value=None,
    )
    file_format = forms.ChoiceField(label=_("Định dạng"), choices=FORMATS, required=False)

    def __init__(self, data: Any, *, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        # Labelled and ordered as the organisation is ("Văn phòng Huyện ủy Châu Thành").
        self.units = {str(unit.uuid): unit for unit in units_in_order(units)}
        unit = cast(forms.ChoiceField, self.fields["unit"])
        unit.choices = [(key, u.label) for key, u in self.units.items()]
        cast(forms.ChoiceField, self.fields["kind"]).choices = period_choices()

    def clean_unit(self) -> Unit:
        return self.units[self.cleaned_data["unit"]]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        year = data.get("year")
        if year is not None and not FIRST_YEAR <= year <= timezone.localdate().year:
            self.add_error(
                "year", _("Năm báo cáo từ %(first)s đến năm nay.") % {"first": FIRST_YEAR}
            )
        if data.get("kind") == PERIOD_SLUGS[PeriodKind.MONTH] and not data.get("month"):
            self.add_error("month", _("Chọn tháng của báo cáo tháng."))
        return data

    def period(self) -> Period:
        data = self.cleaned_data
        kind = PERIOD_OF_SLUG[data["kind"]]
        month = data.get("month") if kind == PeriodKind.MONTH else None
        return Period(kind, data["year"], month)
