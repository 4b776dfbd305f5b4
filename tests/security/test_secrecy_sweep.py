"""The secrecy sweep: no list, count, message, export or notification names a secret document,
task, directive or schedule entry to a persona not cleared for it.

The world (sweep_world.py) is built once for the module; every GET route of the URL conf and of
the API schema is fetched as each persona (sweep.py); the POST-triggered messages (clashes,
duplicates), the search and the notifications and emails are checked on their own. The outputs
of the probe's findings (KNOWN) also have a test each, so a regression names its finding.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest
from django.core import mail
from django.test import Client

from tests.security import sweep as machinery
from tests.security.sweep import Leak, Route
from tests.security.sweep_world import CLEARED, KINDS, UNCLEARED, SweepWorld, marker, world
from vanphong.api.services import token_create
from vanphong.core.models import Notification
from vanphong.directives import reminders
from vanphong.directives import services as directive_services
from vanphong.directives import services_decisions as directive_services_decisions
from vanphong.directives import services_reports as directive_services_reports
from vanphong.documents import services_incoming as document_services_incoming
from vanphong.planning import services_schedule as planning_schedule
from vanphong.planning.conflicts import EntryData

__all__ = ["world"]  # the fixture, used by name


@pytest.fixture(scope="module")
def routes() -> list[Route]:
    found, _write_only = machinery.routes()
    return [route for route in found if route.name not in machinery.ALLOWED]


# --- the leaks being fixed elsewhere ----------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    branch: str
    personas: frozenset[str]
    kinds: frozenset[str]
    route: Callable[[str], bool]

    def covers(self, leak: Leak) -> bool:
        return leak.persona in self.personas and leak.kind in self.kinds and self.route(leak.route)


def _directive_route(name: str) -> bool:
    # The in-app notices carry a new task's content.
    return name.startswith(("directives:", "api:vanphong_directives_api")) or name == "web:notices"


# The outputs where the outside probe found findings 1, 4, 5 and 6: each has a test of its own
# besides the sweep of every output, so a regression names its finding.
KNOWN = {
    # Secret entries named by the form that edits them, to a compiler who sees them as "Bận".
    "4": Finding(
        "sec-plandir",
        frozenset({"province_clerk", "province_specialist"}),
        frozenset({"LICHPH", "LICHNHAP"}),
        lambda name: name == "planning:entry_update",
    ),
    "5": Finding("sec-plandir", frozenset(UNCLEARED), frozenset({"DEN", "NV"}), _directive_route),
    "6": Finding(
        "sec-docs",
        frozenset({"province_clerk"}),
        frozenset({"CHOPH"}),
        lambda name: name.endswith("outgoing_awaiting_issue"),
    ),
    "1": Finding(
        "sec-docs",
        frozenset({"chau_thanh_clerk"}),
        frozenset({"DAPH"}),
        lambda name: (
            name
            in {
                "documents:queue",
                "documents:queue_refuse",
                "documents:incoming_register",
                "api:vanphong_documents_api_reception_queue",
            }
        ),
    ),
}


def _report(leaks: list[Leak]) -> str:
    return "\n".join(["secret things named:", *map(str, leaks)])


# --- the route list ---------------------------------------------------------------------------


def test_every_route_is_swept_or_allowed_with_a_reason(
    world: SweepWorld, db: None, routes: list[Route]
) -> None:
    every = {route.name for route in machinery.routes()[0]}
    assert set(machinery.ALLOWED) <= every, "an allowed route no longer exists"
    unfilled = [route.name for route in routes if not machinery.urls(world, CLEARED, route)]
    assert unfilled == [], "routes the sweep cannot fill: add them to the world or ALLOWED"
    api = [route for route in routes if route.api]
    assert len(api) >= 30, "the API's GET operations are read from its schema"


def test_a_new_route_with_a_parameter_the_world_cannot_fill_is_caught(
    world: SweepWorld, db: None
) -> None:
    added = Route("minutes:detail", "bien-ban/<uuid:minutes_uuid>/")
    assert machinery.urls(world, CLEARED, added) == []
    named = Route("documents:incoming_detail", "van-ban/den/<uuid:document_uuid>/")
    assert f"/van-ban/den/{world.incoming.uuid}/" in machinery.urls(world, CLEARED, named)


# --- every GET output -------------------------------------------------------------------------


@pytest.mark.parametrize("persona", sorted(UNCLEARED))
def test_no_output_names_a_secret_thing_to_an_uncleared_persona(
    world: SweepWorld, db: None, routes: list[Route], persona: str
) -> None:
    leaks, _fetched = machinery.sweep(world, persona, routes)
    assert leaks == [], _report(leaks)


def test_the_cleared_persona_reads_every_secret_thing_somewhere(
    world: SweepWorld, db: None, routes: list[Route]
) -> None:
    """The positive control: the same sweep, as the Office's leader cleared Tối mật, finds
    every marker — so the world holds them and the sweep reaches and decodes them."""
    leaks, fetched = machinery.sweep(world, CLEARED, routes)
    seen = {(leak.route, leak.kind) for leak in leaks}
    assert {leak.kind for leak in leaks} == set(KINDS)
    for expected in [
        ("documents:incoming_detail", "DEN"),
        ("documents:incoming_detail", "TEP"),
        ("documents:outgoing_detail", "NHAP"),
        ("documents:outgoing_book", "DAPH"),
        ("documents:register", "DEN"),
        ("api:vanphong_documents_api_register_download", "DEN"),  # XLSX and PDF
        ("planning:schedule", "LICHPH"),
        ("planning:schedule", "LICHNHAP"),
        ("planning:print", "LICHPH"),  # PDF and DOCX
        ("planning:ical", "LICHPH"),
        ("directives:directives", "DEN"),
        ("directives:task", "NV"),
        ("api:vanphong_directives_api_directive_review", "DEN"),  # the review DOCX
        ("search:results", "DEN"),
        ("api:vanphong_search_api_search", "DEN"),
    ]:
        assert expected in seen, expected
    assert sum(fetched.values()) > 300


def _sweep_finding(world: SweepWorld, routes: list[Route], finding: Finding) -> list[Leak]:
    chosen = [route for route in routes if finding.route(route.name)]
    found = []
    for persona in sorted(finding.personas):
        leaks, _fetched = machinery.sweep(world, persona, chosen)
        found += [leak for leak in leaks if finding.covers(leak)]
    return found


def test_a_delivery_above_the_clerks_clearance_is_not_offered_to_register_or_refuse(
    world: SweepWorld, db: None, routes: list[Route]
) -> None:
    leaks = _sweep_finding(world, routes, KNOWN["1"])
    assert leaks == [], _report(leaks)


def test_a_compiler_who_sees_a_secret_entry_as_busy_does_not_open_its_form(
    world: SweepWorld, db: None, routes: list[Route]
) -> None:
    leaks = _sweep_finding(world, routes, KNOWN["4"])
    assert leaks == [], _report(leaks)


def test_a_directive_and_its_tasks_are_not_named_to_people_not_cleared_for_its_document(
    world: SweepWorld, db: None, routes: list[Route]
) -> None:
    leaks = _sweep_finding(world, routes, KNOWN["5"])
    assert leaks == [], _report(leaks)


def test_the_awaiting_issue_list_holds_only_what_the_clerk_may_see(
    world: SweepWorld, db: None, routes: list[Route]
) -> None:
    leaks = _sweep_finding(world, routes, KNOWN["6"])
    assert leaks == [], _report(leaks)


# --- messages a POST provokes -----------------------------------------------------------------


def _clash(world: SweepWorld, **changes: Any) -> dict[str, Any]:
    """A non-secret entry at the secret entry's time, with its leader and room."""
    fields: dict[str, Any] = {
        "day": world.next_day.isoformat(),
        "session": "morning",
        "starts_at": "09:00",
        "content": "Tiếp khách",
        "leaders": [str(world.docs.province_leader.uuid)],
        "room": str(world.hall.uuid),
        "confidentiality": "0",
    }
    fields.update(changes)
    return fields


def _api(world: SweepWorld, persona: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {world.tokens[persona]}"}


def test_a_clash_on_the_entry_form_does_not_name_the_secret_entry(
    world: SweepWorld, db: None
) -> None:
    client = machinery.client_for(world, "province_specialist")
    form = _clash(world, leaders=str(world.docs.province_leader.uuid))
    response = client.post(f"/ke-hoach/lich/ban/{world.draft_week.uuid}/them/", form)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Tiếp khách" in text, "the form came back with the clash"
    assert machinery.kinds_in(text) == set()


def test_a_clash_answered_by_the_api_does_not_name_the_secret_entry(
    world: SweepWorld, db: None
) -> None:
    response = Client().post(
        f"/api/v1/ke-hoach/lich/ban/{world.draft_week.uuid}/muc",
        _clash(world, confidentiality=0),
        content_type="application/json",
        headers=_api(world, "province_clerk"),
    )
    assert response.status_code == 409, response.content
    assert machinery.kinds_in(machinery.text_of(response)) == set()


def test_a_room_clash_with_another_schedules_published_week_does_not_name_the_secret_entry(
    world: SweepWorld, db: None
) -> None:
    office_week = planning_schedule.schedule_open(
        actor=world.docs.province_specialist,
        committee=world.province,
        kind="office",
        day=world.day,
    )
    response = Client().post(
        f"/api/v1/ke-hoach/lich/ban/{office_week.uuid}/muc",
        _clash(world, day=world.day.isoformat(), leaders=[], confidentiality=0),
        content_type="application/json",
        headers=_api(world, "province_specialist"),
    )
    assert response.status_code == 409, response.content
    text = machinery.text_of(response)
    assert "Hội trường A" in text, "the room clash is answered"
    assert machinery.kinds_in(text) == set()


def test_a_duplicate_registration_does_not_name_the_secret_document(
    world: SweepWorld, db: None
) -> None:
    """The province's clerk (Mật) registers what the Tối mật document's number and sender
    also are: the warning may not show the earlier registration's subject."""
    fields = {
        "unit": str(world.province_office.uuid),
        "medium": "paper",
        "sender_name": "Ban Bí thư Trung ương Đảng",
        "number_symbol": "Số 77-CT/TW",
        "document_date": world.today.isoformat(),
        "subject": "Chỉ thị",
        "confidentiality": 0,
        "urgency": 0,
    }
    api = Client().post(
        "/api/v1/van-ban/den",
        fields,
        content_type="application/json",
        headers=_api(world, "province_clerk"),
    )
    assert api.status_code == 409, api.content  # the duplicate check ran
    assert machinery.kinds_in(machinery.text_of(api)) == set()
    page = machinery.client_for(world, "province_clerk").post(
        "/van-ban/den/dang-ky/",
        {
            **fields,
            "document_date": world.today.strftime("%d/%m/%Y"),
            "submission_id": str(uuid4()),
        },
    )
    assert "có vẻ đã được vào sổ" in page.content.decode()  # the duplicate check ran
    assert machinery.kinds_in(page.content.decode()) == set()


def test_a_duplicate_registration_warns_without_the_secret_documents_incoming_number(
    world: SweepWorld, db: None
) -> None:
    """A số đến names the registration it belongs to: the Mật clerk is warned that the
    document seems registered, and is not told under which number."""
    fields = {
        "unit": str(world.province_office.uuid),
        "medium": "paper",
        "sender_name": "Ban Bí thư Trung ương Đảng",
        "number_symbol": "Số 77-CT/TW",
        "document_date": world.today.isoformat(),
        "subject": "Chỉ thị",
        "confidentiality": 0,
        "urgency": 0,
    }
    named = f"số đến {world.incoming.number}/{world.incoming.year}"
    for persona, told in (("province_clerk", False), ("secret_clerk", True)):
        api = Client().post(
            "/api/v1/van-ban/den",
            fields,
            content_type="application/json",
            headers={"Authorization": f"Bearer {_token(world, persona)}"},
        )
        assert api.status_code == 409, api.content
        text = machinery.text_of(api)
        assert "có vẻ đã được vào sổ" in text
        assert (named in text) is told, (persona, text)
        page = machinery.client_for(world, persona).post(
            "/van-ban/den/dang-ky/",
            {
                **fields,
                "document_date": world.today.strftime("%d/%m/%Y"),
                "submission_id": str(uuid4()),
            },
        )
        text = page.content.decode()
        assert "có vẻ đã được vào sổ" in text
        assert (named in text) is told, (persona, text)


def _token(world: SweepWorld, persona: str) -> str:
    if persona not in world.tokens:
        world.tokens[persona] = token_create(
            actor=None, person=world.person(persona), name="sweep"
        ).token
    return world.tokens[persona]


def test_linking_a_secret_document_by_its_number_is_refused_without_naming_it(
    world: SweepWorld, db: None
) -> None:
    client = machinery.client_for(world, "province_specialist")
    form = _clash(world, session="evening", starts_at="19:00", room="", documents="77-CT/TW")
    form.pop("leaders")
    response = client.post(f"/ke-hoach/lich/ban/{world.draft_week.uuid}/them/", form)
    text = response.content.decode()
    assert "Không tìm thấy văn bản: 77-CT/TW" in text
    assert machinery.kinds_in(text) == set()


def test_an_entry_form_does_not_list_a_linked_document_the_compiler_may_not_open(
    world: SweepWorld, db: None
) -> None:
    """The open entry links the Tối mật documents; the Office's Mật clerk compiles the week."""
    client = machinery.client_for(world, "province_clerk")
    response = client.get(f"/ke-hoach/lich/muc/{world.open_entry.uuid}/sua/")
    assert response.status_code == 200
    text = response.content.decode()
    assert machinery.symbols_in(world, text, "") == set()
    cleared = machinery.client_for(world, CLEARED)
    shown = cleared.get(f"/ke-hoach/lich/muc/{world.open_entry.uuid}/sua/").content.decode()
    assert "SODEN" in machinery.symbols_in(world, shown, "")


def test_an_edit_by_a_compiler_who_may_not_open_a_linked_document_keeps_the_link(
    world: SweepWorld, db: None
) -> None:
    entry = planning_schedule.entry_add(
        actor=world.docs.province_office_leader,
        version=world.draft_week,
        data=EntryData(
            day=world.next_day, session="evening", content="Tiếp khách", incoming=[world.incoming]
        ),
        overrides={f"holiday:{world.next_day.isoformat()}": "Lịch cố định"},
    )
    client = machinery.client_for(world, "province_clerk")
    form = _clash(world, session="evening", starts_at="19:00", room="", content="Tiếp đoàn")
    form.pop("leaders")
    form[f"override-holiday:{world.next_day.isoformat()}"] = "Lịch cố định"
    response = client.post(f"/ke-hoach/lich/muc/{entry.uuid}/sua/", form)
    assert response.status_code == 302, response.content.decode()
    entry.refresh_from_db()
    assert entry.content == "Tiếp đoàn"
    assert entry.incoming_list() == [world.incoming]


def test_a_review_cites_a_secret_product_document_only_to_who_may_open_it(
    world: SweepWorld, db: None
) -> None:
    """An ordinary directive whose task the Office did with the Tối mật report: the review
    the Office's Mật clerk drafts counts the task, without the report's number-symbol."""
    leader = world.docs.province_office_leader
    conclusion = document_services_incoming.incoming_register(
        actor=world.docs.province_clerk,
        unit=world.province_office,
        medium="paper",
        sender_name="Bộ Chính trị",
        number_symbol="Số 5-KL/TW",
        document_date=world.today,
        subject="Kết luận về công tác tổ chức đại hội chi bộ",
    )
    directive = directive_services.directive_track(
        actor=leader, unit=world.province, incoming=conclusion
    )
    task = directive_services.task_assign(
        actor=leader,
        directive=directive,
        lead_unit=world.province_office,
        content="Tổng hợp danh sách chi bộ",
        deadline=world.today + timedelta(days=10),
    )
    directive_services_reports.task_complete(
        actor=world.secret_clerk, task=task, text="Đã xong", product_document=world.issued
    )
    directive_services_decisions.completion_accept(actor=leader, task=task)
    day = world.today.strftime("%d/%m/%Y")
    url = f"/nhiem-vu/van-ban/{directive.uuid}/bao-cao/?loai=so-ket&tu={day}&den={day}"
    for persona, told in (("province_clerk", False), (CLEARED, True)):
        response = machinery.client_for(world, persona).get(url)
        assert response.status_code == 200, (persona, response.status_code)
        text = machinery.text_of(response)
        assert "Tổng hợp danh sách chi bộ" in text  # the task is reviewed
        assert ("SODI" in machinery.symbols_in(world, text, "")) is told, persona


def test_an_ordinary_documents_page_names_its_secret_reply_only_to_who_may_open_it(
    world: SweepWorld, db: None
) -> None:
    """The Office's ordinary incoming document was answered by the Tối mật report."""
    url = f"/van-ban/den/{world.open_incoming.uuid}/"
    for persona in ("province_specialist", "province_clerk"):
        text = machinery.client_for(world, persona).get(url).content.decode()
        assert "Đã trả lời" in text  # the assignment's result is shown
        assert machinery.symbols_in(world, text, "") == set(), persona
    shown = machinery.client_for(world, CLEARED).get(url).content.decode()
    assert "SODI" in machinery.symbols_in(world, shown, "")


def test_a_search_for_the_marker_finds_nothing_for_the_uncleared_and_the_document_for_the_cleared(
    world: SweepWorld, db: None
) -> None:
    query = {"q": marker("DEN")}
    for persona in [*UNCLEARED, CLEARED]:
        found = Client().get("/api/v1/search", query, headers=_api(world, persona)).json()
        assert (found["total"] > 0) is (persona == CLEARED), persona
        page = machinery.client_for(world, persona).get("/tim-kiem/", query)
        assert (page.context["found"].total > 0) is (persona == CLEARED), persona


# --- notifications and emails -----------------------------------------------------------------


def _told(world: SweepWorld, persona: str) -> str:
    person = world.person(persona)
    notices = Notification.objects.filter(person=person).values_list("text", flat=True)
    address = type(person).objects.get(pk=person.pk).email
    mails = [f"{m.subject}\n{m.body}" for m in mail.outbox if address in m.to]
    page = machinery.client_for(world, persona).get("/thong-bao/").content.decode()
    return "\n".join([*notices, *mails, page])


def test_the_daily_reminder_and_the_task_notices_do_not_name_a_secret_task(
    world: SweepWorld, db: None
) -> None:
    mail.outbox = []
    sent = reminders.send(today=world.today, within=60)
    assert sent.emails > 0, "someone cleared was reminded"
    named = {persona: machinery.kinds_in(_told(world, persona)) for persona in UNCLEARED}
    assert named == {persona: set() for persona in UNCLEARED}


def test_an_amended_week_tells_its_attendees_without_naming_the_secret_entry_to_others(
    world: SweepWorld, db: None
) -> None:
    """Publishing the amendment told the secret entry's leader; nobody uncleared was told
    anything that names it (and the leader, who attends, was told of the change)."""
    leader = world.docs.province_leader
    assert Notification.objects.filter(person=leader, key__startswith="schedule:").exists()
    for persona in UNCLEARED:
        notices = Notification.objects.filter(person=world.person(persona))
        assert not machinery.kinds_in("\n".join(n.text for n in notices if "tuần" in n.text))
