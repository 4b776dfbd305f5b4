"""Letters × personas: who sees a letter (its page, the list, its files) and who reads a
denouncer's identity on it. A denunciation of the province's book handled by td.tinh, and one
of Châu Thành's book."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.files import PDF
from tests.support.personas import cast
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.documents.services import Upload
from vanphong.org.models import Person
from vanphong.petitions import services, services_handling
from vanphong.petitions.models import Letter
from vanphong.petitions.services import CitizenData

DENOUNCER = "Trần Văn Tố"
CT_DENOUNCER = "Huỳnh Thị Cáo"
SECRET = "Thông tin người tố cáo được giữ bí mật"


@dataclass
class Letters:
    world: PetitionWorld
    province: Letter
    chau_thanh: Letter


def _denunciation(actor: Person, unit: object, name: str) -> Letter:
    return services.letter_register(
        actor=actor,
        unit=unit,  # type: ignore[arg-type]
        received_on=date(2011, 9, 12),
        channel="post",
        summary="Tố cáo bí thư Đảng ủy xã nhận tiền khi cấp đất",
        denunciation=True,
        citizens=[CitizenData(full_name=name, id_number="290123456")],
        files=[Upload("don.pdf", io.BytesIO(PDF))],
    )


@pytest.fixture
def letters(db: None) -> Letters:
    world = build_petition_world()
    province = _denunciation(world.province_reception, world.province_office, DENOUNCER)
    province = services_handling.letter_take(actor=world.province_reception, letter=province)
    chau_thanh = _denunciation(world.chau_thanh_reception, world.chau_thanh_office, CT_DENOUNCER)
    return Letters(world, province, chau_thanh)


# persona → (sees the province's letter, reads its denouncer, sees Châu Thành's, reads its)
MATRIX = {
    "td.tinh": (True, True, False, False),  # the handler
    "td2.tinh": (True, False, False, False),  # a colleague: sees, does not read
    "cvp.tinh": (True, True, False, False),  # the Office's leader
    "bithu": (True, True, True, False),  # the committee's leader; above Châu Thành only
    "td.chauthanh": (False, False, True, False),  # no handler yet: not even the officer reads
    "bt.chauthanh": (False, False, True, True),  # the district committee's leader
    "cvp.chauthanh": (False, False, True, True),
    "cv.tinh": (False, False, False, False),  # a specialist of the province's Office
    "province_admin": (False, False, False, False),
    "chau_thanh_specialist": (False, False, False, False),
    "superuser": (False, False, False, False),
}


def _person(world: PetitionWorld, persona: str) -> Person:
    if hasattr(world.p, persona):
        return getattr(world.p, persona)  # type: ignore[no-any-return]
    found = Person.objects.filter(username=persona).first()
    return found if found is not None else cast(world.p, persona)


@pytest.mark.parametrize(("persona", "expected"), list(MATRIX.items()))
def test_who_sees_a_letter_and_who_reads_its_denouncer(
    letters: Letters, client: Client, persona: str, expected: tuple[bool, bool, bool, bool]
) -> None:
    client.force_login(_person(letters.world, persona))
    listed = client.get(reverse("petitions:letters")).content.decode()
    for letter, name, sees, reads in (
        (letters.province, DENOUNCER, expected[0], expected[1]),
        (letters.chau_thanh, CT_DENOUNCER, expected[2], expected[3]),
    ):
        page = client.get(reverse("petitions:letter", args=[letter.uuid]))
        scan = letter.files.get()
        download = client.get(reverse("petitions:letter_file", args=[scan.uuid]))
        link = reverse("petitions:letter", args=[letter.uuid])
        assert (link in listed) == sees, (persona, letter)
        assert name not in listed
        if not sees:
            assert page.status_code == 404
            assert download.status_code == 404
            continue
        body = page.content.decode()
        assert page.status_code == 200
        assert (name in body) == reads, (persona, letter)
        assert (SECRET in body) == (not reads)
        assert (reverse("petitions:letter_file", args=[scan.uuid]) in body) == reads
        assert download.status_code == (200 if reads else 404)
