"""A word typed with its diacritics ranks the documents holding it as typed above those holding
only other spellings of it, however long they are; a word typed without them ranks as before."""

from __future__ import annotations

import pytest

from tests.support.documents import DocWorld, register
from vanphong.search import engine
from vanphong.search.selectors import search

# A long subject that says "Đảng" once among many other words: BM25 alone ranks it
# below the short subjects, whose one word "dang" weighs more in fewer words.
LONG = (
    "Báo cáo tổng kết công tác xây dựng Đảng năm 2011 và phương hướng nhiệm vụ năm 2012, "
    "trong đó nêu rõ kết quả lãnh đạo của các cấp ủy, việc học tập, quán triệt các nghị "
    "quyết, chỉ thị, kết luận của Trung ương, của Tỉnh ủy, công tác tổ chức cán bộ, công tác "
    "kiểm tra, giám sát, công tác dân vận, công tác tuyên giáo, việc thực hiện quy chế dân chủ "
    "ở cơ sở, củng cố tổ chức cơ sở, những hạn chế, nguyên nhân và bài học kinh nghiệm rút ra "
    "trong năm qua"
)


OTHER_SPELLINGS = ("51-CV/TU", "52-CV/TU", "53-CV/TU")


@pytest.fixture
def shelf(world: DocWorld) -> DocWorld:
    # Short documents without the word, as most of a registry: "dang" is rare enough to weigh.
    for n in range(20):
        register(world, number_symbol=f"{70 + n}-CV/TU", subject=f"Về hội nghị số {n}")
    # Documents of the Party are many: "đảng" as typed is a common word, and weighs little.
    for n in range(10):
        register(world, number_symbol=f"{30 + n}-NQ/TU", subject=f"Nghị quyết Đảng bộ xã {n}")
    register(world, number_symbol="50-BC/TU", subject=LONG)
    register(world, number_symbol="51-CV/TU", subject="Về việc đang làm thủ tục")
    register(world, number_symbol="52-CV/TU", subject="Về việc đăng ký")
    register(world, number_symbol="53-CV/TU", subject="Đang chờ ý kiến")
    engine.drain()
    return world


def symbols(world: DocWorld, typed: str) -> list[str]:
    titles = [hit.title.split(" · ")[0] for hit in search(world.chau_thanh_clerk, typed).hits]
    return [title.removeprefix("Số: ").removeprefix("Số ") for title in titles]


def test_the_long_document_with_the_typed_word_comes_before_short_other_spellings(
    shelf: DocWorld,
) -> None:
    found = symbols(shelf, "Đảng")
    assert len(found) == 14
    assert found.index("50-BC/TU") < min(found.index(s) for s in OTHER_SPELLINGS)


def test_the_word_typed_in_capitals_is_the_same_exact_word(shelf: DocWorld) -> None:
    found = symbols(shelf, "ĐẢNG")
    assert found.index("50-BC/TU") < min(found.index(s) for s in OTHER_SPELLINGS)


def test_other_exact_spellings_form_their_tier_too(shelf: DocWorld) -> None:
    found = symbols(shelf, "đăng")
    assert found[0] == "52-CV/TU"
    assert len(found) == 14


def test_a_query_without_diacritics_keeps_relevance_alone(shelf: DocWorld) -> None:
    found = symbols(shelf, "dang")
    assert len(found) == 14
    assert found[-1] == "50-BC/TU"  # the longest, where the word weighs least


def test_each_exact_word_raises_the_tier_and_relevance_orders_within_it(world: DocWorld) -> None:
    register(world, number_symbol="60-CV/TU", subject="Đăng ký viên chức mới")
    register(world, number_symbol="61-CV/TU", subject="Đảng viên " + "và công tác " * 30)
    register(world, number_symbol="62-CV/TU", subject="Đang xét hồ sơ viên chức")
    engine.drain()
    found = symbols(world, "Đảng viên")
    assert found[0] == "61-CV/TU"  # "đảng" as typed; the other two only as "dang"
    assert sorted(found[1:]) == ["60-CV/TU", "62-CV/TU"]
