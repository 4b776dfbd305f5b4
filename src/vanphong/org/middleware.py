from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from vanphong.org import units


class UnitDirectoryMiddleware:
    """The unit tree's order and labels (`org.units.directory`) read at most once while a
    request is answered, and forgotten when it has been, whatever the answer (an exception, a
    streamed body read later: that reads the tree afresh)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        units.request_began()
        try:
            return self.get_response(request)
        finally:
            units.request_ended()
