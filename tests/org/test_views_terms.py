"""Committee term pages: add and edit the terms of a committee."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse

from tests.support.personas import Personas
from vanphong.core.models import AuditEvent
from vanphong.org.models import CommitteeTerm


def test_admin_adds_a_term_to_a_committee(client: Client, people: Personas) -> None:
    client.force_login(people.chau_thanh_admin)
    url = reverse("org:term_create", args=[people.chau_thanh.uuid])
    assert client.get(url).status_code == 200
    data = {
        "name": "Nhiệm kỳ 2010–2015",
        "congress": "X",
        "starts_on": "2010-08-20",
        "ends_on": "",
    }
    response = client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "org:unit_detail", args=[people.chau_thanh.uuid]
    )
    term = CommitteeTerm.objects.get(committee=people.chau_thanh)
    assert (term.starts_on, term.ends_on, term.congress) == (date(2010, 8, 20), None, "X")
    assert term.name in response.content.decode()
    event = AuditEvent.objects.get(action="term.create")
    assert event.object_id == str(term.uuid)


def test_overlapping_term_re_renders_with_the_input_kept(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    url = reverse("org:term_create", args=[people.province.uuid])
    data = {"name": "Nhiệm kỳ chồng", "congress": "IXb", "starts_on": "2012-01-01"}
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "starts_on" in response.context["form"].errors
    assert "trùng thời gian" in body
    assert 'value="Nhiệm kỳ chồng"' in body
    assert 'value="IXb"' in body
    assert 'value="2012-01-01"' in body
    assert CommitteeTerm.objects.count() == 1


def test_end_before_start_is_reported_on_the_end_field(client: Client, people: Personas) -> None:
    client.force_login(people.province_admin)
    url = reverse("org:term_create", args=[people.province.uuid])
    data = {"name": "Nhiệm kỳ X", "starts_on": "2020-10-15", "ends_on": "2020-01-01"}
    response = client.post(url, data)
    assert response.context["form"].errors["ends_on"] == ["Ngày kết thúc phải sau ngày bắt đầu."]


def test_a_term_for_a_unit_that_is_not_a_committee_is_refused(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    url = reverse("org:term_create", args=[people.province_office.uuid])
    response = client.post(url, {"name": "Nhiệm kỳ", "starts_on": "2010-10-15"})
    assert response.status_code == 200
    assert "Nhiệm kỳ chỉ thuộc về một cấp ủy." in response.content.decode()
    assert not CommitteeTerm.objects.filter(committee=people.province_office).exists()


def test_admin_edits_a_term_and_the_change_is_audited(client: Client, people: Personas) -> None:
    term = people.province_term
    client.force_login(people.province_admin)
    url = reverse("org:term_update", args=[term.uuid])
    response = client.get(url)
    assert 'value="15/10/2010"' in response.content.decode()
    data = {"name": "Nhiệm kỳ 2010–2015", "congress": "IX", "starts_on": "2010-10-15"}
    data["ends_on"] = "2015-10-20"
    assert client.post(url, data).status_code == 302
    term.refresh_from_db()
    assert term.ends_on == date(2015, 10, 20)
    event = AuditEvent.objects.get(action="term.update")
    assert event.after is not None
    assert event.after["ends_on"] == "2015-10-20"


def test_district_admin_gets_404_on_the_provinces_or_another_districts_term(
    client: Client, people: Personas
) -> None:
    hoa_thanh_term = CommitteeTerm.objects.create(
        committee=people.hoa_thanh, name="Nhiệm kỳ 2010–2015", starts_on=date(2010, 8, 1)
    )
    client.force_login(people.chau_thanh_admin)
    for term in (people.province_term, hoa_thanh_term):
        url = reverse("org:term_update", args=[term.uuid])
        assert client.get(url).status_code == 404
        response = client.post(url, {"name": "Bị sửa", "starts_on": "2010-01-01"})
        assert response.status_code == 404
    assert not CommitteeTerm.objects.filter(name="Bị sửa").exists()
    assert not AuditEvent.objects.exists()
