"""The person's calendar links on their account page (`vanphong.api.credentials`): listed
beside their API tokens, each revocable there."""

from __future__ import annotations

from typing import Any, cast
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vanphong.api.credentials import OtherCredentials
from vanphong.core.access import get_visible_or_404
from vanphong.org.models import Person
from vanphong.planning import services
from vanphong.planning.models import FeedToken


def feeds_of(person: Person) -> QuerySet[FeedToken]:
    return (
        FeedToken.objects.filter(owner=person)
        .select_related("person", "room", "unit")
        .order_by("revoked_at", "-created_at")
    )


@login_required
@require_POST
def feed_revoke(request: HttpRequest, feed_uuid: UUID) -> HttpResponse:
    person = cast(Person, request.user)
    feed = get_visible_or_404(feeds_of(person), feed_uuid)
    try:
        services.feed_revoke(actor=person, feed=feed)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Đã thu hồi liên kết; lịch đã đăng ký sẽ không cập nhật nữa."))
    return redirect("account:credentials")


def _context(person: Person) -> dict[str, Any]:
    return {"feeds": feeds_of(person)}


CALENDAR_LINKS = OtherCredentials(
    template="planning/_credentials_feeds.html",
    context=_context,
    urls=[path("lien-ket-lich/<uuid:feed_uuid>/thu-hoi/", feed_revoke, name="feed_revoke")],
)
