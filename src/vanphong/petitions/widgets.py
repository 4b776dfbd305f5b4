"""The petitioners of a letter as rows of inputs (name, identity number, address, phone): the
rows already typed, then a blank one; "Thêm người" (web/app.js, `data-vp-add-row`) copies the
blank row, and without script the blank rows are there to fill. Posted as `<name>-ho-ten`,
`<name>-so-giay-to`, `<name>-dia-chi`, `<name>-dien-thoai`, repeated, in order."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from vanphong.core.vietnamese import clean
from vanphong.petitions.services import CitizenData

COLUMNS = ("ho-ten", "so-giay-to", "dia-chi", "dien-thoai")
ROWS_MAX = 200
BLANK_ROWS = 2
Row = tuple[str, str, str, str]


class PetitionersWidget(forms.Widget):
    template_name = "petitions/widgets/petitioners.html"

    def value_from_datadict(
        self, data: Mapping[str, Any], files: Mapping[str, Any], name: str
    ) -> list[Row]:
        if not isinstance(data, MultiValueDict):
            return [tuple(str(v) for v in row) for row in data.get(name) or []]  # type: ignore[misc]
        columns = [data.getlist(f"{name}-{column}")[:ROWS_MAX] for column in COLUMNS]
        count = max(len(column) for column in columns)
        columns = [column + [""] * (count - len(column)) for column in columns]
        return [tuple(str(v) for v in row) for row in zip(*columns, strict=True)]  # type: ignore[misc]

    def value_omitted_from_data(
        self, data: Mapping[str, Any], files: Mapping[str, Any], name: str
    ) -> bool:
        return f"{name}-ho-ten" not in data

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        rows = [row for row in (value or []) if any(row)]
        widget = context["widget"]
        widget["rows"] = [*rows, *[("", "", "", "")] * BLANK_ROWS]
        invalid = "is-invalid" in str(widget["attrs"].get("class", "")).split()
        # Only the rows at fault are marked: a typed row without a name, or else every typed
        # row, or the first row when none is typed (a petitioner is missing).
        nameless = [i for i, row in enumerate(rows) if not clean(str(row[0]))]
        typed = list(range(len(rows))) or [0]
        widget["invalid_rows"] = (nameless or typed) if invalid else []
        return context

    def format_value(self, value: Any) -> Any:
        if value and isinstance(value[0], CitizenData):
            return [(c.full_name, c.id_number, c.address, c.phone) for c in value]
        return value

    def id_for_label(self, id_: str) -> str:
        return f"{id_}-0-ho-ten" if id_ else ""


class PetitionersField(forms.Field):
    """Cleans to the rows with something typed, as CitizenData; a row without a name is an
    error that keeps every row as typed. The identity number's shape is the service's check."""

    widget = PetitionersWidget
    default_error_messages = {
        "nameless": _("Có dòng chưa ghi họ tên người gửi đơn."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[CitizenData]:
        citizens = []
        for row in value or []:
            name, number, address, phone = (clean(str(v)) for v in row)
            if not any((name, number, address, phone)):
                continue
            if not name:
                raise ValidationError(self.error_messages["nameless"], code="nameless")
            citizens.append(
                CitizenData(
                    full_name=name[:200],
                    id_number=number[:30],
                    address=address[:300],
                    phone=phone[:30],
                )
            )
        return citizens
