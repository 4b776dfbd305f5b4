"""An administrator sets on the unit's form which unit does its clerical work (receives what
is sent to it); the unit's page says who receives."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.support.factories import UnitFactory
from tests.support.personas import Personas
from vanphong.core.models import AuditEvent
from vanphong.org.models import Unit, UnitKind


def _post(unit: Unit, clerical: Unit | None) -> dict[str, object]:
    return {
        "parent": str(unit.parent.uuid) if unit.parent else "",
        "kind": unit.kind,
        "name": unit.name,
        "short_name": "",
        "symbol": unit.symbol,
        "superior_name": "",
        "place": "",
        "numbering_style": "party",
        "sort_order": "0",
        "is_active": "on",
        "clerical_unit": str(clerical.uuid) if clerical else "",
    }


def test_the_committees_page_names_its_office_as_the_default_receiver(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    page = client.get(reverse("org:unit_detail", args=[people.chau_thanh.uuid]))
    assert page.context["receiving"] == people.chau_thanh_office
    assert "(mặc định)" in page.content.decode()


def test_an_administrator_routes_a_boards_mail_to_the_office(
    client: Client, people: Personas
) -> None:
    board = UnitFactory.create(parent=people.chau_thanh, kind=UnitKind.BOARD, name="Ban Tổ chức")
    client.force_login(people.chau_thanh_admin)
    address = reverse("org:unit_update", args=[board.uuid])
    offered = client.get(address).context["form"].fields["clerical_unit"].queryset
    assert set(offered) == {people.chau_thanh, people.chau_thanh_office, board}
    response = client.post(address, _post(board, people.chau_thanh_office))
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.clerical_unit == people.chau_thanh_office
    assert AuditEvent.objects.filter(action="unit.update", object_id=str(board.uuid)).exists()
    page = client.get(reverse("org:unit_detail", args=[board.uuid])).content.decode()
    assert "Văn phòng Huyện ủy Châu Thành" in page


def test_another_committees_unit_is_not_offered_nor_accepted(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    address = reverse("org:unit_update", args=[people.chau_thanh.uuid])
    offered = client.get(address).context["form"].fields["clerical_unit"].queryset
    assert people.hoa_thanh_office not in set(offered)
    response = client.post(address, _post(people.chau_thanh, people.hoa_thanh_office))
    assert response.status_code == 200
    assert "clerical_unit" in response.context["form"].errors
    people.chau_thanh.refresh_from_db()
    assert people.chau_thanh.clerical_unit is None
