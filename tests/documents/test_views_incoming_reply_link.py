"""The incoming document's page offers "Soạn văn bản trả lời" to whoever the assignment page
offers it: the assignee of an open part of the live document (workflow.may_handle)."""

from __future__ import annotations

from django.test import Client

from tests.support.documents import DocWorld, direct, register, url
from tests.support.web import login

LINK = 'data-testid="draft-reply"'


def test_the_handler_of_an_open_part_is_offered_to_draft_the_reply(
    client: Client, world: DocWorld
) -> None:
    document = register(world)
    direct(world, document, lead=world.chau_thanh_specialist)
    page = login(client, world.chau_thanh_specialist).get(url("incoming_detail", document.uuid))
    body = page.content.decode()
    assert LINK in body
    assert f"{url('outgoing_create')}?tra-loi={document.uuid}" in body


def test_the_clerk_and_the_leader_who_handle_no_part_are_not_offered_it(
    client: Client, world: DocWorld
) -> None:
    document = register(world)
    assert (
        LINK
        not in login(client, world.chau_thanh_clerk)
        .get(url("incoming_detail", document.uuid))
        .content.decode()
    )
    direct(world, document, lead=world.chau_thanh_specialist)
    for person in (world.chau_thanh_clerk, world.chau_thanh_office_leader):
        body = login(client, person).get(url("incoming_detail", document.uuid)).content.decode()
        assert LINK not in body
