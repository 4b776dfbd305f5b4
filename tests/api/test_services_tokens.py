"""Revoking API tokens and calendar links (finding 8): by hand, and on every new password and
deactivation, so neither a reset nor a reactivation leaves an old credential working."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from tests.support.personas import Personas
from vanphong.api.models import ApiToken
from vanphong.api.services import token_create, token_revoke
from vanphong.core import audit
from vanphong.core.models import AuditEvent
from vanphong.org import services_people
from vanphong.org.models import Person
from vanphong.planning import services as planning
from vanphong.planning.models import FeedToken

NEW_PASSWORD = "Mat-khau-moi-2012!"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _credentials(person: Person) -> tuple[str, str]:
    """A live API token and a live calendar link of the person."""
    token = token_create(actor=None, person=person, name="máy chủ").token
    feed = planning.feed_create(actor=person, scope="leader", person=person).token
    return token, feed


def _work(client: Client, token: str, feed: str) -> tuple[int, int]:
    return (
        client.get("/api/v1/me", headers=_bearer(token)).status_code,
        client.get(f"/ke-hoach/ical/{feed}.ics").status_code,
    )


def test_a_password_reset_revokes_every_token_and_calendar_link(
    client: Client, people: Personas
) -> None:
    person = people.chau_thanh_clerk
    token, feed = _credentials(person)
    assert _work(client, token, feed) == (200, 200)
    services_people.person_set_password(
        actor=people.chau_thanh_admin, person=person, password=NEW_PASSWORD
    )
    assert _work(client, token, feed) == (401, 404)
    revoked = ApiToken.objects.get()
    assert revoked.revoked_by == people.chau_thanh_admin
    events = AuditEvent.objects.filter(action__in=["api_token.revoke", "feed.revoke"])
    assert {(e.action, e.actor_id, (e.after or {})["reason"]) for e in events} == {
        ("api_token.revoke", people.chau_thanh_admin.pk, "password_changed"),
        ("feed.revoke", people.chau_thanh_admin.pk, "password_changed"),
    }


def test_changing_ones_own_password_revokes_them_too(client: Client, people: Personas) -> None:
    person = people.hoa_thanh_clerk
    token, feed = _credentials(person)
    services_people.person_set_password(actor=person, person=person, password=NEW_PASSWORD)
    assert _work(client, token, feed) == (401, 404)


def test_a_reactivated_person_gets_none_of_the_old_credentials_back(
    client: Client, people: Personas
) -> None:
    person = people.chau_thanh_clerk
    token, feed = _credentials(person)
    services_people.person_deactivate(
        actor=people.chau_thanh_admin, person=person, reason="Mất máy"
    )
    services_people.person_reactivate(actor=people.chau_thanh_admin, person=person)
    assert _work(client, token, feed) == (401, 404)
    assert not ApiToken.objects.filter(revoked_at__isnull=True).exists()
    assert not FeedToken.objects.filter(revoked_at__isnull=True).exists()
    fresh = token_create(actor=None, person=person, name="mới").token
    assert client.get("/api/v1/me", headers=_bearer(fresh)).status_code == 200


def test_other_peoples_credentials_are_untouched(client: Client, people: Personas) -> None:
    mine = _credentials(people.chau_thanh_clerk)
    colleague = _credentials(people.chau_thanh_specialist)
    services_people.person_set_password(
        actor=people.chau_thanh_admin, person=people.chau_thanh_clerk, password=NEW_PASSWORD
    )
    assert _work(client, *mine) == (401, 404)
    assert _work(client, *colleague) == (200, 200)


def test_the_revocations_roll_back_with_a_password_change_that_fails(
    people: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = people.chau_thanh_clerk
    _credentials(person)
    real = audit.record

    def failing(**kwargs: Any) -> Any:
        if kwargs["action"] == "feed.revoke":
            raise RuntimeError("audit log unavailable")
        return real(**kwargs)

    monkeypatch.setattr(audit, "record", failing)
    with pytest.raises(RuntimeError):
        services_people.person_set_password(actor=None, person=person, password=NEW_PASSWORD)
    assert not ApiToken.objects.filter(revoked_at__isnull=False).exists()
    person.refresh_from_db()
    assert not person.check_password(NEW_PASSWORD)


def test_one_token_is_revoked_by_its_owner_or_an_admin_of_the_whole_account(
    people: Personas,
) -> None:
    own = token_create(actor=None, person=people.chau_thanh_clerk, name="a").record
    token_revoke(actor=people.chau_thanh_clerk, token=own)
    with pytest.raises(ValidationError):
        token_revoke(actor=people.chau_thanh_clerk, token=own)
    theirs = token_create(actor=None, person=people.province_clerk, name="b").record
    for actor in (people.chau_thanh_clerk, people.chau_thanh_admin):
        with pytest.raises(PermissionDenied):
            token_revoke(actor=actor, token=theirs)
    token_revoke(actor=people.province_admin, token=theirs)
    theirs.refresh_from_db()
    assert theirs.revoked_by == people.province_admin
