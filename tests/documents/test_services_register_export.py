"""services.register_export: a register file that lists secret documents is an audited read."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.documents import DocWorld, register
from vanphong.core.models import AuditEvent
from vanphong.documents import services
from vanphong.documents.registers import Kind, Period
from vanphong.org.models import Clearance

YEAR_2012 = Period(date(2012, 1, 1), date(2012, 12, 31))


def export(world: DocWorld, kind: Kind = Kind.INCOMING, file_format: str = "xlsx") -> bytes:
    return services.register_export(
        actor=world.chau_thanh_clerk,
        kind=kind,
        unit=world.chau_thanh_office,
        period=YEAR_2012,
        file_format=file_format,
    )


@pytest.mark.parametrize("file_format", ["xlsx", "pdf"])
def test_exporting_a_register_with_secret_documents_audits_one_read_naming_them(
    world: DocWorld, file_format: str
) -> None:
    register(world, subject="Về công tác tuyển quân")
    secret = register(
        world, number_symbol="46-CT/TU", subject="Về nhân sự", confidentiality=Clearance.SECRET
    )
    content = export(world, file_format=file_format)
    assert content
    event = AuditEvent.objects.get(action="register.export")
    assert event.actor_id == world.chau_thanh_clerk.pk
    assert event.object_id == str(world.chau_thanh_office.uuid)
    assert event.after == {
        "register": "den",
        "from": "2012-01-01",
        "to": "2012-12-31",
        "format": file_format,
        "secret_documents": [str(secret.uuid)],
    }


def test_exporting_a_register_without_secret_documents_writes_no_event(world: DocWorld) -> None:
    register(world, subject="Về công tác tuyển quân")
    with CaptureQueriesContext(connection) as captured:
        export(world)
    assert not AuditEvent.objects.filter(action="register.export").exists()
    assert not any(q["sql"].startswith(("INSERT", "UPDATE")) for q in captured)


def test_the_export_lists_only_secret_documents_the_person_may_see(world: DocWorld) -> None:
    register(world, confidentiality=Clearance.SECRET)
    services.register_export(
        actor=world.chau_thanh_specialist,
        kind=Kind.INCOMING,
        unit=world.chau_thanh_office,
        period=YEAR_2012,
        file_format="xlsx",
    )
    assert not AuditEvent.objects.filter(action="register.export").exists()
