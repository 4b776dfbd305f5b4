"""The disposal, hold and register pages: a list through each step by the right people, 404 for
those who may not see, the record for whoever sees every file, and pinned query counts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_disposals import (
    approved,
    archived,
    executed,
    hold,
    proposed,
    received_transfer,
)
from tests.support.web import login, page_queries
from vanphong.archives.models import Disposal, DisposalStatus, FileStatus, LegalHold
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


def _said(response: Any) -> list[str]:
    """The confirmation the response leaves for the next page."""
    return [str(m) for m in get_messages(response.wsgi_request)]


def _ticked(html: str, value: str) -> bool:
    box = re.search(rf'<input[^>]*value="{re.escape(value)}"[^>]*>', html)
    assert box is not None, value
    return " checked" in box.group(0)


def _url(name: str, *args: object) -> str:
    return reverse(f"archives:{name}", args=args)


@pytest.fixture
def w(db: None) -> ArchWorld:
    return build_archives_world()


def test_the_archivist_proposes_from_the_files_past_retention(client: Client, w: ArchWorld) -> None:
    due = archived(w, title="Báo cáo tuần 2011")
    permanent = archived(w, retention_years=None, title="Nghị quyết đại hội")
    held = archived(w, title="Hồ sơ đơn khiếu nại")
    hold(w, [held])
    login(client, w.province_archivist)
    page = client.get(_url("disposal_propose"))
    assert page.status_code == 200
    text = page.content.decode()
    assert due.title in text
    assert permanent.title not in text
    assert held.title not in text
    assert _ticked(text, str(due.uuid))  # every candidate comes ticked
    made = client.post(_url("disposal_propose"), {"title": "Đợt 2017", "files": [str(due.uuid)]})
    disposal = Disposal.objects.get()
    assert made.status_code == 302
    assert made["Location"] == _url("disposal_detail", disposal.uuid)
    assert _said(made) == ["Đã lập đề nghị tiêu hủy 1 hồ sơ."]


def test_someone_not_an_archivist_may_not_open_the_proposal_page(
    client: Client, w: ArchWorld
) -> None:
    login(client, w.province_clerk)
    assert client.get(_url("disposal_propose")).status_code == 403


def test_a_disposal_goes_through_its_steps_on_the_pages(client: Client, w: ArchWorld) -> None:
    kept, gone = archived(w), archived(w)
    disposal = proposed(w, [kept, gone])
    login(client, w.province_archivist)
    detail = client.get(_url("disposal_detail", disposal.uuid))
    assert detail.context["may_appraise"]
    assert not detail.context["may_approve"]
    items = {i.file_id: i.pk for i in disposal.items.all()}
    appraised = client.post(
        _url("disposal_appraise", disposal.uuid),
        {
            "council": [str(w.province_office_leader.uuid), str(w.province_archivist.uuid)],
            "opinion": "Đồng ý",
            f"keep_{items[kept.pk]}": "Còn giá trị",
        },
    )
    assert appraised.status_code == 302
    assert _said(appraised) == ["Đã ghi kết quả thẩm định của hội đồng."]
    assert client.get(_url("disposal_approve", disposal.uuid)).status_code == 403
    login(client, w.province_office_leader)
    approved = client.post(_url("disposal_approve", disposal.uuid), {"decision": "Số 3-QĐ/VPTU"})
    assert approved.status_code == 302
    assert _said(approved) == ["Đã phê duyệt danh sách tiêu hủy."]
    login(client, w.province_archivist)
    refused = client.post(
        _url("disposal_execute", disposal.uuid), {"method": "", "executed_on": "01/01/2000"}
    )
    assert refused.status_code == 400
    today = timezone.localdate().strftime("%d/%m/%Y")
    done = client.post(
        _url("disposal_execute", disposal.uuid), {"method": "Nghiền", "executed_on": today}
    )
    assert done.status_code == 302
    assert _said(done) == ["Đã ghi việc tiêu hủy và lập biên bản."]
    disposal.refresh_from_db()
    kept.refresh_from_db()
    gone.refresh_from_db()
    assert disposal.status == DisposalStatus.EXECUTED
    assert kept.status == FileStatus.TRANSFERRED
    assert gone.status == FileStatus.DESTROYED
    record = client.get(_url("disposal_record", disposal.uuid))
    assert record.status_code == 200
    assert b"".join(record.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]


def test_a_disposal_is_404_for_whoever_may_not_see_it(client: Client, w: ArchWorld) -> None:
    disposal = proposed(w, [archived(w)])
    for outsider in (w.hoa_thanh_clerk, w.chau_thanh_archivist):
        login(client, outsider)
        assert client.get(_url("disposal_detail", disposal.uuid)).status_code == 404


def test_the_record_naming_a_secret_file_is_404_for_whoever_cannot_see_it(
    client: Client, w: ArchWorld
) -> None:
    secret = archived(w, confidentiality=Clearance.SECRET)
    disposal = executed(w, [archived(w), secret], timezone.localdate())
    disposal.council.add(w.province_specialist)  # unclassified, sat on the council
    login(client, w.province_specialist)
    page = client.get(_url("disposal_detail", disposal.uuid))
    assert page.status_code == 200
    assert len(page.context["lines"]) == 1
    assert not page.context["may_record"]
    assert client.get(_url("disposal_record", disposal.uuid)).status_code == 404


def test_the_disposal_list_has_a_fixed_number_of_queries(client: Client, w: ArchWorld) -> None:
    proposed(w, [archived(w)])
    login(client, w.province_archivist)
    few = page_queries(client, _url("disposal_list"))
    for _n in range(5):
        proposed(w, [archived(w)])
    assert page_queries(client, _url("disposal_list")) == few


def test_the_disposal_page_has_a_fixed_number_of_queries(client: Client, w: ArchWorld) -> None:
    small = approved(w, [archived(w)])
    large = approved(w, [archived(w) for _n in range(8)])
    for disposal in (small, large):  # a hold placed after approval is shown on the line
        first = disposal.items.order_by("pk").first()
        assert first is not None
        hold(w, [first.file])
    login(client, w.province_archivist)
    assert page_queries(client, _url("disposal_detail", small.uuid)) == page_queries(
        client, _url("disposal_detail", large.uuid)
    )


def test_holds_are_placed_listed_and_released_on_the_pages(client: Client, w: ArchWorld) -> None:
    file = archived(w)
    login(client, w.province_office_leader)
    form = client.get(_url("hold_create"), {"ho-so": str(file.uuid)})
    assert form.status_code == 200
    made = client.post(
        _url("hold_create"),
        {
            "unit": str(w.province_office.uuid),
            "kind": "inspection",
            "reason": "Thanh tra",
            "reference": "QĐ 1",
            "files": [str(file.uuid)],
        },
    )
    placed = LegalHold.objects.get()
    assert made["Location"] == _url("hold_detail", placed.uuid)
    assert _said(made) == ["Đã ra lệnh tạm giữ hồ sơ."]
    assert "Thanh tra" in client.get(_url("hold_list")).content.decode()
    released = client.post(_url("hold_release", placed.uuid), {"reason": "Xong"})
    assert released.status_code == 302
    assert _said(released) == ["Đã gỡ lệnh tạm giữ."]
    placed.refresh_from_db()
    assert placed.released_at is not None
    login(client, w.province_archivist)
    assert client.get(_url("hold_create")).status_code == 403
    login(client, w.hoa_thanh_clerk)
    assert client.get(_url("hold_detail", placed.uuid)).status_code == 404


def test_the_holdings_page_counts_with_a_fixed_number_of_queries(
    client: Client, w: ArchWorld
) -> None:
    archived(w)
    login(client, w.province_office_leader)
    few = page_queries(client, _url("register_holdings"))
    for year in range(2000, 2010):
        archived(w, year=year, confidentiality=Clearance.TOP_SECRET)
    assert page_queries(client, _url("register_holdings")) == few
    page = client.get(_url("register_holdings"))
    assert page.context["holdings"].total.total == 11
    login(client, w.province_archivist)
    assert client.get(_url("register_holdings")).context["holdings"].total.total == 1


def test_the_registers_and_their_exports(client: Client, w: ArchWorld) -> None:
    received_transfer(w, [archived(w), archived(w)])
    executed(w, [archived(w)], timezone.localdate())
    login(client, w.province_archivist)
    for name in ("register_transfers", "register_disposals"):
        page = client.get(_url(name))
        assert page.status_code == 200
        assert len(page.context["rows"]) == 1
        xlsx = client.get(_url(f"{name}_xlsx"))
        assert xlsx.content.startswith(b"PK")
        pdf = client.get(_url(f"{name}_pdf"))
        assert pdf.content.startswith(b"%PDF-")
    few = page_queries(client, _url("register_transfers"))
    received_transfer(w, [archived(w)], year=2012)
    assert page_queries(client, _url("register_transfers")) == few
