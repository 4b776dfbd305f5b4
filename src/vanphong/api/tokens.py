"""`/api/v1/me/ma-truy-cap`: the caller's own API tokens, and revoking one."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Schema

from vanphong.api import selectors, services
from vanphong.api.auth import actor
from vanphong.api.errors import ERRORS
from vanphong.api.models import ApiToken

router = Router(tags=["tổ chức"])


class TokenOut(Schema):
    uuid: UUID
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


def _out(token: ApiToken) -> TokenOut:
    return TokenOut.model_validate(token, from_attributes=True)


@router.get(
    "/me/ma-truy-cap",
    response={200: list[TokenOut], **ERRORS},
    summary="Các mã truy cập API của người gọi",
)
def tokens(request: HttpRequest) -> list[TokenOut]:
    return [_out(t) for t in selectors.tokens_of(actor(request))]


@router.post(
    "/me/ma-truy-cap/{token_uuid}/thu-hoi",
    response={200: TokenOut, **ERRORS},
    summary="Thu hồi một mã truy cập của người gọi",
)
def token_revoke(request: HttpRequest, token_uuid: UUID) -> TokenOut:
    person = actor(request)
    token = selectors.token_get_own(person, token_uuid)
    return _out(services.token_revoke(actor=person, token=token))
