from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from vanphong.core import audit
from vanphong.core.models import AuditEvent
from vanphong.demo.scenario import DEMO_PASSWORD, DISTRICTS, load
from vanphong.org.models import CommitteeTerm, Membership, Person, Role, Unit


@pytest.fixture(autouse=True)
def _organisation_only(settings: Any) -> None:
    # The year of documents has its own tests (test_documents.py); here the organisation.
    settings.VANPHONG_DEMO_SCALE = 0


def test_the_demo_builds_tay_ninh_with_its_town_and_eight_districts(db: None) -> None:
    load()
    province = Unit.objects.get(parent=None)
    assert province.name == "Tỉnh ủy Tây Ninh"
    committees = Unit.objects.filter(
        parent=province, kind__in=["district_committee", "town_committee"]
    )
    assert committees.count() == len(DISTRICTS) == 9
    for committee in committees:
        assert committee.children.filter(kind="office").count() == 1
        assert CommitteeTerm.objects.filter(committee=committee, name__contains="2010").exists()
    assert Unit.objects.filter(name="Huyện uỷ Hoà Thành").exists(), "old tone placement kept"


def test_every_role_is_held_in_several_units(db: None) -> None:
    load()
    for role in Role.values:
        units = Membership.objects.filter(role=role).values("unit").distinct().count()
        assert units >= 2 if role != Role.ADMIN else units >= 1, role


def test_loading_twice_changes_nothing(db: None) -> None:
    first = load()
    counts = (Unit.objects.count(), Person.objects.count(), Membership.objects.count())
    events = AuditEvent.objects.count()
    assert load() == first
    assert (Unit.objects.count(), Person.objects.count(), Membership.objects.count()) == counts
    assert AuditEvent.objects.count() == events
    assert audit.verify().ok


def test_every_listed_demo_login_works(db: None) -> None:
    logins = load()
    request = RequestFactory().post("/dang-nhap/")
    for login in logins[:6]:  # each authentication runs the full axes path; a sample is enough
        assert authenticate(request, username=login.username, password=DEMO_PASSWORD)
    assert len({login.username for login in logins}) == len(logins) == Person.objects.count()


def test_demo_command_prints_the_logins_and_the_password(db: None, capsys: object) -> None:
    call_command("demo")
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert DEMO_PASSWORD in out
    assert "vt.chauthanh" in out
