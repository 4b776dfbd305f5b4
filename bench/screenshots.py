"""The README's screenshots (docs/screenshots/), taken from the demo in a temporary database.

    PYTHONPATH=src .venv/bin/python bench/screenshots.py              # every shot
    PYTHONPATH=src .venv/bin/python bench/screenshots.py schedule-phone --scale 0

It loads the demo into a temporary SQLite database (as `make run` does, static files
collected), serves it on a free local port, and drives Debian's chromium through Playwright
(VANPHONG_CHROMIUM, like the browser tests). Nothing is downloaded. `--scale` is the demo's
VANPHONG_DEMO_SCALE: 0 skips the year of documents (faster; enough for the schedule shots).

A shot is a function taking a `Shots` and registered with `@shot("name")`: it writes
`<out>/<name>.png`. To add one, e.g. the home page of a clerk:

    @shot("home")
    def home(shots: Shots) -> None:
        page = shots.page("vt.tinhuy", width=1366, height=768)
        page.goto(shots.url("/"))
        shots.save(page, "home")
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("VANPHONG_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The week of the demo's story: the Office review conference on the afternoon of the 16th.
STORY_MONDAY = date(2012, 2, 13)

SHOTS: dict[str, Callable[[Shots], None]] = {}


def shot(name: str) -> Callable[[Callable[[Shots], None]], Callable[[Shots], None]]:
    def register(function: Callable[[Shots], None]) -> Callable[[Shots], None]:
        SHOTS[name] = function
        return function

    return register


class Shots:
    """What a shot needs: the demo's address, pages logged in as a persona, where to save."""

    def __init__(self, browser: Any, base: str, out: Path) -> None:
        self.browser = browser
        self.base = base
        self.out = out
        self.contexts: list[Any] = []

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def page(
        self, username: str, *, width: int = 1366, height: int = 768, mobile: bool = False
    ) -> Any:
        """A new page logged in as the demo persona `username` (password: the demo's)."""
        from vanphong.demo.scenario import DEMO_PASSWORD

        context = self.browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=2 if mobile else 1,
            is_mobile=mobile,
            has_touch=mobile,
            locale="vi-VN",
        )
        self.contexts.append(context)
        page = context.new_page()
        page.goto(self.url("/dang-nhap/"))
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name="Đăng nhập").click()
        return page

    def path(self, name: str) -> Path:
        self.out.mkdir(parents=True, exist_ok=True)
        return self.out / f"{name}.png"

    def save(self, page: Any, name: str, *, full_page: bool = False) -> None:
        page.screenshot(path=str(self.path(name)), full_page=full_page)
        print(f"  {self.path(name)}")

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def _story_week() -> Any:
    from vanphong.planning.models import Schedule

    return Schedule.objects.get(
        committee__parent=None, kind="leaders", monday=STORY_MONDAY
    ).versions.order_by("-number")[0]


@shot("home-clerk")
def home_clerk(shots: Shots) -> None:
    """The provincial Office clerk's morning: the inbox the demo's living present fills."""
    page = shots.page("vt.tinhuy", width=1366, height=768)
    page.goto(shots.url("/"))
    shots.save(page, "home-clerk", full_page=True)


@shot("home-leader")
def home_leader(shots: Shots) -> None:
    """The Party Secretary's morning: what is presented to him and today's schedule."""
    page = shots.page("bithu.tinhuy", width=1366, height=768)
    page.goto(shots.url("/"))
    shots.save(page, "home-leader", full_page=True)


@shot("schedule-phone")
def schedule_phone(shots: Shots) -> None:
    """The week on a phone (375×812), as the provincial Office's clerk reads it."""
    version = _story_week()
    page = shots.page("vt.tinhuy", width=375, height=812, mobile=True)
    page.goto(shots.url(f"/ke-hoach/lich/{version.schedule.uuid}/"))
    # From the week's title down: the menu above it is the same on every page.
    page.evaluate(
        "window.scrollTo(0, document.querySelector('[data-testid=week-title]')"
        ".getBoundingClientRect().top + window.scrollY - 8)"
    )
    shots.save(page, "schedule-phone")


@shot("schedule-print")
def schedule_print(shots: Shots) -> None:
    """The first page of the printed week (PDF), rendered by pdfium (pypdfium2, a test
    dependency), as the clerk prints it."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    version = _story_week()
    page = shots.page("vt.tinhuy")
    response = page.request.get(shots.url(f"/ke-hoach/lich/ban/{version.uuid}/in.pdf"))
    assert response.ok, response.status
    document = pdfium.PdfDocument(io.BytesIO(response.body()))
    try:
        image = document[0].render(scale=150 / 72).to_pil()  # 150 dpi
    finally:
        document.close()
    image.save(shots.path("schedule-print"))
    print(f"  {shots.path('schedule-print')}")


def _setup(scale: float | None) -> None:
    var = Path(tempfile.mkdtemp(prefix="vanphong-shots-"))
    os.environ["VANPHONG_VAR_DIR"] = str(var)
    os.environ["VANPHONG_HTTPS"] = "0"
    os.environ["VANPHONG_DATABASE_URL"] = f"sqlite:///{var / 'shots.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "vanphong.settings"
    # Playwright's sync API keeps an event loop on this thread; the ORM calls between page
    # actions are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    if scale is not None:
        settings.VANPHONG_DEMO_SCALE = scale
    print(f"demo in {var} …")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)
    from vanphong.demo.scenario import load

    load()


@contextmanager
def _serving() -> Iterator[str]:
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class Quiet(WSGIRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), Quiet)
    server.set_app(get_wsgi_application())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"shots to take (default: all of {list(SHOTS)})")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scale", type=float, default=None, help="VANPHONG_DEMO_SCALE")
    args = parser.parse_args()
    unknown = set(args.names) - set(SHOTS)
    if unknown:
        parser.error(f"unknown shots: {sorted(unknown)}")
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing (set VANPHONG_CHROMIUM)", file=sys.stderr)
        return 1
    _setup(args.scale)
    from playwright.sync_api import sync_playwright

    with _serving() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        shots = Shots(browser, base, args.out)
        try:
            for name in args.names or list(SHOTS):
                print(name)
                SHOTS[name](shots)
        finally:
            shots.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
