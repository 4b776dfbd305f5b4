"""The JSON API root: each app mounts its router here.

Errors have one shape for every router: `{"detail": "…"}`, and for invalid input (a malformed
request, or a service's ValidationError) `{"detail": "…", "errors": {field: [messages]}}`
with status 422. A service's PermissionDenied is 403; an object the caller may not see is 404.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError as RequestInvalid

from vanphong.api.auth import BearerToken
from vanphong.api.tokens import router as tokens_router
from vanphong.core.api import router as calendar_router
from vanphong.directives.api import router as directives_router
from vanphong.documents.api import router as documents_router
from vanphong.org.api import router as org_router
from vanphong.planning.api import router as planning_router
from vanphong.search.api import router as search_router

api = NinjaAPI(
    title="vanphong API",
    version="1",
    description="API của vanphong. Xác thực: `Authorization: Bearer <mã>` "
    "(tạo bằng `vanphong token create TÊN_ĐĂNG_NHẬP`).",
    auth=BearerToken(),
    urls_namespace="api",
)
api.add_router("/", org_router)
api.add_router("/", tokens_router)
api.add_router("/ngay-lam-viec/", calendar_router)
api.add_router("/van-ban/", documents_router)
api.add_router("/ke-hoach/", planning_router)
api.add_router("/nhiem-vu/", directives_router)
api.add_router("/", search_router)

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


def _invalid(request: HttpRequest, detail: str, errors: dict[str, list[str]]) -> HttpResponse:
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


@api.exception_handler(RequestInvalid)
def _request_invalid(request: HttpRequest, exc: RequestInvalid) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        errors.setdefault(_field_of(list(error.get("loc", ()))), []).append(str(error["msg"]))
    return _invalid(request, _("Dữ liệu gửi lên không hợp lệ."), errors)


@api.exception_handler(ValidationError)
def _service_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return _invalid(request, " ".join(exc.messages), errors)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    detail = str(exc) or _("Bạn không có quyền làm việc này.")
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    detail = _("Yêu cầu quá lớn.")
    return api.create_response(request, {"detail": detail}, status=413)
