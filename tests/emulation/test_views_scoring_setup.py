"""The setup pages: blocs and members, criteria sets (list, detail, copy, add, edit), launch."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.support.emulation import EmulationWorld, world
from tests.support.web import login, page_queries
from vanphong.emulation.models import BlocMember, CriteriaSet, Criterion, CriterionKind

__all__ = ["world"]


def test_the_convenor_adds_a_member_on_the_bloc_page(client: Client, world: EmulationWorld) -> None:
    extra = world.people.province_office  # refused: the convenor itself is no member
    login(client, world.convenor_officer)
    url = reverse("emulation:bloc", args=[world.bloc.uuid])
    page = client.get(url).content.decode()
    assert "Văn phòng Huyện ủy Gò Dầu" in page
    response = client.post(url, {"unit": extra.pk, "joined_on": "01/01/2012"})
    assert response.status_code == 200  # not among the choices
    assert BlocMember.objects.filter(bloc=world.bloc).count() == 4


def test_a_member_reads_the_bloc_but_may_not_change_it(
    client: Client, world: EmulationWorld
) -> None:
    login(client, world.officer(world.members[0]))
    url = reverse("emulation:bloc", args=[world.bloc.uuid])
    assert "Thêm thành viên" not in client.get(url).content.decode()
    assert client.post(url, {"unit": world.convenor.pk}).status_code == 403


def test_a_member_leaves_the_bloc(client: Client, world: EmulationWorld) -> None:
    login(client, world.convenor_officer)
    gone = world.members[3]
    response = client.post(
        reverse("emulation:bloc_member_end", args=[world.bloc.uuid, gone.uuid]),
        {"left_on": "31/12/2012"},
    )
    assert response.status_code == 302
    assert BlocMember.objects.get(bloc=world.bloc, unit=gone).left_on is not None


def test_the_criteria_set_page_shows_groups_and_warns_of_a_measure_not_installed(
    client: Client, world: EmulationWorld
) -> None:
    login(client, world.officer(world.members[0]))
    page = client.get(
        reverse("emulation:criteria_set", args=[world.criteria_set.uuid])
    ).content.decode()
    assert "Thực hiện nhiệm vụ chuyên môn" in page
    assert "không sửa được" in page


def test_copying_then_adding_and_editing_a_criterion(client: Client, world: EmulationWorld) -> None:
    login(client, world.convenor_officer)
    copied = client.post(
        reverse("emulation:criteria_set_copy", args=[world.criteria_set.uuid]), {"year": "2013"}
    )
    assert copied.status_code == 302
    copy = CriteriaSet.objects.get(year=2013)
    group = copy.groups.get(code="II")
    added = client.post(
        reverse("emulation:criterion_add", args=[copy.uuid]),
        {
            "group": group.pk,
            "code": "2.4",
            "title": "Chuyển đổi số",
            "kind": CriterionKind.ASSESSED,
            "max_points": "5",
        },
    )
    assert added.status_code == 302
    criterion = Criterion.objects.get(group=group, code="2.4")
    refused = client.post(
        reverse("emulation:criterion_edit", args=[criterion.uuid]),
        {
            "group": group.pk,
            "code": "2.4",
            "title": "Chuyển đổi số",
            "kind": CriterionKind.MEASURED,
            "max_points": "5",
        },
    )
    assert "cần chọn cách đo" in refused.content.decode()


def test_the_lists_read_in_a_fixed_number_of_queries(client: Client, world: EmulationWorld) -> None:
    login(client, world.convenor_officer)
    for name in ("emulation:blocs", "emulation:criteria_sets"):
        assert page_queries(client, reverse(name)) <= 12


def test_the_convenor_launches_next_years_movement_on_a_copied_set(
    client: Client, world: EmulationWorld
) -> None:
    login(client, world.convenor_officer)
    client.post(
        reverse("emulation:criteria_set_copy", args=[world.criteria_set.uuid]), {"year": "2013"}
    )
    copy = CriteriaSet.objects.get(year=2013)
    url = reverse("emulation:movement_launch", args=[world.bloc.uuid])
    assert client.get(url).status_code == 200
    data = {
        "year": "2013",
        "title": "Phong trào thi đua năm 2013",
        "launched_on": "08/01/2013",
        "pledge_deadline": "07/01/2013",
        "criteria_set": copy.pk,
        "leader_unit": world.members[1].pk,
        "review_mode": "council",
    }
    refused = client.post(url, data)
    assert "Hạn đăng ký thi đua không được trước ngày phát động." in refused.content.decode()
    assert "Phong trào thi đua năm 2013" in refused.content.decode()
    data["pledge_deadline"] = "28/02/2013"
    assert client.post(url, data).status_code == 302
    copy.refresh_from_db()
    assert copy.frozen
