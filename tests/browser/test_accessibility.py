"""axe-core (from the npm registry, installed by `make test` into node_modules) finds no
serious or critical accessibility violation on the main pages, for a clerk, a leader and an
administrator; and the administrator's and the clerk's menus fit one line at 1366 px."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.petitions import letters
from tests.support.browser import login
from tests.support.directives import district_task
from tests.support.documents import DocWorld, build_world, register
from tests.support.petitions import PetitionWorld, build_petition_world
from vanphong.org.models import Person
from vanphong.petitions import services_forward
from vanphong.petitions import services_handling as handling
from vanphong.planning import services_schedule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Runs axe over the whole page; returns the serious and critical violations, each with the
# first few elements at fault, so that a failure says what to fix.
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3)
      .map((n) => n.target.join(" ")).join(" | ")}`);
}"""


@pytest.fixture
def axe(page: Any) -> Any:
    if not AXE.exists():
        if os.environ.get("VANPHONG_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{AXE} is missing; `make test` installs it with `npm ci`")
        pytest.skip("axe-core is not installed (npm ci)")
    # DevTools injects it before the page's scripts, outside the Content-Security-Policy.
    page.add_init_script(path=str(AXE))
    return page


@pytest.fixture
def world() -> DocWorld:
    return build_world()


def _violations(page: Any, base: str, address: str) -> list[str]:
    response = page.goto(f"{base}{address}")
    assert response is not None
    assert response.status == 200, address
    return [f"{address}: {line}" for line in page.evaluate(RUN_AXE)]


def _work_pages(world: DocWorld) -> list[str]:
    document = register(world)
    task = district_task(world)
    version = services_schedule.schedule_open(
        actor=world.chau_thanh_office_leader,
        committee=world.chau_thanh,
        kind="leaders",
        day=timezone.localdate(),
    )
    return [
        reverse("web:home"),
        reverse("documents:incoming_book") + "?nam=2012",
        reverse("documents:outgoing_book"),
        reverse("documents:incoming_detail", args=[document.uuid]),
        reverse("planning:schedules"),
        reverse("planning:schedule", args=[version.schedule.uuid]),
        reverse("directives:directives"),
        reverse("directives:task", args=[task.uuid]),
        reverse("directives:directive_dashboard", args=[task.directive.uuid]),  # a chart
        reverse("directives:leaders"),
        reverse("documents:register"),
        reverse("documents:handling_stats"),
        reverse("search:results") + "?q=b%E1%BA%A7u+c%E1%BB%AD",
        reverse("account:credentials"),
    ]


ADMIN_PAGES = (
    "web:home",
    "org:units",
    "org:people",
    "planning:schedules",
    "core:calendar",
    "search:results",
    "account:credentials",
)


def test_the_main_pages_have_no_serious_accessibility_violation(
    axe: Any, live_server: Any, world: DocWorld
) -> None:
    base = live_server.url
    found = _violations(axe, base, reverse("web:login"))
    pages = _work_pages(world)
    people: list[tuple[Person, list[str]]] = [
        (world.chau_thanh_clerk, pages),
        (world.chau_thanh_leader, pages),
        (world.chau_thanh_admin, [reverse(name) for name in ADMIN_PAGES]),
    ]
    for person, addresses in people:
        login(axe, base, person)
        for address in addresses:
            found += _violations(axe, base, address)
    assert found == []


def _petitions_pages(world: PetitionWorld) -> list[str]:
    """The petitions' main pages, with a denunciation forwarded and an ordinary letter new."""
    officer = world.province_reception
    letters.register(world)
    letter = letters.denunciation(world)
    handling.letter_take(actor=officer, letter=letter)
    handling.letter_classify(actor=officer, letter=letter, eligibility="eligible")
    services_forward.letter_forward(
        actor=officer,
        letter=letter,
        to_body="Ủy ban Kiểm tra Tỉnh ủy",
        forwarded_on=letters.RECEIVED,
    )
    return [
        reverse("petitions:letters"),
        reverse("petitions:letters") + "?han=overdue",
        reverse("petitions:letter", args=[letter.uuid]),
        reverse("petitions:letter_register"),
        reverse("petitions:letter_forward", args=[letter.uuid]),
        reverse("petitions:follow_up"),
        reverse("petitions:sessions"),
        reverse("petitions:reception_register"),
        reverse("petitions:reports"),
        reverse("petitions:reports")
        + f"?don-vi={world.province_office.uuid}&ky=nam&nam={letters.RECEIVED.year}",
    ]


def test_the_petitions_pages_have_no_serious_accessibility_violation(
    axe: Any, live_server: Any
) -> None:
    world = build_petition_world()
    base = live_server.url
    pages = _petitions_pages(world)
    found: list[str] = []
    # The letter's handler reads the denouncer and has its forms; the Office's head leads.
    for person in (world.province_reception, world.province_office_leader):
        login(axe, base, person)
        for address in pages:
            found += _violations(axe, base, address)
    assert found == []


def _navbar_lines(page: Any) -> float:
    """How many lines the bar's items take: its height over one item's."""
    return float(
        page.evaluate(
            """() => {
              const bar = document.querySelector("#nav-main");
              const item = bar.querySelector(".nav-link");
              return bar.getBoundingClientRect().height / item.getBoundingClientRect().height;
            }"""
        )
    )


@pytest.mark.parametrize("who", ["chau_thanh_admin", "province_admin", "chau_thanh_clerk"])
def test_the_menu_fits_one_line_at_1366_pixels(
    page: Any, live_server: Any, world: DocWorld, who: str
) -> None:
    person: Person = getattr(world, who)
    person.full_name = "Nguyễn Thị Phương Thảo Quản Trị"  # a long name, as real ones are
    person.save(update_fields=["full_name"])
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, live_server.url, person)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    assert _navbar_lines(page) < 2
    toggle = page.locator(".vp-navbar .dropdown-toggle").first
    top = toggle.bounding_box()["y"]
    logout = page.get_by_role("button", name="Đăng xuất").bounding_box()
    assert abs(logout["y"] - top) < 20  # the last item sits on the first one's line


def test_a_menu_opens_and_its_items_are_reached_from_the_keyboard(
    page: Any, live_server: Any, world: DocWorld
) -> None:
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, live_server.url, world.chau_thanh_clerk)
    toggle = page.get_by_role("button", name="Văn bản", exact=True)
    toggle.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Văn bản đến"
    # The focus ring shows: an outline, not Bootstrap's removed one.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(reverse("documents:incoming_book"))
