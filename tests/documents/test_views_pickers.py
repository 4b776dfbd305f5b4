"""The pages that choose people show them grouped by unit as "Name — position", in as many
queries for three people as for thirty, and accept only the people they offer."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.support.documents import DocWorld, register_2011
from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.web import login, page_queries
from vanphong.documents import services_incoming
from vanphong.documents.models import IncomingDocument, IncomingStatus
from vanphong.org.models import Role


def url(name: str, *args: object) -> str:
    return reverse(f"documents:{name}", args=args)


def presented(world: DocWorld) -> IncomingDocument:
    document = register_2011(world)
    return services_incoming.incoming_present(
        actor=world.chau_thanh_clerk, document=document, leader=world.chau_thanh_office_leader
    )


def test_the_direction_page_groups_people_by_unit_with_their_positions(
    client: Client, world: DocWorld
) -> None:
    document = presented(world)
    login(client, world.chau_thanh_office_leader)
    body = client.get(url("incoming_direct", document.uuid)).content.decode()
    office = body.index('<legend class="vp-picker-group-name">Văn phòng Huyện ủy Châu Thành')
    committee = body.index('<legend class="vp-picker-group-name">Huyện ủy Châu Thành')
    assert committee < office
    assert "Huỳnh Chuyên Viên — Chuyên viên</label>" in body
    assert 'type="radio" name="lead_person"' in body
    assert 'type="checkbox" name="supporting"' in body
    assert 'type="checkbox" name="informed"' in body
    assert '<select name="supporting"' not in body
    assert "Ctrl" not in body


def test_the_direction_page_takes_as_many_queries_for_thirty_more_people(
    client: Client, world: DocWorld
) -> None:
    document = presented(world)
    login(client, world.chau_thanh_office_leader)
    address = url("incoming_direct", document.uuid)
    few = page_queries(client, address)
    for n in range(30):
        MembershipFactory.create(
            person=PersonFactory.create(full_name=f"Cán bộ {n}"),
            unit=world.chau_thanh_office,
            role=Role.SPECIALIST,
            position="Chuyên viên",
        )
    body = client.get(address).content.decode()
    assert body.count("Cán bộ 29 — Chuyên viên</label>") == 3  # lead, supporting, informed
    assert page_queries(client, address) == few


def test_someone_the_picker_does_not_offer_is_refused_and_nothing_changes(
    client: Client, world: DocWorld
) -> None:
    document = presented(world)
    login(client, world.chau_thanh_office_leader)
    response = client.post(
        url("incoming_direct", document.uuid),
        {"text": "Giao xử lý", "lead_person": str(world.hoa_thanh_clerk.uuid)},
    )
    assert response.status_code == 200
    assert "lead_person" in response.context["form"].errors
    document.refresh_from_db()
    assert document.status == IncomingStatus.PRESENTED


def test_presenting_offers_the_leaders_as_radio_buttons_under_their_units(
    client: Client, world: DocWorld
) -> None:
    document = register_2011(world)
    login(client, world.chau_thanh_clerk)
    body = client.get(url("incoming_present", document.uuid)).content.decode()
    assert body.count('type="radio" name="leader"') == 3
    assert "Lý Chánh Huyện — Lãnh đạo Văn phòng</label>" in body
    assert body.index(">Tỉnh ủy Tây Ninh</legend>") < body.index(">Huyện ủy Châu Thành</legend>")


def test_the_books_unit_selects_follow_the_organisation_under_labels(
    client: Client, world: DocWorld
) -> None:
    login(client, world.province_leader)
    order = [
        "Tỉnh ủy Tây Ninh",
        "Văn phòng Tỉnh ủy Tây Ninh",
        "Huyện ủy Châu Thành",
        "Văn phòng Huyện ủy Châu Thành",
        "Huyện uỷ Hoà Thành",
        "Văn phòng Huyện uỷ Hoà Thành",
    ]
    for book in ("incoming_book", "outgoing_book"):
        body = client.get(url(book)).content.decode()
        places = [body.index(f">{label}</option>") for label in order]
        assert places == sorted(places), book
