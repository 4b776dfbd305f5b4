from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from vanphong.org.selectors import scope_for


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the page shell needs on every page: whether to show the administration link."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    scope = scope_for(user)
    return {"can_administer": scope.everything or bool(scope.administered)}
