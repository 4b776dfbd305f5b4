"""Background work of core: mailing a notice to those who chose to get its kind by email."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.utils.translation import gettext as _
from django_tasks import task

from vanphong.core import notifications
from vanphong.core.models import NoticeKind


@task()
def notice_email_send(*, kind: str, person_ids: list[int], text: str, url: str) -> int:
    """One email per active person with an address (who asked for it was decided when the
    notice was created, see notifications.send)."""
    addresses = (
        get_user_model()
        .objects.filter(pk__in=person_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    label = NoticeKind(kind).label if kind in NoticeKind.values else ""
    subject = _("[vanphong] %(kind)s") % {"kind": label} if label else _("[vanphong] Thông báo")
    body = f"{text}\n\n{notifications.link(url)}" if url else text
    return send_mass_mail(tuple((subject, body, None, [address]) for address in addresses))
