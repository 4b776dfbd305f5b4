"""Purging personal data after the retention period: the people and their scans go, the
statistical record stays."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db.models import Count

from tests.support.petitions import PetitionWorld, build_petition_world, letter_row
from vanphong.core.models import AuditEvent, StoredFile
from vanphong.petitions.models import (
    Citizen,
    FileKind,
    Forward,
    Letter,
    LetterFile,
    LetterStatus,
    ReceptionSession,
    Visit,
)
from vanphong.petitions.services_purge import letters_purge
from vanphong.search.models import OutboxEntry

ON = date(2024, 1, 2)


@pytest.fixture
def world(db: None) -> PetitionWorld:
    return build_petition_world()


def closed(world: PetitionWorld, closed_on: date, **fields: Any) -> Letter:
    return letter_row(
        world,
        status=LetterStatus.CLOSED,
        closed_on=closed_on,
        handling="forward",
        result="Đã giải quyết xong",
        subject="Ông Nguyễn Văn Bị",
        told_how="Gửi thư về ấp Trường Lưu",
        **fields,
    )


def scan(world: PetitionWorld, letter: Letter, kind: str, reveals: bool, sha: str) -> LetterFile:
    stored = StoredFile.objects.create(sha256=sha * 64, size=10, content_type="application/pdf")
    return LetterFile.objects.create(
        letter=letter,
        file=stored,
        filename=f"{kind}.pdf",
        kind=kind,
        reveals_identity=reveals,
        uploaded_by=world.province_reception,
    )


def statistics() -> list[tuple[object, ...]]:
    rows = (
        Letter.objects.values(
            "unit", "complaint", "denunciation", "proposal", "report", "field", "place",
            "handling", "status", "result",
        )
        .annotate(n=Count("id"))
        .order_by("unit", "denunciation", "status")
    )  # fmt: skip
    return [tuple(row.values()) for row in rows]


@pytest.fixture
def books(world: PetitionWorld) -> dict[str, Letter]:
    old = closed(world, date(2012, 6, 1), place="Hòa Thành")
    denunciation = closed(
        world, date(2018, 5, 1), complaint=False, denunciation=True, id_number="072080001234"
    )
    recent = closed(world, date(2023, 8, 1))
    open_letter = letter_row(world, status=LetterStatus.FOLLOWING)
    elsewhere = closed(world, date(2012, 6, 1), unit=world.chau_thanh_office)
    return {
        "old": old,
        "denunciation": denunciation,
        "recent": recent,
        "open": open_letter,
        "elsewhere": elsewhere,
    }


def test_the_office_leader_purges_the_people_and_keeps_the_figures(
    world: PetitionWorld, books: dict[str, Letter]
) -> None:
    letter_scan = scan(world, books["denunciation"], FileKind.LETTER, True, "a")
    redacted = scan(world, books["denunciation"], FileKind.REDACTED, False, "b")
    Forward.objects.create(
        letter=books["denunciation"], to_body="Ủy ban Kiểm tra Tỉnh ủy", copy=letter_scan,
        forwarded_on=date(2018, 3, 1), result_due_on=date(2018, 5, 1),
        created_by=world.province_reception,
    )  # fmt: skip
    before = statistics()
    result = letters_purge(actor=world.province_office_leader, unit=world.province_office, on=ON)
    assert (result.letters, result.citizens, result.files, result.stored_files) == (2, 2, 1, 1)
    assert statistics() == before
    purged = Letter.objects.filter(purged_at__isnull=False)
    assert set(purged.values_list("pk", flat=True)) == {books["old"].pk, books["denunciation"].pk}
    assert not Citizen.objects.filter(letter__in=purged).exists()
    assert set(purged.values_list("subject", "told_how")) == {("", "")}
    # The summary, the redacted copy and the forward stay; the scan that names him does not.
    assert Letter.objects.get(pk=books["old"].pk).summary == books["old"].summary
    assert list(LetterFile.objects.filter(letter=books["denunciation"])) == [redacted]
    assert Forward.objects.get().copy_id is None
    assert not StoredFile.objects.filter(sha256="a" * 64).exists()
    # Kept: the recent, the open and another unit's letter, with their petitioners.
    for key in ("recent", "open", "elsewhere"):
        assert Citizen.objects.filter(letter=books[key]).count() == 1
    # The index forgets the purged letters' names.
    assert set(OutboxEntry.objects.values_list("object_uuid", flat=True)) >= {
        books["old"].uuid, books["denunciation"].uuid
    }  # fmt: skip


def test_the_audit_event_carries_counts_only(
    world: PetitionWorld, books: dict[str, Letter]
) -> None:
    letters_purge(actor=world.province_office_leader, unit=world.province_office, on=ON)
    event = AuditEvent.objects.get(action="letters.purged")
    assert event.after == {
        "on": "2024-01-02", "letters": 2, "visits": 0, "citizens": 2, "files": 0,
        "stored_files": 0,
    }  # fmt: skip
    assert "Nguyễn" not in str(event.before) + str(event.after) + event.object_label


def test_a_second_purge_finds_nothing_more(world: PetitionWorld, books: dict[str, Letter]) -> None:
    letters_purge(actor=world.province_office_leader, unit=world.province_office, on=ON)
    again = letters_purge(actor=world.province_office_leader, unit=world.province_office, on=ON)
    assert again.letters == 0


def test_visits_past_retention_lose_their_visitors(world: PetitionWorld) -> None:
    session = ReceptionSession.objects.create(
        unit=world.province_office, kind="regular", day=date(2012, 4, 10),
        created_by=world.province_reception,
    )  # fmt: skip
    visit = Visit.objects.create(
        session=session, unit=world.province_office, year=2012, number=1, complaint=True,
        raised="Khiếu nại bồi thường", received_by=world.province_reception,
    )  # fmt: skip
    Citizen.objects.create(visit=visit, full_name="Lê Văn Đến", name_folded="le van den")
    result = letters_purge(actor=world.province_office_leader, unit=world.province_office, on=ON)
    assert (result.visits, result.citizens) == (1, 1)
    visit.refresh_from_db()
    assert visit.purged_at is not None
    assert visit.raised == "Khiếu nại bồi thường"


@pytest.mark.parametrize(
    "who", ["province_reception", "chau_thanh_office_leader", "province_leader"]
)
def test_only_the_units_office_leader_purges(
    world: PetitionWorld, books: dict[str, Letter], who: str
) -> None:
    with pytest.raises(PermissionDenied):
        letters_purge(actor=getattr(world, who), unit=world.province_office, on=ON)
    assert Counter(Letter.objects.values_list("purged_at", flat=True)) == Counter({None: 5})
