"""What other flows read of the plans: a unit's entries for a year and the suggestions for a
subject (folded words shared with an entry's title and keywords, the best five)."""

from __future__ import annotations

import pytest

from tests.support.archives_plans import YEAR, build_plan_world, entry
from vanphong.archives.plans import plan_entries_for, suggest_entries

pytestmark = pytest.mark.django_db


def test_the_entries_of_a_units_plan_come_in_the_outlines_order() -> None:
    pw = build_plan_world()
    codes = [e.code for e in plan_entries_for(pw.chau_thanh_office, YEAR)]
    assert codes == ["01.TH", "02.TH", "03.HC"]
    assert plan_entries_for(pw.chau_thanh_office, 2030) == []


def test_a_subject_finds_the_entry_sharing_its_words_whatever_the_marks() -> None:
    pw = build_plan_world()
    found = suggest_entries(
        unit=pw.chau_thanh_office, year=YEAR, text="BAO CAO thang 02/2012 cua Huyen uy"
    )
    assert found[0].code == "02.TH"
    assert suggest_entries(unit=pw.chau_thanh_office, year=YEAR, text="Nghị quyết số 05") == [
        found_entry
        for found_entry in plan_entries_for(pw.chau_thanh_office, YEAR)
        if found_entry.code == "01.TH"
    ]


def test_keywords_count_double_and_common_words_not_at_all() -> None:
    pw = build_plan_world()
    assert suggest_entries(unit=pw.chau_thanh_office, year=YEAR, text="hồ sơ của các năm") == []
    entry(
        pw,
        pw.plan,
        pw.admin,
        "04.HC",
        "Công văn trao đổi về tuyển dụng",
        retention_years=10,
        keywords="tuyển dụng",
    )
    entry(pw, pw.plan, pw.admin, "05.HC", "Hồ sơ tuyển dụng năm", retention_years=10)
    found = suggest_entries(unit=pw.chau_thanh_office, year=YEAR, text="Về tuyển dụng công chức")
    assert [e.code for e in found][:2] == ["04.HC", "05.HC"]


def test_at_most_limit_suggestions_and_none_without_a_plan() -> None:
    pw = build_plan_world()
    for n in range(7):
        entry(pw, pw.plan, pw.admin, f"1{n}.HC", f"Báo cáo chuyên đề {n}", retention_years=10)
    assert len(suggest_entries(unit=pw.chau_thanh_office, year=YEAR, text="báo cáo")) == 5
    assert len(suggest_entries(unit=pw.chau_thanh_office, year=YEAR, text="báo cáo", limit=2)) == 2
    assert suggest_entries(unit=pw.hoa_thanh_office, year=YEAR, text="báo cáo") == []
