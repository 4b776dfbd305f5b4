from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers


class ChosenLanguageMiddleware:
    """Vietnamese unless the user chose another language in the page footer.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many office
    computers run an English browser; the interface must still open in Vietnamese there.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class DownloadsNotStoredMiddleware:
    """Every download (a response with `Content-Disposition: attachment`: registers, reviews,
    printed schedules, exports, attachments) is `Cache-Control: private, no-store`.

    They name secret things; a browser's disk cache or a proxy would keep them after the
    session ends, for the next person at the same computer. One rule here, so a new export
    cannot forget it. (The iCalendar feed is `inline` and keeps its short private cache.)
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.get("Content-Disposition", "").lower().startswith("attachment"):
            patch_cache_control(response, private=True, no_store=True)
        return response
