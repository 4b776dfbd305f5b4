"""Fewer retypes when issuing: a reply goes back to the sender of the document it answers, and
outside recipients are picked from the bodies the unit knows or added on a row of their own
(name, note), not typed as “name | note”."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client

from tests.support.documents import (
    DocWorld,
    cleared_clerk,
    draft_report,
    issued_report,
    register,
    secret_signed,
    url,
)
from tests.support.web import login, page_queries
from vanphong.documents import services_outgoing
from vanphong.documents.models import Delivery, IncomingDocument, OutgoingDocument, OutgoingStatus
from vanphong.documents.services_delivery import Recipient
from vanphong.org.models import Clearance


@pytest.fixture(autouse=True)
def _media(settings: LazySettings, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def signed(world: DocWorld, reply_to: IncomingDocument | None = None) -> OutgoingDocument:
    document = draft_report(world, type_symbol="CV", reply_to=reply_to)
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
    return services_outgoing.outgoing_sign(
        actor=world.chau_thanh_office_leader, document=document, position="Chánh Văn phòng"
    )


def issue_post(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "issued_on": "2012-03-01",
        "page_count": "",
        "copies": "1",
        "file_copy_holder": "Lưu VT",
        "external-ten": [],
        "external-ghi-chu": [],
    }
    data.update(overrides)
    return data


def _rows(html: str) -> list[tuple[str, str]]:
    names = re.findall(r'name="external-ten"[^>]*value="([^"]*)"', html)
    notes = re.findall(r'name="external-ghi-chu"[^>]*value="([^"]*)"', html)
    return [(n, t) for n, t in zip(names, notes, strict=True) if n or t]


def _offered(client: Client, document: OutgoingDocument, typed: str = "") -> list[str]:
    response = client.get(url("outgoing_outside_bodies", document.uuid), {"external-ten": typed})
    assert response.status_code == 200
    return re.findall(r'data-vp-pick="([^"]*)"', response.content.decode())


# --- a reply goes back to its sender ----------------------------------------------------------


def test_a_reply_to_an_outside_body_has_that_body_on_the_first_row(
    client: Client, world: DocWorld
) -> None:
    answered = register(world, sender_name="Sở Nội vụ tỉnh Tây Ninh", number_symbol="5/SNV-VP")
    document = signed(world, reply_to=answered)
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_issue", document.uuid))
    assert _rows(page.content.decode()) == [("Sở Nội vụ tỉnh Tây Ninh", "")]
    assert page.context["form"].initial.get("recipients") is None


def test_a_reply_to_a_unit_of_the_installation_has_that_unit_ticked(
    client: Client, world: DocWorld
) -> None:
    typed = register(world, sender_name="Văn phòng Tỉnh uỷ")  # the unit's name, old tone mark
    sent = register(world, sender_name="Văn phòng Huyện ủy", number_symbol="3-CV/VPHU")
    IncomingDocument.objects.filter(pk=sent.pk).update(sender_unit=world.hoa_thanh_office)
    login(client, world.chau_thanh_clerk)
    for answered, unit in ((typed, world.province_office), (sent, world.hoa_thanh_office)):
        page = client.get(url("outgoing_issue", signed(world, reply_to=answered).uuid))
        assert page.context["form"].initial["recipients"] == [str(unit.uuid)]
        assert re.search(rf'type="checkbox" name="recipients" value="{unit.uuid}"[^>]*checked',
                         page.content.decode())  # fmt: skip
        assert _rows(page.content.decode()) == []


def test_the_sender_of_a_document_the_clerk_may_not_open_is_not_named(
    client: Client, world: DocWorld
) -> None:
    secret = register(
        world,
        actor=cleared_clerk(world.chau_thanh_office, Clearance.TOP_SECRET),
        sender_name="Cục An ninh nội địa",
        confidentiality=Clearance.TOP_SECRET,
    )
    document = signed(world, reply_to=secret)
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_issue", document.uuid)).content.decode()
    assert "An ninh" not in page
    assert _rows(page) == []


def test_a_document_that_answers_nothing_starts_with_no_recipient(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_issue", signed(world).uuid))
    assert _rows(page.content.decode()) == []
    assert "recipients" not in page.context["form"].initial


# --- outside recipients are picked or added ---------------------------------------------------


def test_the_rows_offer_the_bodies_the_unit_wrote_to_and_heard_from(
    client: Client, world: DocWorld
) -> None:
    issued_report(world, recipients=[Recipient(external_name="Báo Tây Ninh")])
    register(world, sender_name="UBND tỉnh Tây Ninh", number_symbol="9/UBND-VP")
    other = register(world, sender_name="Văn phòng Huyện ủy", number_symbol="4-CV/VPHU")
    IncomingDocument.objects.filter(pk=other.pk).update(sender_unit=world.hoa_thanh_office)
    document = signed(world)
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_issue", document.uuid)).content.decode()
    assert f'hx-get="{url("outgoing_outside_bodies", document.uuid)}"' in page
    # A unit of the installation is ticked in the list above, not offered as an outside body.
    assert _offered(client, document) == ["Báo Tây Ninh", "UBND tỉnh Tây Ninh"]
    assert _offered(client, document, "bao tay") == ["Báo Tây Ninh"]
    assert _offered(client, document, "ubnd") == ["UBND tỉnh Tây Ninh"]


def test_another_districts_outside_bodies_are_not_offered(client: Client, world: DocWorld) -> None:
    document = issued_report(world, recipients=[Recipient(external_name="Báo Tây Ninh")])
    login(client, world.hoa_thanh_clerk)
    assert client.get(url("outgoing_outside_bodies", document.uuid)).status_code == 404
    assert "Báo Tây Ninh" not in client.get(url("incoming_senders"), {"q": "bao"}).content.decode()


def test_an_outside_recipient_of_a_secret_document_is_offered_only_to_who_may_open_it(
    client: Client, world: DocWorld
) -> None:
    secret = secret_signed(world, Clearance.TOP_SECRET)
    services_outgoing.outgoing_issue(
        actor=cleared_clerk(world.chau_thanh_office, Clearance.TOP_SECRET),
        document=secret,
        recipients=[Recipient(external_name="Bộ Công an")],
        issued_on=date(2012, 3, 1),
    )
    document = signed(world)
    login(client, world.chau_thanh_clerk)
    assert _offered(client, document) == []


def test_each_row_becomes_a_recipient_with_its_note(client: Client, world: DocWorld) -> None:
    document = signed(world)
    login(client, world.chau_thanh_clerk)
    response = client.post(
        url("outgoing_issue", document.uuid),
        issue_post(
            **{
                "external-ten": ["UBND huyện Châu Thành", "  Báo  Tây Ninh ", "", ""],
                "external-ghi-chu": ["bản giấy", "", "", ""],
                "recipients": [str(world.hoa_thanh_office.uuid)],
            }
        ),
    )
    assert response.status_code == 302
    sent = Delivery.objects.filter(document=document).order_by("id")
    assert [(d.recipient_unit, d.external_name, d.delivery_note) for d in sent] == [
        (world.hoa_thanh_office, "", ""),
        (None, "UBND huyện Châu Thành", "bản giấy"),
        (None, "Báo Tây Ninh", ""),
    ]


def test_a_note_without_a_name_is_refused_and_every_row_is_kept(
    client: Client, world: DocWorld
) -> None:
    document = signed(world)
    login(client, world.chau_thanh_clerk)
    response = client.post(
        url("outgoing_issue", document.uuid),
        issue_post(
            **{
                "external-ten": ["Sở Nội vụ", "", ""],
                "external-ghi-chu": ["bản fax", "gửi qua bưu điện", ""],
            }
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dòng có ghi chú “gửi qua bưu điện” chưa có tên nơi nhận." in html
    assert _rows(html) == [("Sở Nội vụ", "bản fax"), ("", "gửi qua bưu điện")]
    assert 'class="form-control is-invalid"' in html
    document.refresh_from_db()
    assert document.status == OutgoingStatus.SIGNED


def test_sending_to_more_recipients_takes_the_rows_too(client: Client, world: DocWorld) -> None:
    document = issued_report(world, issued_on=date(2012, 3, 1))
    login(client, world.chau_thanh_clerk)
    empty = client.post(url("outgoing_distribute", document.uuid), issue_post())
    assert "Cần chọn hoặc nhập ít nhất một nơi nhận." in empty.content.decode()
    client.post(
        url("outgoing_distribute", document.uuid),
        {"external-ten": ["Ban Dân vận Tỉnh ủy"], "external-ghi-chu": ["bản điện tử"]},
    )
    added = Delivery.objects.get(document=document, external_name="Ban Dân vận Tỉnh ủy")
    assert added.delivery_note == "bản điện tử"


def test_the_suggestions_cost_the_same_queries_however_many_bodies_are_known(
    client: Client, world: DocWorld
) -> None:
    document = signed(world)
    login(client, world.chau_thanh_clerk)
    address = f"{url('outgoing_outside_bodies', document.uuid)}?external-ten=co"
    few = page_queries(client, address)
    issued_report(world, recipients=[Recipient(external_name=f"Cơ quan {i}") for i in range(8)])
    for i in range(5):
        register(world, sender_name=f"Cơ quan gửi {i}", number_symbol=f"{i + 1}-CV/TU")
    assert len(_offered(client, document, "co quan")) == 13
    assert page_queries(client, address) == few
