"""One matrix, three doors: for each persona and each document, the page, the API and the
file download agree — the document is there (200) or does not exist (404)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client

from tests.support.documents import DocWorld, draft_report, register_2011
from tests.support.files import PNG
from vanphong.api.services import token_create
from vanphong.core.models import AuditEvent
from vanphong.documents.services import Upload
from vanphong.org.models import Clearance

PERSONAS = [
    "chau_thanh_clerk",
    "chau_thanh_specialist",
    "chau_thanh_office_leader",
    "chau_thanh_leader",
    "province_leader",
    "province_clerk",
    "chau_thanh_admin",
    "hoa_thanh_clerk",
    "unassigned",
]
# (persona) -> sees (open document, secret document)
EXPECTED = {
    "chau_thanh_clerk": (True, True),
    "chau_thanh_specialist": (True, False),
    "chau_thanh_office_leader": (True, True),
    "chau_thanh_leader": (True, True),
    "province_leader": (True, True),
    "province_clerk": (False, False),
    "chau_thanh_admin": (False, False),
    "hoa_thanh_clerk": (False, False),
    "unassigned": (False, False),
}


@pytest.fixture
def documents(world: DocWorld, settings: Any, tmp_path: Any) -> dict[str, Any]:
    settings.MEDIA_ROOT = str(tmp_path)

    def with_file(**extra: object) -> Any:
        return register_2011(world, attachments=[Upload("scan.png", io.BytesIO(PNG))], **extra)

    secret_draft = draft_report(
        world, actor=world.chau_thanh_clerk, confidentiality=Clearance.SECRET
    )
    return {
        "open": with_file(),
        "secret": with_file(number_symbol="46-CT/TU", confidentiality=Clearance.SECRET),
        "secret_draft": secret_draft,
    }


def _doors(client: Client, token: str, document: Any) -> tuple[int, int, int, int]:
    attachment = document.attachments.get()
    bearer = {"Authorization": f"Bearer {token}"}
    return (
        client.get(f"/van-ban/den/{document.uuid}/").status_code,
        client.get(f"/api/v1/van-ban/den/{document.uuid}", headers=bearer).status_code,
        client.get(f"/van-ban/tep/{attachment.uuid}/").status_code,
        client.get(
            f"/api/v1/van-ban/den/{document.uuid}/tep/{attachment.uuid}", headers=bearer
        ).status_code,
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_api_and_downloads_agree_on_who_sees_a_document(
    client: Client, world: DocWorld, documents: dict[str, Any], persona: str
) -> None:
    person = getattr(world, persona)
    client.force_login(person)
    token = token_create(actor=None, person=person, name="matrix").token
    sees_open, sees_secret = EXPECTED[persona]
    for key, sees in (("open", sees_open), ("secret", sees_secret)):
        expected = 200 if sees else 404
        assert _doors(client, token, documents[key]) == (expected,) * 4, (persona, key)
    draft_page = client.get(f"/van-ban/di/{documents['secret_draft'].uuid}/")
    assert draft_page.status_code == (200 if sees_secret else 404), (persona, "secret draft")


def test_each_read_of_a_secret_document_through_any_door_is_audited(
    client: Client, world: DocWorld, documents: dict[str, Any]
) -> None:
    person = world.chau_thanh_office_leader
    client.force_login(person)
    token = token_create(actor=None, person=person, name="matrix").token
    before = AuditEvent.objects.filter(action="document.read", actor=person).count()
    _doors(client, token, documents["secret"])
    after = AuditEvent.objects.filter(action="document.read", actor=person).count()
    assert after - before >= 4
    _doors(client, token, documents["open"])
    assert AuditEvent.objects.filter(action="document.read", actor=person).count() == after
