"""Units are shown in the organisation's order, under a label no one mistakes for another."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.support.factories import UnitFactory
from vanphong.org.middleware import UnitDirectoryMiddleware
from vanphong.org.models import Unit, UnitKind
from vanphong.org.units import directory, merged_name, units_in_order

pytestmark = pytest.mark.django_db


def unit(name: str, kind: str, parent: Unit | None = None, order: int = 0) -> Unit:
    return UnitFactory.create(name=name, kind=kind, parent=parent, sort_order=order)


@pytest.fixture
def province() -> Unit:
    """Named in the order they would never be sorted in by code points: "uỷ" with its mark
    on the y sorts after every "ủy", "Ban" before "Văn phòng", "Huyện" before "Thị"."""
    top = unit("Tỉnh ủy Tây Ninh", UnitKind.PROVINCIAL_COMMITTEE)
    unit("Ban Tổ chức Tỉnh ủy", UnitKind.BOARD, top, order=1)
    unit("Văn phòng Tỉnh ủy", UnitKind.OFFICE, top, order=0)
    town = unit("Thị ủy Tây Ninh", UnitKind.TOWN_COMMITTEE, top, order=10)
    unit("Văn phòng", UnitKind.OFFICE, town)
    for name in ("Huyện ủy Hòa Thành", "Huyện uỷ Gò Dầu", "Huyện ủy Châu Thành"):
        district = unit(name, UnitKind.DISTRICT_COMMITTEE, top, order=20)
        unit("Văn phòng", UnitKind.OFFICE, district)
    return top


def names(units: list[Unit]) -> list[str]:
    return [u.label for u in units]


def test_units_follow_the_tree_committee_then_its_office_then_the_next_committee(
    province: Unit,
) -> None:
    assert names(units_in_order(Unit.objects.all())) == [
        "Tỉnh ủy Tây Ninh",
        "Văn phòng Tỉnh ủy Tây Ninh",
        "Ban Tổ chức Tỉnh ủy Tây Ninh",
        "Thị ủy Tây Ninh",
        "Văn phòng Thị ủy Tây Ninh",
        "Huyện ủy Châu Thành",
        "Văn phòng Huyện ủy Châu Thành",
        "Huyện uỷ Gò Dầu",
        "Văn phòng Huyện uỷ Gò Dầu",
        "Huyện ủy Hòa Thành",
        "Văn phòng Huyện ủy Hòa Thành",
    ]


def test_old_and_new_tone_placement_sort_as_the_same_letters() -> None:
    top = unit("Tỉnh ủy", UnitKind.PROVINCIAL_COMMITTEE)
    for name in ("Huyện ủy Hòa Thành", "Huyện uỷ Hoà Hảo", "Huyện ủy Hoà Bình", "Huyện uỷ Ân Thi"):
        unit(name, UnitKind.DISTRICT_COMMITTEE, top)
    found = names(units_in_order(Unit.objects.exclude(pk=top.pk)))
    assert found == [
        "Huyện uỷ Ân Thi",
        "Huyện ủy Hoà Bình",
        "Huyện uỷ Hoà Hảo",
        "Huyện ủy Hòa Thành",
    ]
    by_code_point = sorted(found)
    assert by_code_point != found  # what ordering by the stored name would have given


def test_a_subset_keeps_the_whole_tree_order(province: Unit) -> None:
    offices = Unit.objects.filter(kind=UnitKind.OFFICE).order_by("-name")
    assert names(units_in_order(offices)) == [
        "Văn phòng Tỉnh ủy Tây Ninh",
        "Văn phòng Thị ủy Tây Ninh",
        "Văn phòng Huyện ủy Châu Thành",
        "Văn phòng Huyện uỷ Gò Dầu",
        "Văn phòng Huyện ủy Hòa Thành",
    ]


def test_a_committee_and_its_office_named_after_it_are_told_apart(province: Unit) -> None:
    labels = {u.label for u in units_in_order(Unit.objects.all())}
    assert "Văn phòng" not in labels
    assert len(labels) == Unit.objects.count()


@pytest.mark.parametrize(
    ("name", "committee", "label"),
    [
        ("Văn phòng", "Huyện ủy Châu Thành", "Văn phòng Huyện ủy Châu Thành"),
        ("Văn phòng Tỉnh ủy", "Tỉnh ủy Tây Ninh", "Văn phòng Tỉnh ủy Tây Ninh"),
        ("Văn phòng Tỉnh uỷ", "Tỉnh ủy Tây Ninh", "Văn phòng Tỉnh uỷ Tây Ninh"),
        ("Văn phòng Huyện ủy Châu Thành", "Huyện ủy Châu Thành", "Văn phòng Huyện ủy Châu Thành"),
        ("Ủy ban Kiểm tra", "Thị ủy Tây Ninh", "Ủy ban Kiểm tra Thị ủy Tây Ninh"),
    ],
)
def test_a_generic_name_is_completed_by_its_committee_sharing_common_words(
    name: str, committee: str, label: str
) -> None:
    assert merged_name(name, committee) == label


def test_a_department_names_the_office_it_belongs_to(province: Unit) -> None:
    office = Unit.objects.get(parent=province, kind=UnitKind.OFFICE)
    department = unit("Phòng Tổng hợp", UnitKind.DEPARTMENT, office)
    assert department.label == "Phòng Tổng hợp, Văn phòng Tỉnh ủy Tây Ninh"


def test_labels_and_order_of_any_number_of_units_cost_one_query(province: Unit) -> None:
    units = list(Unit.objects.all())
    with CaptureQueriesContext(connection) as queries:
        ordered = units_in_order(units)
        assert all(u.label for u in ordered)
    assert len(queries) == 1
    assert directory().depth[province.pk] == 0


def test_a_request_reads_the_tree_once_and_the_next_request_afresh(
    province: Unit, rf: RequestFactory
) -> None:
    calls: list[int] = []

    def view(request: HttpRequest) -> HttpResponse:
        with CaptureQueriesContext(connection) as queries:
            labels = [directory().label(province), directory().label(province)]
        calls.append(len(queries))
        return HttpResponse(labels[0])

    answer = UnitDirectoryMiddleware(view)
    assert answer(rf.get("/")).content.decode() == "Tỉnh ủy Tây Ninh"
    Unit.objects.filter(pk=province.pk).update(name="Tỉnh ủy Tây Ninh mới")
    assert answer(rf.get("/")).content.decode() == "Tỉnh ủy Tây Ninh mới"
    assert calls == [1, 1]
    with CaptureQueriesContext(connection) as outside:
        directory()
        directory()
    assert len(outside) == 2, "outside a request nothing is kept"
