"""`vanphong token create|list|revoke`."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from tests.support.personas import Personas
from vanphong.api.models import ApiToken
from vanphong.api.services import token_create
from vanphong.core.models import AuditEvent


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    call_command("token", *args)
    return capsys.readouterr().out


def _ok(client: Client, token: str) -> bool:
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_list_shows_each_tokens_id_prefix_owner_name_and_state(
    people: Personas, capsys: pytest.CaptureFixture[str]
) -> None:
    first = token_create(actor=None, person=people.chau_thanh_clerk, name="máy chủ").record
    token_create(actor=None, person=people.hoa_thanh_clerk, name="khác")
    everyone = _run(capsys, "list")
    assert "vt.chauthanh" in everyone
    assert "vt.hoathanh" in everyone
    one = _run(capsys, "list", "vt.chauthanh").splitlines()
    assert len(one) == 1
    assert one[0].split("\t")[:4] == [
        str(first.uuid),
        f"{first.prefix}…",
        "vt.chauthanh",
        "máy chủ",
    ]
    assert one[0].endswith("active")


def test_revoke_by_id_or_by_prefix(
    client: Client, people: Personas, capsys: pytest.CaptureFixture[str]
) -> None:
    a = token_create(actor=None, person=people.chau_thanh_clerk, name="a")
    b = token_create(actor=None, person=people.chau_thanh_clerk, name="b")
    _run(capsys, "revoke", str(a.record.uuid))
    _run(capsys, "revoke", b.record.prefix)
    assert not _ok(client, a.token)
    assert not _ok(client, b.token)
    assert AuditEvent.objects.filter(action="api_token.revoke", actor_id=None).count() == 2
    assert "revoked" in _run(capsys, "list", "vt.chauthanh")


def test_revoke_all_of_a_user(
    client: Client, people: Personas, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = [token_create(actor=None, person=people.chau_thanh_clerk, name=n).token for n in "ab"]
    other = token_create(actor=None, person=people.hoa_thanh_clerk, name="c").token
    assert "revoked 2" in _run(capsys, "revoke", "--user", "vt.chauthanh", "--all")
    assert not any(_ok(client, t) for t in mine)
    assert _ok(client, other)


def test_revoke_refuses_unknown_or_ambiguous_input(
    people: Personas, capsys: pytest.CaptureFixture[str]
) -> None:
    token_create(actor=None, person=people.chau_thanh_clerk, name="a")
    with pytest.raises(CommandError):
        _run(capsys, "revoke", "vp_khongco")
    with pytest.raises(CommandError):
        _run(capsys, "revoke", "--user", "vt.chauthanh")
    with pytest.raises(CommandError):
        _run(capsys, "revoke", "--user", "khong.co", "--all")
    assert not ApiToken.objects.filter(revoked_at__isnull=False).exists()
