"""A file's life walked through in Debian's chromium, each step by whose it is, through the pages
only: Châu Thành Office's clerk draws up this year's file plan (a heading, an entry 01.TH kept
10 years) and the Office's leader approves it, the printed list downloading as a DOCX; from an
incoming document's page the clerk files it into a file opened from the plan's entry, files a
second one, is refused the first again, numbers the sheets and closes the file; transfers it, and
the archivist receives it into box 7 on shelf B; a specialist of the committee's Organisation
Board asks to read it from the catalogue, the archivist approves and the file's page opens for
him. Then two 2001 files kept 10 years, long in the archive: the archivist proposes them for
disposal, records the council's appraisal, the Office's leader approves and places one under a
hold, and the execution leaves that one out, saying why; the destroyed file's page remains, its
stub: metadata, "Đã tiêu hủy" and the disposal.

And axe finds no serious or critical violation on the archives pages the walk goes through."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser.test_accessibility import RUN_AXE, axe
from tests.support.archives_lifecycle import LifecycleWorld, build_lifecycle_world
from tests.support.browser import follow, login, submit
from vanphong.archives.models import FilePlan, FileStatus, RecordFile

__all__ = ["axe"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENTRY_TITLE = "Hồ sơ hội nghị tổng kết công tác năm"


@pytest.fixture
def world() -> LifecycleWorld:
    return build_lifecycle_world()


class Walk:
    """The page, the live server, and the axe findings gathered on the way."""

    def __init__(self, page: Any, base: str) -> None:
        self.page = page
        self.base = base
        self.found: list[str] = []

    def check(self) -> None:
        """axe over the page as it stands: its serious and critical violations are kept."""
        address = self.page.url.removeprefix(self.base)
        self.found += [f"{address}: {line}" for line in self.page.evaluate(RUN_AXE)]

    def go(self, name: str, *args: object, query: str = "") -> None:
        self.page.goto(f"{self.base}{reverse(f'archives:{name}', args=args)}{query}")
        self.check()

    def alert(self) -> str:
        return str(self.page.get_by_role("alert").first.inner_text())


def plan_a_year(walk: Walk, w: LifecycleWorld, year: int) -> FilePlan:
    page = walk.page
    login(page, walk.base, w.chau_thanh_clerk)
    walk.go("plan_list")
    create = page.get_by_test_id("plan-create")
    create.get_by_label("Đơn vị").select_option(label=w.chau_thanh_office.name)
    create.get_by_label("Năm").fill(str(year))
    submit(page, "Tạo danh mục")
    plan = FilePlan.objects.get(unit=w.chau_thanh_office, year=year)
    assert page.url == f"{walk.base}{reverse('archives:plan_detail', args=[plan.uuid])}"
    heading = page.get_by_test_id("heading-form")
    heading.get_by_label("Tên đề mục").fill("Công tác văn phòng")
    submit(page, "Thêm đề mục")
    entry = page.get_by_test_id("entry-form")
    entry.get_by_label("Số và ký hiệu hồ sơ").fill("01.th")  # typed lower case: upper-cased
    entry.get_by_label("Tiêu đề hồ sơ").fill(ENTRY_TITLE)
    entry.get_by_label("Thời hạn bảo quản (năm)").fill("10")
    submit(page, "Thêm hồ sơ")
    row = page.get_by_test_id("entry-row")
    assert row.locator("td").nth(0).inner_text() == "01.TH"
    assert "10 năm" in row.inner_text()
    walk.check()

    # The Office's leader approves it, and the printed list downloads.
    login(page, walk.base, w.chau_thanh_office_leader)
    walk.go("plan_list")
    follow(page, page.get_by_test_id("plans").get_by_role("link", name=str(year)))
    submit(page, "Ban hành danh mục")
    assert "Đã ban hành" in page.get_by_test_id("plan-status").inner_text()
    walk.check()
    with page.expect_download() as caught:
        page.get_by_test_id("plan-docx").click()
    download = caught.value
    assert download.suggested_filename.endswith(".docx")
    with open(download.path(), "rb") as docx:
        assert docx.read(4) == b"PK\x03\x04"  # a DOCX is a zip
    return plan


def file_from_document(walk: Walk, document: Any) -> None:
    page = walk.page
    page.goto(f"{walk.base}{reverse('documents:incoming_detail', args=[document.uuid])}")
    follow(page, page.get_by_test_id("offered").get_by_role("link", name="Đưa vào hồ sơ"))


def test_a_file_is_planned_compiled_closed_transferred_read_and_its_elders_disposed_of(
    axe: Any, live_server: Any, world: LifecycleWorld
) -> None:
    w = world
    page = axe
    page.set_default_timeout(10_000)
    walk = Walk(page, live_server.url)
    year = timezone.localdate().year
    today = timezone.localdate().strftime("%d/%m/%Y")

    # 1. The plan.
    plan_a_year(walk, w, year)

    # 2. Compiling: the first document filed into a file opened from the plan's entry.
    login(page, walk.base, w.chau_thanh_clerk)
    first, second = w.documents
    file_from_document(walk, first)
    walk.check()
    follow(page, page.get_by_test_id("open-new"))
    walk.check()
    page.get_by_label("Hồ sơ trong danh mục").select_option(
        label=f"{year} · {w.chau_thanh_office.name} · 01.TH {ENTRY_TITLE}"
    )
    submit(page, "Mở hồ sơ")
    file = RecordFile.objects.get(unit=w.chau_thanh_office, year=year, code="01.TH")
    assert file.retention_years == 10
    label = f"01.TH — {ENTRY_TITLE} ({w.chau_thanh_office.name}, {year})"
    page.get_by_label(label).check()
    submit(page, "Đưa vào hồ sơ")
    assert page.url == f"{walk.base}{reverse('archives:file_detail', args=[file.uuid])}"
    assert "Đã đưa vào hồ sơ 01.TH." in walk.alert()

    # The second; then the first again, refused.
    file_from_document(walk, second)
    page.get_by_label(label).check()
    submit(page, "Đưa vào hồ sơ")
    assert page.get_by_test_id("items").get_by_test_id("item-row").count() == 2
    file_from_document(walk, first)
    assert "01.TH" in page.get_by_test_id("holding").inner_text()
    page.get_by_label(label).check()
    submit(page, "Đưa vào hồ sơ")
    assert (
        f"Văn bản này đã có trong hồ sơ 01.TH “{ENTRY_TITLE}”." in page.locator("main").inner_text()
    )
    walk.check()

    # Sheets numbered, the file closed: its index stays on its page.
    walk.go("file_detail", file.uuid)
    follow(page, page.get_by_test_id("number-pages"))
    walk.check()
    submit(page, "Đánh số tờ")
    follow(page, page.get_by_test_id("close"))
    walk.check()
    page.get_by_label("Ngày kết thúc công việc").fill(timezone.localdate().isoformat())
    submit(page, "Kết thúc hồ sơ")
    assert page.get_by_test_id("file-status").inner_text() == "Đã kết thúc"
    index = page.get_by_test_id("items")
    assert index.get_by_test_id("item-row").count() == 2
    assert index.get_by_role("link", name=first.subject).is_visible()
    rows = index.get_by_test_id("item-row")
    assert rows.nth(0).locator("td").nth(5).inner_text() == "1–2"  # two pages, sheets 1–2
    assert rows.nth(1).locator("td").nth(5).inner_text() == "3–5"

    # 3. The transfer.
    walk.go("transfer_list")
    follow(page, page.get_by_role("link", name="Lập đợt nộp lưu"))
    walk.check()
    page.get_by_label("Năm của hồ sơ").fill(str(year))
    page.get_by_label(f"01.TH · {ENTRY_TITLE} ({year})").check()
    submit(page, "Lập đợt nộp lưu")
    assert "Đã lập đợt nộp lưu." in walk.alert()
    walk.check()
    submit(page, "Gửi nộp lưu")
    assert page.get_by_test_id("status").inner_text() == "Đã gửi nộp"

    login(page, walk.base, w.chau_thanh_archivist)
    walk.go("transfer_list")
    follow(page, page.get_by_test_id("transfers").get_by_role("link", name=str(year)))
    follow(page, page.get_by_role("link", name="Nhận hồ sơ, xếp hộp"))
    walk.check()
    page.get_by_label("Hộp số — 01.TH").fill("7")
    page.get_by_label("Giá — 01.TH").fill("B")
    submit(page, "Nhận và lập biên bản giao nhận")
    assert page.get_by_test_id("status").inner_text() == "Đã giao nhận"
    walk.go("file_detail", file.uuid)
    assert page.get_by_test_id("file-status").inner_text() == "Đã nộp lưu"
    assert page.get_by_test_id("file-archive").inner_text() == w.chau_thanh_office.name
    assert page.get_by_test_id("file-box").inner_text() == "7"
    assert page.get_by_test_id("file-shelf").inner_text() == "B"

    # 4. Access: the Organisation Board's specialist asks, the archivist approves.
    login(page, walk.base, w.reader)
    walk.go("access_catalogue")
    line = page.get_by_test_id("catalogue").locator("tr", has_text="01.TH")
    follow(page, line.get_by_role("link", name="Yêu cầu khai thác"))
    walk.check()
    page.get_by_label("Đọc tại chỗ").check()
    page.get_by_label("Mục đích khai thác").fill("Nghiên cứu tổng kết công tác tổ chức.")
    page.get_by_label("Số ngày").fill("5")
    submit(page, "Gửi yêu cầu")
    assert page.get_by_test_id("status").inner_text() == "Chờ duyệt"
    # Not yet approved: the file is not his to see.
    refused = page.goto(f"{walk.base}{reverse('archives:file_detail', args=[file.uuid])}")
    assert refused is not None
    assert refused.status == 404

    login(page, walk.base, w.chau_thanh_archivist)
    walk.go("access_queue")
    follow(page, page.get_by_test_id("requests").get_by_role("link", name=f"01.TH · {ENTRY_TITLE}"))
    walk.check()
    page.get_by_label("Đồng ý").check()
    submit(page, "Ghi quyết định")
    assert page.get_by_test_id("status").inner_text() == "Đã duyệt"

    login(page, walk.base, w.reader)
    walk.go("access_requests")
    follow(page, page.get_by_test_id("requests").get_by_role("link", name=f"01.TH · {ENTRY_TITLE}"))
    assert page.get_by_test_id("status").inner_text() == "Đã duyệt"
    opened = page.goto(f"{walk.base}{reverse('archives:file_detail', args=[file.uuid])}")
    assert opened is not None
    assert opened.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == f"Hồ sơ 01.TH: {ENTRY_TITLE}"
    assert page.get_by_test_id("item-row").count() == 2
    walk.check()

    # 5. Disposal of the 2001 files, one of them put under a hold once approved.
    kept, destroyed = w.old_files
    login(page, walk.base, w.chau_thanh_archivist)
    walk.go("disposal_list")
    follow(page, page.get_by_role("link", name="Đề nghị tiêu hủy"))
    walk.check()
    page.get_by_label("Tên đợt tiêu hủy").fill("Tiêu hủy hồ sơ năm 2001")
    for old in w.old_files:
        page.get_by_label(f"{old.code} — {old.title} (2001)").check()
    submit(page, "Lập đề nghị")
    items = page.get_by_test_id("disposal-items")
    assert "01.HC" in items.inner_text()
    assert "02.HC" in items.inner_text()
    assert "01.TH" not in items.inner_text()
    follow(page, page.get_by_role("link", name="Ghi thẩm định của hội đồng"))
    walk.check()
    page.get_by_label(w.chau_thanh_archivist.full_name).check()
    page.get_by_label(w.chau_thanh_office_leader.full_name).check()
    page.get_by_label("Ý kiến của hội đồng").fill("Hồ sơ đã hết giá trị, đề nghị tiêu hủy.")
    submit(page, "Ghi kết quả thẩm định")
    assert page.get_by_test_id("status").inner_text() == "Hội đồng đã thẩm định"
    disposal_url = page.url

    login(page, walk.base, w.chau_thanh_office_leader)
    page.goto(disposal_url)
    walk.check()
    follow(page, page.get_by_role("link", name="Phê duyệt"))
    page.get_by_label("Quyết định tiêu hủy (số, ngày)").fill(f"Số 5-QĐ/VPHU ngày {today}")
    submit(page, "Phê duyệt")
    assert page.get_by_test_id("status").inner_text() == "Đã phê duyệt"
    walk.go("hold_create", query=f"?ho-so={kept.uuid}")
    page.get_by_label("Lý do tạm giữ").fill("Đơn khiếu nại liên quan đang giải quyết")
    page.get_by_label("Căn cứ").fill("Đơn số 3/" + str(timezone.localdate().year))
    submit(page, "Tạm giữ")
    walk.check()

    login(page, walk.base, w.chau_thanh_archivist)
    page.goto(disposal_url)
    assert "Đang tạm giữ" in page.get_by_test_id("disposal-items").inner_text()
    follow(page, page.get_by_role("link", name="Thực hiện tiêu hủy"))
    walk.check()
    page.get_by_label("Phương pháp hủy").fill("Nghiền bột giấy")
    submit(page, "Đã hủy: lập biên bản")
    assert page.get_by_test_id("status").inner_text() == "Đã tiêu hủy"
    lines = page.get_by_test_id("disposal-items").locator("tbody tr")
    held = lines.filter(has_text="01.HC").inner_text()
    assert "Giữ lại: Đang bị tạm giữ khi thực hiện tiêu hủy" in held
    assert "Đã hủy" in lines.filter(has_text="02.HC").inner_text()
    walk.check()

    # The destroyed file's stub.
    walk.go("file_detail", destroyed.uuid)
    assert page.get_by_test_id("file-status").inner_text() == "Đã tiêu hủy"
    meta = page.get_by_test_id("file-meta").inner_text()
    assert "10 năm" in meta
    assert "31/12/2001" in meta
    assert "Tiêu hủy hồ sơ năm 2001" in page.get_by_test_id("file-disposal").inner_text()
    assert page.get_by_test_id("item-row").count() == 1
    kept.refresh_from_db()
    destroyed.refresh_from_db()
    assert kept.status == FileStatus.TRANSFERRED
    assert destroyed.status == FileStatus.DESTROYED

    assert walk.found == []
