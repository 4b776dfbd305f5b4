"""Approval of drafts through the pages: the chain setting, approve and return with comments,
self-approval, the waiting list, and recording the signature."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from tests.support.documents import DocWorld, approved, draft, submitted, two_step_chain, url
from tests.support.web import login, messages_of, page_queries
from vanphong.core.models import AuditEvent
from vanphong.documents import services_outgoing
from vanphong.documents.models import ApprovalChain, OutgoingDocument, OutgoingStatus
from vanphong.org.models import Role


def chain_post(*steps: tuple[str, str], allow_self: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {f"at_{i}": "unit" for i in range(5)}
    for i, (role, at) in enumerate(steps):
        data[f"role_{i}"] = role
        data[f"at_{i}"] = at
    if allow_self:
        data["allow_self_approval"] = "on"
    return data


# --- the approval chain of a unit -------------------------------------------------------------


def test_the_office_leader_sets_an_ordered_two_step_chain(client: Client, world: DocWorld) -> None:
    login(client, world.chau_thanh_office_leader)
    address = url("approval_chain", world.chau_thanh_office.uuid)
    page = client.get(address)
    assert page.status_code == 200
    assert page.context["form"].initial["role_0"] == Role.OFFICE_LEADER  # the default chain
    response = client.post(
        address,
        chain_post(
            (Role.OFFICE_LEADER, "unit"), ("", "unit"), (Role.COMMITTEE_LEADER, "committee")
        ),
        follow=True,
    )
    assert "Đã lưu quy trình duyệt của Văn phòng Huyện ủy Châu Thành." in messages_of(response)
    chain = ApprovalChain.objects.get(unit=world.chau_thanh_office)
    assert chain.steps == [
        {"role": Role.OFFICE_LEADER, "at": "unit"},
        {"role": Role.COMMITTEE_LEADER, "at": "committee"},
    ]
    assert chain.allow_self_approval is False
    form = response.context["form"]
    assert (form.initial["role_1"], form.initial["at_1"]) == (Role.COMMITTEE_LEADER, "committee")


def test_an_administrator_sets_the_steps_but_cannot_allow_self_approval(
    client: Client, world: DocWorld
) -> None:
    login(client, world.chau_thanh_admin)
    address = url("approval_chain", world.chau_thanh_office.uuid)
    assert client.get(address).context["form"].fields["allow_self_approval"].disabled
    response = client.post(
        address, chain_post((Role.COMMITTEE_LEADER, "committee"), allow_self=True)
    )
    assert response.status_code == 302
    chain = ApprovalChain.objects.get(unit=world.chau_thanh_office)
    assert chain.steps == [{"role": Role.COMMITTEE_LEADER, "at": "committee"}]
    assert (chain.allow_self_approval, chain.self_approval_by) == (False, None)
    with pytest.raises(PermissionDenied):
        services_outgoing.approval_chain_set(
            actor=world.chau_thanh_admin,
            unit=world.chau_thanh_office,
            steps=[{"role": Role.OFFICE_LEADER, "at": "unit"}],
            allow_self_approval=True,
        )
    chain.refresh_from_db()
    assert chain.steps == [{"role": Role.COMMITTEE_LEADER, "at": "committee"}]
    assert chain.allow_self_approval is False


@pytest.mark.parametrize(
    "role", [Role.SPECIALIST, Role.CLERK, Role.EMULATION, Role.RECEPTION, Role.ADMIN]
)
def test_a_step_may_name_only_a_leader_role(client: Client, world: DocWorld, role: str) -> None:
    login(client, world.chau_thanh_office_leader)
    response = client.post(
        url("approval_chain", world.chau_thanh_office.uuid),
        chain_post((Role.OFFICE_LEADER, "unit"), (role, "unit")),
    )
    assert response.status_code == 200
    assert "role_1" in response.context["form"].errors, "not among the choices"
    with pytest.raises(ValidationError) as refused:
        services_outgoing.approval_chain_set(
            actor=world.chau_thanh_office_leader,
            unit=world.chau_thanh_office,
            steps=[{"role": Role.OFFICE_LEADER, "at": "unit"}, {"role": role, "at": "unit"}],
        )
    assert refused.value.message_dict == {
        "steps": ["Mỗi bước duyệt phải do lãnh đạo Văn phòng hoặc lãnh đạo cấp ủy."]
    }
    assert not ApprovalChain.objects.exists()


def test_only_a_leader_of_the_committee_itself_allows_self_approval_and_the_page_says_who(
    client: Client, world: DocWorld
) -> None:
    address = url("approval_chain", world.chau_thanh_office.uuid)
    for person in (world.chau_thanh_office_leader, world.province_leader, world.province_admin):
        login(client, person)
        assert client.get(address).context["form"].fields["allow_self_approval"].disabled
        client.post(address, chain_post((Role.OFFICE_LEADER, "unit"), allow_self=True))
        with pytest.raises(PermissionDenied):
            services_outgoing.approval_chain_set(
                actor=person,
                unit=world.chau_thanh_office,
                steps=[{"role": Role.OFFICE_LEADER, "at": "unit"}],
                allow_self_approval=True,
            )
    assert not ApprovalChain.objects.filter(allow_self_approval=True).exists()
    assert not AuditEvent.objects.filter(
        action="approval_chain.set", after__allow_self_approval=True
    ).exists()

    login(client, world.chau_thanh_leader)
    assert not client.get(address).context["form"].fields["allow_self_approval"].disabled
    response = client.post(
        address, chain_post((Role.OFFICE_LEADER, "unit"), allow_self=True), follow=True
    )
    chain = ApprovalChain.objects.get(unit=world.chau_thanh_office)
    assert (chain.allow_self_approval, chain.self_approval_by) == (True, world.chau_thanh_leader)
    event = AuditEvent.objects.filter(action="approval_chain.set").latest("seq")
    assert event.actor_id == world.chau_thanh_leader.pk
    assert event.before == {
        "steps": [{"role": Role.OFFICE_LEADER, "at": "unit"}],
        "allow_self_approval": False,
    }
    assert event.after == {
        "steps": [{"role": Role.OFFICE_LEADER, "at": "unit"}],
        "allow_self_approval": True,
    }
    assert "Thay đổi lần cuối bởi Hồ Bí Thư" in response.content.decode()

    # Another leader edits the steps: self-approval stays as the committee's leader left it.
    login(client, world.chau_thanh_office_leader)
    client.post(address, chain_post((Role.OFFICE_LEADER, "unit")))
    chain.refresh_from_db()
    assert (chain.allow_self_approval, chain.self_approval_by) == (True, world.chau_thanh_leader)


def test_a_chain_without_steps_is_refused_on_the_form(client: Client, world: DocWorld) -> None:
    login(client, world.chau_thanh_office_leader)
    response = client.post(url("approval_chain", world.chau_thanh_office.uuid), chain_post())
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Quy trình duyệt cần ít nhất một bước."]
    assert not ApprovalChain.objects.exists()


@pytest.mark.parametrize(
    "persona", ["chau_thanh_specialist", "chau_thanh_clerk", "hoa_thanh_clerk", "unassigned"]
)
def test_others_do_not_find_the_chain_page(client: Client, world: DocWorld, persona: str) -> None:
    login(client, getattr(world, persona))
    address = url("approval_chain", world.chau_thanh_office.uuid)
    assert client.get(address).status_code == 404
    assert client.post(address, chain_post((Role.CLERK, "unit"))).status_code == 404
    assert not ApprovalChain.objects.exists()


# --- approve and return -----------------------------------------------------------------------


def test_both_steps_approve_in_order_with_their_comments(client: Client, world: DocWorld) -> None:
    two_step_chain(world)
    document = submitted(world)
    committee_leader = login(Client(), world.chau_thanh_leader)
    page = committee_leader.get(url("outgoing_detail", document.uuid)).content.decode()
    assert 'data-action="decide"' not in page, "not the committee's turn yet"
    response = committee_leader.post(
        url("outgoing_decide", document.uuid), {"decision": "duyet"}, follow=True
    )
    assert "Bạn không phải người duyệt ở bước này." in messages_of(response)

    login(client, world.chau_thanh_office_leader)
    assert (
        'data-action="decide"' in client.get(url("outgoing_detail", document.uuid)).content.decode()
    )
    response = client.post(
        url("outgoing_decide", document.uuid),
        {"decision": "duyet", "comment": "Trình Thường trực"},
        follow=True,
    )
    assert "Đã duyệt; dự thảo chuyển sang bước duyệt tiếp theo." in messages_of(response)
    response = committee_leader.post(
        url("outgoing_decide", document.uuid), {"decision": "duyet", "comment": "Đồng ý ban hành"},
        follow=True,
    )  # fmt: skip
    assert "Đã duyệt; dự thảo chờ ký." in messages_of(response)
    document.refresh_from_db()
    assert document.status == OutgoingStatus.APPROVED
    comments = [(d.decided_by, d.comment) for d in document.decisions.all()]
    assert comments == [
        (world.chau_thanh_office_leader, "Trình Thường trực"),
        (world.chau_thanh_leader, "Đồng ý ban hành"),
    ]
    body = response.content.decode()
    assert "Trình Thường trực" in body
    assert "Đồng ý ban hành" in body


def test_returning_needs_a_comment_and_goes_back_to_the_drafter(
    client: Client, world: DocWorld
) -> None:
    document = submitted(world)
    login(client, world.chau_thanh_office_leader)
    response = client.post(url("outgoing_decide", document.uuid), {"decision": "tra-lai"})
    assert response.status_code == 200
    assert response.context["form"].errors["comment"] == ["Cần nêu ý kiến khi trả lại."]
    response = client.post(
        url("outgoing_decide", document.uuid),
        {"decision": "tra-lai", "comment": "Bổ sung số liệu các xã"},
        follow=True,
    )
    assert "Đã trả lại dự thảo cho người soạn thảo." in messages_of(response)
    document.refresh_from_db()
    assert (document.status, document.status_reason) == (
        OutgoingStatus.RETURNED,
        "Bổ sung số liệu các xã",
    )


def test_a_decision_without_a_button_is_asked_for_again(client: Client, world: DocWorld) -> None:
    document = submitted(world)
    login(client, world.chau_thanh_office_leader)
    response = client.post(url("outgoing_decide", document.uuid), {"comment": "Đã xem"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Hãy bấm “Đồng ý” hoặc “Trả lại”."]
    assert "Đã xem" in response.content.decode()
    document.refresh_from_db()
    assert document.status == OutgoingStatus.IN_REVIEW


def test_the_drafter_cannot_approve_their_own_draft_where_the_chain_forbids_it(
    client: Client, world: DocWorld
) -> None:
    document = submitted(world, actor=world.chau_thanh_office_leader)
    login(client, world.chau_thanh_office_leader)
    page = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert 'data-action="decide"' not in page
    response = client.get(url("outgoing_decide", document.uuid), follow=True)
    assert "Bạn không thực hiện được thao tác này" in messages_of(response)[0]
    response = client.post(
        url("outgoing_decide", document.uuid), {"decision": "duyet"}, follow=True
    )
    assert "Không được tự duyệt dự thảo của mình." in messages_of(response)
    document.refresh_from_db()
    assert document.status == OutgoingStatus.IN_REVIEW
    assert not document.decisions.exists()


def test_self_approval_is_allowed_when_the_committees_leader_allows_it(
    client: Client, world: DocWorld
) -> None:
    services_outgoing.approval_chain_set(
        actor=world.chau_thanh_leader,
        unit=world.chau_thanh_office,
        steps=[{"role": Role.OFFICE_LEADER, "at": "unit"}],
        allow_self_approval=True,
    )
    login(client, world.chau_thanh_office_leader)
    document = submitted(world, actor=world.chau_thanh_office_leader)
    response = client.post(url("outgoing_decide", document.uuid), {"decision": "duyet"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == OutgoingStatus.APPROVED


def test_a_stored_step_naming_another_role_is_taken_by_nobody(world: DocWorld) -> None:
    """A chain snapshot from before the rule cannot let a specialist approve."""
    document = submitted(world)
    OutgoingDocument.objects.filter(pk=document.pk).update(
        chain=[{"role": Role.SPECIALIST, "at": "unit", "allow_self": True}]
    )
    document.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services_outgoing.outgoing_approve(actor=world.chau_thanh_specialist, document=document)
    document.refresh_from_db()
    assert (document.status, document.decisions.count()) == (OutgoingStatus.IN_REVIEW, 0)


def test_a_leader_sends_back_an_approved_document(client: Client, world: DocWorld) -> None:
    document = approved(world)
    login(client, world.chau_thanh_leader)
    page = client.get(url("outgoing_decide", document.uuid))
    assert [value for value, _l, _c in page.context["buttons"]] == ["tra-lai"]
    client.post(
        url("outgoing_decide", document.uuid), {"decision": "tra-lai", "comment": "Sửa câu chữ"}
    )
    document.refresh_from_db()
    assert document.status == OutgoingStatus.RETURNED


# --- the waiting list -------------------------------------------------------------------------


def test_awaiting_my_approval_lists_what_is_at_my_step(client: Client, world: DocWorld) -> None:
    two_step_chain(world)
    first = submitted(world, subject="Ở bước văn phòng")
    second = submitted(world, subject="Ở bước cấp ủy")
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=second)
    draft(world, subject="Chưa trình")
    login(client, world.chau_thanh_office_leader)
    assert list(client.get(url("outgoing_awaiting_approval")).context["documents"]) == [first]
    login(client, world.chau_thanh_leader)
    assert list(client.get(url("outgoing_awaiting_approval")).context["documents"]) == [second]
    login(client, world.hoa_thanh_clerk)
    assert list(client.get(url("outgoing_awaiting_approval")).context["documents"]) == []


def test_awaiting_my_approval_costs_the_same_queries_for_many_drafts(
    client: Client, world: DocWorld, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    two_step_chain(world)

    def at_committee_step(count: int) -> None:
        for _ in range(count):
            document = submitted(world)
            services_outgoing.outgoing_approve(
                actor=world.chau_thanh_office_leader, document=document
            )

    login(client, world.chau_thanh_leader)
    at_committee_step(2)
    few = page_queries(client, url("outgoing_awaiting_approval"))
    at_committee_step(30)
    assert page_queries(client, url("outgoing_awaiting_approval")) == few
    assert len(client.get(url("outgoing_awaiting_approval")).context["documents"]) == 32
    # session, user, scope (memberships, tree), the drafts, the unit tree for committee steps
    with django_assert_max_num_queries(6):
        client.get(url("outgoing_awaiting_approval"))


# --- signature --------------------------------------------------------------------------------


def test_a_leader_signs_in_person_and_is_recorded_as_the_signer(
    client: Client, world: DocWorld
) -> None:
    document = approved(world)
    login(client, world.chau_thanh_leader)
    form = client.get(url("outgoing_sign", document.uuid)).context["form"]
    assert set(form.fields) == {"position", "authority"}, "nobody to choose"
    response = client.post(
        url("outgoing_sign", document.uuid), {"position": "", "authority": "K/T"}
    )
    assert response.status_code == 200
    assert "position" in response.context["form"].errors
    response = client.post(
        url("outgoing_sign", document.uuid),
        # A posted signer is not a field of the form: it changes nothing.
        {"signer": str(world.chau_thanh_office_leader.uuid), "position": "Phó Bí thư",
         "authority": "T/M"},
        follow=True,
    )  # fmt: skip
    assert "Đã ký văn bản." in messages_of(response)
    document.refresh_from_db()
    assert (document.status, document.signer, document.signer_position) == (
        OutgoingStatus.SIGNED,
        world.chau_thanh_leader,
        "Phó Bí thư",
    )
    assert document.signing_authority == "T/M"
    event = AuditEvent.objects.filter(action="outgoing.sign").get()
    assert event.actor_id == world.chau_thanh_leader.pk
    assert "T/M · Phó Bí thư · Hồ Bí Thư" in response.content.decode()


def test_a_clerk_cannot_record_a_leader_as_signer(client: Client, world: DocWorld) -> None:
    document = approved(world)
    login(client, world.chau_thanh_clerk)
    page = client.get(url("outgoing_detail", document.uuid)).content.decode()
    assert 'data-action="sign"' not in page
    response = client.post(
        url("outgoing_sign", document.uuid),
        {"signer": str(world.chau_thanh_leader.uuid), "position": "Bí thư", "authority": "T/M"},
        follow=True,
    )
    assert "Người ký phải là lãnh đạo của đơn vị hoặc cấp ủy." in messages_of(response)
    with pytest.raises(TypeError):
        services_outgoing.outgoing_sign(  # type: ignore[call-arg]
            actor=world.chau_thanh_clerk,
            document=document,
            signer=world.chau_thanh_leader,
            position="Bí thư",
        )
    document.refresh_from_db()
    assert (document.status, document.signer) == (OutgoingStatus.APPROVED, None)
    assert not AuditEvent.objects.filter(action="outgoing.sign").exists()


def test_a_draft_still_in_review_cannot_be_signed(client: Client, world: DocWorld) -> None:
    document = submitted(world)
    login(client, world.chau_thanh_leader)
    response = client.post(
        url("outgoing_sign", document.uuid), {"position": "Bí thư", "authority": ""}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Không thể chuyển văn bản đang ở trạng thái “Đang trình duyệt” sang “Đã ký”."
    ]
