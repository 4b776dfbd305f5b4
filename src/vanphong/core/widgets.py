"""The picker: a choice among many (people, units), grouped, searchable, no Ctrl-click.

Without script it is a list of check boxes (several) or radio buttons (one), under a heading
per group, in a box that scrolls: every option is reached with Tab (and the arrows between
radio buttons) and chosen with the space bar. `web/app.js` shows the search box above it and
hides the options and groups that do not match what is typed, folded as the server folds
(`nguyen` finds "Nguyễn", `hoa` finds "Hoà" and "Hòa"): each option carries its folded text,
its label and its group's, so the script folds only what is typed.

The choices are Django's grouped choices (`[(group, [(value, label), …]), …]`), as the
fields of `org.pickers` produce them.
"""

from __future__ import annotations

from typing import Any

from django import forms

from vanphong.core.vietnamese import fold

_INPUT = "form-check-input"


class Picker(forms.widgets.ChoiceWidget):
    template_name = "core/widgets/picker.html"
    option_template_name = "core/widgets/picker_option.html"
    use_fieldset = True
    # The form kit styles a widget through its `class`; options are check inputs whatever it
    # says (it would give them `form-control`), keeping only `is-invalid`.
    option_inherits_attrs = True

    def __init__(
        self, attrs: dict[str, Any] | None = None, *, multiple: bool = True, rows: int = 10
    ) -> None:
        super().__init__(attrs)
        self.allow_multiple_selected = multiple
        self.input_type = "checkbox" if multiple else "radio"
        self.rows = rows

    def use_required_attribute(self, initial: Any) -> bool:
        # A required "at least one" cannot be said with check boxes' `required`.
        return not self.allow_multiple_selected and super().use_required_attribute(initial)

    def optgroups(self, name: str, value: Any, attrs: dict[str, Any] | None = None) -> Any:
        groups = super().optgroups(name, value, attrs)
        for group_name, options, _index in groups:
            group_key = fold(str(group_name or ""))
            for option in options:
                option["search"] = f"{fold(str(option['label']))} {group_key}".strip()
                classes = str(option["attrs"].get("class", "")).split()
                invalid = " is-invalid" if "is-invalid" in classes else ""
                option["attrs"]["class"] = _INPUT + invalid
        return groups

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        widget["multiple"] = self.allow_multiple_selected
        widget["rows"] = self.rows
        widget["invalid"] = "is-invalid" in str(widget["attrs"].get("class", "")).split()
        return context

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        # The field's <label> (outside, above) names the search box; each option has its own.
        if index is None:
            return f"{id_}_search" if id_ else ""
        return str(super().id_for_label(id_, index))

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        # An unchecked box sends nothing: never "omitted" (as CheckboxSelectMultiple).
        return not self.allow_multiple_selected and name not in data
