"""The membership pages: add a person to a unit, change clearance or position, end it."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.support.personas import Personas
from vanphong.core.models import AuditEvent
from vanphong.org.models import Clearance, Membership, MembershipRequest, Role


def _add_post(people: Personas, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "unit": str(people.chau_thanh.uuid),
        "role": Role.ADMIN,
        "clearance": str(Clearance.UNCLASSIFIED),
        "position": "Cán bộ  quản trị",
        "starts_on": "2012-03-01",
    }
    data.update(overrides)
    return data


# --- add --------------------------------------------------------------------------------------


def test_admin_adds_an_admin_post_directly_and_an_audit_event_is_written(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_create", args=[people.chau_thanh_specialist.uuid])
    form = client.get(url).context["form"]
    assert set(form.fields["unit"].queryset) == {people.chau_thanh, people.chau_thanh_office}
    response = client.post(url, _add_post(people), follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "org:person_detail", args=[people.chau_thanh_specialist.uuid]
    )
    membership = people.chau_thanh_specialist.memberships.get(unit=people.chau_thanh)
    assert membership.role == Role.ADMIN
    assert membership.position == "Cán bộ quản trị"
    assert membership.starts_on == date(2012, 3, 1)
    assert "Đã thêm công tác cho Huỳnh Chuyên Viên." in response.content.decode()
    event = AuditEvent.objects.get(action="membership.create")
    assert event.object_id == str(membership.uuid)
    assert event.actor_id == people.chau_thanh_admin.pk


def test_a_post_that_reads_documents_is_sent_for_confirmation_and_applies_once_confirmed(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_create", args=[people.chau_thanh_specialist.uuid])
    response = client.post(url, _add_post(people, role=Role.RECEPTION), follow=True)
    body = response.content.decode()
    assert "đã được gửi cho quản trị cấp trên xác nhận" in body
    assert not people.chau_thanh_specialist.memberships.filter(unit=people.chau_thanh).exists()
    request = MembershipRequest.objects.get()
    assert f'href="{reverse("org:request_detail", args=[request.uuid])}"' in body
    assert [e.action for e in AuditEvent.objects.all()] == ["membership_request.create"]

    client.force_login(people.province_admin)
    listed = client.get(reverse("org:requests")).context["to_decide"]
    assert listed == [request]
    response = client.post(reverse("org:request_confirm", args=[request.uuid]))
    assert response.status_code == 302
    membership = people.chau_thanh_specialist.memberships.get(unit=people.chau_thanh)
    assert (membership.role, membership.position) == (Role.RECEPTION, "Cán bộ quản trị")
    confirmed = AuditEvent.objects.get(action="membership_request.confirm")
    assert confirmed.actor_id == people.province_admin.pk


def test_start_date_defaults_to_today(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_create", args=[people.chau_thanh_specialist.uuid])
    assert client.post(url, _add_post(people, starts_on="")).status_code == 302
    membership = people.chau_thanh_specialist.memberships.get(unit=people.chau_thanh)
    assert membership.starts_on == timezone.localdate()


def test_the_same_open_role_twice_re_renders_with_the_input_kept(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_create", args=[people.chau_thanh_specialist.uuid])
    data = _add_post(
        people,
        unit=str(people.chau_thanh_office.uuid),
        role=Role.SPECIALIST,
        position="Chuyên viên tổng hợp",
    )
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Cán bộ này đang giữ vai trò đó ở đơn vị này." in body
    assert 'role="alert"' in body
    assert 'value="Chuyên viên tổng hợp"' in body
    assert 'value="2012-03-01"' in body
    assert people.chau_thanh_specialist.memberships.count() == 1
    assert not AuditEvent.objects.exists()


def test_district_admin_cannot_add_a_membership_in_another_district(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_create", args=[people.chau_thanh_specialist.uuid])
    response = client.post(url, _add_post(people, unit=str(people.hoa_thanh_office.uuid)))
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert people.chau_thanh_specialist.memberships.count() == 1


def test_district_admin_gets_404_adding_a_membership_to_another_districts_person(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_create", args=[people.hoa_thanh_clerk.uuid])
    assert client.post(url, _add_post(people)).status_code == 404
    assert not people.hoa_thanh_clerk.memberships.filter(unit=people.chau_thanh).exists()


# --- edit -------------------------------------------------------------------------------------


def test_admin_lowers_clearance_and_changes_position_and_returns_where_they_came_from(
    client: Client, people: Personas
) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    back = reverse("org:unit_detail", args=[people.chau_thanh_office.uuid])
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_update", args=[membership.uuid])
    form = client.get(url, {"next": back}).context["form"]
    assert form.initial["clearance"] == Clearance.SECRET
    data = {"clearance": str(Clearance.UNCLASSIFIED), "position": "Văn thư", "next": back}
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == back
    membership.refresh_from_db()
    assert (membership.clearance, membership.position) == (Clearance.UNCLASSIFIED, "Văn thư")
    event = AuditEvent.objects.get(action="membership.update")
    assert event.before is not None
    assert event.after is not None
    assert (event.before["clearance"], event.after["clearance"]) == (1, 0)


def test_a_raised_clearance_is_sent_for_confirmation_and_nothing_changes_yet(
    client: Client, people: Personas
) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_update", args=[membership.uuid])
    data = {"clearance": str(Clearance.TOP_SECRET), "position": "Văn thư"}
    response = client.post(url, data, follow=True)
    assert "đã được gửi cho quản trị cấp trên xác nhận" in response.content.decode()
    membership.refresh_from_db()
    assert (membership.clearance, membership.position) == (Clearance.SECRET, "")
    request = MembershipRequest.objects.get()
    assert (request.membership, request.clearance) == (membership, Clearance.TOP_SECRET)
    assert not AuditEvent.objects.filter(action="membership.update").exists()


def test_next_pointing_off_site_is_ignored(client: Client, people: Personas) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_update", args=[membership.uuid])
    data = {"clearance": "0", "position": "", "next": "https://example.com/"}
    response = client.post(url, data)
    assert response["Location"] == reverse("org:person_detail", args=[people.chau_thanh_clerk.uuid])


def test_unknown_clearance_re_renders_the_form(client: Client, people: Personas) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_update", args=[membership.uuid])
    response = client.post(url, {"clearance": "9", "position": "Văn thư chính"})
    assert response.status_code == 200
    assert "clearance" in response.context["form"].errors
    assert 'value="Văn thư chính"' in response.content.decode()
    membership.refresh_from_db()
    assert membership.clearance == Clearance.SECRET


def test_district_admin_gets_404_on_another_districts_membership(
    client: Client, people: Personas
) -> None:
    membership = people.hoa_thanh_clerk.memberships.get()
    client.force_login(people.chau_thanh_admin)
    for name in ("org:membership_update", "org:membership_end"):
        assert client.get(reverse(name, args=[membership.uuid])).status_code == 404
    url = reverse("org:membership_end", args=[membership.uuid])
    assert client.post(url, {"ends_on": "2012-02-17"}).status_code == 404
    url = reverse("org:membership_update", args=[membership.uuid])
    assert client.post(url, {"clearance": "3"}).status_code == 404
    membership.refresh_from_db()
    assert membership.ends_on is None
    assert membership.clearance == Clearance.SECRET


# --- end --------------------------------------------------------------------------------------


def test_end_page_proposes_today(client: Client, people: Personas) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:membership_end", args=[membership.uuid]))
    assert response.status_code == 200
    assert f'value="{timezone.localdate():%d/%m/%Y}"' in response.content.decode()
    membership.refresh_from_db()
    assert membership.ends_on is None


def test_admin_ends_a_membership_and_it_moves_to_the_ended_list(
    client: Client, people: Personas
) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    client.force_login(people.chau_thanh_admin)
    response = client.post(
        reverse("org:membership_end", args=[membership.uuid]),
        {"ends_on": "2012-02-17"},
        follow=True,
    )
    assert "Đã kết thúc công tác" in response.content.decode()
    membership.refresh_from_db()
    assert membership.ends_on == date(2012, 2, 17)
    assert [m.pk for m in response.context["ended"]] == [membership.pk]
    assert AuditEvent.objects.filter(action="membership.end").count() == 1


def test_end_date_before_the_start_is_reported_on_its_field(
    client: Client, people: Personas
) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_end", args=[membership.uuid])
    response = client.post(url, {"ends_on": "2009-12-31"})
    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == [
        "Ngày kết thúc không được trước ngày bắt đầu."
    ]
    assert 'value="2009-12-31"' in response.content.decode()
    membership.refresh_from_db()
    assert membership.ends_on is None


def test_ending_an_ended_membership_is_refused(client: Client, people: Personas) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    Membership.objects.filter(pk=membership.pk).update(ends_on=date(2011, 1, 1))
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:membership_end", args=[membership.uuid])
    response = client.post(url, {"ends_on": "2012-02-17"})
    assert "Công tác này đã kết thúc." in response.content.decode()
    membership.refresh_from_db()
    assert membership.ends_on == date(2011, 1, 1)


def test_membership_end_refuses_other_methods(client: Client, people: Personas) -> None:
    membership = people.chau_thanh_clerk.memberships.get()
    client.force_login(people.chau_thanh_admin)
    assert client.put(reverse("org:membership_end", args=[membership.uuid])).status_code == 405
