"""A year's emulation walked through in Debian's chromium, as the people of the bloc would: the
provincial Office (the convenor) moves the 2012 movement to scoring; Hòa Thành's emulation
officer scores its own sheet — a point above the maximum refused on its field, what was typed
kept — attaches its evidence and submits; Châu Thành, the bloc leader, scores it in the bloc
round, lowering a point with its reason; the convenor's council scores it, and the ranking shows
its total, with the chart and the table that says the same; then the convenor proposes it for
the provincial flag although it falls short (the reason asked for, then given), records the
council's vote and drafts the dossier: the proposal lists the three drafts.

And axe (tests/browser/test_accessibility.py) finds no serious or critical violation on the
emulation pages, for the convenor's officer and for a member's."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.browser.test_accessibility import _violations, axe
from tests.support.browser import follow, login, submit
from tests.support.emulation import EmulationWorld
from tests.support.emulation_browser import (
    build_walk_world,
    draft_sheet,
    drafted_flag,
    scored_world,
)
from tests.support.files import PDF
from vanphong.emulation.models import Movement, MovementStatus, Proposal, ScoreSheet

__all__ = ["axe"]

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FLAG = "Cờ thi đua của Ủy ban nhân dân tỉnh"


def scan(name: str) -> dict[str, Any]:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


@pytest.fixture
def world() -> EmulationWorld:
    return build_walk_world()


def open_movement(page: Any, movement: Movement) -> None:
    """From the menu, as a newcomer finds it: Thi đua → Phong trào thi đua → the movement."""
    page.get_by_role("button", name="Thi đua", exact=True).click()
    page.get_by_role("link", name="Phong trào thi đua").click()
    follow(page, page.get_by_role("link", name=movement.title))


def unit_row(page: Any, name: str) -> Any:
    return page.get_by_test_id("progress").locator(
        "tr", has=page.get_by_role("link", name=name, exact=True)
    )


def open_sheet(page: Any, name: str) -> None:
    with page.expect_navigation():
        unit_row(page, name).get_by_role("button", name="Mở phiếu chấm").click()


def score(page: Any, points: dict[str, str], reasons: dict[str, str] | None = None) -> None:
    for code, value in points.items():
        page.get_by_label(f"Điểm {code}", exact=True).fill(value)
    for code, text in (reasons or {}).items():
        page.get_by_label(f"Lý do {code}", exact=True).fill(text)


def add_evidence(page: Any, criterion: str, name: str) -> None:
    page.locator("summary", has_text="Thêm minh chứng").click()
    form = page.locator("form", has=page.get_by_label("Tệp minh chứng"))
    form.get_by_label("Tiêu chí").select_option(label=criterion)
    form.get_by_label("Tệp minh chứng").set_input_files([scan(name)])
    with page.expect_navigation():
        form.get_by_role("button", name="Thêm minh chứng").click()
    assert "Đã thêm minh chứng." in page.get_by_role("alert").first.inner_text()


def test_a_unit_is_scored_through_three_rounds_ranked_and_proposed_for_a_title(
    page: Any, live_server: Any, world: EmulationWorld
) -> None:
    base = live_server.url
    movement = world.movement
    hoa_thanh, chau_thanh = world.members[1], world.members[0]
    name = hoa_thanh.name

    # The convenor opens the scoring step from the movement's page.
    login(page, base, world.convenor_officer)
    open_movement(page, movement)
    submit(page, "Chuyển sang: Đang chấm điểm")
    assert page.get_by_test_id("status").inner_text() == "Đang chấm điểm"

    # Hòa Thành scores itself; 25 on a criterion of 20 is refused on its row, nothing lost.
    login(page, base, world.officer(hoa_thanh))
    open_movement(page, movement)
    open_sheet(page, name)
    assert page.get_by_role("heading", level=1).inner_text() == f"Phiếu chấm: {name} — Tự chấm"
    score(page, {"1.2": "25", "2.1": "8", "2.2": "2", "2.3": "0"})
    submit(page, "Lưu điểm")
    assert (
        "Điểm 25 vượt điểm tối đa 20 của tiêu chí 1.2." in page.get_by_test_id("sheet").inner_text()
    )
    assert page.get_by_label("Điểm 1.2", exact=True).input_value() == "25"
    assert page.get_by_label("Điểm 2.1", exact=True).input_value() == "8"
    score(page, {"1.2": "17,5"})  # a decimal comma, as people write points
    submit(page, "Lưu điểm")
    assert "Đã lưu 4 điểm." in page.get_by_role("alert").first.inner_text()
    assert page.get_by_label("Điểm 1.2", exact=True).input_value() == "17,5"
    # Scored but without evidence: the sheet says what keeps it from being sent.
    assert "chưa có minh chứng: 1.2, 2.1" in page.get_by_test_id("problems").inner_text()
    add_evidence(page, "1.2 Tham mưu tổ chức hội nghị", "bien-ban-hoi-nghi.pdf")
    add_evidence(page, "2.1 Cải cách hành chính", "bao-cao-cchc.pdf")
    sheet = page.get_by_test_id("sheet")
    assert sheet.get_by_role("link", name="bien-ban-hoi-nghi.pdf").is_visible()
    assert page.get_by_test_id("problems").count() == 0
    page.get_by_label("Nhận xét chung").fill("Đơn vị hoàn thành tốt nhiệm vụ năm 2012.")
    submit(page, "Gửi phiếu chấm")
    assert "1/1 đã gửi" in unit_row(page, name).inner_text()

    # Châu Thành, the bloc leader, lowers 1.2: the reason goes with it.
    login(page, base, world.officer(chau_thanh))
    open_movement(page, movement)
    open_sheet(page, name)
    score(page, {"1.2": "16", "2.1": "8", "2.2": "2", "2.3": "0"})
    submit(page, "Lưu điểm")
    assert (
        "Điểm khác vòng trước (17,5): ghi lý do chấm 16."
        in page.get_by_test_id("sheet").inner_text()
    )
    assert page.get_by_label("Điểm 1.2", exact=True).input_value() == "16"
    score(page, {}, {"1.2": "Hội nghị sơ kết tổ chức chậm một tuần so với kế hoạch."})
    submit(page, "Lưu điểm")
    assert page.get_by_test_id("sheet").locator("tr.table-warning").count() == 1
    submit(page, "Gửi phiếu chấm")

    # The convenor's council scores the last round.
    login(page, base, world.convenor_officer)
    open_movement(page, movement)
    open_sheet(page, name)
    score(page, {"1.2": "16", "2.1": "8", "2.2": "2", "2.3": "0"})
    submit(page, "Lưu điểm")
    submit(page, "Gửi phiếu chấm")
    assert ScoreSheet.objects.filter(unit=hoa_thanh, status="submitted").count() == 3

    # The ranking: Hòa Thành first with its council total, the chart and its table.
    page.get_by_role("link", name="Bảng xếp hạng").click()
    chart = page.get_by_test_id("ranking-chart").locator("svg")
    assert chart.get_attribute("role") == "img"
    assert (
        "Xếp hạng Khối các Văn phòng cấp ủy năm 2012" in chart.locator("title").first.text_content()
    )
    row = page.get_by_test_id("ranking").locator("tr", has=page.get_by_role("link", name=name))
    cells = row.locator("td").all_inner_texts()
    assert cells[0].startswith("1")
    assert "26" in cells[5]  # 16 + 8 + 2 − 0, nothing measured yet
    assert "Hội đồng chấm" in cells[6]

    # The qualification table, from the movement's page, leads to the proposal.
    follow(page, page.get_by_role("link", name=movement.title))
    follow(page, page.get_by_role("link", name="Xét danh hiệu"))
    line = page.get_by_test_id("qualification").locator("tr", has_text=name)
    assert "26" in line.inner_text()
    follow(page, page.get_by_role("link", name="Lập đề nghị khen thưởng"))
    page.get_by_label("Danh hiệu *", exact=True).select_option(
        label=f"{FLAG} (Chủ tịch Ủy ban nhân dân tỉnh)"
    )
    assert page.get_by_label("Phong trào thi đua (danh hiệu tập thể)").input_value() == str(
        movement.uuid
    )
    submit(page, "Lập đề nghị")
    proposal = Proposal.objects.get()
    assert page.url == f"{base}/thi-dua/de-nghi/{proposal.uuid}/"

    # Hòa Thành falls short of the flag: the form asks for the reason, then takes it.
    page.get_by_role("link", name="Thêm", exact=True).click()
    page.get_by_label("Đơn vị").select_option(label=name)
    page.get_by_label("Tóm tắt thành tích").fill("Hoàn thành xuất sắc nhiệm vụ tham mưu.")
    submit(page, "Thêm")
    refusal = page.locator(".invalid-feedback").first.inner_text()
    assert "chưa đạt điều kiện" in refusal
    assert page.get_by_label("Tóm tắt thành tích").input_value() == (
        "Hoàn thành xuất sắc nhiệm vụ tham mưu."
    )
    page.get_by_label("Lý do đề nghị dù chưa đạt điều kiện").fill(
        "Đơn vị dẫn đầu khối về cải cách hành chính."
    )
    submit(page, "Thêm")
    assert "dù chưa đạt" in page.get_by_role("alert").first.inner_text()
    assert page.get_by_test_id("override").is_visible()

    # The council votes; the dossier is drafted: the three documents, each a draft.
    page.get_by_role("link", name="Ghi kết quả bỏ phiếu").click()
    page.get_by_label("Số người bỏ phiếu").fill("9")
    page.get_by_label(f"Số phiếu đồng ý: {name}").fill("8")
    submit(page, "Ghi kết quả")
    assert "8/9" in page.get_by_test_id("nominees").inner_text()
    submit(page, "Lập hồ sơ (tờ trình, danh sách, biên bản)")
    dossier = page.get_by_test_id("dossier")
    for label in ("Tờ trình", "Danh sách", "Biên bản họp hội đồng"):
        item = dossier.locator("li", has=page.get_by_role("link", name=label, exact=True))
        assert item.inner_text() == f"{label}: Dự thảo"
    movement.refresh_from_db()
    assert movement.status == MovementStatus.SCORING


def _pages(world: EmulationWorld) -> dict[str, list[str]]:
    """The emulation pages, by who reads them: the convenor's officer, Gò Dầu's officer."""
    movement = world.movement
    hoa_thanh, go_dau = world.members[1], world.members[3]
    sheets = [
        reverse("emulation:sheet", args=[sheet.uuid])
        for sheet in ScoreSheet.objects.filter(unit=hoa_thanh).order_by("id")
    ]
    proposal = drafted_flag(world)
    draft = draft_sheet(world)

    def url(name: str, *args: object) -> str:
        return reverse(f"emulation:{name}", args=args)

    common = [
        url("home"),
        url("movement", movement.uuid),
        url("ranking", movement.uuid),
        url("unit_profile", movement.uuid, hoa_thanh.uuid),
        url("qualification", movement.uuid),
        url("proposals"),
        url("proposal", proposal.uuid),
        url("awards"),
        url("reviews"),
    ]
    return {
        "convenor": [
            *common,
            *sheets,
            url("measures", movement.uuid, hoa_thanh.uuid),
            url("proposal_create") + f"?phong-trao={movement.uuid}",
            url("nominee_add", proposal.uuid),
            url("proposal_vote", proposal.uuid),
            url("review", world.convenor.uuid, 2012),
        ],
        "member": [
            *common,
            url("sheet", draft.uuid),
            url("measures", movement.uuid, go_dau.uuid),
            url("review", go_dau.uuid, 2012),
        ],
    }


def test_the_emulation_pages_have_no_serious_accessibility_violation(
    axe: Any, live_server: Any
) -> None:
    world = scored_world()
    base = live_server.url
    pages = _pages(world)
    found: list[str] = []
    for person, addresses in (
        (world.convenor_officer, pages["convenor"]),
        (world.officer(world.members[3]), pages["member"]),
    ):
        login(axe, base, person)
        for address in addresses:
            found += _violations(axe, base, address)
    assert found == []
