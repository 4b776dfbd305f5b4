"""A measured criterion's points: linear, bands, nothing counted; and a scale's errors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vanphong.core.yearly import Ratio
from vanphong.emulation.measuring import points, scale_errors

TEN = Decimal(10)
BANDS = {"kind": "bands", "bands": [[0.95, 10], [0.9, 8], [0.5, 5]]}


def test_linear_points_are_the_share_of_the_maximum_with_two_places_rounded_half_up() -> None:
    assert points(Ratio(2, 3), max_points=TEN, scale={"kind": "linear"}) == Decimal("6.67")
    assert points(Ratio(1, 8), max_points=TEN, scale={"kind": "linear"}) == Decimal("1.25")
    assert points(Ratio(1, 200), max_points=Decimal(1), scale={"kind": "linear"}) == Decimal(
        "0.01"
    )  # 0.005 rounds up
    assert points(Ratio(5, 5), max_points=TEN, scale={"kind": "linear"}) == Decimal("10.00")


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (Ratio(95, 100), "10.00"),  # reaches the lower bound exactly
        (Ratio(94, 100), "8.00"),
        (Ratio(9, 10), "8.00"),
        (Ratio(1, 2), "5.00"),
        (Ratio(49, 100), "0.00"),  # below every band
    ],
)
def test_bands_give_the_points_of_the_first_band_the_share_reaches(
    ratio: Ratio, expected: str
) -> None:
    assert points(ratio, max_points=TEN, scale=BANDS) == Decimal(expected)


def test_nothing_counted_gives_the_empty_points_or_the_maximum() -> None:
    assert points(Ratio(0, 0), max_points=TEN, scale={"kind": "linear"}) == TEN
    assert points(None, max_points=TEN, scale={**BANDS, "empty_points": 7.5}) == Decimal("7.50")
    assert points(Ratio(0, 0), max_points=TEN, scale={"kind": "linear", "empty_points": 0}) == 0


def test_points_are_never_above_the_maximum() -> None:
    scale = {"kind": "bands", "bands": [[0, 15]]}
    assert points(Ratio(1, 1), max_points=TEN, scale=scale) == TEN


def test_a_valid_scale_has_no_errors() -> None:
    assert scale_errors({"kind": "linear"}) == []
    assert scale_errors({**BANDS, "empty_points": 10}, max_points=TEN) == []


@pytest.mark.parametrize(
    ("scale", "fragment"),
    [
        ([], "phải là một bảng"),
        ({}, "“linear”"),
        ({"kind": "steps"}, "“linear”"),
        ({"kind": "linear", "weight": 2}, "không dùng: weight"),
        ({"kind": "linear", "empty_points": -1}, "không âm"),
        ({"kind": "linear", "empty_points": 11}, "quá điểm tối đa"),
        ({"kind": "linear", "bands": [[0, 1]]}, "Chỉ cách tính “bands”"),
        ({"kind": "bands"}, "ít nhất một mức"),
        ({"kind": "bands", "bands": [[0.5]]}, "Mức 1 phải là"),
        ({"kind": "bands", "bands": [["x", 1]]}, "Mức 1 phải là"),
        ({"kind": "bands", "bands": [[1.5, 1]]}, "từ 0 đến 1"),
        ({"kind": "bands", "bands": [[0.5, -1]]}, "không được âm"),
        ({"kind": "bands", "bands": [[0.5, 12]]}, "quá điểm tối đa"),
        ({"kind": "bands", "bands": [[0.5, 5], [0.9, 8]]}, "nhỏ hơn của mức trước"),
    ],
)
def test_a_scale_with_a_mistake_is_reported_in_vietnamese(scale: object, fragment: str) -> None:
    errors = scale_errors(scale, max_points=TEN)
    assert any(fragment in error for error in errors), errors


def test_points_refuse_an_invalid_scale() -> None:
    with pytest.raises(ValueError, match="invalid scale"):
        points(Ratio(1, 1), max_points=TEN, scale={"kind": "steps"})
