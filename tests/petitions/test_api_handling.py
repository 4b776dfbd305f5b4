"""A letter's handling through the JSON API, as on its page: taken, classified, forwarded, the
body's result recorded, the petitioner told and the letter closed; a letter accepted for
settlement with its result; the duplicates proposed and linked; and what refuses (bad input on
its field, a colleague who does not handle the letter)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from tests.petitions.api import Caller
from tests.petitions.letters import denunciation, register
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.petitions.models import Forward, Letter, LetterStatus


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def _ok(response: Any, status: int = 200) -> Any:
    assert response.status_code == status, response.json()
    return response.json()


def _classified(officer: Caller, letter: Letter) -> None:
    _ok(officer.post(f"/{letter.uuid}/nhan-xu-ly"))
    _ok(
        officer.post(
            f"/{letter.uuid}/phan-loai", {"eligibility": "eligible", "classified_on": "2011-09-13"}
        )
    )


def test_a_denunciation_goes_from_classification_through_a_forward_to_its_closing(
    world: PetitionWorld, client: Client
) -> None:
    letter = denunciation(world)
    officer = Caller(client, world.province_reception)
    _classified(officer, letter)
    forwarded = _ok(
        officer.post(
            f"/{letter.uuid}/chuyen",
            {"to_body": "Ủy ban Kiểm tra Tỉnh ủy", "forwarded_on": "2011-09-15"},
        ),
        201,
    )
    assert forwarded["to_body"] == "Ủy ban Kiểm tra Tỉnh ủy"
    assert forwarded["note"] is not None  # the forwarding note, drafted as an outgoing document
    assert forwarded["result_on"] is None
    result = _ok(
        officer.post(
            f"/chuyen/{forwarded['uuid']}/ket-qua",
            {"result": "Đã kiểm tra, kỷ luật khiển trách", "result_on": "2011-11-02"},
        )
    )
    assert result["result_on"] == "2011-11-02"
    told = _ok(
        officer.post(
            f"/{letter.uuid}/thong-bao",
            {"told_on": "2011-11-05", "told_how": "Văn bản số 12-CV/VPTU"},
        )
    )
    assert (told["status"], told["closed_on"]) == (LetterStatus.CLOSED, "2011-11-05")
    assert [f["uuid"] for f in told["forwards"]] == [forwarded["uuid"]]


def test_a_letter_accepted_for_settlement_gets_its_result_and_the_petitioner_is_told(
    world: PetitionWorld, client: Client
) -> None:
    letter = register(world)
    officer = Caller(client, world.province_reception)
    _classified(officer, letter)
    handled = officer.post(
        f"/{letter.uuid}/xu-ly",
        {"handling": "accept", "accepted_on": "2011-09-20", "handled_on": "2011-09-20"},
    )
    assert _ok(handled)["status"] == LetterStatus.FOLLOWING
    assert handled.json()["accepted_on"] == "2011-09-20"
    assert {d["kind"] for d in handled.json()["deadlines"]} >= {"settlement"}
    result = _ok(
        officer.post(
            f"/{letter.uuid}/ket-qua",
            {"result": "Giữ nguyên quyết định", "result_on": "2011-10-20"},
        )
    )
    assert result["result"] == "Giữ nguyên quyết định"
    told = _ok(
        officer.post(
            f"/{letter.uuid}/thong-bao", {"told_on": "2011-10-21", "told_how": "Trực tiếp"}
        )
    )
    assert told["status"] == LetterStatus.CLOSED


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("phan-loai", {"eligibility": "ineligible"}, "ineligible_reason"),
        ("xu-ly", {"handling": "assign"}, "assigned_unit"),
        ("xu-ly", {"handling": "accept"}, "accepted_on"),
        ("chuyen", {"to_body": "  "}, "to_body"),
    ],
)
def test_bad_handling_input_is_an_error_on_its_field_and_saves_nothing(
    world: PetitionWorld, client: Client, path: str, body: dict[str, Any], field: str
) -> None:
    letter = register(world)
    officer = Caller(client, world.province_reception)
    if path != "phan-loai":
        _classified(officer, letter)
    before = Letter.objects.get(pk=letter.pk)
    response = officer.post(f"/{letter.uuid}/{path}", body)
    assert response.status_code == 422, response.json()
    assert field in response.json()["errors"]
    after = Letter.objects.get(pk=letter.pk)
    assert (after.status, after.handling, after.eligibility) == (
        before.status,
        before.handling,
        before.eligibility,
    )
    assert not Forward.objects.exists()


def test_a_colleague_who_does_not_handle_the_letter_is_refused(
    world: PetitionWorld, client: Client
) -> None:
    letter = register(world)
    _classified(Caller(client, world.province_reception), letter)
    colleague = Caller(client, world.province_reception_2)
    response = colleague.post(f"/{letter.uuid}/xu-ly", {"handling": "keep"})
    assert response.status_code == 403
    assert Letter.objects.get(pk=letter.pk).handling == ""


def test_a_leader_gives_the_letter_to_a_reception_officer(
    world: PetitionWorld, client: Client
) -> None:
    letter = register(world)
    leader = Caller(client, world.province_office_leader)
    given = leader.post(f"/{letter.uuid}/can-bo", {"handler": str(world.province_reception_2.uuid)})
    assert _ok(given)["handler"]["uuid"] == str(world.province_reception_2.uuid)
    refused = leader.post(
        f"/{letter.uuid}/can-bo", {"handler": str(world.province_specialist.uuid)}
    )
    assert refused.status_code == 422
    assert "handler" in refused.json()["errors"]


def test_the_duplicates_of_the_same_petitioner_are_proposed_and_linked(
    world: PetitionWorld, client: Client
) -> None:
    first = register(world, received_on=date(2011, 3, 1))
    again = register(world, received_on=date(2011, 9, 12))
    officer = Caller(client, world.province_reception)
    proposed = _ok(officer.get(f"/{again.uuid}/trung"))
    assert [c["uuid"] for c in proposed] == [str(first.uuid)]
    assert proposed[0]["same_petitioner"] is True
    linked = _ok(officer.post(f"/{again.uuid}/trung", {"original": str(first.uuid)}))
    assert (linked["duplicate_of"], linked["duplicate_round"]) == (str(first.uuid), 2)
    unlinked = _ok(officer.post(f"/{again.uuid}/trung/bo-danh-dau"))
    assert unlinked["duplicate_of"] is None


def test_linking_to_a_letter_the_caller_does_not_see_is_an_error_on_the_original(
    world: PetitionWorld, client: Client
) -> None:
    district = register(world, actor=world.chau_thanh_reception, unit=world.chau_thanh_office)
    letter = register(world)
    response = Caller(client, world.province_reception).post(
        f"/{letter.uuid}/trung", {"original": str(district.uuid)}
    )
    assert response.status_code == 422
    assert "original" in response.json()["errors"]
