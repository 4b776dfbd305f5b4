from __future__ import annotations

from typing import cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from vanphong.core import paging
from vanphong.org.models import Person
from vanphong.search import registry, selectors

SUGGESTIONS = 6


def _ints(values: list[str]) -> tuple[int, ...]:
    return tuple(int(v) for v in values if v.isdigit() and len(v) < 10)


def _strings(values: list[str]) -> tuple[str, ...]:
    return tuple(v[:40] for v in values if v)


def filters_from(query: QueryDict) -> selectors.Filters:
    """Unknown or malformed filter values are dropped, never an error: a search URL is
    typed, shared and edited by hand."""
    kinds = {provider.kind for provider in registry.providers()}
    return selectors.Filters(
        kinds=tuple(k for k in query.getlist("loai") if k in kinds),
        units=_ints(query.getlist("don-vi")),
        types=_strings(query.getlist("loai-vb")),
        years=_ints(query.getlist("nam")),
        statuses=_strings(query.getlist("trang-thai")),
        clearances=_ints(query.getlist("do-mat")),
    )


def _page(query: QueryDict) -> int:
    raw = query.get("trang", "1")
    return int(raw) if raw.isdigit() and len(raw) < 5 else 1


FACET_PARAMS = {
    "kind": "loai",
    "unit": "don-vi",
    "type": "loai-vb",
    "year": "nam",
    "status": "trang-thai",
    "clearance": "do-mat",
}


FACET_TITLES = {
    "kind": gettext_lazy("Loại"),
    "unit": gettext_lazy("Đơn vị"),
    "type": gettext_lazy("Loại văn bản"),
    "year": gettext_lazy("Năm"),
    "status": gettext_lazy("Trạng thái"),
    "clearance": gettext_lazy("Độ mật"),
}


@login_required
@require_GET
def results(request: HttpRequest) -> HttpResponse:
    person = cast(Person, request.user)
    text = request.GET.get("q", "")
    sort = "date" if request.GET.get("sap-xep") == "ngay" else "relevance"
    found = selectors.search(
        person, text, filters=filters_from(request.GET), sort=sort, page=_page(request.GET)
    )
    facets = []
    for name, values in found.facets.items():
        param = FACET_PARAMS[name]
        chosen = set(request.GET.getlist(param))
        options = []
        for value in values:
            query = request.GET.copy()
            query.pop("trang", None)
            others = [v for v in query.getlist(param) if v != value.value]
            query.setlist(param, others if value.value in chosen else [*others, value.value])
            options.append((value, value.value in chosen, query.urlencode()))
        facets.append((name, FACET_TITLES[name], options))
    pages = paging.Pages(
        total=found.total, number=found.page, per_page=selectors.PER_PAGE, most=selectors.MAX_PAGE
    )
    return render(
        request,
        "search/results.html",
        {"found": found, "facets": facets, "pages": pages, "sort": sort, "q": text},
    )


@login_required
@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """As one types (htmx): the first few titles for the text, the last word as a prefix."""
    person = cast(Person, request.user)
    text = request.GET.get("q", "").strip()
    hits: list[selectors.Hit] = []
    if len(text) >= 2:
        typed = text if text.endswith(("*", '"', " ")) else f"{text}*"
        hits = selectors.search(person, typed, per_page=SUGGESTIONS, facets=False).hits
    return render(request, "search/_suggestions.html", {"hits": hits, "q": text})
