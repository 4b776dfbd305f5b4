"""The archives × personas: who may do each thing the archives' services do, and who is
refused. "ok" is done; "no" is refused — PermissionDenied, or Http404 where the person may not
even see the thing; "invalid" would be a ValidationError (never expected here: every call is a
valid one, so only the right decides).

The things are the province Office's (Văn phòng Tỉnh ủy, which keeps the province committee's
archive). Administration is not a way into files (the administrator and the superuser are refused
everything), a person of another district is refused everywhere, and nobody decides a request
of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_disposals import appraised, approved, archived, hold
from tests.support.archives_files import incoming, open_file
from tests.support.archives_transfers import archived_file, province_file, transfer_row
from tests.support.personas import cast, person
from vanphong.archives import (
    services_access,
    services_disposals,
    services_files,
    services_holds,
    services_paper,
    services_plans,
    services_retention,
    services_transfers,
)
from vanphong.archives.models import (
    AccessMode,
    AccessRequest,
    FilePlan,
    HoldKind,
    PlanStatus,
    RecordFile,
    RetentionRule,
)
from vanphong.archives.selectors_transfers import access_pending_for
from vanphong.archives.services_plans import EntryInput
from vanphong.archives.services_retention import RuleInput
from vanphong.documents.models import IncomingDocument
from vanphong.org.models import Clearance, Person, Role

pytestmark = pytest.mark.django_db

PERSONAS = [
    "clerk",  # the province Office's clerk (Văn thư), Mật
    "specialist",  # a specialist of the Office, Không mật
    "office_leader",  # the Office's leader (Chánh Văn phòng), Tối mật: heads its archive
    "archivist",  # the Office's archivist, Mật
    "committee_leader",  # the provincial Secretary, Tuyệt mật
    "admin",  # the province's administrator: administration opens nothing
    "superuser",  # the installation's superuser: neither
    "district_clerk",  # Châu Thành Office's clerk: another district
    "district_archivist",  # Châu Thành Office's archivist: another archive
]


def _who(w: ArchWorld, name: str) -> Person:
    p = w.d.p
    found: dict[str, Callable[[], Person]] = {
        "clerk": lambda: p.province_clerk,
        "specialist": lambda: w.province_specialist,
        "office_leader": lambda: w.province_office_leader,
        "archivist": lambda: w.province_archivist,
        "committee_leader": lambda: p.province_leader,
        "admin": lambda: p.province_admin,
        "superuser": lambda: p.superuser,
        "district_clerk": lambda: p.chau_thanh_clerk,
        "district_archivist": lambda: w.chau_thanh_archivist,
    }
    return found[name]()


def _outcome(call: Callable[[], Any]) -> str:
    try:
        call()
    except (PermissionDenied, Http404):
        return "no"
    except ValidationError as error:
        return f"invalid {error.messages}"
    return "ok"


def _only(*names: str) -> dict[str, str]:
    return {name: "ok" if name in names else "no" for name in PERSONAS}


@pytest.fixture
def w() -> ArchWorld:
    return build_archives_world()


def _open(w: ArchWorld, **fields: Any) -> RecordFile:
    return open_file(w, actor=w.province_clerk, unit=w.province_office, **fields)


def _incoming(w: ArchWorld, **fields: Any) -> IncomingDocument:
    return incoming(w, actor=w.province_clerk, unit=w.province_office, **fields)


def _draft_plan(w: ArchWorld) -> FilePlan:
    plan = services_plans.plan_create(
        actor=w.province_clerk, unit=w.province_office, year=timezone.localdate().year
    )
    heading = services_plans.heading_add(actor=w.province_clerk, plan=plan, title="Tổng hợp")
    services_plans.entry_add(
        actor=w.province_clerk,
        plan=plan,
        data=EntryInput(heading=heading, code="01.TH", title="Hồ sơ hội nghị", retention_years=10),
    )
    return plan


# The unit's head approves its file plan.
PLAN_APPROVE = _only("office_leader")


@pytest.mark.parametrize("name", PERSONAS)
def test_who_approves_the_offices_file_plan(w: ArchWorld, name: str) -> None:
    plan = _draft_plan(w)
    found = _outcome(lambda: services_plans.plan_approve(actor=_who(w, name), plan=plan))
    assert found == PLAN_APPROVE[name]
    plan.refresh_from_db()
    assert (plan.status == PlanStatus.APPROVED) == (found == "ok")


# The unit's compilers (clerks, specialists, its leader, its archivist) open and fill files.
COMPILE = _only("clerk", "specialist", "office_leader", "archivist")


@pytest.mark.parametrize("name", PERSONAS)
def test_who_opens_a_file_of_the_office(w: ArchWorld, name: str) -> None:
    found = _outcome(
        lambda: services_files.file_open(
            actor=_who(w, name),
            unit=w.province_office,
            year=2012,
            responsible=w.province_clerk,
            opened_on=date(2012, 1, 3),
            title="Hồ sơ hội nghị tổng kết",
            code="01.TH",
            retention_years=2,
        )
    )
    assert found == COMPILE[name]


@pytest.mark.parametrize("name", PERSONAS)
def test_who_files_a_document_of_the_office(w: ArchWorld, name: str) -> None:
    file = _open(w)
    document = _incoming(w)
    found = _outcome(
        lambda: services_files.item_add(
            actor=_who(w, name), file=file, kind="incoming", source_uuid=document.uuid
        )
    )
    assert found == COMPILE[name]
    assert file.items.count() == (1 if found == "ok" else 0)


# A Mật document is filed only by who may read it: the Không mật specialist finds no such file
# or document (a ValidationError that names nothing, or a 404).
@pytest.mark.parametrize("name", PERSONAS)
def test_who_files_a_secret_document(w: ArchWorld, name: str) -> None:
    file = _open(w)
    document = _incoming(w, confidentiality=Clearance.SECRET)
    found = _outcome(
        lambda: services_files.item_add(
            actor=_who(w, name), file=file, kind="incoming", source_uuid=document.uuid
        )
    )
    if name in ("specialist", "archivist"):
        # Neither reads the Office's Mật documents (the archivist's post keeps the archive's
        # files, it reads no document): the document is not found, naming nothing.
        assert found != "ok"
        return
    assert found == COMPILE[name]


@pytest.mark.parametrize("name", PERSONAS)
def test_who_closes_a_file_of_the_office(w: ArchWorld, name: str) -> None:
    file = _open(w, retention_years=2)
    services_paper.item_add_paper(
        actor=w.province_clerk,
        file=file,
        title="Báo cáo tổng kết",
        document_date=date(2012, 3, 1),
        author="Văn phòng Tỉnh ủy",
    )
    found = _outcome(
        lambda: services_files.file_close(
            actor=_who(w, name), file=file, work_ended_on=date(2012, 12, 31)
        )
    )
    assert found == COMPILE[name]


@pytest.mark.parametrize("name", PERSONAS)
def test_who_makes_a_transfer_of_the_offices_files(w: ArchWorld, name: str) -> None:
    file = province_file(w)
    found = _outcome(
        lambda: services_transfers.transfer_create(
            actor=_who(w, name), unit=w.province_office, year=2011, files=[file]
        )
    )
    # Only who sees the file (the clerk's Mật post, not the Không mật specialist's, is enough:
    # the file is Không mật) and compiles for the unit.
    assert found == COMPILE[name]


# The archive's archivists receive.
RECEIVE = _only("archivist")


@pytest.mark.parametrize("name", PERSONAS)
def test_who_receives_a_transfer_into_the_archive(w: ArchWorld, name: str) -> None:
    file = province_file(w)
    transfer = transfer_row(w, [file])
    found = _outcome(
        lambda: services_transfers.transfer_receive(
            actor=_who(w, name),
            transfer=transfer,
            received_on=timezone.localdate(),
            placements={file: ("01", "Giá A")},
        )
    )
    assert found == RECEIVE[name]


# A request to read an archived file is decided, by its secrecy: Không mật the archivist, Mật
# the Office's leader, Tối mật a leader of the committee — each cleared for it by that post.
ACCESS: dict[int, dict[str, str]] = {
    Clearance.UNCLASSIFIED: _only("archivist"),
    Clearance.SECRET: _only("office_leader"),
    Clearance.TOP_SECRET: _only("committee_leader"),
}


def _requested(w: ArchWorld, level: int) -> AccessRequest:
    board = person("cv.btctu", "Đinh Tổ Chức", w.province, Role.SPECIALIST, Clearance.ULTRA_SECRET)
    file = archived_file(w, confidentiality=level)
    return services_access.access_request(
        actor=board, file=file, mode=AccessMode.READ, purpose="Nghiên cứu", days=3
    )


@pytest.mark.parametrize("level", list(ACCESS))
@pytest.mark.parametrize("name", PERSONAS)
def test_who_decides_a_request_to_read_a_file_of_each_secrecy(
    w: ArchWorld, name: str, level: int
) -> None:
    request = _requested(w, level)
    found = _outcome(
        lambda: services_access.access_decide(actor=_who(w, name), request=request, approve=True)
    )
    assert found == ACCESS[level][name]


def test_nobody_decides_a_request_of_their_own(w: ArchWorld) -> None:
    """The committee's second leader asks to read a Tối mật file: a leader of the committee
    decides it, never the one who asked — not even to refuse."""
    asker = cast(w.d.p, "pbt")
    file = archived_file(w, confidentiality=Clearance.TOP_SECRET)
    request = services_access.access_request(
        actor=asker, file=file, mode=AccessMode.READ, purpose="Nghiên cứu", days=3
    )
    mine = _outcome(
        lambda: services_access.access_decide(actor=asker, request=request, approve=True)
    )
    refused = _outcome(
        lambda: services_access.access_decide(
            actor=asker, request=request, approve=False, note="Không cần nữa"
        )
    )
    assert (mine, refused) == ("no", "no")
    assert request not in access_pending_for(asker)  # not offered to decide either
    decided = services_access.access_decide(
        actor=w.d.p.province_leader, request=request, approve=True
    )
    assert decided.decided_by == w.d.p.province_leader


# The archive's archivists propose and execute disposals; its head approves.
PROPOSE = _only("archivist")
APPROVE = _only("office_leader")
EXECUTE = _only("archivist", "office_leader")


@pytest.mark.parametrize("name", PERSONAS)
def test_who_proposes_a_disposal(w: ArchWorld, name: str) -> None:
    file = archived(w)
    found = _outcome(
        lambda: services_disposals.disposal_propose(
            actor=_who(w, name), archive_unit=w.province_office, title="Đợt 2017", files=[file]
        )
    )
    assert found == PROPOSE[name]


@pytest.mark.parametrize("name", PERSONAS)
def test_who_approves_a_disposal(w: ArchWorld, name: str) -> None:
    disposal = appraised(w, [archived(w)])
    found = _outcome(
        lambda: services_disposals.disposal_approve(
            actor=_who(w, name), disposal=disposal, decision="Số 12-QĐ/VPTU"
        )
    )
    assert found == APPROVE[name]


@pytest.mark.parametrize("name", PERSONAS)
def test_who_executes_a_disposal(w: ArchWorld, name: str) -> None:
    disposal = approved(w, [archived(w)])
    found = _outcome(
        lambda: services_disposals.disposal_execute(
            actor=_who(w, name),
            disposal=disposal,
            method="Nghiền bột giấy",
            executed_on=timezone.localdate(),
        )
    )
    assert found == EXECUTE[name]


# A legal hold is placed and released by the unit's head or a leader over it.
HOLDS = _only("office_leader", "committee_leader")


@pytest.mark.parametrize("name", PERSONAS)
def test_who_places_a_legal_hold(w: ArchWorld, name: str) -> None:
    file = archived(w)
    found = _outcome(
        lambda: services_holds.hold_place(
            actor=_who(w, name),
            unit=w.province_office,
            kind=HoldKind.PETITION,
            reason="Đơn khiếu nại đang giải quyết",
            reference="Đơn số 15/2016",
            files=[file],
        )
    )
    assert found == HOLDS[name]


@pytest.mark.parametrize("name", PERSONAS)
def test_who_releases_a_legal_hold(w: ArchWorld, name: str) -> None:
    placed = hold(w, [archived(w)])
    found = _outcome(
        lambda: services_holds.hold_release(
            actor=_who(w, name), hold=placed, reason="Đã giải quyết xong"
        )
    )
    assert found == HOLDS[name]


# The retention tables are the installation's: an archivist or a leader of the Office that
# keeps a root committee's archive corrects them.
RETENTION = _only("office_leader", "archivist")


@pytest.mark.parametrize("name", PERSONAS)
def test_who_corrects_a_retention_rule(w: ArchWorld, name: str) -> None:
    rule = RetentionRule.objects.order_by("pk").first()
    assert rule is not None
    data = RuleInput(
        group=rule.group,
        title=rule.title,
        retention_years=rule.retention_years or 10,
        permanent=False,
        source=rule.source,
        verified=True,
        note="Đã đối chiếu",
    )
    found = _outcome(
        lambda: services_retention.retention_rule_update(actor=_who(w, name), rule=rule, data=data)
    )
    assert found == RETENTION[name]
