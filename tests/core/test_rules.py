from __future__ import annotations

from datetime import date

import pytest

from vanphong.core.models import RuleSet
from vanphong.core.rules import (
    NoRuleInForce,
    complaint_period,
    denunciation_period,
    numbering_policy,
    processing_period,
)


def _denunciation(on: date, complexity: str = "normal") -> tuple[int, tuple[int, ...]]:
    period = denunciation_period(on, complexity=complexity)  # type: ignore[arg-type]
    return period.days, period.extensions


def test_denunciations_follow_three_laws_each_from_its_own_day(db: None) -> None:
    # 1998 law, art. 60: 60 days, complex up to 90, no extension.
    assert _denunciation(date(2012, 6, 30)) == (60, ())
    assert _denunciation(date(2012, 6, 30), "complex") == (90, ())
    # 2011 law, art. 21: 60 (complex 90), one extension of at most 30 (complex 60).
    assert _denunciation(date(2012, 7, 1)) == (60, (30,))
    assert _denunciation(date(2018, 12, 31), "complex") == (90, (60,))
    assert denunciation_period(date(2018, 12, 31), complexity="complex").longest_days == 150
    # 2018 law, art. 30: 30 days; complex one extension, especially complex two, ≤ 30 each.
    assert _denunciation(date(2019, 1, 1)) == (30, ())
    assert _denunciation(date(2019, 1, 1), "complex") == (30, (30,))
    assert _denunciation(date(2024, 2, 16), "especially_complex") == (30, (30, 30))


def test_each_version_names_its_source_and_its_kind_of_days(db: None) -> None:
    old = denunciation_period(date(2005, 1, 1))
    assert (old.kind, old.effective_from) == ("deadline.denunciation", date(1999, 1, 1))
    assert "1998" in old.source
    assert not old.working_days
    assert "Luật Tố cáo 2011" in denunciation_period(date(2015, 1, 1)).source
    assert "Luật Tố cáo 2018" in denunciation_period(date(2019, 1, 1)).source


def test_processing_is_ten_working_days_under_both_versions(db: None) -> None:
    before, after = processing_period(date(2014, 6, 30)), processing_period(date(2014, 7, 1))
    assert (before.days, before.working_days, before.effective_from) == (
        10,
        True,
        date(1999, 1, 1),
    )
    assert "chưa kiểm chứng" in before.source
    assert (after.days, after.working_days, after.effective_from) == (10, True, date(2014, 7, 1))
    assert "07/2014/TT-TTCP" in after.source


def test_complaint_deadlines_follow_round_complexity_and_remoteness(db: None) -> None:
    for on in (date(2005, 1, 1), date(2013, 5, 1)):
        assert complaint_period(on).days == 30
        assert complaint_period(on, complex_case=True).days == 45
        assert complaint_period(on, remote=True).days == 45
        assert complaint_period(on, remote=True, complex_case=True).days == 60
        assert complaint_period(on, second=True).days == 45
        assert complaint_period(on, second=True, complex_case=True).days == 60
        assert complaint_period(on, second=True, remote=True).days == 60
        assert complaint_period(on, second=True, remote=True, complex_case=True).days == 70
    assert complaint_period(date(2012, 6, 30)).effective_from == date(1999, 1, 1)
    assert complaint_period(date(2012, 7, 1)).source.startswith("Luật Khiếu nại 2011")
    assert complaint_period(date(2012, 7, 1)).extensions == ()


def test_party_numbering_runs_per_type_per_term_with_secret_in_the_same_series(db: None) -> None:
    policy = numbering_policy("party", date(2012, 2, 16))
    open_ = policy.series(issuer="TU", type_symbol="NQ", term="2010-2015", year=2012, secret=False)
    secret = policy.series(issuer="TU", type_symbol="NQ", term="2010-2015", year=2012, secret=True)
    next_year = policy.series(
        issuer="TU", type_symbol="NQ", term="2010-2015", year=2013, secret=False
    )
    assert open_ == secret == next_year


def test_government_numbering_runs_per_year_with_a_separate_secret_series(db: None) -> None:
    policy = numbering_policy("government", date(2024, 3, 1))
    plain = policy.series(issuer="UBND", type_symbol="QĐ", term=None, year=2024, secret=False)
    secret = policy.series(issuer="UBND", type_symbol="QĐ", term=None, year=2024, secret=True)
    later = policy.series(issuer="UBND", type_symbol="QĐ", term=None, year=2025, secret=False)
    assert len({plain, secret, later}) == 3


def test_the_quy_dinh_symbol_is_qd_in_2012_and_qdi_after_2017(db: None) -> None:
    assert "QĐi" not in numbering_policy("party", date(2012, 1, 1)).types
    assert numbering_policy("party", date(2024, 1, 1)).types["QĐi"] == "Quy định"


def test_a_new_version_stored_as_data_takes_over_from_its_date(db: None) -> None:
    RuleSet.objects.create(
        kind="deadline.denunciation",
        effective_from=date(2030, 1, 1),
        data={"acceptance_days": 5, "cases": {"normal": {"days": 20, "extensions": []}}},
    )
    assert denunciation_period(date(2029, 12, 31)).days == 30
    assert denunciation_period(date(2030, 1, 1)).days == 20


def test_a_date_before_the_first_law_is_an_error_not_a_guess(db: None) -> None:
    with pytest.raises(NoRuleInForce, match="Ngày 31/12/1998 trước khi có quy định") as caught:
        denunciation_period(date(1998, 12, 31))
    assert "01/01/1999" in str(caught.value)
    with pytest.raises(NoRuleInForce, match="xử lý đơn"):
        processing_period(date(1990, 1, 1))
    assert processing_period(date(1999, 1, 1)).days == 10


def test_party_numbering_without_a_term_is_refused(db: None) -> None:
    policy = numbering_policy("party", date(2012, 1, 1))
    with pytest.raises(ValueError, match="nhiệm kỳ"):
        policy.series(issuer="TU", type_symbol="NQ", term=None, year=2012, secret=False)
