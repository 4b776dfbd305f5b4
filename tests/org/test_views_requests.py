"""The pages of grants awaiting confirmation: the list, a request, confirm and refuse."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.personas import Personas
from tests.support.web import page_queries
from vanphong.core.models import AuditEvent
from vanphong.org import services_memberships
from vanphong.org.models import Clearance, MembershipRequest, RequestStatus, Role


def _request(people: Personas, clearance: int = Clearance.UNCLASSIFIED) -> MembershipRequest:
    made = services_memberships.membership_create(
        actor=people.chau_thanh_admin,
        person=people.chau_thanh_specialist,
        unit=people.chau_thanh_office,
        role=Role.CLERK,
        clearance=clearance,
    )
    assert isinstance(made, MembershipRequest)
    return made


def test_the_requester_sees_his_request_as_sent_and_cannot_decide_it(
    client: Client, people: Personas
) -> None:
    request = _request(people)
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:requests"))
    assert response.context["to_decide"] == []
    assert response.context["sent"] == [request]
    detail = client.get(reverse("org:request_detail", args=[request.uuid]))
    body = detail.content.decode()
    assert reverse("org:request_confirm", args=[request.uuid]) not in body
    assert 'data-testid="cannot-confirm"' in body
    assert client.post(reverse("org:request_confirm", args=[request.uuid])).status_code == 403
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


def test_another_districts_admin_does_not_see_the_request(client: Client, people: Personas) -> None:
    request = _request(people)
    stranger = PersonFactory.create(username="qt.hoathanh")
    MembershipFactory.create(person=stranger, unit=people.hoa_thanh, role=Role.ADMIN)
    client.force_login(stranger)
    assert client.get(reverse("org:requests")).context["to_decide"] == []
    for name in ("org:request_detail",):
        assert client.get(reverse(name, args=[request.uuid])).status_code == 404
    assert client.post(reverse("org:request_confirm", args=[request.uuid])).status_code == 404
    url = reverse("org:request_refuse", args=[request.uuid])
    assert client.post(url, {"reason": "Không"}).status_code == 404
    request.refresh_from_db()
    assert request.status == RequestStatus.PENDING


def test_the_province_admin_is_told_why_he_cannot_confirm_above_his_clearance(
    client: Client, people: Personas
) -> None:
    request = _request(people, clearance=Clearance.SECRET)
    client.force_login(people.province_admin)
    assert client.get(reverse("org:requests")).context["to_decide"] == [request]
    body = client.get(reverse("org:request_detail", args=[request.uuid])).content.decode()
    assert "Độ mật được đề nghị cao hơn độ mật của bạn ở đơn vị này." in body
    assert client.post(reverse("org:request_confirm", args=[request.uuid])).status_code == 403
    assert not people.chau_thanh_specialist.memberships.filter(role=Role.CLERK).exists()


def test_a_refusal_without_a_reason_is_shown_on_its_field_then_refused_with_one(
    client: Client, people: Personas
) -> None:
    request = _request(people)
    client.force_login(people.province_admin)
    url = reverse("org:request_refuse", args=[request.uuid])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = client.post(url, {"reason": "Chưa đủ tiêu chuẩn"}, follow=True)
    assert "Đã từ chối" in response.content.decode()
    request.refresh_from_db()
    assert (request.status, request.reason) == (RequestStatus.REFUSED, "Chưa đủ tiêu chuẩn")
    assert AuditEvent.objects.filter(action="membership_request.refuse").count() == 1


def test_confirming_twice_shows_that_it_is_decided(client: Client, people: Personas) -> None:
    request = _request(people)
    client.force_login(people.province_admin)
    url = reverse("org:request_confirm", args=[request.uuid])
    assert client.post(url).status_code == 302
    response = client.post(url, follow=True)
    assert "Đề nghị này đã được quyết định." in response.content.decode()
    assert people.chau_thanh_specialist.memberships.filter(role=Role.CLERK).count() == 1


def test_request_actions_are_posts(client: Client, people: Personas) -> None:
    request = _request(people)
    client.force_login(people.province_admin)
    for name in ("org:request_confirm", "org:request_refuse"):
        assert client.get(reverse(name, args=[request.uuid])).status_code == 405


def test_the_list_of_requests_costs_the_same_queries_for_one_request_or_many(
    client: Client, people: Personas, django_assert_max_num_queries: Any
) -> None:
    """The province's administrator sees the district's requests to decide: who may decide
    each is read for the whole list at once, never a query per request."""
    _request(people)
    client.force_login(people.province_admin)
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(reverse("org:requests")).context["to_decide"]) == 1
    for number in range(4):
        person = PersonFactory.create(username=f"moi.{number}")
        MembershipFactory.create(person=person, unit=people.chau_thanh_office, role=Role.ADMIN)
        services_memberships.membership_create(
            actor=people.chau_thanh_admin,
            person=person,
            unit=people.chau_thanh_office,
            role=Role.SPECIALIST,
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(client.get(reverse("org:requests")).context["to_decide"]) == 5


def _requests(people: Personas, count: int, start: int = 0) -> list[MembershipRequest]:
    made = []
    for number in range(start, start + count):
        person = PersonFactory.create(username=f"de.nghi.{number}")
        # Placed in the district first (as administrator), so its administrator may grant.
        MembershipFactory.create(person=person, unit=people.chau_thanh_office, role=Role.ADMIN)
        request = services_memberships.membership_create(
            actor=people.chau_thanh_admin,
            person=person,
            unit=people.chau_thanh_office,
            role=Role.CLERK,
        )
        assert isinstance(request, MembershipRequest)
        made.append(request)
    return made


def test_the_requests_sent_show_the_rest_on_page_two(
    client: Client, people: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vanphong.org import views_memberships

    monkeypatch.setattr(views_memberships, "SENT", 2)
    sent = _requests(people, 3)
    client.force_login(people.chau_thanh_admin)
    first = client.get(reverse("org:requests"))
    assert first.context["sent"] == [sent[2], sent[1]]
    assert "3 đề nghị · trang 1/2" in first.content.decode()
    second = client.get(reverse("org:requests") + "?trang=2")
    assert second.context["sent"] == [sent[0]]


def test_the_requests_sent_cost_the_same_queries_for_one_or_many(
    client: Client, people: Personas
) -> None:
    _requests(people, 1)
    client.force_login(people.chau_thanh_admin)
    few = page_queries(client, reverse("org:requests"))
    _requests(people, 4, start=1)
    # The COUNT for the page numbers is one of them.
    assert page_queries(client, reverse("org:requests")) == few
