"""The demo's 2011 emulation of the nine district and town Offices: measured from the year's
records (each figure recounted here, row by row), scored in three rounds, ranked from the
stored scores (Châu Thành first, Hòa Thành and Dương Minh Châu next), awarded by the decisions
of UBND tỉnh, reviewed at the conference of 16/02/2012.

The full demo (the year of documents included: the measures read it) is loaded once for the
package (conftest.py), inside a transaction rolled back at the end; each test runs in its own
transaction inside it.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from fractions import Fraction

import pytest
from pytest_django import DjangoDbBlocker

from tests.support.emulation_recount import RECOUNTS
from vanphong.core.vietnamese import fold
from vanphong.core.yearly import Ratio
from vanphong.demo import emulation, scenario
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.emulation.models import (
    AnnualReview,
    Award,
    Criterion,
    CriterionKind,
    Measurement,
    Movement,
    Round,
    Score,
    ScoreSheet,
    SheetStatus,
)
from vanphong.emulation.ranking import bloc_ranking, differences
from vanphong.org.models import Unit, UnitKind
from vanphong.planning.models import Entry, Session

# One worker loads the package's demo once (conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_full_year")]
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CENT = Decimal("0.01")


@pytest.fixture(scope="module")
def demo(full_year: None, django_db_blocker: DjangoDbBlocker) -> Movement:
    # The whole demo, its year of documents included (VANPHONG_DEMO_SCALE left as set).
    with django_db_blocker.unblock():
        return Movement.objects.select_related("criteria_set").get(
            year=emulation.YEAR, bloc__name=emulation.BLOC
        )


def _offices() -> dict[str, Unit]:
    """The nine Offices by the demo's key, found as the loader finds them."""
    found = {}
    for name, key in scenario.DISTRICT_KEYS.items():
        found[key] = Unit.objects.get(parent__name=name, kind=UnitKind.OFFICE)
    return found


def _measured(movement: Movement) -> list[Criterion]:
    return list(
        Criterion.objects.filter(
            group__criteria_set=movement.criteria_set, kind=CriterionKind.MEASURED
        ).order_by("code")
    )


def _expected_points(ratio: Ratio, criterion: Criterion) -> Decimal:
    """The scale read by hand: bands in their order, the first whose floor the share reaches;
    nothing counted: the maximum."""
    scale = criterion.scale
    if not ratio.counted:
        return criterion.max_points.quantize(CENT)
    share = Fraction(ratio.done, ratio.counted)
    assert scale["kind"] == "bands"
    for floor, points in scale["bands"]:
        if share >= Fraction(str(floor)):
            return Decimal(str(points)).quantize(CENT)
    return Decimal(0).quantize(CENT)


def test_every_measurement_equals_a_recount_of_the_offices_records(demo: Movement) -> None:
    offices = _offices()
    assert len(offices) == 9
    rows = {
        (m.unit_id, m.criterion_id): m
        for m in Measurement.objects.filter(movement=demo).select_related("criterion")
    }
    checked = 0
    for criterion in _measured(demo):
        recount = RECOUNTS[criterion.measure]
        for key, office in offices.items():
            row = rows[(office.pk, criterion.pk)]
            ratio = recount(office, demo.year, row.as_of)
            assert (row.done, row.counted) == (ratio.done, ratio.counted), (key, criterion.code)
            assert row.points == _expected_points(ratio, criterion), (key, criterion.code)
            checked += 1
    assert checked == len(rows) == 9 * 7
    # The year's records are there: not every figure is an empty one.
    assert sum(row.counted for row in rows.values()) > 0
    assert all(row.counted > 0 for row in rows.values() if "incoming" in row.criterion.measure)


def _council_total(movement: Movement, unit: Unit) -> Decimal:
    """Measured points plus the council round's points, from the stored rows."""
    measured = sum(
        (m.points for m in Measurement.objects.filter(movement=movement, unit=unit)), Decimal(0)
    )
    hand = Decimal(0)
    for score in Score.objects.filter(
        sheet__movement=movement,
        sheet__unit=unit,
        sheet__round=Round.COUNCIL,
        sheet__status=SheetStatus.SUBMITTED,
    ).select_related("criterion"):
        sign = -1 if score.criterion.kind == CriterionKind.PENALTY else 1
        hand += sign * score.points
    return measured + hand


def test_the_ranking_puts_chau_thanh_first_then_hoa_thanh_and_duong_minh_chau(
    demo: Movement,
) -> None:
    offices = _offices()
    ranking = bloc_ranking(demo)
    assert len(ranking.ranked) == 9
    rank = {row.unit.pk: row.rank for row in ranking.rows}
    assert rank[offices["chauthanh"].pk] == 1
    assert {rank[offices["hoathanh"].pk], rank[offices["duongminhchau"].pk]} <= {2, 3}
    others = set(offices) - {"chauthanh", "hoathanh", "duongminhchau"}
    assert all((rank[offices[key].pk] or 0) > 3 for key in others)
    assert not ranking.rows[0].tied
    for row in ranking.rows:
        assert row.round == Round.COUNCIL
        assert row.complete
        assert row.total == _council_total(demo, row.unit), row.unit.name


def test_the_awards_register_holds_the_flag_and_two_certificates_from_ubnd_tinh(
    demo: Movement,
) -> None:
    offices = _offices()
    awards = list(Award.objects.filter(year=2011).select_related("decision", "decision__unit"))
    by_title: dict[str, set[int]] = defaultdict(set)
    for award in awards:
        assert award.unit_id is not None
        by_title[award.title_code].add(award.unit_id)
    assert by_title == {
        "provincial_flag": {offices["chauthanh"].pk},
        "chairman_merit": {offices["hoathanh"].pk, offices["duongminhchau"].pk},
    }
    for award in awards:
        decision = award.decision
        assert isinstance(decision, IncomingDocument)
        assert decision.unit.name == "Văn phòng Tỉnh ủy"
        assert "uy ban nhan dan tinh tay ninh" in fold(decision.sender_name)
        words = "tặng cờ thi đua" if award.title_code == "provincial_flag" else "tặng bằng khen"
        assert fold(words) in fold(decision.subject)
        assert award.decision_number == decision.number_symbol
        assert award.decided_on == decision.document_date


def test_each_office_keeps_its_three_rounds_and_every_change_has_a_reason(
    demo: Movement,
) -> None:
    offices = _offices()
    for key, office in offices.items():
        sheets = ScoreSheet.objects.filter(movement=demo, unit=office)
        assert not sheets.exclude(status=SheetStatus.SUBMITTED).exists()
        assert sheets.filter(round=Round.SELF).count() == 1
        assert sheets.filter(round=Round.COUNCIL).count() == 1
        bloc = sheets.filter(round=Round.BLOC)
        assert bloc.count() == 8
        reviewers = set(bloc.values_list("reviewer_unit_id", flat=True))
        assert reviewers == {o.pk for o in offices.values()} - {office.pk}, key
        changes = differences(demo, office)
        assert changes, key
        assert all(change.reason.strip() for change in changes), key
        # And in the rows themselves: a score differing from the round before carries why.
        self_points = {
            s.criterion_id: s.points
            for s in Score.objects.filter(sheet__in=sheets, sheet__round=Round.SELF)
        }
        for score in Score.objects.filter(sheet__in=bloc):
            if score.points != self_points[score.criterion_id]:
                assert score.reason.strip(), key


def test_the_2011_review_is_linked_to_its_conference_and_its_report(demo: Movement) -> None:
    review = AnnualReview.objects.get(unit__name="Văn phòng Tỉnh ủy", year=2011)
    assert review.conference_lineage is not None
    entry = Entry.objects.filter(lineage=review.conference_lineage).order_by("-id").first()
    assert entry is not None
    assert entry.day.isoformat() == "2012-02-16"
    assert entry.session == Session.AFTERNOON
    assert "tổng kết công tác văn phòng cấp ủy" in entry.content.lower()
    assert isinstance(review.report, OutgoingDocument)
    assert review.report.unit_id == review.unit_id
    assert "Báo cáo tổng kết công tác văn phòng cấp ủy năm 2011" in review.report.subject
