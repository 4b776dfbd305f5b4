"""The people pages: list and search, create, detail, edit, password, (de)activation."""

from __future__ import annotations

from uuid import uuid4

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from tests.support.personas import PASSWORD, Personas
from vanphong.core.models import AuditEvent
from vanphong.org.models import Clearance, Membership, Person, Role, Unit

NEW_PASSWORD = "Mat-khau-moi-2012!"


def _member(
    unit: Unit,
    full_name: str = "Nguyễn Văn Thử",
    role: str = Role.SPECIALIST,
    *,
    person: Person | None = None,
    ends_on: str | None = None,
) -> Membership:
    """A membership written straight to the database (no service, no audit event)."""
    if person is None:
        person = Person.objects.create_user(f"cb.{uuid4().hex[:12]}", full_name=full_name)
    return Membership.objects.create(
        person=person, unit=unit, role=role, starts_on="2010-01-01", ends_on=ends_on
    )


def _create_post(people: Personas, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "full_name": "Nguyễn Thị  Mới",
        "username": "VT.Moi",
        "email": "vt.moi@example.vn",
        "phone": "0276 3822 111",
        "password": NEW_PASSWORD,
        "password_confirm": NEW_PASSWORD,
        "unit": str(people.chau_thanh_office.uuid),
        "role": Role.CLERK,
        "clearance": str(Clearance.SECRET),
        "position": "Văn thư",
        "starts_on": "2012-02-01",
    }
    data.update(overrides)
    return data


def _logged_in_client(person: Person) -> Client:
    """The person's own browser, with a session of its own."""
    other = Client()
    other.force_login(person)
    return other


def _is_sent_to_login(client: Client) -> bool:
    response = client.get(reverse("web:home"))
    return response.status_code == 302 and response["Location"].startswith(reverse("web:login"))


# --- the list ---------------------------------------------------------------------------------


def test_people_list_shows_name_username_units_roles_and_status(
    client: Client, people: Personas
) -> None:
    people.chau_thanh_specialist.is_active = False
    people.chau_thanh_specialist.save()
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:people"))
    body = response.content.decode()
    assert response.status_code == 200
    names = [p.full_name for p in response.context["page"].object_list]
    assert set(names) == {"Võ Quản Trị", "Đặng Thị Đến", "Huỳnh Chuyên Viên"}
    assert "vt.chauthanh" in body
    assert "Văn phòng Huyện ủy Châu Thành — Văn thư" in body
    assert "Đã vô hiệu" in body


def test_district_admin_does_not_list_people_of_another_district(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    body = client.get(reverse("org:people")).content.decode()
    assert "Bùi Thị Hoà" not in body
    assert "Trần Quản Trị" not in body


def test_search_folds_marks_and_old_tone_placement(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    for query in ("bui thi hoa", "Bùi Thị Hòa", "HOÀ"):
        response = client.get(reverse("org:people"), {"q": query})
        names = [p.full_name for p in response.context["page"].object_list]
        assert names == ["Bùi Thị Hoà"], query
    response = client.get(reverse("org:people"), {"q": "dang thi den"})
    assert [p.username for p in response.context["page"].object_list] == ["vt.chauthanh"]


def test_search_without_javascript_renders_the_full_page(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    response = client.get(reverse("org:people"), {"q": "hoa"})
    body = response.content.decode()
    assert "<html" in body
    assert 'value="hoa"' in body
    assert "Bùi Thị Hoà" in body


def test_htmx_search_gets_only_the_rows_fragment(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    response = client.get(reverse("org:people"), {"q": "hoa"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert next(t.name for t in response.templates) == "org/_people_rows.html"
    assert "<html" not in body
    assert "Bùi Thị Hoà" in body
    assert "Trần Quản Trị" not in body
    assert 'hx-swap-oob="true"' in body  # the result count, announced by its status region
    assert "HX-Request" in response["Vary"]


def test_filter_by_unit_and_status(client: Client, people: Personas) -> None:
    people.chau_thanh_clerk.is_active = False
    people.chau_thanh_clerk.save()
    client.force_login(people.province_admin)
    url = reverse("org:people")
    response = client.get(url, {"don-vi": str(people.chau_thanh_office.uuid)})
    names = {p.full_name for p in response.context["page"].object_list}
    assert names == {"Đặng Thị Đến", "Huỳnh Chuyên Viên"}

    response = client.get(
        url, {"don-vi": str(people.chau_thanh_office.uuid), "trang-thai": "hoat-dong"}
    )
    assert [p.full_name for p in response.context["page"].object_list] == ["Huỳnh Chuyên Viên"]
    response = client.get(url, {"trang-thai": "vo-hieu"})
    assert [p.full_name for p in response.context["page"].object_list] == ["Đặng Thị Đến"]


def test_filter_by_a_unit_outside_the_scope_is_reported_and_not_applied(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:people"), {"don-vi": str(people.hoa_thanh_office.uuid)})
    assert response.status_code == 200
    assert response.context["unit_error"]
    assert "Bùi Thị Hoà" not in response.content.decode()
    response = client.get(reverse("org:people"), {"don-vi": "khong-phai-uuid"})
    assert response.status_code == 200
    assert response.context["unit_error"]


def test_people_list_pages_by_fifty_and_keeps_the_filters_in_page_links(
    client: Client, people: Personas
) -> None:
    for n in range(60):
        _member(people.chau_thanh_office, f"Lý Văn Thử {n:02}")
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:people"), {"q": "ly van"})
    page = response.context["page"]
    assert len(page.object_list) == 50
    assert page.paginator.count == 60
    assert "?q=ly+van&amp;trang=2" in response.content.decode()
    second = client.get(reverse("org:people"), {"q": "ly van", "trang": "2"})
    assert len(second.context["page"].object_list) == 10


def _people_page_queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("org:people"))
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_people_list_query_count_does_not_grow_with_the_rows(
    client: Client,
    people: Personas,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    client.force_login(people.province_admin)
    few = _people_page_queries(client)
    for n in range(60):
        person = _member(people.chau_thanh_office, f"Lý Văn Thử {n:02}").person
        _member(people.hoa_thanh_office, role=Role.CLERK, person=person)
    many = _people_page_queries(client)
    assert many == few
    # session, user, scope (memberships, tree), count, page, prefetch, units for the filter
    with django_assert_max_num_queries(8):
        client.get(reverse("org:people"))


# --- create -----------------------------------------------------------------------------------


def test_admin_creates_a_person_with_their_first_membership(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    data = _create_post(people, role=Role.ADMIN, clearance=str(Clearance.UNCLASSIFIED))
    response = client.post(reverse("org:person_create"), data, follow=True)
    person = Person.objects.get(username="vt.moi")
    assert response.redirect_chain[-1][0] == reverse("org:person_detail", args=[person.uuid])
    assert person.full_name == "Nguyễn Thị Mới"
    assert person.check_password(NEW_PASSWORD)
    membership = person.memberships.get()
    assert (membership.unit, membership.role, membership.clearance) == (
        people.chau_thanh_office,
        Role.ADMIN,
        Clearance.UNCLASSIFIED,
    )
    assert str(membership.starts_on) == "2012-02-01"
    assert "Đã tạo tài khoản Nguyễn Thị Mới." in response.content.decode()
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"person.create", "membership.create"} <= actions


def test_a_new_clerk_is_created_and_the_post_waits_for_confirmation(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    response = client.post(reverse("org:person_create"), _create_post(people), follow=True)
    person = Person.objects.get(username="vt.moi")
    body = response.content.decode()
    assert "Đã tạo tài khoản Nguyễn Thị Mới." in body
    assert "đã được gửi cho quản trị cấp trên xác nhận" in body
    assert not person.memberships.exists()
    assert [str(r.unit) for r in response.context["pending"]] == [people.chau_thanh_office.name]
    request = person.membership_requests.get()
    assert (request.role, request.clearance, str(request.starts_on)) == (
        Role.CLERK,
        Clearance.SECRET,
        "2012-02-01",
    )
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert actions == {"person.create", "membership_request.create"}


def test_person_create_form_takes_its_unit_from_the_query_string(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_create") + f"?don-vi={people.chau_thanh_office.uuid}"
    form = client.get(url).context["form"]
    assert form.initial["unit"] == people.chau_thanh_office
    assert set(form.fields["unit"].queryset) == {people.chau_thanh, people.chau_thanh_office}
    other = reverse("org:person_create") + f"?don-vi={people.hoa_thanh_office.uuid}"
    assert client.get(other).status_code == 404
    assert client.get(reverse("org:person_create") + "?don-vi=xyz").status_code == 404


def test_every_person_create_input_has_a_label(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:person_create"))
    body = response.content.decode()
    for field in response.context["form"].visible_fields():
        assert f'for="{field.id_for_label}"' in body, field.name
    assert "<title>Thêm cán bộ · vanphong</title>" in body


def test_taken_username_re_renders_with_the_input_kept(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    response = client.post(
        reverse("org:person_create"), _create_post(people, username="VT.ChauThanh")
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["username"] == ["Tên đăng nhập này đã có người dùng."]
    assert 'value="Nguyễn Thị  Mới"' in body
    assert 'value="0276 3822 111"' in body
    assert 'value="Văn thư"' in body
    assert 'role="alert"' in body
    assert not Person.objects.filter(full_name="Nguyễn Thị Mới").exists()
    assert not AuditEvent.objects.exists()


def test_weak_password_is_reported_on_the_password_field(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    data = _create_post(people, password="12345678", password_confirm="12345678")
    response = client.post(reverse("org:person_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert not Person.objects.filter(username="vt.moi").exists()


def test_mismatched_password_confirmation_is_refused(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    data = _create_post(people, password_confirm="Mat-khau-khac-2012!")
    response = client.post(reverse("org:person_create"), data)
    assert "password_confirm" in response.context["form"].errors
    assert not Person.objects.filter(username="vt.moi").exists()


def test_district_admin_cannot_create_a_person_in_another_district(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    data = _create_post(people, unit=str(people.hoa_thanh_office.uuid))
    response = client.post(reverse("org:person_create"), data)
    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Person.objects.filter(username="vt.moi").exists()


# --- detail and edit --------------------------------------------------------------------------


def test_person_detail_shows_profile_memberships_and_actions(
    client: Client, people: Personas
) -> None:
    _member(
        people.chau_thanh,
        role=Role.SPECIALIST,
        person=people.chau_thanh_clerk,
        ends_on="2011-12-31",
    )
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:person_detail", args=[people.chau_thanh_clerk.uuid]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Đặng Thị Đến" in body
    assert "vt.chauthanh" in body
    assert [m.role for m in response.context["current"]] == [Role.CLERK]
    assert [m.role for m in response.context["ended"]] == [Role.SPECIALIST]
    for name in ("person_update", "person_password", "person_deactivate", "membership_create"):
        assert reverse(f"org:{name}", args=[people.chau_thanh_clerk.uuid]) in body


def test_person_detail_hides_memberships_outside_the_admins_units(
    client: Client, people: Personas
) -> None:
    _member(people.province_office, person=people.chau_thanh_clerk)
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:person_detail", args=[people.chau_thanh_clerk.uuid]))
    assert "Văn phòng Tỉnh ủy" not in response.content.decode()


def test_district_admin_gets_404_on_a_person_of_another_district(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    uuid = people.hoa_thanh_clerk.uuid
    for name in (
        "person_detail",
        "person_update",
        "person_password",
        "person_deactivate",
        "membership_create",
    ):
        assert client.get(reverse(f"org:{name}", args=[uuid])).status_code == 404, name
    assert client.post(reverse("org:person_reactivate", args=[uuid])).status_code == 404
    data = {"reason": "Thử", "password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}
    assert client.post(reverse("org:person_deactivate", args=[uuid]), data).status_code == 404
    assert client.post(reverse("org:person_password", args=[uuid]), data).status_code == 404
    people.hoa_thanh_clerk.refresh_from_db()
    assert people.hoa_thanh_clerk.is_active
    assert not AuditEvent.objects.exists()


def test_admin_edits_a_profile_and_the_change_is_audited(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_update", args=[people.chau_thanh_clerk.uuid])
    assert client.get(url).context["form"].initial["full_name"] == "Đặng Thị Đến"
    data = {"full_name": "Đặng Thị  Đến", "email": "DEN@Example.vn", "phone": "0909"}
    response = client.post(url, data)
    assert response.status_code == 302
    people.chau_thanh_clerk.refresh_from_db()
    assert people.chau_thanh_clerk.email == "den@example.vn"
    event = AuditEvent.objects.get(action="person.update")
    assert event.object_id == str(people.chau_thanh_clerk.uuid)


def test_invalid_email_re_renders_the_profile_form(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_update", args=[people.chau_thanh_clerk.uuid])
    response = client.post(url, {"full_name": "Đặng Thị Đến", "email": "khong-hop-le"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert 'value="khong-hop-le"' in response.content.decode()


# --- password ---------------------------------------------------------------------------------


def test_admin_sets_a_password_and_the_persons_sessions_end(
    client: Client, people: Personas
) -> None:
    clerk = _logged_in_client(people.chau_thanh_clerk)
    assert not _is_sent_to_login(clerk)
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_password", args=[people.chau_thanh_clerk.uuid])
    data = {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}
    assert client.post(url, data).status_code == 302
    people.chau_thanh_clerk.refresh_from_db()
    assert people.chau_thanh_clerk.check_password(NEW_PASSWORD)
    assert _is_sent_to_login(clerk)
    assert AuditEvent.objects.filter(action="person.set_password").count() == 1


def test_admin_setting_their_own_password_stays_logged_in(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_password", args=[people.chau_thanh_admin.uuid])
    data = {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD}
    assert client.post(url, data).status_code == 302
    assert not _is_sent_to_login(client)


def test_weak_password_is_refused_and_nothing_changes(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_password", args=[people.chau_thanh_clerk.uuid])
    response = client.post(url, {"password": "vt.chauthanh", "password_confirm": "vt.chauthanh"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    people.chau_thanh_clerk.refresh_from_db()
    assert people.chau_thanh_clerk.check_password(PASSWORD)


# --- deactivation -----------------------------------------------------------------------------


def test_deactivation_asks_for_confirmation_on_get(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_deactivate", args=[people.chau_thanh_clerk.uuid])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    people.chau_thanh_clerk.refresh_from_db()
    assert people.chau_thanh_clerk.is_active


def test_deactivation_ends_the_persons_sessions(client: Client, people: Personas) -> None:
    clerk = _logged_in_client(people.chau_thanh_clerk)
    assert not _is_sent_to_login(clerk)
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_deactivate", args=[people.chau_thanh_clerk.uuid])
    response = client.post(url, {"reason": "Nghỉ hưu"}, follow=True)
    assert "Đã vô hiệu hóa tài khoản Đặng Thị Đến." in response.content.decode()
    people.chau_thanh_clerk.refresh_from_db()
    assert not people.chau_thanh_clerk.is_active
    assert _is_sent_to_login(clerk)
    event = AuditEvent.objects.get(action="person.deactivate")
    assert event.after == {"is_active": False, "reason": "Nghỉ hưu"}


def test_deactivation_without_a_reason_is_refused(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_deactivate", args=[people.chau_thanh_clerk.uuid])
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    people.chau_thanh_clerk.refresh_from_db()
    assert people.chau_thanh_clerk.is_active


def test_admin_cannot_deactivate_themselves(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_deactivate", args=[people.chau_thanh_admin.uuid])
    response = client.post(url, {"reason": "Thử"})
    assert response.status_code == 200
    assert "Không thể tự vô hiệu hóa tài khoản của mình." in response.content.decode()
    assert "Thử</textarea>" in response.content.decode()  # what was typed is kept


def test_admin_reactivates_a_person_by_post_only(client: Client, people: Personas) -> None:
    people.chau_thanh_clerk.is_active = False
    people.chau_thanh_clerk.save()
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_reactivate", args=[people.chau_thanh_clerk.uuid])
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert "Đã kích hoạt lại tài khoản Đặng Thị Đến." in response.content.decode()
    people.chau_thanh_clerk.refresh_from_db()
    assert people.chau_thanh_clerk.is_active
    assert AuditEvent.objects.filter(action="person.reactivate").count() == 1


def test_reactivating_an_active_person_shows_an_error_message(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_reactivate", args=[people.chau_thanh_clerk.uuid])
    response = client.post(url, follow=True)
    assert "Tài khoản này đang hoạt động." in response.content.decode()
    assert not AuditEvent.objects.exists()


def test_former_district_admin_cannot_reset_the_password_of_someone_who_moved_up(
    client: Client, people: Personas
) -> None:
    """Visible through the ended membership, but no longer theirs to administer: 403."""
    moved = people.province_admin
    Membership.objects.create(
        person=moved,
        unit=people.chau_thanh_office,
        role=Role.CLERK,
        starts_on="2005-01-01",
        ends_on="2009-12-31",
    )
    client.force_login(people.chau_thanh_admin)
    assert client.get(reverse("org:person_detail", args=[moved.uuid])).status_code == 200
    url = reverse("org:person_password", args=[moved.uuid])
    response = client.post(url, {"password": NEW_PASSWORD, "password_confirm": NEW_PASSWORD})
    assert response.status_code == 403
    moved.refresh_from_db()
    assert moved.check_password(PASSWORD)


@pytest.mark.parametrize("name", ["person_deactivate", "person_password", "person_update"])
def test_person_write_pages_refuse_other_methods(
    client: Client, people: Personas, name: str
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse(f"org:{name}", args=[people.chau_thanh_clerk.uuid])
    assert client.delete(url).status_code == 405


# --- accounts not wholly administered ---------------------------------------------------------


def test_a_province_person_with_a_post_in_the_district_is_listed_but_their_account_is_not_his(
    client: Client, people: Personas
) -> None:
    """Finding 3: the district admin sees the person he shares, and manages the post in his
    district, but their password, profile and activation belong to whoever administers all
    their posts."""
    person = people.province_clerk
    _member(people.chau_thanh_office, person=person)
    client.force_login(people.chau_thanh_admin)
    listed = client.get(reverse("org:people")).context["page"].object_list
    assert person in listed
    detail = client.get(reverse("org:person_detail", args=[person.uuid]))
    body = detail.content.decode()
    assert 'data-testid="not-wholly-administered"' in body
    assert reverse("org:membership_create", args=[person.uuid]) in body
    account_pages = (
        "person_update",
        "person_password",
        "person_deactivate",
        "person_credentials_revoke",
    )
    for name in account_pages:
        url = reverse(f"org:{name}", args=[person.uuid])
        assert url not in body, name
        assert client.get(url).status_code == 403, name
    data = {
        "full_name": "Bị Đổi",
        "password": NEW_PASSWORD,
        "password_confirm": NEW_PASSWORD,
        "reason": "Thử",
    }
    for name in account_pages:
        assert client.post(reverse(f"org:{name}", args=[person.uuid]), data).status_code == 403
    person.is_active = False
    person.save()
    assert client.post(reverse("org:person_reactivate", args=[person.uuid])).status_code == 403
    person.refresh_from_db()
    assert (person.full_name, person.is_active) == ("Phạm Văn Thư", False)
    assert person.check_password(PASSWORD)
    assert not AuditEvent.objects.exists()


def test_an_admin_revokes_the_tokens_and_calendar_links_of_a_person_he_administers(
    client: Client, people: Personas
) -> None:
    from vanphong.api.models import ApiToken
    from vanphong.api.services import token_create

    token_create(actor=None, person=people.chau_thanh_clerk, name="máy")
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:person_credentials_revoke", args=[people.chau_thanh_clerk.uuid])
    assert (
        url
        in client.get(
            reverse("org:person_detail", args=[people.chau_thanh_clerk.uuid])
        ).content.decode()
    )
    assert client.get(url).status_code == 200
    assert not ApiToken.objects.filter(revoked_at__isnull=False).exists()
    response = client.post(url, follow=True)
    assert "Đã thu hồi mọi mã truy cập API và liên kết lịch" in response.content.decode()
    token = ApiToken.objects.get()
    assert (token.revoked_by, token.revoked_at is not None) == (people.chau_thanh_admin, True)


def test_an_admins_own_page_offers_no_membership_changes(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    body = client.get(
        reverse("org:person_detail", args=[people.chau_thanh_admin.uuid])
    ).content.decode()
    own = people.chau_thanh_admin.memberships.get()
    assert 'data-testid="self-note"' in body
    assert reverse("org:membership_create", args=[people.chau_thanh_admin.uuid]) not in body
    assert reverse("org:membership_end", args=[own.uuid]) not in body
    assert reverse("org:membership_update", args=[own.uuid]) not in body
    assert reverse("org:person_password", args=[people.chau_thanh_admin.uuid]) in body
    response = client.post(
        reverse("org:membership_create", args=[people.chau_thanh_admin.uuid]),
        {"unit": str(people.chau_thanh.uuid), "role": Role.COMMITTEE_LEADER, "clearance": "3"},
    )
    assert response.status_code == 403
    assert (
        client.post(
            reverse("org:membership_end", args=[own.uuid]), {"ends_on": "2012-02-17"}
        ).status_code
        == 403
    )
    assert people.chau_thanh_admin.memberships.count() == 1
    assert not AuditEvent.objects.exists()
