from __future__ import annotations

from vanphong.core import paging


def test_the_links_show_the_ends_and_the_pages_around_the_current_one() -> None:
    pages = paging.pages(total=1000, number=10, per_page=50)
    assert (pages.count, pages.previous, pages.next) == (20, 9, 11)
    assert pages.links == [1, None, 8, 9, 10, 11, 12, None, 20]


def test_a_single_hidden_number_is_shown_rather_than_an_ellipsis() -> None:
    assert paging.pages(total=500, number=4, per_page=50).links == [1, 2, 3, 4, 5, 6, None, 10]


def test_an_empty_list_has_one_page_and_no_neighbours() -> None:
    pages = paging.pages(total=0, number=3, per_page=50)
    assert (pages.number, pages.count, pages.previous, pages.next) == (1, 1, None, None)
    assert pages.links == [1]


def test_an_unreadable_or_too_deep_page_number_gives_the_nearest_page() -> None:
    assert paging.pages(total=120, number="x", per_page=50).number == 1
    assert paging.pages(total=120, number="-2", per_page=50).number == 1
    assert paging.pages(total=120, number="99", per_page=50).number == 3
    assert (paging.pages(total=120, number="3", per_page=50).start, 120 // 50 * 50) == (100, 100)


def test_a_list_that_stops_early_offers_no_deeper_page() -> None:
    pages = paging.Pages(total=5000, number=50, per_page=20, most=50)
    assert (pages.count, pages.next) == (50, None)
