from __future__ import annotations

from django.core.management import call_command
from django.test import Client

from tests.support.personas import Personas
from vanphong.api.models import ApiToken
from vanphong.api.services import token_create, token_revoke
from vanphong.core.models import AuditEvent
from vanphong.org import services_people


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_profile_lists_the_callers_memberships_and_visible_units(
    client: Client, people: Personas
) -> None:
    token = token_create(actor=None, person=people.chau_thanh_clerk, name="thử").token
    response = client.get("/api/v1/me", headers=_bearer(token))
    assert response.status_code == 200
    data = response.json()
    assert data["username"] == "vt.chauthanh"
    assert [m["role"] for m in data["memberships"]] == ["clerk"]
    assert data["memberships"][0]["clearance_label"] == "Mật"
    visible = {u["name"] for u in data["visible_units"]}
    assert visible == {"Văn phòng Huyện ủy Châu Thành"}


def test_a_committee_membership_sees_the_units_below_it(client: Client, people: Personas) -> None:
    token = token_create(actor=None, person=people.province_leader, name="thử").token
    visible = {
        u["name"] for u in client.get("/api/v1/me", headers=_bearer(token)).json()["visible_units"]
    }
    assert "Huyện uỷ Hoà Thành" in visible
    assert "Văn phòng Huyện ủy Châu Thành" in visible


def test_calls_without_a_valid_token_are_refused(client: Client, people: Personas) -> None:
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me", headers=_bearer("vp_wrong")).status_code == 401


def test_a_revoked_token_or_a_deactivated_person_is_refused(
    client: Client, people: Personas
) -> None:
    revoked = token_create(actor=None, person=people.chau_thanh_clerk, name="a")
    token_revoke(actor=None, token=revoked.record)
    assert client.get("/api/v1/me", headers=_bearer(revoked.token)).status_code == 401

    live = token_create(actor=None, person=people.hoa_thanh_clerk, name="b").token
    assert client.get("/api/v1/me", headers=_bearer(live)).status_code == 200
    services_people.person_deactivate(actor=None, person=people.hoa_thanh_clerk, reason="Nghỉ việc")
    assert client.get("/api/v1/me", headers=_bearer(live)).status_code == 401


def test_only_the_digest_of_a_token_is_stored_and_its_creation_is_audited(
    people: Personas,
) -> None:
    issued = token_create(actor=None, person=people.chau_thanh_clerk, name="máy chủ")
    stored = ApiToken.objects.get()
    assert issued.token not in {stored.digest, stored.prefix}
    assert AuditEvent.objects.filter(action="api_token.create").count() == 1


def test_token_command_prints_a_working_token(
    client: Client, people: Personas, capsys: object
) -> None:
    call_command("token", "create", "vt.chauthanh")
    token = capsys.readouterr().out.strip()  # type: ignore[attr-defined]
    assert client.get("/api/v1/me", headers=_bearer(token)).status_code == 200


def test_openapi_schema_is_published(client: Client, db: None) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/me" in response.json()["paths"]


def test_interactive_docs_load_nothing_from_the_network(client: Client, db: None) -> None:
    response = client.get("/api/v1/docs")
    body = response.content.decode()
    assert response.status_code == 200
    assert "swagger-ui-bundle.js" in body
    assert "https://" not in body
