"""A letter walked through in Debian's chromium, as the reception officer of the provincial
Office would: registered with its scan, classified, forwarded to the Inspection Committee with
the forwarding note drafted and issued as a công văn, overdue, its result come back in the
incoming book, the denouncer told — and off the overdue lists, closed. And a proposed duplicate
marked and unmarked in place (htmx) on a letter's page."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest
from django.utils import timezone

from tests.support.browser import follow, login, submit
from tests.support.factories import TermFactory
from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.documents.models import IncomingDocument
from vanphong.petitions.models import Forward, Letter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = "Ủy ban Kiểm tra Tỉnh ủy"
SCAN = {"name": "don-to-cao.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}


@pytest.fixture
def world() -> PetitionWorld:
    world = build_petition_world()
    today = timezone.localdate()  # the note's issue date: a term of the committee covers it
    TermFactory.create(
        committee=world.province,
        name="Nhiệm kỳ hiện tại",
        starts_on=today - timedelta(days=365),
        ends_on=today + timedelta(days=365),
    )
    return world


def section(page: Any, key: str) -> Any:
    return page.locator(f'[data-testid="inbox-{key}"]')


def count(page: Any, key: str) -> str:
    text: str = section(page, key).locator('[data-testid="count"]').inner_text()
    return text.strip()


def issue_note(page: Any, base: str, world: PetitionWorld, uuid: UUID) -> None:
    """The forwarding note through the documents flow: submitted by the officer who drafted
    it, approved and signed by the Office's head, numbered and sent by the clerk."""
    submit(page, "Trình duyệt")
    login(page, base, world.province_office_leader)
    page.goto(f"{base}/van-ban/di/{uuid}/")
    page.get_by_role("link", name="Duyệt / trả lại").click()
    submit(page, "Đồng ý")
    page.get_by_role("link", name="Ký", exact=True).click()
    page.get_by_label("Chức vụ người ký").fill("Chánh Văn phòng")
    submit(page, "Ký")
    login(page, base, world.province_clerk)
    page.goto(f"{base}/van-ban/di/{uuid}/")
    page.get_by_role("link", name="Cấp số, phát hành").click()
    page.get_by_label("Nơi nhận bên ngoài", exact=True).fill(BODY)
    submit(page, "Cấp số và phát hành")


def test_a_denunciation_goes_from_registration_through_a_forward_to_its_result(
    page: Any, live_server: Any, world: PetitionWorld
) -> None:
    base = live_server.url
    today = timezone.localdate()
    received = today - timedelta(days=150)
    forwarded = received + timedelta(days=3)

    login(page, base, world.province_reception)
    page.get_by_role("button", name="Tiếp dân, đơn thư").click()
    page.get_by_role("link", name="Vào sổ đơn thư").click()
    page.get_by_label("Ngày nhận").fill(received.isoformat())
    page.get_by_label("Tố cáo").check()
    page.get_by_label("Họ tên người gửi đơn 1").fill("Trần Văn Tố")
    page.get_by_label("Số CMND/CCCD người gửi đơn 1").fill("072080005678")
    page.get_by_label("Địa chỉ người gửi đơn 1").fill("ấp Bến Kéo, xã Long Thành Nam")
    page.get_by_label("Lĩnh vực").select_option(label="Đất đai")
    page.get_by_label("Nội dung tóm tắt").fill(
        "Tố cáo Bí thư Đảng ủy xã Long Thành Nam lợi dụng chức vụ chiếm đất công"
    )
    page.get_by_label("Bản quét đơn").set_input_files([SCAN])
    submit(page, "Vào sổ")
    letter = Letter.objects.get()
    number = f"1/{received.year}"
    assert page.get_by_test_id("identity-protected").is_visible()  # not yet its handler

    submit(page, "Nhận xử lý đơn này")
    assert "Trần Văn Tố" in page.get_by_test_id("petitioners").inner_text()
    assert page.get_by_test_id("files").get_by_role("link", name="don-to-cao.pdf").is_visible()
    page.locator("summary", has_text="Phân loại đơn").click()
    form = page.get_by_test_id("form-phan-loai")
    form.get_by_label("Đủ điều kiện xử lý", exact=True).check()
    with page.expect_navigation():
        form.get_by_role("button", name="Ghi").click()
    assert page.get_by_test_id("status").inner_text() == "Đã phân loại"

    page.get_by_test_id("forward-link").click()
    page.get_by_label("Cơ quan nhận đơn").fill(BODY)
    page.get_by_label("Ngày chuyển").fill(forwarded.isoformat())
    submit(page, "Chuyển đơn")
    forward = Forward.objects.get()
    assert forward.result_due_on < today  # forwarded months ago: the body is late
    note = forward.note
    assert note is not None
    assert page.url.endswith(f"/van-ban/di/{note.uuid}/")
    # The note carries the generated copy with the denouncer hidden, never the name.
    assert page.get_by_role(
        "link", name=f"ban-sao-don-{number.replace('/', '-')}-da-che.pdf"
    ).is_visible()
    assert "Trần Văn Tố" not in page.content()
    issue_note(page, base, world, note.uuid)

    # The officer's morning: the letter is overdue in the inbox and on the follow-up list.
    login(page, base, world.province_reception)
    assert count(page, "petitions_overdue") == "1"
    follow(page, section(page, "petitions_overdue").get_by_role("link", name="Xem tất cả (1)"))
    assert page.get_by_label("Thời hạn").input_value() == "overdue"
    assert page.get_by_test_id("letter-row").get_by_role("link").inner_text() == number
    page.get_by_role("button", name="Tiếp dân, đơn thư").click()
    follow(page, page.get_by_role("link", name="Đơn đã chuyển chờ kết quả"))
    row = page.get_by_test_id("forward-row")
    assert row.get_by_test_id("overdue").is_visible()

    # The Inspection Committee's answer comes in and is registered in the Office's book.
    login(page, base, world.province_clerk)
    page.goto(f"{base}/van-ban/den/dang-ky/")
    page.get_by_label("Cơ quan ban hành (tác giả)").fill(BODY)
    page.get_by_label("Số, ký hiệu").fill("Số 27-BC/UBKTTU")
    page.get_by_label("Ngày văn bản").fill((today - timedelta(days=2)).isoformat())
    page.get_by_label("Tên loại và trích yếu nội dung").fill(
        "Báo cáo kết quả giải quyết đơn tố cáo Bí thư Đảng ủy xã Long Thành Nam"
    )
    submit(page, "Vào sổ")
    reply = IncomingDocument.objects.get()

    login(page, base, world.province_reception)
    page.goto(f"{base}/don-thu/theo-doi/")
    page.get_by_test_id("forward-row").get_by_role("link", name="Ghi kết quả").click()
    page.get_by_label("Kết quả giải quyết").fill(
        "Tố cáo đúng một phần; Ủy ban Kiểm tra Tỉnh ủy đã thi hành kỷ luật khiển trách."
    )
    page.get_by_label("Văn bản trả lời (trong sổ văn bản đến)").select_option(str(reply.uuid))
    submit(page, "Ghi nhận kết quả")
    # Back on the letter: the reply linked, nothing overdue, one step left.
    assert page.url == f"{base}/don-thu/{letter.uuid}/"
    forwarded_row = page.get_by_test_id("forward")
    assert forwarded_row.get_by_role("link", name="27-BC/UBKTTU").is_visible()
    assert forwarded_row.get_by_test_id("overdue").count() == 0
    assert page.get_by_test_id("tell-prompt").is_visible()
    page.goto(f"{base}/don-thu/theo-doi/")
    assert page.get_by_test_id("forward-row").count() == 0
    page.goto(f"{base}/")
    assert count(page, "petitions_overdue") == "0"
    page.goto(f"{base}/don-thu/?han=overdue")
    assert page.get_by_test_id("letter-row").count() == 0

    # Telling the denouncer closes the letter.
    page.goto(f"{base}/don-thu/{letter.uuid}/")
    follow(page, page.get_by_test_id("tell-prompt").get_by_role("link", name="Ghi việc thông báo"))
    form = page.get_by_test_id("form-thong-bao")
    form.get_by_label("Hình thức thông báo").fill("Văn bản số 02-CV/VPTU gửi người tố cáo")
    with page.expect_navigation():
        form.get_by_role("button", name="Ghi").click()
    assert page.get_by_test_id("status").inner_text() == "Đã kết thúc"
    page.get_by_role("button", name="Tiếp dân, đơn thư").click()
    follow(page, page.get_by_role("link", name="Sổ đơn thư", exact=True))
    row = page.get_by_test_id("letter-row")
    assert "Đã kết thúc" in row.inner_text()
    assert "Trần Văn Tố" not in row.inner_text()


def test_a_proposed_duplicate_is_marked_and_unmarked_in_place(
    page: Any, live_server: Any, world: PetitionWorld
) -> None:
    number = "072080001234"
    first = letter_row(world, received_on=date(2011, 3, 1), id_number=number)
    again = letter_row(world, received_on=date(2012, 3, 1), id_number=number)
    base = live_server.url
    login(page, base, world.province_reception)
    address = f"{base}/don-thu/{again.uuid}/"
    page.goto(address)
    fragment = page.get_by_test_id("letter-duplicates")
    candidate = fragment.get_by_test_id("duplicate-candidate")
    assert "1/2011" in candidate.inner_text()
    assert "Cùng người gửi" in candidate.inner_text()
    # htmx posts the button and swaps the fragment: the page itself stays where it was.
    page.evaluate("window.stayed = true")
    candidate.get_by_role("button", name="Đánh dấu trùng").click()
    page.get_by_test_id("duplicate-of").wait_for()
    assert "Đơn trùng lần 2 của đơn số 1/2011" in page.get_by_test_id("duplicate-of").inner_text()
    assert page.evaluate("window.stayed") is True
    assert page.url == address
    again.refresh_from_db()
    assert (again.duplicate_of_id, again.duplicate_round) == (first.pk, 2)

    page.get_by_test_id("letter-duplicates").get_by_role("button", name="Bỏ đánh dấu trùng").click()
    page.get_by_test_id("duplicate-of").wait_for(state="detached")
    assert page.evaluate("window.stayed") is True
    again.refresh_from_db()
    assert again.duplicate_of_id is None
    # What the fragment shows is what the page shows once reloaded.
    page.reload()
    assert page.get_by_test_id("duplicate-of").count() == 0
    assert page.get_by_test_id("duplicate-candidate").count() == 1
