"""Pages work in chromium under the Content-Security-Policy, and it refuses nothing they do:
htmx and Bootstrap start, the lobby reloads its week, the version picker submits itself."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.support.browser import login
from tests.support.planning import PlanWorld, build_world
from vanphong.planning import services_schedule
from vanphong.planning.models import Schedule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any page script, outside the policy (DevTools injects it): records each refusal.
WATCH = """
window.__refused = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__refused.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
});
"""


@pytest.fixture
def world() -> PlanWorld:
    world = build_world()
    # This week, published and then amended: the lobby shows it, the page has two versions.
    version = services_schedule.schedule_open(
        actor=world.specialist,
        committee=world.province,
        kind="leaders",
        day=timezone.localdate(),
    )
    monday = version.schedule.monday
    services_schedule.entry_add(
        actor=world.specialist, version=version, data=world.data(day=monday)
    )
    services_schedule.schedule_approve(actor=world.chief, version=version)
    services_schedule.schedule_publish(actor=world.chief, version=version)
    services_schedule.schedule_amend(actor=world.specialist, version=version, note="Đổi giờ họp")
    return world


def _this_week(world: PlanWorld) -> Schedule:
    return Schedule.objects.get(
        committee=world.province,
        kind="leaders",
        monday__lte=timezone.localdate(),
        monday__gt=timezone.localdate() - timedelta(days=7),
    )


def _refused(page: Any) -> list[str]:
    return list(page.evaluate("window.__refused"))


def test_pages_run_under_the_policy_without_a_refusal(
    page: Any, live_server: Any, world: PlanWorld
) -> None:
    base = live_server.url
    page.add_init_script(WATCH)
    login(page, base, world.chief)
    schedule = _this_week(world)
    for path in ("/", "/ke-hoach/lich/", f"/ke-hoach/lich/{schedule.uuid}/", "/to-chuc/"):
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("typeof window.htmx") == "object", path
        assert page.evaluate("typeof window.bootstrap") == "object", path
        assert _refused(page) == [], path

    # The search box asks for suggestions through htmx as one types.
    page.goto(f"{base}/")
    with page.expect_response(lambda response: "/tim-kiem/" in response.url):
        page.get_by_label("Tìm kiếm văn bản").fill("Họp")
    assert _refused(page) == []


def test_the_version_picker_submits_itself_without_an_inline_handler(
    page: Any, live_server: Any, world: PlanWorld
) -> None:
    base = live_server.url
    page.add_init_script(WATCH)
    login(page, base, world.chief)
    schedule = _this_week(world)
    page.goto(f"{base}/ke-hoach/lich/{schedule.uuid}/")
    with page.expect_navigation():
        page.get_by_label("Xem bản").select_option(value="1")
    assert "ban=1" in page.url
    assert _refused(page) == []


def test_the_lobby_shows_the_week_and_reloads_it_under_the_policy(
    page: Any, live_server: Any, world: PlanWorld
) -> None:
    base = live_server.url
    page.add_init_script(WATCH)
    login(page, base, world.chief)
    page.clock.install()
    page.goto(f"{base}/ke-hoach/sanh/{world.province.uuid}/")
    lobby = page.get_by_test_id("lobby")
    assert "Họp Thường trực Tỉnh ủy" in lobby.inner_text()
    # A minute later htmx fetches the week again and swaps it in.
    with page.expect_response(lambda response: "/ke-hoach/sanh/" in response.url):
        page.clock.run_for("01:01")
    page.wait_for_load_state("networkidle")
    assert "Họp Thường trực Tỉnh ủy" in lobby.inner_text()
    assert page.evaluate("document.querySelectorAll('style').length") == 0
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "21.6px"
    assert _refused(page) == []
