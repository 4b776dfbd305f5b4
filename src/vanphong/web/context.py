from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vanphong.org.selectors import scope_for
from vanphong.web.menu import allowed_pages, menu_for


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the page shell needs on every page: the person's menu (from the scope the request
    computes anyway, no query of its own) and whether to show the administration link."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    scope = scope_for(user)
    menus = menu_for(request, user)
    return {
        "can_administer": scope.everything or bool(scope.administered),
        "menus": [m for m in menus if m.key != "account"],
        "account_menu": next((m for m in menus if m.key == "account"), None),
        "allowed_pages": allowed_pages(scope),
        "home_current": getattr(request.resolver_match, "view_name", "") == "web:home",
    }
