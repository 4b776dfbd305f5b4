"""The proposal pages: the qualification table, creating a proposal, adding lines with and
without a reason, the vote form's refusal, the dossier and decision buttons, and 404 for those
who may not see a proposal."""

from __future__ import annotations

from datetime import date

from django.test import Client
from django.urls import reverse

from tests.support.emulation_proposals import (
    ProposalWorld,
    decision,
    flag_proposal,
    pw,
    submitted_flag,
)
from tests.support.web import login, messages_of, page_queries
from vanphong.core.models import RuleSet
from vanphong.emulation import services_proposals
from vanphong.emulation.models import Award, Proposal, ProposalStatus

__all__ = ["pw"]


def _url(name: str, *args: object) -> str:
    return reverse(f"emulation:{name}", args=args)


def test_the_qualification_table_shows_the_flag_for_the_first_unit_only(
    client: Client, pw: ProposalWorld
) -> None:
    login(client, pw.convenor_officer)
    response = client.get(_url("qualification", pw.movement.uuid))
    assert response.status_code == 200
    table = response.context["table"]
    flags = [line.unit for line, _cells in table if "provincial_flag" in line.titles]
    merits = [line.unit for line, _cells in table if "chairman_merit" in line.titles]
    assert flags == [pw.chau_thanh]
    assert merits == [pw.members[1], pw.members[2]]
    assert "Tổng điểm 60; cần từ 90." in response.content.decode()


def test_someone_outside_the_bloc_gets_404_for_the_table(client: Client, pw: ProposalWorld) -> None:
    login(client, pw.people.unassigned)
    assert client.get(_url("qualification", pw.movement.uuid)).status_code == 404


def test_the_convenor_creates_a_flag_proposal_from_the_form(
    client: Client, pw: ProposalWorld
) -> None:
    login(client, pw.convenor_officer)
    response = client.post(
        _url("proposal_create"),
        {"title_code": "provincial_flag", "movement": str(pw.movement.uuid)},
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("proposal", proposal.uuid)


def test_a_failed_condition_without_a_reason_stays_on_the_form_with_the_message(
    client: Client, pw: ProposalWorld
) -> None:
    proposal = flag_proposal(pw, "chairman_merit")
    login(client, pw.convenor_officer)
    response = client.post(_url("nominee_add", proposal.uuid), {"unit": str(pw.members[3].uuid)})
    assert response.status_code == 400
    errors = response.context["form"].errors["override_reason"][0]
    assert "chưa đạt điều kiện" in errors
    assert "Tổng điểm 60" in errors
    assert not proposal.nominees.exists()


def test_a_line_with_a_reason_is_highlighted_on_the_proposal(
    client: Client, pw: ProposalWorld
) -> None:
    proposal = flag_proposal(pw, "chairman_merit")
    login(client, pw.convenor_officer)
    response = client.post(
        _url("nominee_add", proposal.uuid),
        {"unit": str(pw.members[3].uuid), "override_reason": "Thành tích đột xuất"},
        follow=True,
    )
    assert "Đã thêm vào danh sách với lý do đề nghị dù chưa đạt." in messages_of(response)
    page = response.content.decode()
    assert 'data-testid="override"' in page
    assert "Thành tích đột xuất" in page


def test_a_vote_below_the_threshold_is_shown_on_the_vote_form(
    client: Client, pw: ProposalWorld
) -> None:
    proposal = flag_proposal(pw)
    nominee = services_proposals.nominee_add(
        actor=pw.convenor_officer, proposal=proposal, unit=pw.chau_thanh
    )
    login(client, pw.convenor_officer)
    response = client.post(
        _url("proposal_vote", proposal.uuid),
        {"voters": "9", "voted_on": "20/01/2013", f"votes_{nominee.pk}": "5"},
    )
    assert response.status_code == 400
    assert "5/9 phiếu đồng ý" in response.context["form"].errors[f"votes_{nominee.pk}"][0]
    ok = client.post(
        _url("proposal_vote", proposal.uuid),
        {"voters": "9", "voted_on": "20/01/2013", f"votes_{nominee.pk}": "7"},
    )
    assert ok.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.VOTED


def test_the_proposal_page_links_the_dossier_drafts(client: Client, pw: ProposalWorld) -> None:
    proposal = submitted_flag(pw)
    login(client, pw.convenor_officer)
    response = client.get(_url("proposal", proposal.uuid))
    page = response.content.decode()
    assert proposal.cover_note is not None
    assert reverse("documents:outgoing_detail", args=[proposal.cover_note.uuid]) in page
    assert response.context["may_decide"] is True


def test_linking_the_decision_from_the_form_fills_the_register(
    client: Client, pw: ProposalWorld
) -> None:
    proposal = submitted_flag(pw)
    found = decision(pw, pw.convenor, pw.people.province_clerk)
    login(client, pw.convenor_officer)
    nominee = proposal.nominees.get()
    response = client.post(
        _url("proposal_decision", proposal.uuid),
        {"decision": str(found.uuid), "awarded": [str(nominee.pk)], "decided_on": "30/01/2013"},
    )
    assert response.status_code == 302
    award = Award.objects.get()
    assert (award.unit, award.decided_on) == (pw.chau_thanh, date(2013, 1, 30))


def test_a_member_sees_the_blocs_proposal_but_may_not_add_to_it(
    client: Client, pw: ProposalWorld
) -> None:
    proposal = flag_proposal(pw)
    login(client, pw.officer(pw.members[1]))
    response = client.get(_url("proposal", proposal.uuid))
    assert response.status_code == 200
    assert response.context["may_edit"] is False
    assert client.get(_url("nominee_add", proposal.uuid)).status_code == 403


def test_someone_outside_gets_404_for_a_proposal(client: Client, pw: ProposalWorld) -> None:
    proposal = flag_proposal(pw)
    login(client, pw.people.unassigned)
    assert client.get(_url("proposal", proposal.uuid)).status_code == 404


def test_the_proposals_list_takes_the_same_queries_for_1_proposal_or_4(
    client: Client, pw: ProposalWorld
) -> None:
    login(client, pw.convenor_officer)
    flag_proposal(pw)
    one = page_queries(client, _url("proposals"))
    for code in ("chairman_merit", "excellent_collective", "advanced_collective"):
        flag_proposal(pw, code)
    assert page_queries(client, _url("proposals")) == one


def test_a_proposals_page_takes_the_same_queries_for_1_line_or_3(
    client: Client, pw: ProposalWorld
) -> None:
    proposal = flag_proposal(pw, "excellent_collective")
    login(client, pw.convenor_officer)
    services_proposals.nominee_add(actor=pw.convenor_officer, proposal=proposal, unit=pw.members[0])
    one = page_queries(client, _url("proposal", proposal.uuid))
    for unit in pw.members[1:3]:
        services_proposals.nominee_add(actor=pw.convenor_officer, proposal=proposal, unit=unit)
    assert page_queries(client, _url("proposal", proposal.uuid)) == one


def test_each_form_of_a_submitted_proposal_opens_for_its_runner(
    client: Client, pw: ProposalWorld
) -> None:
    proposal = submitted_flag(pw)
    login(client, pw.convenor_officer)
    for address in (
        _url("proposal_create"),
        _url("proposal_decision", proposal.uuid),
        reverse("emulation:award_add"),
    ):
        assert client.get(address).status_code == 200, address
    draft = flag_proposal(pw, "chairman_merit")
    services_proposals.nominee_add(actor=pw.convenor_officer, proposal=draft, unit=pw.members[1])
    assert client.get(_url("nominee_add", draft.uuid)).status_code == 200
    assert client.get(_url("proposal_vote", draft.uuid)).status_code == 200


def test_a_staff_proposal_offers_the_offices_people(client: Client, pw: ProposalWorld) -> None:
    proposal = services_proposals.proposal_create(
        actor=pw.officer(pw.chau_thanh),
        title_code="advanced_worker",
        year=2012,
        proposing_unit=pw.chau_thanh,
    )
    login(client, pw.officer(pw.chau_thanh))
    response = client.get(_url("nominee_add", proposal.uuid))
    offered = set(response.context["form"].fields["person"].queryset)
    assert set(pw.staff) <= offered
    assert pw.people.hoa_thanh_clerk not in offered


def test_the_qualification_tables_proposal_link_carries_its_movement(
    client: Client, pw: ProposalWorld
) -> None:
    login(client, pw.convenor_officer)
    page = client.get(_url("qualification", pw.movement.uuid)).content.decode()
    assert f'href="{_url("proposal_create")}?phong-trao={pw.movement.uuid}"' in page
    assert f'href="{_url("movement", pw.movement.uuid)}"' in page  # the way back


def test_the_proposal_form_opened_from_a_movement_has_it_chosen(
    client: Client, pw: ProposalWorld
) -> None:
    login(client, pw.convenor_officer)
    response = client.get(_url("proposal_create"), {"phong-trao": str(pw.movement.uuid)})
    form = response.context["form"]
    assert form["movement"].value() == pw.movement.uuid
    assert form["year"].value() == 2012


def test_an_unknown_or_unseen_movement_in_the_address_chooses_nothing(
    client: Client, pw: ProposalWorld
) -> None:
    login(client, pw.people.unassigned)
    for value in (str(pw.movement.uuid), "khong-phai-uuid"):
        response = client.get(_url("proposal_create"), {"phong-trao": value})
        assert response.status_code == 200
        assert response.context["form"]["movement"].value() is None


def test_the_conditions_read_in_the_darker_colours_on_a_highlighted_line(
    client: Client, pw: ProposalWorld
) -> None:
    """Bootstrap's plain green and red fail the contrast ratio on the yellow of an override."""
    proposal = flag_proposal(pw, "chairman_merit")
    services_proposals.nominee_add(
        actor=pw.convenor_officer,
        proposal=proposal,
        unit=pw.members[3],
        override_reason="Thành tích đột xuất",
    )
    login(client, pw.convenor_officer)
    page = client.get(_url("proposal", proposal.uuid)).content.decode()
    assert 'class="text-danger-emphasis"' in page
    assert 'class="text-success-emphasis"' in page
    assert 'class="text-danger"' not in page
    assert "text-danger p-0" not in page  # the line's "Bỏ" button


def test_the_dossier_names_each_draft_and_the_line_its_total_as_people_write_it(
    client: Client, pw: ProposalWorld
) -> None:
    proposal = submitted_flag(pw)
    login(client, pw.convenor_officer)
    page = client.get(_url("proposal", proposal.uuid)).content.decode()
    assert proposal.cover_note is not None
    cover = reverse("documents:outgoing_detail", args=[proposal.cover_note.uuid])
    assert f'<a href="{cover}">Tờ trình</a>:' in page
    assert "<td>1 · 95</td>" in page  # not 95,00


def test_the_proposal_form_offers_the_titles_of_the_rules_for_the_movements_year(
    client: Client, pw: ProposalWorld
) -> None:
    """A title only the version in force for the movement's year has is offered for that
    movement, and not on a form for a year judged by a later version."""
    version = (
        RuleSet.objects.filter(kind="emulation.titles", effective_from__lte=date(2012, 12, 31))
        .order_by("-effective_from")
        .first()
    )
    assert version is not None
    older = dict(version.data)
    older["titles"] = [
        *older["titles"],
        {**older["titles"][0], "code": "old_banner", "name": "Cờ thi đua cũ"},
    ]
    RuleSet.objects.filter(pk=version.pk).update(data=older)
    login(client, pw.convenor_officer)
    from_movement = client.get(_url("proposal_create"), {"phong-trao": str(pw.movement.uuid)})
    codes = {code for code, _label in from_movement.context["form"].fields["title_code"].choices}
    assert "old_banner" in codes
    later = client.get(_url("proposal_create"))
    codes = {code for code, _label in later.context["form"].fields["title_code"].choices}
    assert "old_banner" not in codes
