"""The form kit every app's pages use, and the forms of the calendar pages.

Forms parse and type-check input, nothing more. Every rule about what is allowed lives in a
service; a page runs the service through `attempt`, which puts a refusal or a ValidationError
back on the form (on its field where the form has it), so the page shows it next to what the
user typed and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from vanphong.core.inputs import bound_form_field

T = TypeVar("T")

_CONTROL = "form-control"
_SELECT = "form-select"
_CHECK = "form-check-input"
_FILE = "vp-file-input"
# A file input with a Vietnamese button and the chosen names, not the browser's own control.
FILE_TEMPLATE = "core/widgets/file.html"
# Radio buttons and check box lists: one `form-check` per choice.
CHECKS_TEMPLATE = "core/widgets/checks.html"
CHECK_TEMPLATE = "core/widgets/check_option.html"


# Plain text boxes, not `type=date`/`type=time`: those show the browser's own order (mm/dd/yyyy
# and AM/PM in an English browser). The pattern only guides the browser; the field parses.
_DATE_PATTERN = r"\d{1,2}(/|-|\.)\d{1,2}(/|-|\.)\d{4}|\d{4}-\d{1,2}-\d{1,2}"
_TIME_PATTERN = r"\d{1,2}(:|\.|g|G|h|H)\d{1,2}(:\d{2})?"


def _typed(attrs: dict[str, Any] | None, placeholder: str, pattern: str) -> dict[str, Any]:
    return {
        "placeholder": placeholder,
        "inputmode": "numeric",
        "pattern": pattern,
        "autocomplete": "off",
        **(attrs or {}),
    }


class DateInput(forms.DateInput):
    """A date typed as dd/mm/yyyy (ISO too), shown as dd/mm/yyyy."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=_typed(attrs, "dd/mm/yyyy", _DATE_PATTERN), format="%d/%m/%Y")


class TimeInput(forms.TimeInput):
    """A time typed in 24 hours (`14:30`, `7:30`, `7g30`), shown as hh:mm."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=_typed(attrs, "hh:mm", _TIME_PATTERN), format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    """A date and time typed as `dd/mm/yyyy hh:mm`."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        pattern = rf"({_DATE_PATTERN}) +({_TIME_PATTERN})|\d{{4}}-\d{{2}}-\d{{2}}T\d{{2}}:\d{{2}}"
        super().__init__(
            attrs={"placeholder": "dd/mm/yyyy hh:mm", "pattern": pattern, "autocomplete": "off"}
            | (attrs or {}),
            format="%d/%m/%Y %H:%M",
        )


class BootstrapForm(forms.Form):
    """Bootstrap classes on every widget, `is-invalid` on fields with errors, the dict-style
    ValidationErrors of services mapped onto fields (unknown keys: the form), and every field
    under `core.inputs` (text sanitised, dates and numbers in range)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            bound_form_field(field)  # the same input rules as the API's
            widget = field.widget
            if isinstance(widget, forms.FileInput):
                widget.template_name = FILE_TEMPLATE
                css = _FILE
            elif isinstance(widget, forms.RadioSelect):  # and CheckboxSelectMultiple
                # Each choice a Bootstrap check; the list itself takes no class.
                widget.template_name = CHECKS_TEMPLATE
                widget.option_template_name = CHECK_TEMPLATE
                css = _CHECK
            elif isinstance(widget, forms.CheckboxInput):
                css = _CHECK
            elif isinstance(widget, forms.Select):
                css = _SELECT
            else:
                css = _CONTROL
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def add_error(self, field: str | None, error: ValidationError | str | Any) -> None:
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                classes = widget.attrs.get("class", "")
                if "is-invalid" not in classes.split():
                    widget.attrs["class"] = f"{classes} is-invalid".strip()

    def add_service_error(self, error: ValidationError) -> None:
        """Show a service's ValidationError: on its field where the form has that field."""
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                target = name if name in self.fields else None
                if name == NON_FIELD_ERRORS:
                    target = None
                self.add_error(target, errors)
        else:
            self.add_error(None, error)


class QueryForm(forms.Form):
    """A form read from the query string. Its fields have English names; `params` maps a
    field to the Vietnamese parameter the URL shows (`{"unit": "don-vi"}`), which is also the
    widget's name and id, so the page and its links do not change."""

    params: ClassVar[dict[str, str]] = {}

    def add_prefix(self, field_name: str) -> str:
        return super().add_prefix(self.params.get(field_name, field_name))


def attempt(form: BootstrapForm, call: Callable[[], T]) -> T | None:
    """Run a service for a bound, valid form: its result, or None with the refusal or the
    ValidationError on the form (nothing was saved: the service is atomic)."""
    try:
        return call()
    except PermissionDenied as error:
        form.add_error(None, str(error))
    except ValidationError as error:
        form.add_service_error(error)
    return None


DAY_OFF, WORKED = "0", "1"


class CalendarDayForm(BootstrapForm):
    day = forms.DateField(label=_("Ngày"), widget=DateInput())
    is_working = forms.TypedChoiceField(
        label=_("Loại"),
        choices=[
            (DAY_OFF, _("Ngày nghỉ (lễ, Tết, nghỉ bù, nghỉ hoán đổi)")),
            (WORKED, _("Ngày làm bù (đi làm vào thứ Bảy, Chủ nhật hoặc ngày nghỉ)")),
        ],
        coerce=lambda value: value == WORKED,
        initial=DAY_OFF,
    )
    name = forms.CharField(
        label=_("Tên"),
        max_length=200,
        help_text=_("Ví dụ: Tết Nguyên đán (mùng 1); Làm bù cho thứ Sáu 27/01/2012."),
    )
    note = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=500,
        help_text=_("Căn cứ (văn bản, thông báo), hoặc “chưa kiểm chứng”."),
    )


class ConfirmForm(BootstrapForm):
    """No fields: a POST that says yes."""
