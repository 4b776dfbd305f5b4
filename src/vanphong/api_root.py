"""The JSON API root at `/api/v1/`: each app's router mounted under its prefix. Errors are
answered in one shape by the api kit's handlers (`vanphong.api.handlers`)."""

from __future__ import annotations

from ninja import NinjaAPI
from ninja.operation import Operation

from vanphong.api import handlers
from vanphong.api.auth import BearerToken
from vanphong.api.tokens import router as tokens_router
from vanphong.archives.api import router as archives_router
from vanphong.core.api import router as calendar_router
from vanphong.directives.api import router as directives_router
from vanphong.documents.api import router as documents_router
from vanphong.emulation.api import router as emulation_router
from vanphong.org.api import router as org_router
from vanphong.petitions.api import router as petitions_router
from vanphong.planning.api import router as planning_router
from vanphong.search.api import router as search_router


class VanphongAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """`vanphong_<app>_api_<function>`, wherever in the app's `api` package the function
        lives: splitting a router into modules does not rename its operations for clients."""
        parts = operation.view_func.__module__.split(".")
        if len(parts) > 3 and parts[2] == "api":
            parts = parts[:3]
        return "_".join([*parts, operation.view_func.__name__])


api = VanphongAPI(
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
api.add_router("/don-thu/", petitions_router)
api.add_router("/thi-dua/", emulation_router)
api.add_router("/luu-tru/", archives_router)
api.add_router("/", search_router)
handlers.install(api)
