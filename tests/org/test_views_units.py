"""The unit pages: tree, detail, create and edit, scoped to the units a person administers."""

from __future__ import annotations

from uuid import uuid4

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.support.personas import Personas
from vanphong.core.models import AuditEvent
from vanphong.core.vietnamese import fold
from vanphong.org.models import Membership, Person, Role, Unit, UnitKind


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


def _unit_post(parent: Unit | None, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "parent": str(parent.uuid) if parent else "",
        "kind": UnitKind.BOARD,
        "name": "Ban Tuyên giáo Huyện ủy",
        "short_name": "BTG",
        "symbol": "BTGHU",
        "superior_name": "ĐẢNG BỘ TỈNH TÂY NINH",
        "place": "Châu Thành",
        "numbering_style": "party",
        "sort_order": "3",
    }
    data.update(overrides)
    return data


# --- the tree ---------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_the_login_page(client: Client, db: None) -> None:
    response = client.get(reverse("org:units"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web:login"))


def test_province_admin_sees_the_whole_province_tree_indented(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    response = client.get(reverse("org:units"))
    body = response.content.decode()
    assert response.status_code == 200
    for unit in (people.province, people.chau_thanh_office, people.hoa_thanh_office):
        assert reverse("org:unit_detail", args=[unit.uuid]) in body
    rows = [row.unit for row in response.context["rows"]]
    assert rows.index(people.chau_thanh) < rows.index(people.chau_thanh_office)
    assert {row.unit: row.depth for row in response.context["rows"]}[people.hoa_thanh_office] == 2
    assert "Thêm đơn vị" in body
    assert reverse("org:people") in body


def test_the_tree_reads_in_the_organisations_order_whatever_the_tone_marks(
    client: Client, people: Personas
) -> None:
    """ "Huyện uỷ Hoà Thành" (old placement) sorts by code point before every "Huyện ủy":
    the list keeps the Office first, then the committees by their folded names."""
    for name in ("Huyện ủy Hòa Bình", "Huyện uỷ Gò Dầu"):
        Unit.objects.create(
            parent=people.province, kind=UnitKind.DISTRICT_COMMITTEE, name=name, symbol="HU",
            name_folded=fold(name),
        )  # fmt: skip
    client.force_login(people.province_admin)
    body = client.get(reverse("org:units")).content.decode()
    shown = [
        "Tỉnh ủy Tây Ninh", "Văn phòng Tỉnh ủy Tây Ninh", "Huyện ủy Châu Thành",
        "Văn phòng Huyện ủy Châu Thành", "Huyện uỷ Gò Dầu", "Huyện ủy Hòa Bình",
        "Huyện uỷ Hoà Thành", "Văn phòng Huyện uỷ Hoà Thành",
    ]  # fmt: skip
    places = [body.index(f">{label}</a>") for label in shown]
    assert places == sorted(places)


def test_district_admin_cannot_see_other_district_units(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    body = client.get(reverse("org:units")).content.decode()
    assert "Văn phòng Huyện ủy Châu Thành" in body
    assert "Hoà Thành" not in body
    assert "Tỉnh ủy Tây Ninh" not in body


def test_inactive_unit_is_marked_in_the_tree(client: Client, people: Personas) -> None:
    people.hoa_thanh_office.is_active = False
    people.hoa_thanh_office.save()
    client.force_login(people.province_admin)
    body = client.get(reverse("org:units")).content.decode()
    assert "Ngừng hoạt động" in body


def test_person_who_administers_nothing_is_told_so_with_a_403(
    client: Client, people: Personas
) -> None:
    client.force_login(people.hoa_thanh_clerk)
    response = client.get(reverse("org:units"))
    assert response.status_code == 403
    assert "không quản trị đơn vị nào" in response.content.decode()


def test_person_who_administers_nothing_gets_404_on_every_other_page(
    client: Client, people: Personas
) -> None:
    client.force_login(people.hoa_thanh_clerk)
    for url in (
        reverse("org:people"),
        reverse("org:person_create"),
        reverse("org:unit_create"),
        reverse("org:unit_detail", args=[people.hoa_thanh_office.uuid]),
        reverse("org:person_detail", args=[people.hoa_thanh_clerk.uuid]),
    ):
        assert client.get(url).status_code == 404, url


# --- detail -----------------------------------------------------------------------------------


def test_unit_detail_shows_fields_breadcrumb_children_terms_and_members(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    response = client.get(reverse("org:unit_detail", args=[people.province.uuid]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Huyện ủy Châu Thành" in body  # a child
    assert people.province_term.name in body  # a committee shows its terms
    assert reverse("org:term_create", args=[people.province.uuid]) in body
    assert "Trần Quản Trị" in body
    assert "Quản trị hệ thống" in body
    leader_post = people.province_leader.memberships.get().uuid
    assert reverse("org:membership_end", args=[leader_post]) in body
    own_post = people.province_admin.memberships.get().uuid  # nobody ends their own post
    assert reverse("org:membership_end", args=[own_post]) not in body

    response = client.get(reverse("org:unit_detail", args=[people.chau_thanh_office.uuid]))
    crumbs = [label for label, _url in response.context["crumbs"]]
    assert crumbs[1:] == ["Tỉnh ủy Tây Ninh", "Huyện ủy Châu Thành"]
    assert 'data-testid="terms"' not in response.content.decode()  # an office has no terms


def test_district_admin_breadcrumb_stops_at_their_own_unit(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:unit_detail", args=[people.chau_thanh_office.uuid]))
    crumbs = [label for label, _url in response.context["crumbs"]]
    assert crumbs[1:] == ["Huyện ủy Châu Thành"]
    assert "Tỉnh ủy Tây Ninh" not in response.content.decode()


def test_ended_memberships_are_listed_collapsed(client: Client, people: Personas) -> None:
    _member(people.chau_thanh_office, "Đoàn Đã Nghỉ", Role.CLERK, ends_on="2011-06-30")
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:unit_detail", args=[people.chau_thanh_office.uuid]))
    body = response.content.decode()
    assert [m.person.full_name for m in response.context["ended"]] == ["Đoàn Đã Nghỉ"]
    assert "<details" in body
    assert "1 công tác đã kết thúc" in body


def test_district_admin_gets_404_on_another_districts_unit(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    for name in ("org:unit_detail", "org:unit_update", "org:term_create"):
        response = client.get(reverse(name, args=[people.hoa_thanh.uuid]))
        assert response.status_code == 404, name
    response = client.get(reverse("org:unit_detail", args=[people.province.uuid]))
    assert response.status_code == 404


# --- create -----------------------------------------------------------------------------------


def test_admin_adds_a_unit_under_a_parent_and_an_audit_event_is_written(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:unit_create") + f"?cap-tren={people.chau_thanh.uuid}"
    form = client.get(url)
    assert form.status_code == 200
    assert form.context["form"].initial["parent"] == people.chau_thanh

    response = client.post(url, _unit_post(people.chau_thanh), follow=True)
    unit = Unit.objects.get(name="Ban Tuyên giáo Huyện ủy")
    assert unit.parent == people.chau_thanh
    assert unit.sort_order == 3
    assert response.redirect_chain[-1][0] == reverse("org:unit_detail", args=[unit.uuid])
    assert "Đã thêm đơn vị Ban Tuyên giáo Huyện ủy." in response.content.decode()
    event = AuditEvent.objects.get(action="unit.create", object_id=str(unit.uuid))
    assert event.actor_id == people.chau_thanh_admin.pk


def test_unit_form_offers_only_administered_parents(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    form = client.get(reverse("org:unit_create")).context["form"]
    assert set(form.fields["parent"].queryset) == {people.chau_thanh, people.chau_thanh_office}
    assert form.fields["parent"].required  # only a superuser may add a root


def test_district_admin_cannot_put_a_unit_under_another_district(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    response = client.post(reverse("org:unit_create"), _unit_post(people.hoa_thanh))
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert not Unit.objects.filter(name="Ban Tuyên giáo Huyện ủy").exists()


def test_cap_tren_outside_the_scope_is_a_404(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    response = client.get(reverse("org:unit_create") + f"?cap-tren={people.hoa_thanh.uuid}")
    assert response.status_code == 404


def test_malformed_cap_tren_is_a_404_not_an_error(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    assert client.get(reverse("org:unit_create") + "?cap-tren=khong-phai").status_code == 404


def test_superuser_may_add_a_root_unit(client: Client, people: Personas) -> None:
    client.force_login(people.superuser)
    response = client.post(
        reverse("org:unit_create"),
        _unit_post(None, kind=UnitKind.PROVINCIAL_COMMITTEE, name="Tỉnh ủy Long An", symbol="TU"),
    )
    assert response.status_code == 302
    assert Unit.objects.get(name="Tỉnh ủy Long An").parent is None


def test_duplicate_unit_name_re_renders_with_the_input_kept(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    response = client.post(
        reverse("org:unit_create"),
        _unit_post(people.province, name="Huyện Ủy  Châu Thành", symbol="HUX", place="Thủ Trị"),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == [
        "Đã có đơn vị cùng tên trong đơn vị cấp trên này."
    ]
    assert 'value="HUX"' in body
    assert 'value="Thủ Trị"' in body
    assert 'role="alert"' in body
    assert 'aria-invalid="true"' in body


def test_missing_fields_are_reported_on_their_fields(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    response = client.post(reverse("org:unit_create"), _unit_post(people.province, symbol=""))
    assert response.status_code == 200
    assert "symbol" in response.context["form"].errors
    assert Unit.objects.count() == 6


def test_unit_create_accepts_post_and_get_only(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    assert client.put(reverse("org:unit_create")).status_code == 405


def test_unit_create_requires_the_csrf_token(people: Personas) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people.province_admin)
    response = client.post(reverse("org:unit_create"), _unit_post(people.province))
    assert response.status_code == 403
    assert not Unit.objects.filter(name="Ban Tuyên giáo Huyện ủy").exists()


# --- edit -------------------------------------------------------------------------------------


def test_admin_edits_a_unit_and_the_change_is_audited(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:unit_update", args=[people.chau_thanh_office.uuid])
    form = client.get(url).context["form"]
    assert form.initial["name"] == "Văn phòng Huyện ủy Châu Thành"
    data = _unit_post(
        people.chau_thanh,
        kind=UnitKind.OFFICE,
        name="Văn phòng Huyện ủy Châu Thành",
        symbol="VPHU",
        place="Châu Thành",
        is_active="",
    )
    response = client.post(url, data)
    assert response.status_code == 302
    people.chau_thanh_office.refresh_from_db()
    assert people.chau_thanh_office.place == "Châu Thành"
    assert people.chau_thanh_office.is_active is False
    event = AuditEvent.objects.get(
        action="unit.update", object_id=str(people.chau_thanh_office.uuid)
    )
    assert event.before is not None
    assert event.before["is_active"] is True
    assert event.after is not None
    assert event.after["is_active"] is False


def test_district_admin_editing_their_root_keeps_its_parent_as_a_choice(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:unit_update", args=[people.chau_thanh.uuid])
    parents = set(client.get(url).context["form"].fields["parent"].queryset)
    assert parents == {people.province, people.chau_thanh_office}
    data = _unit_post(
        people.province, kind=UnitKind.DISTRICT_COMMITTEE, name="Huyện ủy Châu Thành", symbol="HU"
    )
    data["is_active"] = "on"
    assert client.post(url, data).status_code == 302


def test_moving_a_unit_below_itself_is_refused_on_the_parent_field(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    url = reverse("org:unit_update", args=[people.chau_thanh.uuid])
    data = _unit_post(
        people.chau_thanh_office,
        kind=UnitKind.DISTRICT_COMMITTEE,
        name="Huyện ủy Châu Thành (mới)",
        symbol="HU",
        is_active="on",
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert 'value="Huyện ủy Châu Thành (mới)"' in response.content.decode()
    people.chau_thanh.refresh_from_db()
    assert people.chau_thanh.parent == people.province


def test_district_admin_cannot_edit_another_districts_unit(
    client: Client, people: Personas
) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:unit_update", args=[people.hoa_thanh_office.uuid])
    response = client.post(url, _unit_post(people.hoa_thanh, name="Bị sửa"))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action="unit.update").exists()


def test_admin_role_on_a_unit_below_does_not_administer_its_parent(
    client: Client, people: Personas
) -> None:
    office_admin = _member(people.chau_thanh_office, role=Role.ADMIN).person
    client.force_login(office_admin)
    url = reverse("org:unit_detail", args=[people.chau_thanh.uuid])
    assert client.get(url).status_code == 404


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_the_unit_tree_and_a_unit_page_cost_the_same_queries_for_many_rows(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    tree = reverse("org:units")
    detail = reverse("org:unit_detail", args=[people.chau_thanh_office.uuid])
    before = (_queries(client, tree), _queries(client, detail))
    for n in range(40):
        Unit.objects.create(
            parent=people.chau_thanh_office,
            kind=UnitKind.DEPARTMENT,
            name=f"Phòng {n}",
            name_folded=f"phong {n}",
            symbol=f"P{n}",
        )
        _member(people.chau_thanh_office, f"Cán Bộ {n}")
    assert (_queries(client, tree), _queries(client, detail)) == before
