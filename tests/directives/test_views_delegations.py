"""The delegation page and API: a leader gives and ends a delegation; a delegate sees it but
neither passes it on nor ends it."""

from __future__ import annotations

from django.test import Client
from django.utils import timezone

from tests.support.api import caller
from tests.support.documents import DocWorld
from vanphong.directives.models import Delegation

PAGE = "/nhiem-vu/uy-quyen/"


def test_a_leader_delegates_on_the_page_and_ends_it(world: DocWorld, client: Client) -> None:
    client.force_login(world.province_leader)
    page = client.get(PAGE)
    assert page.context["form"] is not None
    made = client.post(
        PAGE,
        {
            "unit": str(world.province.uuid),
            "delegate": str(world.province_office_leader.uuid),
            "starts_on": timezone.localdate().isoformat(),
            "note": "Khi Bí thư đi công tác",
        },
    )
    assert made.status_code == 302
    delegation = Delegation.objects.get()
    assert (delegation.leader, delegation.delegate) == (
        world.province_leader,
        world.province_office_leader,
    )
    client.force_login(world.province_office_leader)
    listed = client.get(PAGE)
    assert "Khi Bí thư đi công tác" in listed.content.decode()
    # He leads the Office (its own sub-tasks), not the province: no passing the province on.
    offered = listed.context["form"].fields["unit"].queryset
    assert list(offered) == [world.province_office]
    assert client.post(f"{PAGE}{delegation.uuid}/ket-thuc/").status_code == 403
    client.force_login(world.province_leader)
    assert client.post(f"{PAGE}{delegation.uuid}/ket-thuc/").status_code == 302
    assert Delegation.objects.get().ended_at is not None


def test_someone_who_leads_nothing_gets_no_form_and_cannot_post_one(
    world: DocWorld, client: Client
) -> None:
    client.force_login(world.province_office_leader)  # leads the Office, not the province
    refused = client.post(
        PAGE,
        {
            "unit": str(world.province.uuid),
            "delegate": str(world.province_specialist.uuid),
            "starts_on": timezone.localdate().isoformat(),
        },
    )
    assert refused.status_code == 400
    assert not Delegation.objects.exists()
    client.force_login(world.province_specialist)
    assert client.get(PAGE).context["form"] is None
    assert client.post(PAGE, {"unit": str(world.province.uuid)}).status_code == 403


def test_a_leader_delegating_to_himself_is_told_on_the_field(
    world: DocWorld, client: Client
) -> None:
    client.force_login(world.chau_thanh_leader)
    page = client.post(
        PAGE,
        {
            "unit": str(world.chau_thanh.uuid),
            "delegate": str(world.chau_thanh_leader.uuid),
            "starts_on": timezone.localdate().isoformat(),
        },
    )
    assert page.status_code == 400
    assert not Delegation.objects.exists()


def test_the_api_gives_lists_and_ends_a_delegation(client: Client, world: DocWorld) -> None:
    leader = caller(client, world.province_leader)
    made = leader.post(
        "/uy-quyen",
        {"unit": str(world.province.uuid), "delegate": str(world.province_office_leader.uuid)},
    )
    assert made.status_code == 201, made.content
    assert made.json()["leader"] == str(world.province_leader.uuid)
    delegate = caller(client, world.province_office_leader)
    assert [d["uuid"] for d in delegate.get("/uy-quyen").json()] == [made.json()["uuid"]]
    passed_on = delegate.post(
        "/uy-quyen",
        {"unit": str(world.province.uuid), "delegate": str(world.province_specialist.uuid)},
    )
    assert passed_on.status_code == 403
    itself = leader.post(
        "/uy-quyen",
        {"unit": str(world.province.uuid), "delegate": str(world.province_leader.uuid)},
    )
    assert itself.status_code == 422
    assert "delegate" in itself.json()["errors"]
    assert delegate.post(f"/uy-quyen/{made.json()['uuid']}/ket-thuc").status_code == 403
    ended = leader.post(f"/uy-quyen/{made.json()['uuid']}/ket-thuc")
    assert ended.status_code == 200
    assert ended.json()["ended_at"] is not None
    outsider = caller(client, world.hoa_thanh_clerk)
    assert outsider.post(f"/uy-quyen/{made.json()['uuid']}/ket-thuc").status_code == 404
