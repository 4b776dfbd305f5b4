"""A letter handed in at a visit: registered and linked to the visit in one transaction,
audited; a link across units or to a visit already linked is refused, nothing saved."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core.models import AuditEvent
from vanphong.core.numbering import peek
from vanphong.petitions import services, services_reception, services_visit_letter
from vanphong.petitions.models import Letter, Visit
from vanphong.petitions.services import CitizenData


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def _visit(world: PetitionWorld) -> Visit:
    session = services_reception.reception_session_record(
        actor=world.province_reception, unit=world.province_office, kind="regular",
        day=date(2011, 9, 15),
    )  # fmt: skip
    return services_reception.visit_record(
        actor=world.province_reception,
        session=session,
        group_size=1,
        citizens=[CitizenData("Nguyễn Văn Khiếu", "072123456")],
        complaint=True,
        raised="Khiếu nại mức bồi thường đất làm đường",
    )


def _values(**changes: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "received_on": date(2011, 9, 15),
        "channel": "in_person",
        "summary": "Khiếu nại mức bồi thường đất làm đường",
        "complaint": True,
        "citizens": [CitizenData("Nguyễn Văn Khiếu", "072123456")],
    }
    values.update(changes)
    return values


def test_the_letter_handed_in_is_registered_and_linked_to_its_visit(world: PetitionWorld) -> None:
    visit = _visit(world)
    letter = services_visit_letter.letter_register_from_visit(
        actor=world.province_reception, visit=visit, **_values()
    )
    visit.refresh_from_db()
    assert visit.letter == letter
    assert letter.unit == visit.unit
    event = AuditEvent.objects.get(action="visit.letter_link")
    assert (event.after or {})["book_number"] == letter.book_number
    assert "Nguyễn Văn Khiếu" not in str(event.after)


def test_a_visit_already_linked_registers_nothing_and_consumes_no_number(
    world: PetitionWorld,
) -> None:
    visit = _visit(world)
    services_visit_letter.letter_register_from_visit(
        actor=world.province_reception, visit=visit, **_values()
    )
    with pytest.raises(ValidationError):
        services_visit_letter.letter_register_from_visit(
            actor=world.province_reception, visit=visit, **_values()
        )
    assert Letter.objects.count() == 1
    assert peek(services.series(world.province_office, 2011)) == 1


def test_a_refused_registration_leaves_the_visit_unlinked(world: PetitionWorld) -> None:
    visit = _visit(world)
    with pytest.raises(ValidationError):
        services_visit_letter.letter_register_from_visit(
            actor=world.province_reception, visit=visit, **_values(summary="")
        )
    visit.refresh_from_db()
    assert visit.letter is None
    assert not AuditEvent.objects.filter(action="visit.letter_link").exists()


def test_a_letter_of_another_unit_is_not_linked(world: PetitionWorld) -> None:
    visit = _visit(world)
    other = letter_row(world, unit=world.chau_thanh_office)
    with pytest.raises(ValidationError) as refused:
        services_visit_letter.visit_letter_link(
            actor=world.province_reception, visit=visit, letter=other
        )
    assert "letter" in refused.value.message_dict
    visit.refresh_from_db()
    assert visit.letter is None


def test_only_the_units_reception_officers_link_a_letter(world: PetitionWorld) -> None:
    visit = _visit(world)
    letter = letter_row(world)
    with pytest.raises(PermissionDenied):
        services_visit_letter.visit_letter_link(
            actor=world.chau_thanh_reception, visit=visit, letter=letter
        )
    linked = services_visit_letter.visit_letter_link(
        actor=world.province_reception, visit=visit, letter=letter
    )
    assert linked.letter == letter
