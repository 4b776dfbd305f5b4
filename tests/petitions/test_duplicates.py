"""The duplicate proposal: same petitioner or similar content, across units and years, shown
as much as the person may see — and never a denouncer across units the person cannot see."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from django.conf import LazySettings

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.petitions.duplicates import Candidate, propose, similarity
from vanphong.petitions.models import Letter
from vanphong.search import engine, outbox

ID = "072080001234"


@pytest.fixture(autouse=True)
def search_dir(settings: LazySettings, tmp_path: Path) -> Iterator[Path]:
    settings.VANPHONG_SEARCH_DIR = tmp_path / "search"
    engine._readers.clear()
    yield tmp_path / "search"
    engine._readers.clear()


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def indexed() -> None:
    for uuid in Letter.objects.values_list("uuid", flat=True):
        outbox.enqueue("letter", uuid)
    engine.drain()


def numbers(candidates: list[Candidate]) -> list[tuple[str, str, bool]]:
    return [(c.unit_name, c.book_number, c.full) for c in candidates]


def test_the_same_identity_number_across_years_and_units_is_proposed(
    world: PetitionWorld,
) -> None:
    old = letter_row(
        world,
        unit=world.chau_thanh_office,
        received_on=date(2010, 3, 2),
        summary="Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        petitioners=("Nguyen Van Hai",),
        id_number=ID,
    )
    new = letter_row(
        world,
        received_on=date(2012, 5, 7),
        summary="Phản ánh chậm trả lương hưu",
        petitioners=("Nguyễn Văn Hải",),
        id_number=ID,
    )
    indexed()
    [full] = propose(new, person=world.province_leader)
    assert (full.full, full.uuid, full.same_petitioner) == (True, old.uuid, True)
    assert full.summary == old.summary
    assert full.kinds == ("Khiếu nại",)
    # The province's reception officer does not see Châu Thành's book: a stub only.
    [stub] = propose(new, person=world.province_reception)
    assert stub == Candidate(
        full=False,
        unit_name="Văn phòng Huyện ủy Châu Thành",
        book_number="1/2010",
        received_on=date(2010, 3, 2),
    )


def test_a_namesake_with_another_identity_number_is_not_the_same_petitioner(
    world: PetitionWorld,
) -> None:
    letter_row(world, summary="Xin trợ cấp", petitioners=("Lê Văn Tám",), id_number="1" * 12)
    new = letter_row(world, summary="Phản ánh ô nhiễm", petitioners=("Le Van Tam",), id_number=ID)
    same_name = letter_row(world, summary="Đề nghị sửa đường", petitioners=("Lê Văn Tám",))
    indexed()
    assert [c.uuid for c in propose(new, person=world.province_reception)] == [same_name.uuid]


def test_similar_content_written_with_other_diacritics_is_proposed(world: PetitionWorld) -> None:
    first = letter_row(
        world,
        summary="Khiếu nại việc bồi thường đất khi mở rộng đường 782",
        petitioners=("Trần Thị Mai",),
    )
    letter_row(world, summary="Kiến nghị sửa chữa trường học", petitioners=("Võ Văn Ba",))
    again = letter_row(
        world,
        received_on=date(2012, 1, 9),
        summary="khieu nai viec boi thuong dat khi mo rong duong 782 chua thoa dang",
        petitioners=("Phạm Văn Cư",),
    )
    indexed()
    [candidate] = propose(again, person=world.province_reception)
    assert (candidate.uuid, candidate.same_petitioner) == (first.uuid, False)
    assert candidate.similarity >= 0.45
    assert similarity("Hoà Thành đất đai", "hòa thành dat dai") == 1.0


def test_in_a_book_the_person_does_not_see_only_the_same_petitioner_is_proposed(
    world: PetitionWorld,
) -> None:
    summary = "Khiếu nại việc bồi thường đất khi mở rộng đường 782"
    same_words = letter_row(
        world, unit=world.chau_thanh_office, summary=summary, petitioners=("Võ Văn Ba",)
    )
    same_person = letter_row(
        world,
        unit=world.chau_thanh_office,
        received_on=date(2010, 3, 2),
        summary="Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
        petitioners=("Trần Thị Mai",),
        id_number=ID,
    )
    new = letter_row(world, summary=summary, petitioners=("Tran Thi Mai",), id_number=ID)
    indexed()
    # The province's reception officer does not see Châu Thành's book: the letter of the same
    # words is not proposed, the same petitioner's is, as a stub.
    assert numbers(propose(new, person=world.province_reception)) == [
        ("Văn phòng Huyện ủy Châu Thành", same_person.book_number, False)
    ]
    # Who sees the book is shown both in full.
    assert {c.uuid for c in propose(new, person=world.province_leader)} == {
        same_words.uuid,
        same_person.uuid,
    }


def test_without_the_index_the_petitioners_are_still_matched(world: PetitionWorld) -> None:
    old = letter_row(world, summary="Xin trợ cấp", id_number=ID)
    new = letter_row(world, summary="Xin trợ cấp", id_number=ID)
    # Nothing indexed, not even a directory.
    assert [c.uuid for c in propose(new, person=world.province_reception)] == [old.uuid]


def test_a_denunciation_is_never_matched_across_units_the_person_cannot_see(
    world: PetitionWorld,
) -> None:
    summary = "Tố cáo chủ tịch xã thu tiền sai quy định khi cấp đất"
    other_unit = letter_row(
        world, unit=world.chau_thanh_office, summary=summary, id_number=ID,
        complaint=False, denunciation=True,
    )  # fmt: skip
    denunciation = letter_row(
        world, summary=summary, id_number=ID, complaint=False, denunciation=True
    )
    complaint = letter_row(world, summary=summary, id_number=ID)
    indexed()
    for person in (world.province_reception, world.province_office_leader):
        # Neither the denunciation's own petitioner nor a denouncer of Châu Thành: no stub.
        proposed = propose(denunciation, person=person)
        assert "Văn phòng Huyện ủy Châu Thành" not in [c.unit_name for c in proposed]
        proposed = propose(complaint, person=person)
        assert "Văn phòng Huyện ủy Châu Thành" not in [c.unit_name for c in proposed]
    # Who sees Châu Thành's book is shown it in full, by content.
    seen = propose(complaint, person=world.province_leader)
    assert other_unit.uuid in [c.uuid for c in seen]


def test_a_denouncers_identity_matches_only_for_who_may_read_it(world: PetitionWorld) -> None:
    denunciation = letter_row(
        world, summary="Tố cáo cán bộ địa chính nhận hối lộ", id_number=ID,
        complaint=False, denunciation=True, handler=world.province_reception,
    )  # fmt: skip
    new = letter_row(world, summary="Đề nghị giải quyết trợ cấp thương binh", id_number=ID)
    indexed()
    # td2.tinh sees the book but may not read the denouncer: the contents differ, no match.
    assert propose(new, person=world.province_reception_2) == []
    assert propose(denunciation, person=world.province_reception_2) == []
    # The handler and the Office leader read it: the same petitioner.
    for person in (world.province_reception, world.province_office_leader):
        [candidate] = propose(new, person=person)
        assert (candidate.uuid, candidate.same_petitioner) == (denunciation.uuid, True)


def test_the_proposal_costs_the_same_queries_whatever_the_number_of_candidates(
    world: PetitionWorld, django_assert_num_queries: object
) -> None:
    new = letter_row(world, summary="Khiếu nại bồi thường đất", id_number=ID)
    letter_row(world, summary="Khiếu nại bồi thường đất", id_number=ID)
    indexed()
    person = world.province_office_leader
    propose(new, person=person)  # the person's scope, read once per request

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            propose(new, person=person)
        return len(captured)

    few = count()
    for _ in range(6):
        letter_row(world, summary="Khiếu nại bồi thường đất", id_number=ID)
    indexed()
    assert len(propose(new, person=person)) == 7
    assert count() == few
