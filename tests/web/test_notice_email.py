"""Choosing, per kind of notice, whether it also comes by email: on the account page, saved by
an audited service; off by default except overdue. The notices page names each one's kind,
and the bell is on every page."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from tests.support.personas import Personas
from tests.support.web import login, messages_of, page_queries
from vanphong.core import notifications
from vanphong.core.models import AuditEvent, NoticeKind, NoticePreference

ACCOUNT = "/tai-khoan/"
SAVE = "/tai-khoan/thong-bao/"


def _checked(body: str) -> set[str]:
    found = set()
    for kind in NoticeKind.values:
        marker = f'value="{kind}" id="notice-email-{kind}"'
        at = body.find(marker)
        if at >= 0 and body[at + len(marker) : at + len(marker) + 8] == " checked":
            found.add(kind)
    return found


def test_only_overdue_comes_by_email_until_the_person_chooses(
    client: Client, people: Personas
) -> None:
    body = login(client, people.chau_thanh_clerk).get(ACCOUNT).content.decode()
    assert 'data-testid="notice-email-form"' in body
    assert _checked(body) == {"overdue"}
    assert 'value="presented"' in body
    assert 'value="other"' not in body


def test_the_person_turns_kinds_on_and_off_and_it_is_audited(
    client: Client, people: Personas
) -> None:
    login(client, people.chau_thanh_clerk)
    response = client.post(SAVE, {"kinds": ["received", "recalled"]}, follow=True)
    assert messages_of(response) == ["Đã lưu lựa chọn nhận thông báo qua thư điện tử."]
    assert _checked(client.get(ACCOUNT).content.decode()) == {"received", "recalled"}
    stored = dict(
        NoticePreference.objects.filter(person=people.chau_thanh_clerk).values_list("kind", "email")
    )
    assert stored == {"received": True, "recalled": True, "overdue": False}
    event = AuditEvent.objects.get(action="notice_preferences.set")
    assert event.actor_id == people.chau_thanh_clerk.pk
    assert event.after == {"received": True, "recalled": True, "overdue": False}
    assert notifications.wanting_email("received", [people.chau_thanh_clerk.pk]) == [
        people.chau_thanh_clerk.pk
    ]
    assert notifications.wanting_email("overdue", [people.chau_thanh_clerk.pk]) == []
    # Another person's choice is their own.
    assert notifications.wanting_email("overdue", [people.province_clerk.pk]) == [
        people.province_clerk.pk
    ]


def test_saving_the_same_choice_again_writes_nothing(people: Personas) -> None:
    notifications.notice_preferences_set(actor=people.chau_thanh_clerk, email={"overdue": True})
    assert not NoticePreference.objects.exists()
    assert not AuditEvent.objects.filter(action="notice_preferences.set").exists()


def test_an_unknown_kind_is_refused_and_nothing_changes(client: Client, people: Personas) -> None:
    with pytest.raises(ValidationError):
        notifications.notice_preferences_set(actor=people.chau_thanh_clerk, email={"x": True})
    login(client, people.chau_thanh_clerk)
    response = client.post(SAVE, {"kinds": ["nonsense"]}, follow=True)
    assert messages_of(response) == ["Loại thông báo không hợp lệ."]
    assert not NoticePreference.objects.exists()


def test_the_save_is_a_post_for_a_logged_in_person(client: Client, people: Personas) -> None:
    assert client.post(SAVE, {"kinds": ["received"]}).status_code == 302
    assert not NoticePreference.objects.exists()
    assert login(client, people.chau_thanh_clerk).get(SAVE).status_code == 405


def test_the_notices_page_names_each_notices_kind(client: Client, people: Personas) -> None:
    notifications.send(
        person_ids=[people.chau_thanh_clerk.pk], text="Văn bản đến chờ vào sổ: X", kind="received"
    )
    body = login(client, people.chau_thanh_clerk).get("/thong-bao/").content.decode()
    assert 'data-testid="kind">Văn bản đến chờ vào sổ<' in body


BADGE = 'hx-get="/thong-bao/chua-doc/"'


@pytest.mark.parametrize(
    "address",
    ["/", "/thong-bao/", ACCOUNT, "/van-ban/den/dang-ky/", "/van-ban/di/moi/", "/ke-hoach/lich/"],
)
def test_the_bell_is_on_every_page_forms_included(
    client: Client, people: Personas, address: str
) -> None:
    response = login(client, people.chau_thanh_clerk).get(address)
    assert response.status_code == 200
    assert BADGE in response.content.decode()


def test_the_bell_is_on_a_refusal_page_too(client: Client, people: Personas) -> None:
    response = login(client, people.chau_thanh_specialist).get("/van-ban/den/cho-vao-so/")
    assert response.status_code == 403
    assert BADGE in response.content.decode()


def test_the_unread_count_costs_three_queries_however_many_notices(
    client: Client, people: Personas
) -> None:
    login(client, people.chau_thanh_clerk)
    notifications.send(person_ids=[people.chau_thanh_clerk.pk], text="A")
    few = page_queries(client, "/thong-bao/chua-doc/")
    for i in range(20):
        notifications.send(person_ids=[people.chau_thanh_clerk.pk], text=f"B{i}")
    assert page_queries(client, "/thong-bao/chua-doc/") == few == 3
    assert 'data-testid="unread">21<' in client.get("/thong-bao/chua-doc/").content.decode()
