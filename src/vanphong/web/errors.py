"""The page of a refused form post (CSRF), in the site's shell and language, instead of
Django's English one. The 400/403/404/500 pages are the templates of the same names."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template import loader


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    # The reason is Django's English diagnostic: logged by Django, not shown.
    page = loader.get_template("403.html").render({"csrf_failed": True}, request)
    return HttpResponse(page, status=403)
