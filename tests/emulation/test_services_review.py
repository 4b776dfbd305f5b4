"""The annual review's writes: the Office's assessed sections, the review conference and the
documents, each by the Office's leaders or emulation officers, each audited, and only with what
the actor may see."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.emulation_review import (
    ReviewWorld,
    build_review_world,
    local,
    outgoing_row,
    week_row,
)
from vanphong.core.models import AuditEvent
from vanphong.emulation.models import AnnualReview
from vanphong.emulation.services_review import (
    review_conference_link,
    review_documents_link,
    review_texts_update,
)
from vanphong.planning.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> ReviewWorld:
    return build_review_world()


def test_the_office_leader_writes_the_assessed_sections_and_the_change_is_audited(
    world: ReviewWorld,
) -> None:
    review = review_texts_update(
        actor=world.chief,
        unit=world.province_office,
        year=2012,
        texts={"crypto_it": "  Bảo đảm\u0007 an toàn  ", "finance": "Quyết toán đúng hạn."},
    )
    assert review.unit == world.province_office
    assert review.texts == {"crypto_it": "Bảo đảm an toàn", "finance": "Quyết toán đúng hạn."}
    review = review_texts_update(
        actor=world.chief, unit=world.province, year=2012, texts={"finance": ""}
    )
    assert review.texts == {
        "crypto_it": "Bảo đảm an toàn"
    }  # the committee's review is its Office's
    assert AnnualReview.objects.count() == 1
    events = AuditEvent.objects.filter(action="annual_review.texts").order_by("seq")
    assert [(e.after or {})["texts"] for e in events] == [
        {"crypto_it": "Bảo đảm an toàn", "finance": "Quyết toán đúng hạn."},
        {"crypto_it": "Bảo đảm an toàn"},
    ]


def test_an_unknown_section_or_a_too_long_text_is_refused_on_its_field(world: ReviewWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        review_texts_update(
            actor=world.chief,
            unit=world.province_office,
            year=2012,
            texts={"poetry": "x", "finance": "x" * 20001},
        )
    assert set(refused.value.message_dict) == {"poetry", "finance"}
    assert not AnnualReview.objects.exists()


@pytest.mark.parametrize("who", ["province_clerk", "district_chief", "province_leader"])
def test_only_the_offices_own_leaders_and_emulation_officers_write(
    world: ReviewWorld, who: str
) -> None:
    with pytest.raises(PermissionDenied):
        review_texts_update(
            actor=getattr(world, who), unit=world.province_office, year=2012, texts={"finance": "x"}
        )
    assert not AuditEvent.objects.filter(action__startswith="annual_review").exists()


def test_the_conference_is_linked_by_its_lineage_when_the_actor_sees_the_entry(
    world: ReviewWorld,
) -> None:
    week_row(
        world,
        world.province,
        date(2012, 12, 17),
        published=[local(2012, 12, 14)],
        entries=[date(2012, 12, 20)],
    )
    entry = Entry.objects.get()
    review = review_conference_link(
        actor=world.chief, unit=world.province_office, year=2012, lineage=entry.lineage
    )
    assert review.conference_lineage == entry.lineage
    assert AuditEvent.objects.filter(action="annual_review.conference").count() == 1
    review = review_conference_link(
        actor=world.chief, unit=world.province_office, year=2012, lineage=None
    )
    assert review.conference_lineage is None


def test_a_conference_unknown_secret_or_of_another_committee_is_refused(world: ReviewWorld) -> None:
    week_row(
        world,
        world.chau_thanh,
        date(2012, 12, 17),
        published=[local(2012, 12, 14)],
        entries=[date(2012, 12, 20)],
    )
    week_row(
        world,
        world.province,
        date(2012, 12, 10),
        published=[local(2012, 12, 7)],
        entries=[date(2012, 12, 12)],
    )
    theirs = Entry.objects.get(version__schedule__committee=world.chau_thanh)
    secret = Entry.objects.get(version__schedule__committee=world.province)
    Entry.objects.filter(pk=secret.pk).update(confidentiality=3)  # Tuyệt mật
    week_row(
        world,
        world.province,
        date(2011, 12, 12),
        published=[local(2011, 12, 9)],
        entries=[date(2011, 12, 14)],
    )
    old = Entry.objects.get(day=date(2011, 12, 14))
    for lineage in (uuid4(), theirs.lineage, secret.lineage, old.lineage):
        with pytest.raises(ValidationError) as refused:
            review_conference_link(
                actor=world.chief, unit=world.province_office, year=2013, lineage=lineage
            )
        assert "conference" in refused.value.message_dict
    assert not AnnualReview.objects.exists()


def test_the_report_and_conclusions_are_outgoing_documents_of_the_office_the_actor_sees(
    world: ReviewWorld,
) -> None:
    report = outgoing_row(world, world.province_office, date(2012, 12, 20))
    conclusions = outgoing_row(world, world.province_office, date(2012, 12, 28), type_symbol="TB")
    review = review_documents_link(
        actor=world.chief,
        unit=world.province_office,
        year=2012,
        report=report.uuid,
        conclusions=conclusions.uuid,
    )
    assert (review.report, review.conclusions) == (report, conclusions)
    assert AuditEvent.objects.filter(action="annual_review.documents").count() == 1


def test_a_document_of_another_unit_or_unseen_is_refused(world: ReviewWorld) -> None:
    district = outgoing_row(world, world.chau_thanh_office, date(2012, 12, 20))
    with pytest.raises(ValidationError) as refused:
        review_documents_link(
            actor=world.chief,
            unit=world.province_office,
            year=2012,
            report=district.uuid,
            conclusions=uuid4(),
        )
    assert set(refused.value.message_dict) == {"report", "conclusions"}
    assert not AnnualReview.objects.exists()
