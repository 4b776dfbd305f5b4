"""Fewer retypes, in chromium: typing a sender without diacritics offers the earlier sender and
a click puts it in the box; a reply is issued to the sender of what it answers, and an outside
recipient is picked from the bodies the unit knows."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.support.browser import login, submit
from tests.support.documents import DocWorld, build_world, draft_report, register
from tests.support.factories import TermFactory
from vanphong.documents import services_outgoing
from vanphong.documents.models import Delivery

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set to a folder to keep screenshots of the two forms (for a person to look at).
SHOTS = os.environ.get("VANPHONG_SCREENSHOTS", "")


@pytest.fixture
def world() -> DocWorld:
    return build_world()


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_the_sender_box_suggests_an_earlier_sender_typed_without_diacritics(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    register(world, sender_name="Ban Tuyên giáo Tỉnh uỷ")
    register(world, sender_name="UBND tỉnh Tây Ninh", number_symbol="12/QĐ-UBND")
    base = live_server.url
    login(page, base, world.chau_thanh_clerk)
    page.goto(f"{base}/van-ban/den/dang-ky/")
    box = page.get_by_label("Cơ quan ban hành (tác giả)")
    box.click()
    picks = page.get_by_test_id("picks").get_by_role("button")
    picks.first.wait_for()
    assert picks.all_inner_texts() == ["UBND tỉnh Tây Ninh", "Ban Tuyên giáo Tỉnh uỷ"]
    with page.expect_response(lambda r: "/van-ban/den/noi-gui/" in r.url):
        box.press_sequentially("tuyen giao")
    # expect retries while each typed letter's answer replaces the list (a wait_for_function
    # string would be eval'd, which the page's CSP forbids).
    expect(picks).to_have_text(["Ban Tuyên giáo Tỉnh uỷ"])
    _shot(page, "register-sender")
    page.get_by_role("button", name="Ban Tuyên giáo Tỉnh uỷ").click()
    assert box.input_value() == "Ban Tuyên giáo Tỉnh uỷ"
    assert page.get_by_test_id("picks").count() == 0


def test_a_reply_is_issued_to_the_body_it_answers_with_a_note_added_on_its_row(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    answered = register(world, sender_name="Sở Nội vụ tỉnh Tây Ninh", number_symbol="5/SNV-VP")
    register(world, sender_name="Báo Tây Ninh", number_symbol="7/BTN-TS")
    reply = draft_report(world, type_symbol="CV", reply_to=answered)
    services_outgoing.outgoing_submit(actor=world.chau_thanh_specialist, document=reply)
    services_outgoing.outgoing_approve(actor=world.chau_thanh_office_leader, document=reply)
    services_outgoing.outgoing_sign(
        actor=world.chau_thanh_office_leader, document=reply, position="Chánh Văn phòng"
    )
    today = timezone.localdate()  # the form's issue date: a term must cover it
    TermFactory.create(
        committee=world.chau_thanh,
        starts_on=today - timedelta(days=365),
        ends_on=today + timedelta(days=365),
    )
    base = live_server.url
    login(page, base, world.chau_thanh_clerk)
    page.goto(f"{base}/van-ban/di/{reply.uuid}/phat-hanh/")
    first = page.get_by_label("Nơi nhận bên ngoài", exact=True)
    assert first.input_value() == "Sở Nội vụ tỉnh Tây Ninh"
    page.get_by_label("Ghi chú gửi nơi nhận 1").fill("bản giấy")
    second = page.get_by_label("Nơi nhận bên ngoài 2")
    second.click()
    page.get_by_role("button", name="Báo Tây Ninh").click()
    assert second.input_value() == "Báo Tây Ninh"
    _shot(page, "issue-outside-recipients")
    submit(page, "Cấp số và phát hành")
    sent = Delivery.objects.filter(document=reply).order_by("id")
    assert [(d.external_name, d.delivery_note) for d in sent] == [
        ("Sở Nội vụ tỉnh Tây Ninh", "bản giấy"),
        ("Báo Tây Ninh", ""),
    ]
