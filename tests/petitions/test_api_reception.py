"""Citizen reception through the JSON API: the sessions, a session with its visits (naming no
visitor), recording a visit (bad input refused on its field, nothing saved), and a visit whose
denouncer only the officer who received them reads, the read audited."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from tests.petitions.api import Caller
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.core.models import AuditEvent
from vanphong.core.numbering import allocate
from vanphong.petitions import services, services_reception
from vanphong.petitions.models import Letter, ReceptionSession, Visit

DENOUNCER = "Lê Văn Báo"


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


@pytest.fixture
def held(world: PetitionWorld) -> ReceptionSession:
    return services_reception.reception_session_record(
        actor=world.province_reception,
        unit=world.province_office,
        kind="regular",
        day=date(2011, 9, 15),
        place="Phòng tiếp công dân",
    )


def _visit(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "group_size": 1,
        "citizens": [{"full_name": DENOUNCER, "id_number": "079123456789", "phone": "0913555777"}],
        "kinds": ["denunciation"],
        "raised": "Tố cáo trưởng ấp thu tiền sai quy định",
        "answer": "Hướng dẫn gửi đơn",
    }
    data.update(overrides)
    return data


def test_the_sessions_list_and_a_session_name_no_visitor(
    world: PetitionWorld, held: ReceptionSession, client: Client
) -> None:
    officer = Caller(client, world.province_reception)
    recorded = officer.post(f"/tiep-cong-dan/{held.uuid}/luot-tiep", _visit())
    assert recorded.status_code == 201, recorded.json()
    colleague = Caller(client, world.province_reception_2)
    listed = colleague.get("/tiep-cong-dan", year=2011)
    assert listed.status_code == 200
    [row] = listed.json()["items"]
    assert (row["uuid"], row["visit_count"], row["held"]) == (str(held.uuid), 1, True)
    one = colleague.get(f"/tiep-cong-dan/{held.uuid}")
    assert one.status_code == 200
    [visit] = one.json()["visits"]
    assert visit["kinds"] == ["denunciation"]
    assert DENOUNCER not in one.content.decode()
    assert DENOUNCER not in listed.content.decode()


def test_the_receiving_officer_reads_the_denouncer_audited_and_a_colleague_does_not(
    world: PetitionWorld, held: ReceptionSession, client: Client
) -> None:
    officer = Caller(client, world.province_reception)
    recorded = officer.post(f"/tiep-cong-dan/{held.uuid}/luot-tiep", _visit()).json()
    reads = AuditEvent.objects.filter(action="visit.identity_read")
    before = reads.count()
    mine = officer.get(f"/luot-tiep/{recorded['uuid']}").json()
    assert [c["full_name"] for c in mine["citizens"]] == [DENOUNCER]
    assert reads.count() == before + 1
    theirs = Caller(client, world.province_reception_2).get(f"/luot-tiep/{recorded['uuid']}")
    assert theirs.status_code == 200
    assert theirs.json()["citizens"] is None
    assert theirs.json()["identity_readable"] is False
    assert DENOUNCER not in theirs.content.decode()
    assert reads.count() == before + 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"citizens": [{"full_name": DENOUNCER, "id_number": "12345"}]}, "citizens-0-id_number"),
        ({"citizens": []}, "citizens"),
        ({"kinds": []}, "kinds"),
        ({"raised": ""}, "raised"),
        ({"group_size": 12}, "citizens"),  # a group needs its representative
    ],
)
def test_a_bad_visit_is_refused_on_its_field_and_nothing_is_saved(
    world: PetitionWorld,
    held: ReceptionSession,
    client: Client,
    overrides: dict[str, Any],
    field: str,
) -> None:
    response = Caller(client, world.province_reception).post(
        f"/tiep-cong-dan/{held.uuid}/luot-tiep", _visit(**overrides)
    )
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert not Visit.objects.exists()


def test_a_session_or_visit_of_a_unit_the_caller_does_not_see_is_a_404(
    world: PetitionWorld, held: ReceptionSession, client: Client
) -> None:
    recorded = Caller(client, world.province_reception).post(
        f"/tiep-cong-dan/{held.uuid}/luot-tiep", _visit()
    )
    district = Caller(client, world.chau_thanh_reception)
    assert district.get(f"/tiep-cong-dan/{held.uuid}").status_code == 404
    assert district.get(f"/luot-tiep/{recorded.json()['uuid']}").status_code == 404
    refused = district.post(f"/tiep-cong-dan/{held.uuid}/luot-tiep", _visit())
    assert refused.status_code == 404
    assert Visit.objects.count() == 1
    assert district.get("/tiep-cong-dan").json()["items"] == []


def test_the_letter_handed_in_at_a_visit_is_registered_linked_to_it(
    world: PetitionWorld, held: ReceptionSession, client: Client
) -> None:
    officer = Caller(client, world.province_reception)
    visit = officer.post(f"/tiep-cong-dan/{held.uuid}/luot-tiep", _visit()).json()
    registered = officer.post(
        "/",
        {
            "unit": str(world.province_office.uuid),
            "received_on": "2011-09-15",
            "channel": "in_person",
            "kinds": ["denunciation"],
            "citizens": [{"full_name": DENOUNCER, "id_number": "079123456789"}],
            "summary": "Tố cáo trưởng ấp thu tiền sai quy định",
            "visit": visit["uuid"],
        },
    )
    assert registered.status_code == 201, registered.json()
    letter = registered.json()["uuid"]
    assert officer.get(f"/luot-tiep/{visit['uuid']}").json()["letter"] == letter
    # A visit has one letter: a second registration from it is refused and uses no number.
    again = officer.post(
        "/",
        {
            "unit": str(world.province_office.uuid),
            "received_on": "2011-09-15",
            "channel": "in_person",
            "kinds": ["denunciation"],
            "citizens": [{"full_name": DENOUNCER}],
            "summary": "Lần nữa",
            "visit": visit["uuid"],
        },
    )
    assert again.status_code == 422
    assert Letter.objects.count() == 1
    assert allocate(services.series(world.province_office, 2011)) == 2
