"""A bar says its figures in words: to screen readers, and to whoever cannot tell its colours."""

from __future__ import annotations

from vanphong.directives import charts
from vanphong.directives.stats import Counts


def test_a_bar_is_named_with_its_row_its_total_and_each_figure() -> None:
    bar = charts.bar("Huyện ủy Châu Thành", "", Counts(on_time=3, overdue=1), link="/nhiem-vu/?a=1")
    assert 'role="group"' in bar.svg
    assert 'aria-label="Huyện ủy Châu Thành: 4 — Đúng hạn: 3; Quá hạn: 1"' in bar.svg
    # Each segment is a link named by its figure, reachable and announced on its own.
    assert '<a href="/nhiem-vu/?a=1&amp;loai=overdue" aria-label="Quá hạn: 1">' in bar.svg


def test_a_segment_without_a_link_is_still_named() -> None:
    bar = charts.bar("Văn phòng", "", Counts(late=2), link="")
    assert '<g role="img" aria-label="Trễ hạn: 2">' in bar.svg
    assert "<a " not in bar.svg


def test_an_empty_bar_says_its_total_of_nothing() -> None:
    bar = charts.bar("Văn phòng", "", Counts(), link="")
    assert 'aria-label="Văn phòng: 0"' in bar.svg
