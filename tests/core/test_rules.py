from __future__ import annotations

from datetime import date

import pytest

from vanphong.core.models import RuleSet
from vanphong.core.rules import (
    NoRuleInForce,
    complaint_deadline_days,
    denunciation_deadline,
    numbering_policy,
)


def test_denunciation_deadline_of_2012_differs_from_2024(db: None) -> None:
    in_2012 = denunciation_deadline(date(2012, 2, 16), complexity="complex")
    in_2024 = denunciation_deadline(date(2024, 2, 16), complexity="complex")
    assert (in_2012.days, in_2012.longest_days) == (60, 90)
    assert (in_2024.days, in_2024.longest_days) == (30, 60)
    assert (
        denunciation_deadline(date(2024, 1, 1), complexity="especially_complex").longest_days == 90
    )


def test_a_rule_changes_on_its_effective_date_not_a_day_earlier(db: None) -> None:
    assert denunciation_deadline(date(2018, 12, 31)).days == 60
    assert denunciation_deadline(date(2019, 1, 1)).days == 30


def test_complaint_deadlines_follow_round_complexity_and_remoteness(db: None) -> None:
    on = date(2013, 5, 1)
    assert complaint_deadline_days(on) == 30
    assert complaint_deadline_days(on, complex_case=True) == 45
    assert complaint_deadline_days(on, remote=True, complex_case=True) == 60
    assert complaint_deadline_days(on, second=True) == 45
    assert complaint_deadline_days(on, second=True, remote=True, complex_case=True) == 70


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
        data={"days": 20, "extension_days": 10, "max_extensions": {"normal": 0}},
    )
    assert denunciation_deadline(date(2029, 12, 31)).days == 30
    assert denunciation_deadline(date(2030, 1, 1)).days == 20


def test_a_date_before_any_version_is_an_error_not_a_guess(db: None) -> None:
    with pytest.raises(NoRuleInForce, match="01/01/1990"):
        denunciation_deadline(date(1990, 1, 1))


def test_party_numbering_without_a_term_is_refused(db: None) -> None:
    policy = numbering_policy("party", date(2012, 1, 1))
    with pytest.raises(ValueError, match="nhiệm kỳ"):
        policy.series(issuer="TU", type_symbol="NQ", term=None, year=2012, secret=False)
