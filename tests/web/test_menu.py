"""The navigation bar: every page a person goes to has an item, each person is offered exactly
what their posts let them use, the current section is marked, and the menu costs no query."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.support.personas import Personas, cast
from tests.support.web import page_queries
from vanphong.org.models import Person
from vanphong.web.menu import OUTSIDE_DROPDOWNS, SECTIONS

# Pages with no parameter that are deliberately not in the menu, each with the reason.
NOT_IN_MENU = {
    "web:login",  # for a visitor not signed in: the bar is empty then
    "web:logout",  # a POST, the bar's "Đăng xuất" button
    "web:notices_badge",  # a fragment loaded into the bell by htmx
    "web:healthz",  # for the load balancer
    "account:password",  # a POST from the account page's form
    "account:notice_email",  # a POST from the account page's notice-email section
    "search:suggest",  # a fragment the search box loads as one types
    "documents:incoming_senders",  # a fragment the sender box loads as one types
    "directives:directive_track",  # a POST from a document's page ("Theo dõi")
    "core:calendar_day_create",  # an action of the working-day calendar's page
    "org:unit_create",  # an action of the units page
    "org:person_create",  # an action of the people page
    "set_language",  # a POST from the footer's language selector
    "emulation:bloc_create",  # an action of the blocs page
    "emulation:criteria_set_create",  # an action of the criteria sets page
    "emulation:proposal_create",  # an action of the proposals page
    "emulation:award_add",  # an action of the register of awards
    "emulation:awards_export",  # the register's XLSX, a button on its page
    "archives:plan_create",  # a POST from the file plans page
    "archives:file_open",  # an action of the files page
    "archives:file_add_item",  # "Đưa vào hồ sơ", reached from a document's page
    "archives:transfer_create",  # an action of the transfers page
    "archives:disposal_propose",  # an action of the disposals page
    "archives:hold_create",  # an action of the holds page
    "archives:register_transfers_xlsx",  # the register's files, buttons on its page
    "archives:register_transfers_pdf",
    "archives:register_disposals_xlsx",
    "archives:register_disposals_pdf",
    "archives:preservation_start",  # a POST from the preservation page
}


def _pages_without_parameters() -> set[str]:
    """Every named route that takes no argument (a per-object page takes one)."""
    found: set[str] = set()

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                walk(pattern.url_patterns, namespace)
            elif pattern.name and not pattern.pattern.regex.groupindex:
                found.add(f"{prefix}{pattern.name}")

    walk(get_resolver().url_patterns, "")
    # The JSON API's operations are for programs, not pages a person opens.
    return {name for name in found if not name.startswith("api:")}


MENU_NAMES = {item.url_name for s in SECTIONS for item in s.items} | set(OUTSIDE_DROPDOWNS)


def test_every_page_without_parameters_is_in_the_menu_or_listed_as_not_meant_to_be() -> None:
    pages = _pages_without_parameters()
    assert pages - MENU_NAMES - NOT_IN_MENU == set()
    # The lists hold no stale name either.
    assert NOT_IN_MENU - pages == set()
    assert MENU_NAMES - pages == set()


def _menu_links(body: str) -> set[str]:
    bar = body.split('<nav class="navbar', 1)[1].split("</nav>", 1)[0]
    return (
        set(re.findall(r'class="(?:dropdown-item|navbar-brand)[^"]*" href="([^"]+)"', bar))
        | set(re.findall(r'action="([^"]+)"', bar))
        | set(re.findall(r'href="([^"]+)"[^>]*data-testid="notices-link"', bar))
    )


ALWAYS = {"web:home", "search:results", "web:notices", "web:logout"}
EVERYONE = ALWAYS | {
    "planning:schedules",
    "planning:programmes",
    "planning:monthly_plans",
    "planning:rooms",
    "core:calendar",
    "account:credentials",
    "planning:feeds",
}
WORKS = EVERYONE | {
    "documents:incoming_book",
    "documents:inbox",
    "documents:outgoing_book",
    "documents:outgoing_create",
    "documents:outgoing_mine",
    "documents:register",
    "documents:handling_stats",
    "directives:directives",
    "directives:tasks",
    "directives:my_unit",
    "directives:leaders",
    # Every working post reads emulation (emulation.workflow.READER_ROLES).
    "emulation:home",
    "emulation:proposals",
    "emulation:awards",
    "emulation:reviews",
    # Every working post compiles and reads files (archives.selectors scope them).
    "archives:plan_list",
    "archives:file_list",
    "archives:transfer_due",
    "archives:transfer_list",
    "archives:access_catalogue",
    "archives:access_requests",
    "archives:register_holdings",
    "archives:retention_list",
}
# An archivist's or a leader's post: the archive's queues, disposals, holds and registers.
ARCHIVES_KEEP = {
    "archives:access_queue",
    "archives:access_loans",
    "archives:disposal_list",
    "archives:hold_list",
    "archives:register_transfers",
    "archives:register_disposals",
}
# An emulation officer's or an Office leader's post keeps the blocs and the criteria.
EMULATION_ACTS = {"emulation:blocs", "emulation:criteria_sets"}
CLERK = WORKS | {
    "documents:incoming_register",
    "documents:queue",
    "documents:outgoing_awaiting_issue",
}
# Everyone holding a post of petitions.workflow.PETITION_ROLES: leaders, reception officers.
PETITIONS = {
    "petitions:letters",
    "petitions:fields",
    "petitions:sessions",
    "petitions:session_plan",
    "petitions:session_record",
    "petitions:reception_register",
    "petitions:follow_up",  # a leader of the Office or the committee sees its letters
    "petitions:reports",  # and their reports
}
LEADER = (
    WORKS
    | PETITIONS
    | ARCHIVES_KEEP
    | {
        "documents:presented_to_me",
        "documents:assigned_by_me",
        "documents:outgoing_awaiting_approval",
        "directives:delegations",
    }
)
ADMIN = EVERYONE | {"org:units", "org:people", "org:requests"}

PERSONAS = {
    "province_clerk": CLERK,
    "chau_thanh_clerk": CLERK,
    "province_leader": LEADER,
    "chau_thanh_specialist": WORKS,
    "province_admin": ADMIN,
    "chau_thanh_admin": ADMIN,
    "superuser": ADMIN,
}


@pytest.mark.parametrize(("persona", "allowed"), list(PERSONAS.items()))
def test_each_person_is_offered_exactly_what_they_may_use_and_every_item_answers(
    client: Client, people: Personas, persona: str, allowed: set[str]
) -> None:
    person: Person = getattr(people, persona)
    client.force_login(person)
    links = _menu_links(client.get(reverse("web:home")).content.decode())
    assert links == {reverse(name) for name in allowed}
    for link in links - {reverse("web:logout")}:
        response = client.get(link, follow=True)
        assert response.status_code == 200, link


def test_the_chief_of_office_a_leader_of_the_office_is_offered_the_leaders_items(
    client: Client, people: Personas
) -> None:
    client.force_login(cast(people, "cvp.tinh"))
    links = _menu_links(client.get(reverse("web:home")).content.decode())
    assert links == {reverse(name) for name in LEADER | EMULATION_ACTS}


def test_a_leader_is_not_offered_the_clerks_registration_that_would_refuse_them(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_leader)
    body = client.get(reverse("web:home")).content.decode()
    assert reverse("documents:incoming_register") not in body
    assert reverse("documents:queue") not in body


def test_the_current_page_and_its_section_are_marked(client: Client, people: Personas) -> None:
    client.force_login(people.province_clerk)
    body = client.get(reverse("documents:register")).content.decode()
    current = re.findall(
        r'<a class="dropdown-item active" href="([^"]+)" aria-current="page"', body
    )
    assert current == [reverse("documents:register")]
    sections = re.findall(
        r'data-section="(\w+)">\s*<button class="nav-link dropdown-toggle active"', body
    )
    assert sections == ["documents"]
    assert body.count('aria-current="page"') == 1


def test_a_page_not_in_the_menu_marks_its_section_by_its_namespace(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_admin)
    body = client.get(reverse("org:unit_detail", args=[people.province.uuid])).content.decode()
    sections = re.findall(
        r'data-section="(\w+)">\s*<button class="nav-link dropdown-toggle active"', body
    )
    assert sections == ["org"]
    assert 'aria-current="page"' not in body


def test_the_calendar_links_page_marks_the_account_not_the_schedules(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_clerk)
    body = client.get(reverse("planning:feeds")).content.decode()
    sections = re.findall(
        r'data-section="(\w+)">\s*<button class="nav-link dropdown-toggle active"', body
    )
    assert sections == ["account"]


def test_the_home_page_marks_the_brand_as_current(client: Client, people: Personas) -> None:
    client.force_login(people.province_clerk)
    body = client.get(reverse("web:home")).content.decode()
    assert 'aria-current="page" title="Trang chủ">vanphong</a>' in body


def test_the_menu_costs_the_same_queries_whatever_the_number_of_items(
    client: Client, people: Personas
) -> None:
    # The calendar page shows the same content to everyone: only the menu differs, between a
    # specialist's short menu and a clerk's or an administrator's longer one.
    counts = set()
    for person in (people.chau_thanh_specialist, people.province_clerk, people.province_leader):
        client.force_login(person)
        counts.add(page_queries(client, reverse("core:calendar")))
    assert len(counts) == 1


def test_the_documents_tabs_offer_a_leader_no_clerks_step_and_a_clerk_no_leaders_one(
    client: Client, people: Personas
) -> None:
    client.force_login(people.province_leader)
    tabs = client.get(reverse("documents:outgoing_book")).content.decode().split("</nav>", 1)[1]
    assert reverse("documents:queue") not in tabs
    assert reverse("documents:outgoing_awaiting_issue") not in tabs
    assert reverse("documents:outgoing_awaiting_approval") in tabs
    client.force_login(people.province_clerk)
    tabs = client.get(reverse("documents:outgoing_book")).content.decode().split("</nav>", 1)[1]
    assert reverse("documents:queue") in tabs
    assert reverse("documents:presented_to_me") not in tabs
    assert reverse("documents:outgoing_awaiting_approval") not in tabs


def test_a_reception_officer_is_offered_the_letters_pages(client: Client, people: Personas) -> None:
    client.force_login(cast(people, "td.tinh"))
    links = _menu_links(client.get(reverse("web:home")).content.decode())
    assert links == {reverse(name) for name in WORKS | PETITIONS | {"petitions:letter_register"}}


def test_an_archivist_is_offered_the_archives_queues_disposals_holds_and_registers(
    client: Client, people: Personas
) -> None:
    client.force_login(cast(people, "lt.tinh"))
    links = _menu_links(client.get(reverse("web:home")).content.decode())
    # emulation.workflow.READER_ROLES names the posts that read emulation: not the archivist's.
    emulation = {name for name in WORKS if name.startswith("emulation:")}
    preservation = {"archives:preservation"}  # the fixity and OCR reports: archivists only
    assert links == {reverse(name) for name in (WORKS - emulation) | ARCHIVES_KEEP | preservation}
    for link in links - {reverse("web:logout")}:
        assert client.get(link, follow=True).status_code == 200, link
