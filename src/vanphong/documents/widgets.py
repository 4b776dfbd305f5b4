"""Inputs that offer what was typed before: a text box with suggestions, and the outside
recipients of an issue as rows of name and note (picked from known bodies or added).

The suggestions come from the server as the person focuses or types (htmx), matched folded
(`tinh uy` and `Tỉnh ủy` find `Tỉnh uỷ`), and show as buttons under the box; a click puts the
name in the box (web/app.js, `data-vp-pick`). A `<datalist>` cannot do this: browsers filter
its options again by the exact letters typed, which hides every folded match.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from vanphong.core.vietnamese import clean

NAME_MAX = 200
NOTE_MAX = 500
ROWS_MAX = 100
BLANK_ROWS = 3


def picker_attrs(source: str) -> dict[str, str]:
    """What makes a text box ask `source` for suggestions (empty when there is none)."""
    if not source:
        return {}
    return {
        "hx-get": source,
        # Once on focus (the most used), then as the person types; a pick refocuses the box
        # without asking again.
        "hx-trigger": "focus once, input changed delay:250ms",
        "hx-target": "next .vp-picks",
        "hx-swap": "innerHTML",
        "hx-sync": "this:replace",
        "autocomplete": "off",
    }


class SuggestInput(forms.TextInput):
    """A text box whose suggestions come from `source` (a URL answering `documents/_picks.html`)."""

    template_name = "documents/widgets/suggest_input.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})
        self.source = ""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].update(picker_attrs(self.source))
        return context


Row = tuple[str, str]


class OutsideRecipientsWidget(forms.Widget):
    """Rows of (name, note): the rows already chosen, then a few blank ones to add more.
    Posted as `<name>-ten` and `<name>-ghi-chu`, repeated, in order."""

    template_name = "documents/widgets/outside_recipients.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.source = ""

    def value_from_datadict(
        self, data: Mapping[str, Any], files: Mapping[str, Any], name: str
    ) -> list[Row]:
        if not isinstance(data, MultiValueDict):
            rows = data.get(name) or []
            return [(str(n), str(t)) for n, t in rows]
        names = data.getlist(f"{name}-ten")[:ROWS_MAX]
        notes = data.getlist(f"{name}-ghi-chu")[:ROWS_MAX]
        notes += [""] * (len(names) - len(notes))
        return [(str(n), str(t)) for n, t in zip(names, notes, strict=False)]

    def value_omitted_from_data(
        self, data: Mapping[str, Any], files: Mapping[str, Any], name: str
    ) -> bool:
        return f"{name}-ten" not in data

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        rows = [(n, t) for n, t in (value or []) if n or t]
        widget = context["widget"]
        widget["rows"] = [*rows, *[("", "")] * BLANK_ROWS]
        widget["picker"] = picker_attrs(self.source)
        widget["invalid"] = "is-invalid" in str(widget["attrs"].get("class", "")).split()
        widget["described_by"] = widget["attrs"].get("aria-describedby", "")
        return context

    def format_value(self, value: Any) -> Any:
        return value

    def id_for_label(self, id_: str) -> str:
        return f"{id_}-0-ten" if id_ else ""


class OutsideRecipientsField(forms.Field):
    """Cleans to the rows with a name, each `(name, note)` tidied; a note without a name, or
    a name or note too long, is an error that keeps every row as typed."""

    widget = OutsideRecipientsWidget
    default_error_messages = {
        "orphan_note": _("Dòng có ghi chú “%(note)s” chưa có tên nơi nhận."),
        "too_long": _("Tên nơi nhận dài tối đa 200 ký tự, ghi chú gửi tối đa 500: “%(name)s…”."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[Row]:
        rows = []
        for raw_name, raw_note in value or []:
            name, note = clean(str(raw_name)), clean(str(raw_note))
            if not name and not note:
                continue
            if not name:
                raise ValidationError(
                    self.error_messages["orphan_note"], code="orphan_note", params={"note": note}
                )
            if len(name) > NAME_MAX or len(note) > NOTE_MAX:
                raise ValidationError(
                    self.error_messages["too_long"], code="too_long", params={"name": name[:40]}
                )
            rows.append((name, note))
        return rows

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")
