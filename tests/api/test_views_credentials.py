"""The person's own page (and API) of tokens and calendar links: see them, revoke each."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.support.personas import PASSWORD, Personas
from vanphong.api.models import ApiToken
from vanphong.api.services import token_create
from vanphong.planning import services as planning
from vanphong.planning.models import FeedToken


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_the_user_menu_leads_to_the_page_of_ones_own_tokens_and_links(
    client: Client, people: Personas
) -> None:
    mine = token_create(actor=None, person=people.chau_thanh_clerk, name="máy chủ").record
    token_create(actor=None, person=people.hoa_thanh_clerk, name="của người khác")
    planning.feed_create(actor=people.chau_thanh_clerk, scope="unit", unit=people.chau_thanh_office)
    client.force_login(people.chau_thanh_clerk)
    home = client.get(reverse("web:home")).content.decode()
    assert f'href="{reverse("account:credentials")}"' in home
    response = client.get(reverse("account:credentials"))
    body = response.content.decode()
    assert list(response.context["tokens"]) == [mine]
    assert f"{mine.prefix}…" in body
    assert "của người khác" not in body
    assert [f.unit for f in response.context["feeds"]] == [people.chau_thanh_office]


def test_a_person_revokes_their_token_and_link_from_the_page(
    client: Client, people: Personas
) -> None:
    issued = token_create(actor=None, person=people.chau_thanh_clerk, name="máy chủ")
    feed = planning.feed_create(
        actor=people.chau_thanh_clerk, scope="leader", person=people.chau_thanh_clerk
    )
    client.force_login(people.chau_thanh_clerk)
    url = reverse("account:token_revoke", args=[issued.record.uuid])
    response = client.post(url, follow=True)
    assert "Đã thu hồi mã truy cập" in response.content.decode()
    assert client.get("/api/v1/me", headers=_bearer(issued.token)).status_code == 401
    client.post(reverse("account:feed_revoke", args=[feed.feed.uuid]))
    assert client.get(f"/ke-hoach/ical/{feed.token}.ics").status_code == 404
    issued.record.refresh_from_db()
    assert issued.record.revoked_by == people.chau_thanh_clerk


def test_another_persons_token_or_link_does_not_exist_on_the_page(
    client: Client, people: Personas
) -> None:
    theirs = token_create(actor=None, person=people.hoa_thanh_clerk, name="b").record
    feed = planning.feed_create(
        actor=people.hoa_thanh_clerk, scope="leader", person=people.hoa_thanh_clerk
    ).feed
    client.force_login(people.province_admin)
    assert client.post(reverse("account:token_revoke", args=[theirs.uuid])).status_code == 404
    assert client.post(reverse("account:feed_revoke", args=[feed.uuid])).status_code == 404
    assert client.get(reverse("account:token_revoke", args=[theirs.uuid])).status_code == 405
    assert not ApiToken.objects.filter(revoked_at__isnull=False).exists()
    assert not FeedToken.objects.filter(revoked_at__isnull=False).exists()


def test_the_api_lists_and_revokes_the_callers_own_tokens(client: Client, people: Personas) -> None:
    spare = token_create(actor=None, person=people.chau_thanh_clerk, name="dự phòng")
    used = token_create(actor=None, person=people.chau_thanh_clerk, name="đang dùng")
    theirs = token_create(actor=None, person=people.hoa_thanh_clerk, name="khác").record
    listed = client.get("/api/v1/me/ma-truy-cap", headers=_bearer(used.token)).json()
    assert {t["name"] for t in listed} == {"dự phòng", "đang dùng"}
    assert "digest" not in listed[0]
    url = f"/api/v1/me/ma-truy-cap/{theirs.uuid}/thu-hoi"
    assert client.post(url, headers=_bearer(used.token)).status_code == 404
    url = f"/api/v1/me/ma-truy-cap/{spare.record.uuid}/thu-hoi"
    response = client.post(url, headers=_bearer(used.token))
    assert response.status_code == 200
    assert response.json()["revoked_at"] is not None
    assert client.get("/api/v1/me", headers=_bearer(spare.token)).status_code == 401
    assert client.post(url, headers=_bearer(used.token)).status_code == 422


def test_a_person_changes_their_own_password_and_their_tokens_and_links_are_revoked(
    client: Client, people: Personas
) -> None:
    issued = token_create(actor=None, person=people.chau_thanh_specialist, name="máy")
    client.force_login(people.chau_thanh_specialist)
    url = reverse("account:password")
    new = "Mat-khau-moi-2012!"
    wrong = client.post(url, {"current_password": "sai", "password": new, "password_confirm": new})
    assert wrong.status_code == 200
    assert "current_password" in wrong.context["form"].errors
    assert client.get("/api/v1/me", headers=_bearer(issued.token)).status_code == 200
    data = {"current_password": PASSWORD, "password": new, "password_confirm": new}
    response = client.post(url, data, follow=True)
    assert "Đã đổi mật khẩu" in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("account:credentials")  # still logged in
    people.chau_thanh_specialist.refresh_from_db()
    assert people.chau_thanh_specialist.check_password(new)
    assert client.get("/api/v1/me", headers=_bearer(issued.token)).status_code == 401
