"""The project's URLs with a stand-in for the letter page (`petitions:letter`) while the
letters' pages are built elsewhere: the clocks' links and redirects resolve in their tests."""

from __future__ import annotations

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path

from vanphong import urls as project
from vanphong.petitions import urls as petitions

_patterns: list[URLPattern | URLResolver] = list(petitions.urlpatterns)


def _letter(request: HttpRequest, uuid: UUID) -> HttpResponse:
    return HttpResponse(f"letter {uuid}")


if not any(getattr(pattern, "name", None) == "letter" for pattern in _patterns):
    _patterns.append(path("don-thu/<uuid:uuid>/", _letter, name="letter"))

urlpatterns = [
    *(p for p in project.urlpatterns if getattr(p, "namespace", None) != "petitions"),
    path("", include((_patterns, "petitions"))),
]
