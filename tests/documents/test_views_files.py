"""Attachment downloads: only through a visible document, always as a download, audited for
secret documents."""

from __future__ import annotations

import io
from urllib.parse import quote
from uuid import uuid4

import pytest
from django.conf import LazySettings
from django.test import Client

from tests.support.documents import DocWorld, register_2011, url
from tests.support.files import PDF, PNG
from tests.support.web import login
from vanphong.core.models import AuditEvent
from vanphong.documents import services_incoming, services_outgoing
from vanphong.documents.models import Attachment
from vanphong.documents.services import Upload
from vanphong.documents.services_incoming import Handler
from vanphong.documents.views_files import content_disposition
from vanphong.org.models import Clearance


@pytest.fixture(autouse=True)
def _media(settings: LazySettings, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def _body(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def test_a_clerk_downloads_an_attachment_with_its_vietnamese_name_and_checked_type(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(
        world, attachments=[Upload("Chỉ thị số 45 của Tỉnh ủy.pdf", io.BytesIO(PDF))]
    )
    attachment = document.attachments.get()
    login(client, world.chau_thanh_clerk)
    response = client.get(url("attachment", attachment.uuid))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Chi thi so 45 cua Tinh uy.pdf"')
    assert f"filename*=UTF-8''{quote('Chỉ thị số 45 của Tỉnh ủy.pdf')}" in disposition
    assert "private" in response["Cache-Control"]
    assert _body(response) == PDF


def test_the_type_and_the_extension_come_from_the_bytes_not_the_name(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(
        world,
        attachments=[
            Upload("scan.pdf", io.BytesIO(PNG)),
            Upload("Tờ trình.html", io.BytesIO(PDF)),
        ],
    )
    login(client, world.chau_thanh_clerk)
    served = {}
    for attachment in document.attachments.all():
        response = client.get(url("attachment", attachment.uuid))
        served[attachment.filename] = (response["Content-Type"], response["Content-Disposition"])
    assert served == {
        "scan.png": ("image/png", 'attachment; filename="scan.png"'),
        "Tờ trình.pdf": (
            "application/pdf",
            f"attachment; filename=\"To trinh.pdf\"; filename*=UTF-8''{quote('Tờ trình.pdf')}",
        ),
    }


def test_dangerous_names_are_sanitised_in_the_header() -> None:
    header = content_disposition('../../etc/"passwd"\r\nX-Evil: 1.pdf')
    assert "\r" not in header
    assert "\n" not in header
    assert header.count('"') == 2
    assert "/" not in header.split("filename=")[1]


def test_an_attachment_of_another_districts_document_is_a_404(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world, attachments=[Upload("a.pdf", io.BytesIO(PDF))])
    login(client, world.hoa_thanh_clerk)
    assert client.get(url("attachment", document.attachments.get().uuid)).status_code == 404
    assert client.get(url("attachment", uuid4())).status_code == 404


def test_anonymous_visitors_are_sent_to_login(client: Client, world: DocWorld) -> None:
    document = register_2011(world, attachments=[Upload("a.pdf", io.BytesIO(PDF))])
    response = client.get(url("attachment", document.attachments.get().uuid))
    assert response.status_code == 302


def test_a_secret_attachment_opens_for_an_assigned_specialist_and_each_read_is_audited(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(
        world,
        confidentiality=Clearance.SECRET,
        attachments=[Upload("mat.pdf", io.BytesIO(PDF))],
    )
    attachment = document.attachments.get()
    login(client, world.chau_thanh_specialist)
    assert client.get(url("attachment", attachment.uuid)).status_code == 404
    assert not AuditEvent.objects.filter(action="document.read").exists()

    services_incoming.direction_give(
        actor=world.chau_thanh_office_leader,
        document=document,
        text="Nghiên cứu",
        lead=Handler(person=world.chau_thanh_specialist),
    )
    response = client.get(url("attachment", attachment.uuid))
    assert response.status_code == 200
    assert _body(response) == PDF
    read = AuditEvent.objects.get(action="document.read")
    assert (read.actor_id, read.object_id) == (world.chau_thanh_specialist.pk, str(document.uuid))


def test_outgoing_and_draft_version_attachments_follow_the_outgoing_documents_visibility(
    client: Client, world: DocWorld
) -> None:
    draft = services_outgoing.outgoing_create(
        actor=world.chau_thanh_specialist,
        unit=world.chau_thanh_office,
        type_symbol="CV",
        subject="Dự thảo công văn",
        attachments=[Upload("Dự thảo lần 1.pdf", io.BytesIO(PDF))],
    )
    attachment = Attachment.objects.get(outgoing=draft)
    assert attachment.version is not None
    version_only = Attachment.objects.create(
        file=attachment.file,
        filename="phien-ban.pdf",
        version=attachment.version,
        uploaded_by=world.chau_thanh_specialist,
    )
    login(client, world.chau_thanh_specialist)
    assert client.get(url("attachment", attachment.uuid)).status_code == 200
    assert client.get(url("attachment", version_only.uuid)).status_code == 200
    login(client, world.hoa_thanh_clerk)
    assert client.get(url("attachment", attachment.uuid)).status_code == 404
    assert client.get(url("attachment", version_only.uuid)).status_code == 404
