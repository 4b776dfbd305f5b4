"""`GET /api/v1/search`: the search page's results, filters and facets for programs."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal, cast

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from vanphong.api.errors import ERRORS
from vanphong.core.inputs import Year
from vanphong.org.models import Person
from vanphong.search import selectors

router = Router(tags=["tìm kiếm"])


class SearchQuery(Schema):
    q: str = Field("", max_length=2000, description="Từ cần tìm, như gõ ở ô tìm kiếm.")
    kind: list[str] = Field([], description="`incoming`, `outgoing`.")
    unit: list[Annotated[int, Field(ge=1, le=2**63 - 1)]] = Field(
        [], description="Mã số đơn vị (như trong `facets.unit`)."
    )
    type: list[str] = Field([], description="Ký hiệu loại văn bản: NQ, CT, QĐ…")
    year: list[Year] = Field([])
    status: list[str] = Field([])
    clearance: list[Annotated[int, Field(ge=0, le=3)]] = Field([], description="Độ mật 0–3.")
    sort: Literal["relevance", "date"] = "relevance"
    page: int = Field(1, ge=1, le=selectors.MAX_PAGE)
    per_page: int = Field(selectors.PER_PAGE, ge=1, le=100)
    facets: bool = Field(
        False,
        description="Kèm số kết quả theo loại, đơn vị, loại văn bản, năm, trạng thái, độ mật.",
    )


class HitOut(Schema):
    kind: str
    title: str
    url: str
    snippet_html: str = Field(
        description="Đoạn trích; từ khớp trong thẻ <b>, còn lại đã thoát HTML."
    )
    unit_name: str
    status: str
    date: datetime
    confidentiality: int


class FacetOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    q: str
    total: int = Field(description="Số kết quả người gọi được xem (đúng, không ước lượng).")
    page: int
    pages: int
    hits: list[HitOut]
    facets: dict[str, list[FacetOut]]
    message: str = Field(
        description="Lời nhắn khi không tìm được (câu hỏi rỗng, chỉ mục đang dựng…)."
    )


@router.get(
    "/search",
    response={200: SearchOut, **ERRORS},
    summary="Tìm văn bản (tiếng Việt có dấu, không dấu, số ký hiệu)",
)
def search(request: HttpRequest, params: Query[SearchQuery]) -> dict[str, object]:
    person = cast(Person, request.auth)  # type: ignore[attr-defined]
    filters = selectors.Filters(
        kinds=tuple(params.kind),
        units=tuple(params.unit),
        types=tuple(params.type),
        years=tuple(params.year),
        statuses=tuple(params.status),
        clearances=tuple(params.clearance),
    )
    found = selectors.search(
        person,
        params.q,
        filters=filters,
        sort=params.sort,
        page=params.page,
        per_page=params.per_page,
        facets=params.facets,
    )
    # A plain dict: django-ninja validates the response once against SearchOut; building the
    # schema objects here would validate every hit twice.
    return {
        "q": params.q,
        "total": found.total,
        "page": found.page,
        "pages": found.pages,
        "hits": [
            {
                "kind": hit.kind,
                "title": hit.title,
                "url": hit.url,
                "snippet_html": hit.snippet,
                "unit_name": hit.unit_name,
                "status": hit.status_label,
                "date": hit.moment,
                "confidentiality": hit.clearance,
            }
            for hit in found.hits
        ],
        "facets": {
            name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
            for name, values in found.facets.items()
        },
        "message": found.message,
    }
