"""Page numbers for a list: the total, the page shown, and the numbered links around it.

Every paginated list renders `web/_pagination.html` with a `Pages`:

    pages = paging.pages(total=found.count(), number=request.GET.get("trang"), per_page=50)
    rows = found[pages.start : pages.end]
    {% include "web/_pagination.html" with pages=pages noun=_("văn bản") %}

The include keeps the page's other query parameters (filters) in every link.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page

PARAM = "trang"  # the page number's query parameter on every list
AROUND = 2  # numbered links either side of the current page; the rest collapse to "…"


@dataclass(frozen=True)
class Pages:
    total: int  # items in the whole list
    number: int  # the page shown, from 1
    per_page: int
    most: int = 0  # the deepest page offered, when a list stops before its end (search)

    @property
    def count(self) -> int:
        count = max(1, -(-self.total // self.per_page))
        return min(count, self.most) if self.most else count

    @property
    def start(self) -> int:
        return (self.number - 1) * self.per_page

    @property
    def end(self) -> int:
        return self.start + self.per_page

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None

    @property
    def links(self) -> list[int | None]:
        """1 … 4 5 [6] 7 8 … 20: the first, the last and AROUND either side of the current
        page; None where numbers are left out."""
        shown = {1, self.count, *range(self.number - AROUND, self.number + AROUND + 1)}
        numbers = sorted(n for n in shown if 1 <= n <= self.count)
        links: list[int | None] = []
        for n in numbers:
            if links and n - (links[-1] or 0) == 2:
                links.append(n - 1)  # one number hidden reads better shown than as "…"
            elif links and n - (links[-1] or 0) > 2:
                links.append(None)
            links.append(n)
        return links


def page_number(raw: str | None) -> int:
    """The asked page from the query parameter: 1 for anything that is not a number ≥ 1."""
    try:
        return max(1, int(raw or 1))
    except ValueError:
        return 1


def pages(*, total: int, number: int | str | None, per_page: int) -> Pages:
    """The pages of a list of `total` items; a page beyond the last shows the last."""
    asked = number if isinstance(number, int) else page_number(number)
    last = max(1, -(-total // per_page))
    return Pages(total=total, number=min(max(1, asked), last), per_page=per_page)


def of_page(page: Page) -> Pages:  # type: ignore[type-arg]
    """The pages of a Django paginator's page (its count is the query it already ran)."""
    paginator = page.paginator
    return Pages(total=paginator.count, number=page.number, per_page=paginator.per_page)
