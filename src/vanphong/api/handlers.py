"""The API's exception handlers, installed on the root by `install`.

Errors have one shape for every router: `{"detail": "…"}`, and for invalid input (a malformed
request, or a service's ValidationError) `{"detail": "…", "errors": {field: [messages]}}`
with status 422. A service's PermissionDenied is 403; an object the caller may not see is 404.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import ValidationError as RequestInvalid

from vanphong.core.vietnamese import format_date


def install(api: NinjaAPI) -> None:
    """Answer every router's errors in one shape (see `vanphong.api.errors`)."""

    def invalid(request: HttpRequest, detail: str, errors: dict[str, list[str]]) -> HttpResponse:
        return api.create_response(request, {"detail": detail, "errors": errors}, status=422)

    @api.exception_handler(RequestInvalid)
    def request_invalid(request: HttpRequest, exc: RequestInvalid) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(_field_of(list(error.get("loc", ()))), []).append(_message(error))
        return invalid(request, _("Dữ liệu gửi lên không hợp lệ."), errors)

    @api.exception_handler(ValidationError)
    def service_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
        return invalid(request, " ".join(exc.messages), errors)

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        detail = str(exc) or _("Bạn không có quyền làm việc này.")
        return api.create_response(request, {"detail": detail}, status=403)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        detail = _("Yêu cầu quá lớn.")
        return api.create_response(request, {"detail": detail}, status=413)


# Where ninja says the bad value was; the field name after it is what a client needs.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


def _field_of(location: list[Any]) -> str:
    parts = [str(p) for p in location]
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
        # A body schema parameter appears under its parameter name (`payload`).
        if location[0] == "body" and len(parts) > 1:
            parts = parts[1:]
    return ".".join(parts) or "__all__"


def _shown(value: Any) -> str:
    return format_date(value) if isinstance(value, date) else str(value)


def _message(error: dict[str, Any]) -> str:
    """Pydantic's English message for a malformed request, said in Vietnamese."""
    kind, ctx = str(error.get("type", "")), error.get("ctx") or {}
    values = {name: _shown(value) for name, value in ctx.items()}
    if "expected" in values:  # "'a', 'b' or 'c'"
        values["expected"] = values["expected"].replace(" or ", _(" hoặc "))
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"])  # a validator's own (Vietnamese) message
    if kind in ("too_short", "too_long") and ctx.get("field_type") in ("List", "Tuple", "Set"):
        kind = f"{kind}_items"
    template = _PYDANTIC_MESSAGES.get(kind)
    if template is None:
        # Our own errors (core.inputs) are Vietnamese already; anything else is generic.
        return str(error["msg"]) if kind.startswith("vanphong_") else _("Giá trị không hợp lệ.")
    try:
        return str(template) % values
    except (KeyError, TypeError, ValueError):
        return _("Giá trị không hợp lệ.")


_PYDANTIC_MESSAGES = {
    "missing": gettext_lazy("Thiếu trường bắt buộc."),
    "string_type": gettext_lazy("Phải là chuỗi ký tự."),
    "string_too_short": gettext_lazy("Không được để trống (ít nhất %(min_length)s ký tự)."),
    "string_too_long": gettext_lazy("Không được dài quá %(max_length)s ký tự."),
    "too_short": gettext_lazy("Không được để trống (ít nhất %(min_length)s ký tự)."),
    "too_long": gettext_lazy("Không được dài quá %(max_length)s ký tự."),
    "too_short_items": gettext_lazy("Cần ít nhất %(min_length)s mục."),
    "too_long_items": gettext_lazy("Không được quá %(max_length)s mục."),
    "int_type": gettext_lazy("Phải là số nguyên."),
    "int_parsing": gettext_lazy("Phải là số nguyên."),
    "int_parsing_size": gettext_lazy("Số quá lớn."),
    "int_from_float": gettext_lazy("Phải là số nguyên."),
    "float_type": gettext_lazy("Phải là số."),
    "float_parsing": gettext_lazy("Phải là số."),
    "finite_number": gettext_lazy("Phải là số hữu hạn."),
    "greater_than_equal": gettext_lazy("Phải từ %(ge)s trở lên."),
    "greater_than": gettext_lazy("Phải lớn hơn %(gt)s."),
    "less_than_equal": gettext_lazy("Không được quá %(le)s."),
    "less_than": gettext_lazy("Phải nhỏ hơn %(lt)s."),
    "bool_type": gettext_lazy("Phải là true hoặc false."),
    "bool_parsing": gettext_lazy("Phải là true hoặc false."),
    "date_type": gettext_lazy("Ngày không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2012-02-17."),
    "date_parsing": gettext_lazy("Ngày không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2012-02-17."),
    "date_from_datetime_parsing": gettext_lazy(
        "Ngày không hợp lệ; dùng dạng YYYY-MM-DD, ví dụ 2012-02-17."
    ),
    "date_from_datetime_inexact": gettext_lazy("Ngày không được kèm giờ."),
    "datetime_type": gettext_lazy(
        "Ngày giờ không hợp lệ; dùng dạng ISO 8601, ví dụ 2012-02-17T08:30:00."
    ),
    "datetime_parsing": gettext_lazy(
        "Ngày giờ không hợp lệ; dùng dạng ISO 8601, ví dụ 2012-02-17T08:30:00."
    ),
    "datetime_from_date_parsing": gettext_lazy(
        "Ngày giờ không hợp lệ; dùng dạng ISO 8601, ví dụ 2012-02-17T08:30:00."
    ),
    "datetime_object_invalid": gettext_lazy("Ngày giờ không hợp lệ."),
    "time_type": gettext_lazy("Giờ không hợp lệ; dùng dạng HH:MM, ví dụ 08:30."),
    "time_parsing": gettext_lazy("Giờ không hợp lệ; dùng dạng HH:MM, ví dụ 08:30."),
    "uuid_type": gettext_lazy("Mã (UUID) không hợp lệ."),
    "uuid_parsing": gettext_lazy("Mã (UUID) không hợp lệ."),
    "uuid_version": gettext_lazy("Mã (UUID) không hợp lệ."),
    "enum": gettext_lazy("Phải là một trong: %(expected)s."),
    "literal_error": gettext_lazy("Phải là một trong: %(expected)s."),
    "list_type": gettext_lazy("Phải là một danh sách."),
    "dict_type": gettext_lazy("Phải là một đối tượng JSON."),
    "model_type": gettext_lazy("Phải là một đối tượng JSON."),
    "model_attributes_type": gettext_lazy("Phải là một đối tượng JSON."),
    "json_invalid": gettext_lazy("JSON không hợp lệ."),
    "json_type": gettext_lazy("JSON không hợp lệ."),
    "string_unicode": gettext_lazy("Văn bản không hợp lệ (mã Unicode hỏng)."),
    "extra_forbidden": gettext_lazy("Trường này không được nhận."),
}
