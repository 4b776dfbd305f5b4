"""Legal holds: placed and released by the unit's head or an Office leader, with a reason; a
hold covering a file one may not see is not shown to them."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.support.archives import build_archives_world
from tests.support.archives_disposals import archived, executed, hold
from vanphong.archives import services_holds
from vanphong.archives.models import HoldKind
from vanphong.core.models import AuditEvent
from vanphong.org.models import Clearance

pytestmark = pytest.mark.django_db


def test_the_office_leader_places_a_hold_on_files_of_the_archive() -> None:
    w = build_archives_world()
    file = archived(w)
    placed = hold(w, [file])
    assert list(placed.files.all()) == [file]
    assert placed.released_at is None
    event = AuditEvent.objects.get(action="hold.place")
    assert event.after is not None
    assert event.after["files"] == [file.pk]


def test_a_committee_leader_above_may_place_a_hold_too() -> None:
    w = build_archives_world()
    placed = hold(w, [archived(w)], actor=w.province_leader)
    assert placed.placed_by == w.province_leader


def test_an_archivist_or_a_clerk_or_another_unit_s_leader_may_not() -> None:
    w = build_archives_world()
    file = archived(w)
    for wrong in (w.province_archivist, w.province_clerk, w.chau_thanh_office_leader):
        with pytest.raises(PermissionDenied):
            hold(w, [file], actor=wrong)


def test_a_hold_needs_a_reason_a_kind_and_files() -> None:
    w = build_archives_world()
    with pytest.raises(ValidationError) as refused:
        hold(w, [], reason=" ", kind="nonsense")
    assert set(refused.value.message_dict) == {"reason", "kind", "files"}


def test_files_of_another_unit_or_destroyed_are_refused() -> None:
    w = build_archives_world()
    other = archived(w, unit=w.chau_thanh_office, responsible=w.chau_thanh_clerk)
    with pytest.raises(ValidationError):
        hold(w, [other], actor=w.province_leader)
    gone = archived(w)
    executed(w, [gone], timezone.localdate())
    with pytest.raises(ValidationError) as refused:
        hold(w, [gone])
    assert "đã bị tiêu hủy" in refused.value.message_dict["files"][0]


def test_release_needs_the_right_and_a_reason_and_happens_once() -> None:
    w = build_archives_world()
    placed = hold(w, [archived(w)], kind=HoldKind.INSPECTION)
    with pytest.raises(PermissionDenied):
        services_holds.hold_release(actor=w.province_archivist, hold=placed, reason="Xong")
    with pytest.raises(ValidationError):
        services_holds.hold_release(actor=w.province_office_leader, hold=placed, reason="")
    released = services_holds.hold_release(
        actor=w.province_office_leader, hold=placed, reason="Đã kết luận thanh tra"
    )
    assert released.released_by == w.province_office_leader
    assert released.release_reason == "Đã kết luận thanh tra"
    with pytest.raises(ValidationError):
        services_holds.hold_release(actor=w.province_office_leader, hold=placed, reason="Lại")
    assert placed.files.count() == 1


def test_a_hold_covering_a_file_one_may_not_see_is_hidden_from_them() -> None:
    w = build_archives_world()
    plain = archived(w)
    top = archived(w, confidentiality=Clearance.TOP_SECRET)
    secret_hold = hold(w, [plain, top])
    plain_hold = hold(w, [plain])
    assert set(services_holds.holds_visible(w.province_office_leader)) == {
        secret_hold,
        plain_hold,
    }
    assert set(services_holds.holds_visible(w.province_archivist)) == {plain_hold}
    assert services_holds.holds_on_file(w.province_archivist, plain) == [plain_hold]
    assert set(services_holds.holds_visible(w.chau_thanh_archivist)) == set()
