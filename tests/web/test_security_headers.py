"""Every response carries the Content-Security-Policy, no page relies on inline script or style
(which it forbids), and every download is `Cache-Control: no-store`.

The pages are found by crawling the demo scenario as several of its people, following every
link, htmx address and GET form from the home page, so a new page is checked without being
listed here."""

from __future__ import annotations

import io
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.db import transaction
from django.http import HttpResponseBase
from django.test import Client, override_settings
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from pytest_django import DjangoDbBlocker

import vanphong
from tests.support.files import PDF
from vanphong.api.services import token_create
from vanphong.core.files import store
from vanphong.demo import directives, scenario
from vanphong.directives.models import Directive, ProgressReport, ReportFile
from vanphong.documents.models import Attachment, IncomingDocument
from vanphong.org.models import Person
from vanphong.planning.models import ScheduleVersion, VersionStatus

pytestmark = pytest.mark.django_db
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SRC = Path(vanphong.__file__).resolve().parent
POLICY = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
}
NUMBERS = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+")
# The province's clerk (documents), its Office's leader (schedules, directives) and the
# administrator (organisation): between them every kind of page is reachable.
CRAWLERS = ["vt.tinhuy", "cvp.tinhuy", "quantri"]


@dataclass
class Demo:
    attachment: Attachment
    report_file: ReportFile


@pytest.fixture(scope="module")
def demo(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Demo]:
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(MEDIA_ROOT=media):
        with override_settings(VANPHONG_DEMO_SCALE=0, PASSWORD_HASHERS=FAST_HASHERS):
            scenario.load()
        directives.load()
        # Files as an older release stored them: under the name the sender gave.
        clerk = Person.objects.get(username="vt.tinhuy")
        incoming = IncomingDocument.objects.filter(unit__memberships__person=clerk).first()
        assert incoming is not None
        stored = store(io.BytesIO(PDF)).stored
        attachment = Attachment.objects.create(
            file=stored, filename="bao-cao.html", incoming=incoming, uploaded_by=clerk
        )
        report = ProgressReport.objects.first()
        assert report is not None
        report_file = ReportFile.objects.create(report=report, file=stored, filename="x.html")
        yield Demo(attachment, report_file)
        transaction.set_rollback(True)


class _Page(HTMLParser):
    """The links of a page, and what in it the policy would refuse."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.refused: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "script" and "src" not in values:
            self.refused.append("inline <script>")
        if tag == "style":
            self.refused.append("<style> element")
        for name, value in values.items():
            if name.startswith("on") or name.startswith("hx-on") or name == "style":
                self.refused.append(f"<{tag} {name}=…>")
            if value.strip().lower().startswith("javascript:"):
                self.refused.append(f"<{tag} {name}=javascript:…>")
        for name in ("href", "hx-get", "src"):
            if values.get(name):
                self.links.append(values[name])
        if tag == "form" and values.get("method", "get").lower() == "get":
            self.links.append(values.get("action") or "")


@dataclass
class Crawl:
    responses: list[tuple[str, HttpResponseBase]] = field(default_factory=list)
    views: set[str] = field(default_factory=set)


def _pages_without_parameters(
    patterns: list[URLPattern | URLResolver] | None = None, prefix: str = "/"
) -> Iterator[str]:
    """Every address of the URL conf that takes no parameter: pages no link leads to as well."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = str(pattern.pattern)
        if "<" in route or "(?P" in route or route.startswith(("api/", "i18n/")):
            continue
        path = prefix + route.lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from _pages_without_parameters(pattern.url_patterns, path)
        else:
            yield path


def _crawl(client: Client, limit: int = 200) -> Crawl:
    """Every page reachable from the URL conf's fixed addresses, following links, htmx addresses
    and GET forms; one page per address pattern (numbers, UUIDs and query values aside)."""
    crawl = Crawl()
    queue, seen = deque(["/", *_pages_without_parameters()]), set()
    while queue and len(crawl.responses) < limit:
        url = queue.popleft()
        parts = urlsplit(url)
        key = (NUMBERS.sub("#", parts.path), tuple(sorted(parse_qs(parts.query))))
        if key in seen:
            continue
        seen.add(key)
        try:
            crawl.views.add(resolve(parts.path).view_name)
        except Resolver404:
            continue
        response = client.get(url)
        crawl.responses.append((url, response))
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = _Page()
        page.feed(response.content.decode())
        assert page.refused == [], url
        for link in page.links:
            target = urlsplit(urljoin(f"http://testserver{url}", link))
            if target.netloc == "testserver" and not target.path.startswith(("/static/", "/i18n/")):
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return crawl


def test_every_page_has_the_policy_and_nothing_inline_it_would_refuse(
    demo: Demo, client: Client
) -> None:
    reached: set[str] = set()
    for username in CRAWLERS:
        client.force_login(Person.objects.get(username=username))
        crawl = _crawl(client)
        for url, response in crawl.responses:
            assert _policy(response) == POLICY, url
            if response.get("Content-Disposition", "").startswith("attachment"):
                assert "no-store" in response["Cache-Control"], url
        reached |= crawl.views
    # The crawl itself is checked: it must have reached every kind of page.
    assert {
        "web:home",
        "documents:incoming_book",
        "documents:register",
        "documents:handling_stats",
        "planning:schedule",
        "planning:lobby",
        "planning:print",
        "planning:programme",
        "directives:directive_dashboard",
        "directives:task",
        "org:units",
        "core:calendar",
        "search:results",
    } <= reached


def test_anonymous_pages_errors_and_the_api_carry_the_policy_too(client: Client, db: None) -> None:
    for path in ("/dang-nhap/", "/khong-co/", "/api/v1/openapi.json", "/"):
        assert _policy(client.get(path)) == POLICY, path


def test_no_template_has_inline_script_style_or_handlers() -> None:
    refused = re.compile(
        r"<script(?![^>]*\ssrc=)[^>]*>|<style|<[^>]*\s(on[a-z]+|style|hx-on[:\w-]*)\s*=|javascript:",
        re.IGNORECASE,
    )
    templates = list(SRC.glob("*/templates/**/*.html"))
    assert len(templates) > 50
    found = []
    for template in templates:
        text = re.sub(r"\{#.*?#\}", "", template.read_text())
        found += [f"{template.relative_to(SRC)}: {m.group(0)}" for m in refused.finditer(text)]
    assert found == []


def test_htmx_is_told_not_to_inject_styles_or_evaluate_code(demo: Demo, client: Client) -> None:
    client.force_login(Person.objects.get(username="cvp.tinhuy"))
    version = ScheduleVersion.objects.filter(status=VersionStatus.PUBLISHED).first()
    assert version is not None
    lobby = reverse("planning:lobby", args=[version.schedule.committee.uuid])
    for path in ("/", lobby):
        body = client.get(path).content.decode()
        assert '"includeIndicatorStyles":false' in body
        assert '"allowEval":false' in body


def _policy(response: HttpResponseBase) -> set[str]:
    return {part.strip() for part in response["Content-Security-Policy"].split(";")}


def _assert_download_not_stored(response: HttpResponseBase) -> None:
    assert response.status_code == 200, getattr(response, "content", b"")[:300]
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_register_downloads_are_not_stored(demo: Demo, client: Client) -> None:
    clerk = Person.objects.get(username="vt.tinhuy")
    office = clerk.memberships.get().unit
    client.force_login(clerk)
    for file_format in ("xlsx", "pdf"):
        page = reverse("documents:register")
        _assert_download_not_stored(
            client.get(f"{page}?loai=den&don-vi={office.uuid}&dinh-dang={file_format}")
        )
        token = token_create(actor=clerk, person=clerk, name="t").token
        _assert_download_not_stored(
            client.get(
                f"/api/v1/van-ban/so-sach/den?unit={office.uuid}&format={file_format}",
                headers={"Authorization": f"Bearer {token}"},
            )
        )


def test_review_downloads_are_not_stored(demo: Demo, client: Client) -> None:
    leader = Person.objects.get(username="cvp.tinhuy")
    directive = Directive.objects.filter(unit__parent=None, programme=None).first()
    assert directive is not None
    start = directive.document_date
    end = start + timedelta(days=60)
    client.force_login(leader)
    page = reverse("directives:review", args=[directive.uuid])
    _assert_download_not_stored(
        client.get(f"{page}?loai=so-ket&tu={start:%d/%m/%Y}&den={end:%d/%m/%Y}")
    )
    token = token_create(actor=leader, person=leader, name="t").token
    _assert_download_not_stored(
        client.get(
            f"/api/v1/nhiem-vu/van-ban/{directive.uuid}/bao-cao?loai=so-ket&tu={start}&den={end}",
            headers={"Authorization": f"Bearer {token}"},
        )
    )


def test_schedule_prints_are_not_stored(demo: Demo, client: Client) -> None:
    leader = Person.objects.get(username="cvp.tinhuy")
    version = ScheduleVersion.objects.filter(status=VersionStatus.PUBLISHED).first()
    assert version is not None
    client.force_login(leader)
    token = token_create(actor=leader, person=leader, name="t").token
    for file_format in ("pdf", "docx"):
        _assert_download_not_stored(
            client.get(reverse("planning:print", args=[version.uuid, file_format]))
        )
        _assert_download_not_stored(
            client.get(
                f"/api/v1/ke-hoach/lich/ban/{version.uuid}/tep?format={file_format}",
                headers={"Authorization": f"Bearer {token}"},
            )
        )


def test_stored_files_go_out_not_stored_under_the_name_of_their_detected_type(
    demo: Demo, client: Client
) -> None:
    clerk = Person.objects.get(username="vt.tinhuy")
    client.force_login(clerk)
    token = token_create(actor=clerk, person=clerk, name="t").token
    attachment = demo.attachment
    assert attachment.incoming is not None
    for response in (
        client.get(reverse("documents:attachment", args=[attachment.uuid])),
        client.get(
            f"/api/v1/van-ban/den/{attachment.incoming.uuid}/tep/{attachment.uuid}",
            headers={"Authorization": f"Bearer {token}"},
        ),
    ):
        _assert_download_not_stored(response)
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="bao-cao.pdf"'


def test_report_files_go_out_not_stored_under_the_name_of_their_detected_type(
    demo: Demo, client: Client
) -> None:
    report_file = demo.report_file
    task = report_file.report.task
    viewer = Person.objects.filter(
        memberships__unit=task.lead_unit, memberships__ends_on=None
    ).first()
    assert viewer is not None
    client.force_login(viewer)
    response = client.get(reverse("directives:report_file", args=[report_file.uuid]))
    _assert_download_not_stored(response)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="x.pdf"'
