"""The registry of things a file holds (`core.fileables`): each app describes its own objects
as the asking person sees them, and answers nothing for what that person may not see."""

from __future__ import annotations

from uuid import uuid4

import pytest

from tests.support.archives import build_archives_world
from tests.support.archives_files import incoming
from tests.support.directives import province_directive
from tests.support.documents import issued_report
from tests.support.petitions import build_petition_world, letter_row
from tests.support.planning import build_world as build_plan_world
from tests.support.planning import publish
from vanphong.archives.models import ItemKind
from vanphong.core import fileables
from vanphong.documents.fileables import document_title
from vanphong.org.models import Clearance
from vanphong.planning import services_schedule

pytestmark = pytest.mark.django_db


def test_every_app_registers_its_kinds_and_each_is_an_item_kind() -> None:
    kinds = {f.kind for f in fileables.fileables()}
    assert kinds == {"incoming", "outgoing", "schedule", "directive_review", "letter"}
    assert kinds <= set(ItemKind.values)


def test_an_incoming_document_is_described_for_whoever_sees_it_and_for_no_one_else() -> None:
    w = build_archives_world()
    document = incoming(w, 3)
    info = fileables.describe(w.chau_thanh_clerk, "incoming", document.uuid)
    assert info is not None
    assert (info.number_symbol, info.author, info.page_count) == ("43-CT/TU", "Tỉnh ủy Tây Ninh", 4)
    assert info.unit_id == w.chau_thanh_office.pk
    assert info.url == f"/van-ban/den/{document.uuid}/"
    assert fileables.describe(w.hoa_thanh_clerk, "incoming", document.uuid) is None
    assert fileables.describe(w.chau_thanh_clerk, "incoming", uuid4()) is None
    assert fileables.describe(w.chau_thanh_clerk, "incoming", "not-a-uuid") is None
    assert fileables.describe(w.chau_thanh_clerk, "no-such-kind", document.uuid) is None


def test_a_secret_document_is_not_described_to_an_uncleared_specialist() -> None:
    w = build_archives_world()
    secret = incoming(w, 1, confidentiality=Clearance.SECRET)
    assert fileables.describe(w.chau_thanh_specialist, "incoming", secret.uuid) is None
    info = fileables.describe(w.chau_thanh_clerk, "incoming", secret.uuid)
    assert info is not None
    assert info.confidentiality == Clearance.SECRET


def test_an_outgoing_document_is_authored_by_its_unit_on_its_issue_date() -> None:
    w = build_archives_world()
    document = issued_report(w.d)
    info = fileables.describe(w.chau_thanh_clerk, "outgoing", document.uuid)
    assert info is not None
    assert info.author == w.chau_thanh_office.name
    assert info.document_date == document.issued_on
    assert info.title.startswith("Báo cáo")


@pytest.mark.parametrize(
    ("type_name", "subject", "title"),
    [
        ("Thông báo", "ý kiến của Thường trực Tỉnh ủy", "Thông báo ý kiến của Thường trực Tỉnh ủy"),
        ("Thông báo", "Thông báo kết luận của Thường trực", "Thông báo kết luận của Thường trực"),
        ("Báo cáo", "báo cáo tình hình quý I", "báo cáo tình hình quý I"),
        ("Chỉ thị", "Chỉ thị về công tác cán bộ", "Chỉ thị về công tác cán bộ"),
        ("Công văn", "Công tác văn phòng", "Công văn Công tác văn phòng"),
        ("Tờ trình", "Tờ trìnhx", "Tờ trình Tờ trìnhx"),
        ("", "Về công tác văn phòng", "Về công tác văn phòng"),
    ],
)
def test_a_documents_line_names_its_kind_once(type_name: str, subject: str, title: str) -> None:
    assert document_title(type_name, subject) == title


def test_many_are_described_in_one_query_per_kind(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    w = build_archives_world()
    documents = [incoming(w, n) for n in (1, 2, 3)]
    wanted = [("incoming", d.uuid) for d in documents]
    with django_assert_max_num_queries(8):
        found = fileables.describe_many(w.chau_thanh_clerk, wanted)
    assert len(found) == 3


def test_a_published_weekly_schedule_is_described_by_its_week_and_kept_five_years() -> None:
    world = build_plan_world()
    version = world.week()
    schedule = version.schedule
    assert fileables.describe(world.unassigned, "schedule", schedule.uuid) is None
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    publish(world, version)
    info = fileables.describe(world.unassigned, "schedule", schedule.uuid)
    assert info is not None
    assert info.number_symbol == f"Tuần {schedule.week}/{schedule.year}"
    assert info.retention_years == 5
    assert info.url.endswith(f"/lich/{schedule.uuid}/")


def test_a_directive_is_described_for_its_units_people_only() -> None:
    w = build_archives_world()
    directive = province_directive(w.d)
    info = fileables.describe(w.province_office_leader, "directive_review", directive.uuid)
    assert info is not None
    assert info.number_symbol == directive.number_symbol
    assert info.author == "Ban Chấp hành Trung ương"
    assert fileables.describe(w.unassigned, "directive_review", directive.uuid) is None


def test_a_letter_is_described_by_its_book_number_never_by_a_denouncer() -> None:
    world = build_petition_world()
    letter = letter_row(
        world,
        complaint=False,
        denunciation=True,
        summary="Tố cáo cán bộ xã",
        petitioners=("Trần Văn Tố",),
    )
    info = fileables.describe(world.province_reception, "letter", letter.uuid)
    assert info is not None
    assert info.title == f"Đơn số {letter.book_number} · Tố cáo"
    assert "Trần Văn Tố" not in f"{info.title} {info.author} {info.number_symbol}"
    assert fileables.describe(world.chau_thanh_reception, "letter", letter.uuid) is None
