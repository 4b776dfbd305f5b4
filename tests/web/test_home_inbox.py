"""The home page is the person's work: each section their posts allow, counted and with its
first items, in a fixed number of queries whatever the number of rows; secret items neither
listed nor counted for someone not cleared."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

import pytest
from django.conf import LazySettings
from django.test import Client
from django.urls import reverse

from tests.support.documents import (
    DocWorld,
    build_world,
    cleared_clerk,
    register_2011,
    secret_signed,
    sent_secret,
)
from tests.support.web import login, page_queries
from vanphong.core import inbox
from vanphong.core.inbox import Shown
from vanphong.documents import services_incoming, services_outgoing
from vanphong.documents.services_delivery import Recipient
from vanphong.documents.services_incoming import Handler
from vanphong.org.models import Clearance, Person

HOME = "/"
NUMBERS = count(10)  # each registration its own number-symbol (no duplicate warning)


@pytest.fixture(autouse=True)
def _media(settings: LazySettings, tmp_path: object) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def world(db: None) -> DocWorld:
    return build_world()


def _keys(client: Client) -> list[str]:
    response = client.get(HOME)
    return [section.key for section, _shown in response.context["inbox"]]


def _shown(response: Any) -> dict[str, Shown]:
    return {section.key: shown for section, shown in response.context["inbox"]}


def _count(client: Client, key: str) -> int:
    return _shown(client.get(HOME))[key].count


def _presented(world: DocWorld, n: int, leader: Person) -> None:
    for _ in range(n):
        document = register_2011(world, number_symbol=f"Số {next(NUMBERS)}-CV/TU")
        services_incoming.incoming_present(
            actor=world.chau_thanh_clerk, document=document, leader=leader
        )


def _assigned(world: DocWorld, n: int, *, deadline: date | None = None) -> None:
    for _ in range(n):
        document = register_2011(world, number_symbol=f"Số {next(NUMBERS)}-KH/TU")
        services_incoming.direction_give(
            actor=world.chau_thanh_office_leader,
            document=document,
            text="Đề nghị tham mưu",
            lead=Handler(person=world.chau_thanh_specialist),
            deadline=deadline,
        )


def _issued_to_province(world: DocWorld, n: int) -> None:
    for i in range(n):
        document = services_outgoing.outgoing_create(
            actor=world.chau_thanh_specialist,
            unit=world.chau_thanh_office,
            type_symbol="BC",
            subject=f"Báo cáo tuần {i + 1}",
        )
        services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=document)
        services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=document)
        services_outgoing.outgoing_sign(
            actor=world.chau_thanh_office_leader, document=document, position="Chánh Văn phòng"
        )
        services_outgoing.outgoing_issue(
            actor=world.chau_thanh_clerk,
            document=document,
            recipients=[Recipient(unit=world.province_office)],
            issued_on=date(2012, 3, 1),
        )


def test_each_person_sees_the_sections_their_posts_allow(world: DocWorld, client: Client) -> None:
    assert _keys(login(client, world.chau_thanh_clerk)) == [
        "awaiting_issue",
        "awaiting_registration",
        "my_assignments",
        "units_tasks_due",
        "my_entries",
        "archives_transfer_due",
    ]
    assert _keys(login(client, world.chau_thanh_office_leader))[:2] == [
        "presented_to_me",
        "awaiting_my_approval",
    ]
    assert "awaiting_registration" not in _keys(login(client, world.chau_thanh_specialist))
    assert _keys(login(client, world.chau_thanh_admin)) == []
    body = client.get(HOME).content.decode()
    assert "Không có việc nào theo vai trò của đồng chí." in body
    assert body.index('data-testid="inbox"') < body.index("Các phân hệ")


def test_an_empty_section_says_so(world: DocWorld, client: Client) -> None:
    body = login(client, world.chau_thanh_clerk).get(HOME).content.decode()
    assert "Không có văn bản nào chờ vào sổ." in body


def test_a_leader_sees_what_is_presented_to_them_first_five_and_a_link_to_all(
    world: DocWorld, client: Client
) -> None:
    _presented(world, 7, world.chau_thanh_office_leader)
    response = login(client, world.chau_thanh_office_leader).get(HOME)
    shown = _shown(response)["presented_to_me"]
    assert shown.count == 7
    assert len(shown.items) == inbox.FIRST
    body = response.content.decode()
    assert "Xem tất cả (7)" in body
    assert reverse("documents:presented_to_me") in body


def test_a_specialist_sees_their_assignments_overdue_marked(
    world: DocWorld, client: Client
) -> None:
    _assigned(world, 2, deadline=date(2011, 3, 10))
    response = login(client, world.chau_thanh_specialist).get(HOME)
    shown = _shown(response)["my_assignments"]
    assert shown.count == 2
    assert all(item.late for item in shown.items)
    assert "Quá hạn" in response.content.decode()


def test_a_clerk_sees_the_deliveries_waiting_in_their_queue(
    world: DocWorld, client: Client
) -> None:
    _issued_to_province(world, 2)
    response = login(client, world.province_clerk).get(HOME)
    shown = _shown(response)["awaiting_registration"]
    assert shown.count == 2
    assert shown.items[0].url.startswith(reverse("documents:incoming_register") + "?lien-thong=")


def test_secret_work_is_neither_listed_nor_counted_for_someone_not_cleared(
    world: DocWorld, client: Client
) -> None:
    sent_secret(world, Clearance.TOP_SECRET, subject="Phương án tuyệt đối bí mật")
    secret_signed(world, Clearance.TOP_SECRET, subject="Phương án chờ số bí mật")
    login(client, world.hoa_thanh_clerk)  # cleared for Mật only
    assert _count(client, "awaiting_registration") == 0
    assert "tuyệt đối bí mật" not in client.get(HOME).content.decode()
    login(client, world.chau_thanh_clerk)
    assert _count(client, "awaiting_issue") == 0
    assert "chờ số bí mật" not in client.get(HOME).content.decode()
    login(client, cleared_clerk(world.hoa_thanh_office, Clearance.TOP_SECRET))
    assert _count(client, "awaiting_registration") == 1


def _personas(world: DocWorld) -> dict[str, Person]:
    return {
        "clerk": world.chau_thanh_clerk,
        "leader": world.chau_thanh_office_leader,
        "specialist": world.chau_thanh_specialist,
        "admin": world.chau_thanh_admin,
    }


# The home page's queries per persona: the session and the person, the scope, the inbox's
# calendar and each section's count and first items, the unit tree for the memberships' labels
# (one query, "Văn phòng Huyện ủy X" rather than a bare "Văn phòng"), the modules. A leader
# also sees the letters due soon and overdue (petitions: two sections of two queries), and an
# Office's leader the head's reception months: the Offices led, the head's sessions, the rule's
# versions and the one in force. The archives add a count and first items for the files due
# for transfer (those who compile), the reading requests to decide (archivists and leaders), and
# the loans overdue (one query whether the person borrows anything, for everyone).
PINNED = {"clerk": 20, "leader": 29, "specialist": 16, "admin": 7}


def test_the_home_page_costs_a_fixed_number_of_queries_per_persona(
    world: DocWorld, client: Client
) -> None:
    _presented(world, 1, world.chau_thanh_office_leader)
    _assigned(world, 1, deadline=date(2011, 3, 10))
    few = {name: page_queries(login(client, p), HOME) for name, p in _personas(world).items()}
    _presented(world, 6, world.chau_thanh_office_leader)
    _assigned(world, 6, deadline=date(2011, 3, 10))
    many = {name: page_queries(login(client, p), HOME) for name, p in _personas(world).items()}
    assert few == many == PINNED
