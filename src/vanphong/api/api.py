"""The JSON API root: each app mounts its router here."""

from __future__ import annotations

from ninja import NinjaAPI

from vanphong.api.auth import BearerToken
from vanphong.org.api import router as org_router

api = NinjaAPI(
    title="vanphong API",
    version="1",
    description="API của vanphong. Xác thực: `Authorization: Bearer <mã>` "
    "(tạo bằng `vanphong token create TÊN_ĐĂNG_NHẬP`).",
    auth=BearerToken(),
    urls_namespace="api",
)
api.add_router("/", org_router)
