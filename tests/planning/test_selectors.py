"""Who compiles, approves and sees what: a week being compiled is the Office's and the
committee leaders', a published one everyone's; programmes are seen from the committee and its
Office; the leaders a schedule may name are those holding the posts today."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.support.factories import MembershipFactory, PersonFactory
from tests.support.planning import MONDAY, PlanWorld
from vanphong.org.models import Clearance, Person, Role, Unit
from vanphong.planning import selectors, services_programme, services_schedule
from vanphong.planning.models import ScheduleVersion


def published(world: PlanWorld) -> ScheduleVersion:
    version = world.week()
    services_schedule.entry_add(actor=world.specialist, version=version, data=world.data())
    services_schedule.schedule_approve(actor=world.chief, version=version)
    return services_schedule.schedule_publish(actor=world.chief, version=version)


def test_the_office_staff_compile_and_only_its_leader_approves(world: PlanWorld) -> None:
    province = world.province
    assert selectors.can_compile(world.specialist, province)
    assert selectors.can_compile(world.province_clerk, province)
    assert selectors.can_compile(world.chief, province)
    assert not selectors.can_approve(world.specialist, province)
    assert selectors.can_approve(world.chief, province)
    for outsider in (world.secretary, world.province_admin, world.chau_thanh_clerk, None):
        assert not selectors.can_compile(outsider, province)
        assert not selectors.can_approve(outsider, province)
    assert selectors.compiles_for(world.specialist) == [province]
    assert selectors.compiles_for(world.chau_thanh_clerk) == [world.chau_thanh]
    assert selectors.compiles_for(world.secretary) == []


def test_a_committee_without_an_office_has_no_compiler(world: PlanWorld) -> None:
    world.province_office.is_active = False
    world.province_office.save(update_fields=["is_active"])
    assert selectors.office_of(world.province) is None
    assert not selectors.can_compile(world.specialist, world.province)
    assert selectors.clearance_units(world.province) == (world.province.pk,)


def test_a_week_being_compiled_is_seen_by_its_office_and_committee_leaders_only(
    world: PlanWorld,
) -> None:
    schedule = world.week().schedule
    for insider in (world.specialist, world.chief, world.secretary):
        assert schedule in selectors.schedules_visible(insider)
        assert selectors.opens_unpublished(insider, world.province)
        assert selectors.versions_visible(insider, schedule).count() == 1
    for outsider in (world.chau_thanh_clerk, world.hoa_thanh_clerk, world.province_admin):
        assert schedule not in selectors.schedules_visible(outsider)
        assert not selectors.opens_unpublished(outsider, world.province)
        assert not selectors.versions_visible(outsider, schedule).exists()


def test_a_published_week_is_seen_by_everyone_but_its_amendment_only_by_the_insiders(
    world: PlanWorld,
) -> None:
    version = published(world)
    amendment = services_schedule.schedule_amend(actor=world.chief, version=version, note="Đổi")
    schedule = version.schedule
    assert schedule in selectors.schedules_visible(world.hoa_thanh_clerk)
    assert list(selectors.versions_visible(world.hoa_thanh_clerk, schedule)) == [version]
    assert set(selectors.versions_visible(world.specialist, schedule)) == {version, amendment}
    assert selectors.current_published(schedule) == version
    assert selectors.open_version(schedule) == amendment


def test_the_week_heading_names_the_standing_committee_or_the_office(world: PlanWorld) -> None:
    assert (
        selectors.schedule_title(world.province, "leaders")
        == "LỊCH CÔNG TÁC TUẦN CỦA THƯỜNG TRỰC TỈNH ỦY TÂY NINH"
    )
    assert (
        selectors.schedule_title(world.province, "office")
        == "LỊCH CÔNG TÁC TUẦN CỦA VĂN PHÒNG TỈNH ỦY"
    )


def test_a_programme_is_seen_from_its_committee_and_its_office_not_from_a_district(
    world: PlanWorld,
) -> None:
    programme = services_programme.programme_create(
        actor=world.specialist, committee=world.province, body="standing_committee", year=2012
    )
    plan = services_programme.monthly_plan_draft(
        actor=world.specialist, committee=world.province, year=2012, month=3
    )
    for insider in (world.specialist, world.province_clerk, world.secretary, world.province_admin):
        assert programme in selectors.programmes_visible(insider)
        assert plan in selectors.monthly_plans_visible(insider)
    for outsider in (world.chau_thanh_clerk, world.hoa_thanh_clerk, world.unassigned):
        assert programme not in selectors.programmes_visible(outsider)
        assert plan not in selectors.monthly_plans_visible(outsider)


def test_the_programme_text_lists_items_by_quarter_with_when_and_who_leads(
    world: PlanWorld,
) -> None:
    programme = services_programme.programme_create(
        actor=world.specialist, committee=world.province, body="standing_committee", year=2012
    )
    for content, month, quarter in (
        ("Sơ kết 6 tháng", None, 2),
        ("Tổng kết năm", 12, None),
        ("Họp mặt đầu xuân", 1, None),
    ):
        services_programme.programme_item_add(
            actor=world.specialist,
            programme=programme,
            topic="",
            content=content,
            body="standing_committee",
            lead_unit=world.province_office,
            month=month,
            quarter=quarter,
        )
    lines = selectors.programme_text(programme).splitlines()
    assert lines[0] == programme.title.upper()
    assert [line for line in lines if line.startswith("QUÝ")] == ["QUÝ I", "QUÝ II", "QUÝ IV"]
    assert "- Sơ kết 6 tháng (Ban Thường vụ; trong quý; chủ trì: Văn phòng Tỉnh ủy)" in lines
    assert "- Họp mặt đầu xuân (Ban Thường vụ; tháng 1; chủ trì: Văn phòng Tỉnh ủy)" in lines
    assert (
        lines.index("QUÝ I")
        < lines.index("- Họp mặt đầu xuân (Ban Thường vụ; tháng 1; chủ trì: Văn phòng Tỉnh ủy)")
        < lines.index("QUÝ II")
    )


def _post(person: Person, unit: Unit, role: str, starts: date, ends: date | None) -> None:
    MembershipFactory.create(
        person=person,
        unit=unit,
        role=role,
        clearance=Clearance.UNCLASSIFIED,
        starts_on=starts,
        ends_on=ends,
    )


def test_the_leaders_a_schedule_names_hold_the_committees_or_its_offices_leading_post_today(
    world: PlanWorld,
) -> None:
    today = timezone.localdate()
    retired = PersonFactory.create(full_name="Đã Nghỉ Hưu")
    _post(retired, world.province, Role.COMMITTEE_LEADER, date(2005, 1, 1), today - timedelta(1))
    coming = PersonFactory.create(full_name="Sắp Nhận Chức")
    _post(coming, world.province, Role.COMMITTEE_LEADER, today + timedelta(1), None)
    gone = PersonFactory.create(full_name="Đã Thôi Việc", is_active=False)
    _post(gone, world.province, Role.COMMITTEE_LEADER, date(2005, 1, 1), None)
    # A former leader still holding another post is no leader any more.
    moved = PersonFactory.create(full_name="Chuyển Công Tác")
    _post(moved, world.province, Role.COMMITTEE_LEADER, date(2005, 1, 1), today - timedelta(1))
    _post(moved, world.province_office, Role.SPECIALIST, today - timedelta(1), None)
    # The committee's role in its Office, or the Office's in the committee, does not count.
    crossed = PersonFactory.create(full_name="Chéo Vai Trò")
    _post(crossed, world.province_office, Role.COMMITTEE_LEADER, date(2005, 1, 1), None)
    _post(crossed, world.province, Role.OFFICE_LEADER, date(2005, 1, 1), None)
    _post(world.chief, world.province, Role.SPECIALIST, date(2005, 1, 1), None)  # two posts
    leaders = selectors.leaders_of(world.province)
    assert len(leaders) == len(set(leaders))
    assert set(leaders) == {world.secretary, world.deputy, world.province_leader, world.chief}


def test_the_leaders_offered_for_a_calendar_are_those_of_the_committees_and_offices_given(
    world: PlanWorld,
) -> None:
    district_leader = PersonFactory.create(full_name="Bí Thư Huyện")
    _post(district_leader, world.chau_thanh, Role.COMMITTEE_LEADER, date(2010, 1, 1), None)
    assert set(selectors.leaders_among(Unit.objects.filter(pk=world.chau_thanh.pk))) == {
        district_leader
    }
    everything = selectors.leaders_among(Unit.objects.all())
    assert set(everything) == {
        world.secretary,
        world.deputy,
        world.province_leader,
        world.chief,
        district_leader,
    }
    assert everything.count() == 5
    # An Office leader counts only through the Office itself.
    assert world.chief not in selectors.leaders_among(Unit.objects.filter(pk=world.province.pk))


@pytest.mark.parametrize(
    ("reader", "level", "sees"),
    [
        ("chau_thanh_clerk", Clearance.UNCLASSIFIED, True),
        ("chau_thanh_clerk", Clearance.SECRET, False),
        ("province_clerk", Clearance.SECRET, True),  # Mật in the Office
        ("province_clerk", Clearance.TOP_SECRET, False),
        ("specialist", Clearance.TOP_SECRET, True),
        ("province_admin", Clearance.SECRET, False),
    ],
)
def test_a_secret_entrys_content_is_read_by_those_cleared_for_the_committee_or_its_office(
    world: PlanWorld, reader: str, level: int, sees: bool
) -> None:
    units = selectors.clearance_units(world.province)
    assert selectors.cleared(getattr(world, reader), level, units, attends=False) is sees
    assert selectors.cleared(getattr(world, reader), level, units, attends=True)


def test_a_leader_attending_a_secret_entry_reads_it_without_the_clearance(
    world: PlanWorld,
) -> None:
    uncleared = PersonFactory.create(full_name="Chưa Được Cấp Độ Mật")
    _post(uncleared, world.province, Role.COMMITTEE_LEADER, date(2010, 1, 1), None)
    version = world.week(MONDAY)
    services_schedule.entry_add(
        actor=world.specialist,
        version=version,
        data=world.data(content="Mật", confidentiality=Clearance.TOP_SECRET, leaders=[uncleared]),
    )
    [entry] = selectors.entries([version])
    units = selectors.clearance_units(world.province)
    assert selectors.sees_entry(uncleared, entry, units)
    assert selectors.sees_entry(world.specialist, entry, units)
    assert not selectors.sees_entry(world.province_clerk, entry, units)
    assert not selectors.sees_entry(None, entry, units)
