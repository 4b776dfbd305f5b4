"""Correcting a letter's registration and adding files to it through the JSON API: as the
page, only its handler and the unit's leaders before a handling is decided, the denouncer
replaced only by who may read them, bad input refused on its field with nothing changed, and a
letter of a unit the caller does not see a 404."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from django.test import Client

from tests.petitions.api import Caller
from tests.petitions.letters import DENOUNCER, denunciation, register
from tests.support.files import PDF
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.core.models import AuditEvent
from vanphong.petitions import services_handling
from vanphong.petitions.models import Letter, LetterFile

NEW_NAME = "Phạm Thị Mới"


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def _correction(letter: Letter, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "received_on": letter.received_on.isoformat(),
        "channel": letter.channel,
        "kinds": [
            k for k in ("complaint", "denunciation", "proposal", "report") if getattr(letter, k)
        ],
        "summary": "Khiếu nại việc bồi thường đất khi mở rộng đường tỉnh 785",
        "place": "xã Trường Hòa",
    }
    data.update(overrides)
    return data


def _scan(name: str = "bien-ban.pdf") -> dict[str, str]:
    return {"name": name, "content_base64": base64.b64encode(PDF).decode()}


def _names(letter: Letter) -> list[str]:
    return list(letter.citizens.order_by("position").values_list("full_name", flat=True))


def test_the_handler_corrects_the_registration_keeping_number_and_petitioners(
    world: PetitionWorld, client: Client
) -> None:
    letter = register(world)
    response = Caller(client, world.province_reception).post(
        f"/{letter.uuid}/sua", _correction(letter)
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["book_number"], body["place"]) == (f"{letter.number}/2011", "xã Trường Hòa")
    changed = Letter.objects.get(pk=letter.pk)
    assert changed.summary.endswith("tỉnh 785")
    assert changed.number == letter.number
    assert _names(changed) == ["Nguyễn Văn Khiếu"]
    assert AuditEvent.objects.filter(action="letter.update", object_id=str(letter.uuid)).exists()


def test_the_denunciations_handler_replaces_its_denouncer_and_the_answer_names_nobody(
    world: PetitionWorld, client: Client
) -> None:
    letter = services_handling.letter_take(
        actor=world.province_reception, letter=denunciation(world)
    )
    response = Caller(client, world.province_reception).post(
        f"/{letter.uuid}/sua", _correction(letter, citizens=[{"full_name": NEW_NAME}])
    )
    assert response.status_code == 200, response.json()
    assert NEW_NAME not in response.content.decode()
    assert _names(letter) == [NEW_NAME]


def test_an_officer_who_may_not_read_the_denouncer_may_correct_but_not_replace_them(
    world: PetitionWorld, client: Client
) -> None:
    letter = denunciation(world)  # nobody handles it: every reception officer of the unit acts
    officer = Caller(client, world.province_reception_2)
    refused = officer.post(
        f"/{letter.uuid}/sua", _correction(letter, citizens=[{"full_name": NEW_NAME}])
    )
    assert refused.status_code == 403
    assert _names(letter) == [DENOUNCER.full_name]
    assert Letter.objects.get(pk=letter.pk).summary == letter.summary
    kept = officer.post(f"/{letter.uuid}/sua", _correction(letter))
    assert kept.status_code == 200, kept.json()
    assert DENOUNCER.full_name not in kept.content.decode()
    assert _names(letter) == [DENOUNCER.full_name]


def test_a_colleague_who_does_not_handle_the_letter_may_not_correct_it(
    world: PetitionWorld, client: Client
) -> None:
    letter = services_handling.letter_take(actor=world.province_reception, letter=register(world))
    response = Caller(client, world.province_reception_2).post(
        f"/{letter.uuid}/sua", _correction(letter)
    )
    assert response.status_code == 403
    assert Letter.objects.get(pk=letter.pk).summary == letter.summary


def test_a_letter_whose_handling_is_decided_is_no_longer_corrected(
    world: PetitionWorld, client: Client
) -> None:
    letter = register(world)
    officer = Caller(client, world.province_reception)
    officer.post(f"/{letter.uuid}/nhan-xu-ly")
    officer.post(f"/{letter.uuid}/phan-loai", {"eligibility": "eligible"})
    kept = officer.post(f"/{letter.uuid}/xu-ly", {"handling": "keep"})
    assert kept.status_code == 200, kept.json()
    response = officer.post(f"/{letter.uuid}/sua", _correction(letter))
    assert response.status_code == 422
    assert Letter.objects.get(pk=letter.pk).summary == letter.summary


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"summary": "  "}, "summary"),
        ({"received_on": "2012-01-05"}, "received_on"),
        ({"kinds": []}, "kinds"),
        ({"anonymous": True}, "citizens"),
        ({"field": "00000000-0000-4000-8000-000000000000"}, "field"),
    ],
)
def test_bad_corrections_are_refused_on_their_field_and_change_nothing(
    world: PetitionWorld, client: Client, overrides: dict[str, Any], field: str
) -> None:
    letter = register(world)
    response = Caller(client, world.province_reception).post(
        f"/{letter.uuid}/sua", _correction(letter, **overrides)
    )
    assert response.status_code == 422, response.json()
    assert field in response.json()["errors"]
    after = Letter.objects.get(pk=letter.pk)
    assert (after.summary, after.received_on, after.anonymous) == (
        letter.summary,
        letter.received_on,
        letter.anonymous,
    )


def test_a_letter_of_a_unit_the_caller_does_not_see_is_a_404_to_correct_or_add_files_to(
    world: PetitionWorld, client: Client
) -> None:
    letter = register(world)
    district = Caller(client, world.chau_thanh_reception)
    assert district.post(f"/{letter.uuid}/sua", _correction(letter)).status_code == 404
    assert district.post(f"/{letter.uuid}/tep", {"files": [_scan()]}).status_code == 404
    assert not LetterFile.objects.exists()


def test_the_handler_adds_evidence_and_the_letter_lists_it(
    world: PetitionWorld, client: Client
) -> None:
    letter = register(world)
    response = Caller(client, world.province_reception).post(
        f"/{letter.uuid}/tep", {"kind": "evidence", "files": [_scan()]}
    )
    assert response.status_code == 201, response.json()
    [listed] = response.json()["files"]
    assert (listed["filename"], listed["kind"]) == ("bien-ban.pdf", "evidence")
    assert AuditEvent.objects.filter(action="letter.files_add").count() == 1


def test_a_denunciations_scan_added_by_its_handler_is_not_listed_to_a_colleague(
    world: PetitionWorld, client: Client
) -> None:
    letter = services_handling.letter_take(
        actor=world.province_reception, letter=denunciation(world)
    )
    added = Caller(client, world.province_reception).post(
        f"/{letter.uuid}/tep", {"kind": "letter", "files": [_scan("don-viet-tay.pdf")]}
    )
    assert added.status_code == 201, added.json()
    assert [f["filename"] for f in added.json()["files"]] == ["don-viet-tay.pdf"]
    colleague = Caller(client, world.province_reception_2)
    assert colleague.get(f"/{letter.uuid}").json()["files"] == []
    refused = colleague.post(f"/{letter.uuid}/tep", {"files": [_scan()]})
    assert refused.status_code == 403


@pytest.mark.parametrize(
    "body",
    [
        {"files": []},
        {"files": [{"name": "x.pdf", "content_base64": "không phải base64"}]},
        {"files": [{"name": "x.exe", "content_base64": base64.b64encode(b"MZ\x90").decode()}]},
    ],
)
def test_no_file_or_a_file_refused_is_an_error_on_files_and_nothing_is_kept(
    world: PetitionWorld, client: Client, body: dict[str, Any]
) -> None:
    letter = register(world)
    response = Caller(client, world.province_reception).post(f"/{letter.uuid}/tep", body)
    assert response.status_code == 422, response.json()
    assert "files" in response.json()["errors"]
    assert not LetterFile.objects.exists()
