"""A document sent to a committee, clicked through in Debian's chromium: it waits in the
reception queue of the committee's Office, its clerk registers it from the home page, and the
sender's page says which unit received it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.browser import login, submit
from tests.support.documents import DocWorld, build_world, issued_report
from vanphong.documents.models import DeliveryStatus
from vanphong.documents.services_delivery import Recipient

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world() -> DocWorld:
    return build_world()


def test_a_document_sent_to_a_committee_is_registered_by_its_office_and_the_sender_sees_who(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    document = issued_report(world, recipients=[Recipient(unit=world.hoa_thanh)])
    delivery = document.deliveries.get()
    base = live_server.url

    login(page, base, world.hoa_thanh_clerk)
    waiting = page.locator('[data-testid="inbox-awaiting_registration"]')
    assert waiting.locator('[data-testid="count"]').inner_text().strip() == "1"
    waiting.get_by_role("link", name="Báo cáo kết quả bầu cử").click()
    submit(page, "Vào sổ")
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.REGISTERED
    assert delivery.receiving_unit == world.hoa_thanh_office

    login(page, base, world.chau_thanh_clerk)
    page.goto(f"{base}/van-ban/di/{document.uuid}/")
    received = page.locator('[data-testid="received-by"]').inner_text()
    assert world.hoa_thanh_office.name in received
