"""The holdings summary: it follows every service that changes what it counts, is recounted once
per transaction, and the statistics read from it give, for every reader, the numbers a grouped
count over the files the reader sees gives."""

from __future__ import annotations

import io
import itertools
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.utils import timezone

from tests.support.archives import ArchWorld, build_archives_world
from tests.support.archives_disposals import archived, executed
from tests.support.archives_files import file_document, incoming, open_file
from vanphong.archives import holdings, registers, services_files, services_transfers
from vanphong.archives.models import (
    AccessMode,
    AccessRequest,
    AccessStatus,
    FileStatus,
    HoldingCount,
    RecordFile,
)
from vanphong.archives.retention import CUSTODY_STATUSES
from vanphong.archives.selectors import files_visible
from vanphong.org.models import Clearance, Person, Unit
from vanphong.org.selectors import scope_for

pytestmark = pytest.mark.django_db

Key = tuple[Any, ...]


@pytest.fixture
def w(settings: Any, tmp_path: Path) -> ArchWorld:
    settings.MEDIA_ROOT = str(tmp_path)
    return build_archives_world()


def summary(unit: Unit) -> dict[Key, int]:
    """The unit's summary rows: (archive unit, year, permanent, secrecy, status) -> n."""
    return {
        (r.archive_unit_id, r.year, r.permanent, r.confidentiality, r.status): r.n
        for r in HoldingCount.objects.filter(unit=unit)
    }


def counted_now(unit: Unit) -> dict[Key, int]:
    """The same, counted from the files themselves."""
    return {
        (r["archive_unit_id"], r["year"], r["permanent"], r["confidentiality"], r["status"]): r["n"]
        for r in holdings.grouped(RecordFile.objects.filter(unit=unit))
    }


def direct_counts(person: Person) -> list[Key]:
    """The holdings as they were counted before the summary: one grouped query over the files
    the person sees, in the archives the person keeps or leads; pivoted here to the lines of
    the page: (unit, year, permanent, limited, count at each secrecy level)."""
    kept = scope_for(person).units_with_role(*registers.KEEPERS)
    permanent = ExpressionWrapper(Q(retention_years__isnull=True), output_field=BooleanField())
    rows = (
        files_visible(person)
        .filter(archive_unit_id__in=sorted(kept), status__in=CUSTODY_STATUSES)
        .annotate(permanent=permanent)
        .values("unit_id", "year", "permanent", "confidentiality")
        .annotate(n=Count("pk"))
        .order_by()
    )
    lines: dict[tuple[int, int], list[int]] = {}
    for r in rows:
        line = lines.setdefault((r["unit_id"], r["year"]), [0] * (2 + len(registers.LEVELS)))
        line[0 if r["permanent"] else 1] += r["n"]
        line[2 + registers.LEVELS.index(r["confidentiality"])] += r["n"]
    return sorted((*key, *counts) for key, counts in lines.items())


def summary_counts(person: Person, **kw: Any) -> list[Key]:
    levels = [f"level_{level}" for level in registers.LEVELS]
    return sorted(
        (r["unit_id"], r["year"], r["permanent_n"], r["limited_n"], *[r[k] for k in levels])
        for r in registers.holdings_counts(person, **kw)
    )


_numbers = itertools.count(3)  # `incoming` dates its document 3/n/2012


def document(w: ArchWorld, **fields: Any) -> Any:
    return incoming(w, next(_numbers), document_date=date(2012, 3, 1), **fields)


def secret_document(w: ArchWorld) -> Any:
    return document(w, confidentiality=Clearance.SECRET)


def closed(w: ArchWorld, **fields: Any) -> RecordFile:
    """A closed file of Châu Thành's Office, one document in it, through the services."""
    file = open_file(w, **fields)
    file_document(w, file, document(w))
    services_files.items_number_pages(actor=w.chau_thanh_clerk, file=file)
    return services_files.file_close(
        actor=w.chau_thanh_clerk, file=file, work_ended_on=date(file.year, 12, 31)
    )


def receive(w: ArchWorld, files: list[RecordFile]) -> None:
    transfer = services_transfers.transfer_create(
        actor=w.chau_thanh_clerk, unit=w.chau_thanh_office, year=files[0].year, files=files
    )
    services_transfers.transfer_submit(actor=w.chau_thanh_clerk, transfer=transfer)
    services_transfers.transfer_receive(
        actor=w.chau_thanh_archivist,
        transfer=transfer,
        received_on=timezone.localdate(),
        placements={f: (str(i), "A") for i, f in enumerate(files, start=1)},
    )


def test_the_summary_follows_each_service(
    w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    office = w.chau_thanh_office
    with django_capture_on_commit_callbacks(execute=True):
        file = open_file(w, retention_years=10)
    assert summary(office) == {(None, 2012, False, 0, FileStatus.OPEN): 1}

    with django_capture_on_commit_callbacks(execute=True):
        file = services_files.file_update(
            actor=w.chau_thanh_clerk,
            file=file,
            title=file.title,
            code=file.code,
            retention_years=None,
            permanent=True,
            responsible=w.chau_thanh_clerk,
        )
    assert summary(office) == {(None, 2012, True, 0, FileStatus.OPEN): 1}

    with django_capture_on_commit_callbacks(execute=True):
        file_document(w, file, secret_document(w))
    assert summary(office) == {(None, 2012, True, Clearance.SECRET, FileStatus.OPEN): 1}

    with django_capture_on_commit_callbacks(execute=True):
        services_files.items_number_pages(actor=w.chau_thanh_clerk, file=file)
        file = services_files.file_close(
            actor=w.chau_thanh_clerk, file=file, work_ended_on=date(2012, 12, 31)
        )
    assert summary(office) == {(None, 2012, True, Clearance.SECRET, FileStatus.CLOSED): 1}

    with django_capture_on_commit_callbacks(execute=True):
        file = services_files.file_reopen(
            actor=w.chau_thanh_office_leader, file=file, reason="Bổ sung văn bản"
        )
    assert summary(office) == {(None, 2012, True, Clearance.SECRET, FileStatus.OPEN): 1}

    with django_capture_on_commit_callbacks(execute=True):
        plain = closed(w, code="02.TH", retention_years=10)
    assert summary(office)[(None, 2012, False, 0, FileStatus.CLOSED)] == 1

    with django_capture_on_commit_callbacks(execute=True):
        receive(w, [plain])
    assert summary(office) == {
        (None, 2012, True, Clearance.SECRET, FileStatus.OPEN): 1,
        (office.pk, 2012, False, 0, FileStatus.TRANSFERRED): 1,
    }
    assert summary(office) == counted_now(office)


def test_the_summary_follows_item_removal_and_a_disposal(
    w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        file = open_file(w, retention_years=10)
        filed = file_document(w, file, document(w))
        services_files.item_remove(actor=w.chau_thanh_clerk, file=file, item=filed.item)
    assert summary(w.chau_thanh_office) == counted_now(w.chau_thanh_office)

    province = w.province_office
    old, kept = archived(w), archived(w, retention_years=None)
    assert summary(province)[(province.pk, 2011, False, 0, FileStatus.TRANSFERRED)] == 1
    with django_capture_on_commit_callbacks(execute=True):
        executed(w, [old], timezone.localdate())
    assert summary(province) == {
        (province.pk, 2011, False, 0, FileStatus.DESTROYED): 1,
        (province.pk, 2011, True, 0, FileStatus.TRANSFERRED): 1,
    }
    assert kept.status == FileStatus.TRANSFERRED
    assert registers.holdings(w.province_office_leader).total.total == 1  # the destroyed left


def test_the_statistics_give_what_a_grouped_count_of_the_visible_files_gives(
    w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    # Châu Thành: files compiled, closed, transferred through the services; one left closed.
    with django_capture_on_commit_callbacks(execute=True):
        one = closed(w, code="01.TH", retention_years=10)
        two = closed(w, code="02.TH", permanent=True, retention_years=None)
        three = closed(w, code="03.TH", year=2013, retention_years=20)
        closed(w, code="04.TH", retention_years=10)
        receive(w, [one, two])
        receive(w, [three])
        secret = open_file(w, code="05.TH", retention_years=10)
        file_document(w, secret, secret_document(w))
    # The province: transferred files of every secrecy, one closed but assigned to the
    # archive, two destroyed.
    archived(w)
    archived(w, retention_years=None, confidentiality=Clearance.SECRET)
    archived(w, year=2012, confidentiality=Clearance.TOP_SECRET)
    archived(w, status=FileStatus.CLOSED)
    archived(w, status=FileStatus.OPEN, archive_unit=None)
    gone = [archived(w), archived(w, confidentiality=Clearance.SECRET)]
    with django_capture_on_commit_callbacks(execute=True):
        executed(w, gone, timezone.localdate())

    personas = [
        w.province_leader,
        w.province_office_leader,
        w.province_archivist,
        w.province_clerk,
        w.chau_thanh_leader,
        w.chau_thanh_office_leader,
        w.chau_thanh_archivist,
        w.chau_thanh_clerk,
        w.chau_thanh_specialist,
        w.hoa_thanh_clerk,
    ]
    seen = {}
    for person in personas:
        expected = direct_counts(person)
        assert summary_counts(person) == expected, person.username
        assert summary_counts(person, year=2011) == [r for r in expected if r[1] == 2011]
        seen[person.username] = sum(r[2] + r[3] for r in expected)
    # The personas do not all see the same: secrecy and the archive kept make a difference.
    assert seen["cvp.tinh"] == 4
    assert seen["lt.tinh"] == 3  # cleared Mật: not the Tối mật file
    assert seen["lt.chauthanh"] == 3
    assert seen["vt.hoathanh"] == 0


def test_a_file_read_on_an_approved_request_is_not_counted(
    w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    top = archived(w, confidentiality=Clearance.TOP_SECRET)
    today = timezone.localdate()
    AccessRequest.objects.create(
        file=top,
        requester=w.province_archivist,
        mode=AccessMode.READ,
        purpose="Tra cứu",
        status=AccessStatus.APPROVED,
        valid_from=today,
        valid_until=today + timedelta(days=3),
    )
    assert files_visible(w.province_archivist).filter(pk=top.pk).exists()
    assert registers.holdings(w.province_archivist).total.total == 0


def test_a_transaction_recounts_each_unit_once_after_it_commits(
    w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        holdings.touch(w.chau_thanh_office.pk)
        holdings.touch(w.chau_thanh_office.pk)
        holdings.touch(w.province_office.pk)
    assert len(callbacks) == 1
    assert callbacks[0].units == {w.chau_thanh_office.pk, w.province_office.pk}


def test_a_unit_touched_in_a_savepoint_rolled_back_is_still_recounted_for_the_rest(
    w: ArchWorld, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        try:
            with transaction.atomic():
                holdings.touch(w.province_office.pk)
                raise RuntimeError
        except RuntimeError:
            pass
        holdings.touch(w.chau_thanh_office.pk)
    units = set().union(*(c.units for c in callbacks))
    assert w.chau_thanh_office.pk in units


def test_a_write_outside_the_services_waits_for_the_rebuild(w: ArchWorld) -> None:
    file = archived(w)
    RecordFile.objects.filter(pk=file.pk).update(confidentiality=Clearance.SECRET)
    assert summary(w.province_office) != counted_now(w.province_office)
    out = io.StringIO()
    call_command("archives_holdings_rebuild", stdout=out)
    assert "rows" in out.getvalue()
    assert summary(w.province_office) == counted_now(w.province_office)
