"""Proposals through the services: who proposes, the checks kept on each line, a failed
condition with and without a reason, the quota as a hard stop, the vote at and below its
threshold, the dossier drafted as outgoing documents, the decision making the register."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.support.emulation_proposals import (
    ProposalWorld,
    award_row,
    decided_flag,
    decision,
    flag_proposal,
    pw,
    staff_proposal,
    submitted_flag,
    voted,
)
from vanphong.core.models import AuditEvent
from vanphong.documents.models import OutgoingStatus
from vanphong.emulation import services_awards, services_proposals
from vanphong.emulation.models import Award, ProposalStatus

__all__ = ["pw"]


def test_the_convenor_proposes_a_unit_title_for_its_movement(pw: ProposalWorld) -> None:
    proposal = flag_proposal(pw)
    assert proposal.proposing_unit == pw.convenor
    assert proposal.year == 2012
    assert proposal.title_name == "Cờ thi đua của Ủy ban nhân dân tỉnh"
    assert proposal.awarding_body == "Chủ tịch Ủy ban nhân dân tỉnh"


def test_a_member_may_not_propose_the_blocs_flag(pw: ProposalWorld) -> None:
    with pytest.raises(PermissionDenied):
        services_proposals.proposal_create(
            actor=pw.officer(pw.chau_thanh), title_code="provincial_flag", movement=pw.movement
        )


def test_a_unit_title_without_a_movement_is_refused(pw: ProposalWorld) -> None:
    with pytest.raises(ValidationError) as refused:
        services_proposals.proposal_create(
            actor=pw.convenor_officer,
            title_code="provincial_flag",
            year=2012,
            proposing_unit=pw.convenor,
        )
    assert "movement" in refused.value.message_dict


def test_adding_the_first_ranked_unit_keeps_its_checks_all_met(pw: ProposalWorld) -> None:
    proposal = flag_proposal(pw)
    nominee = services_proposals.nominee_add(
        actor=pw.convenor_officer, proposal=proposal, unit=pw.chau_thanh
    )
    assert nominee.rank == 1
    assert str(nominee.total) == "95.00"
    assert [c["code"] for c in nominee.checks] == [
        "pledged",
        "complete_scores",
        "rank_at_most",
        "total_at_least",
        "quota",
    ]
    assert all(c["met"] for c in nominee.checks)
    assert nominee.override_reason == ""


def test_a_unit_failing_a_condition_is_refused_with_the_condition_named(pw: ProposalWorld) -> None:
    proposal = flag_proposal(pw, "chairman_merit")
    go_dau = pw.members[3]
    with pytest.raises(ValidationError) as refused:
        services_proposals.nominee_add(actor=pw.convenor_officer, proposal=proposal, unit=go_dau)
    message = refused.value.message_dict["override_reason"][0]
    assert go_dau.name in message
    assert "Xếp hạng 4; cần hạng 3 trở lên." in message
    assert "Tổng điểm 60; cần từ 85." in message
    assert not proposal.nominees.exists()


def test_a_unit_failing_a_condition_goes_ahead_with_a_reason_recorded_and_audited(
    pw: ProposalWorld,
) -> None:
    proposal = flag_proposal(pw, "chairman_merit")
    go_dau = pw.members[3]
    nominee = services_proposals.nominee_add(
        actor=pw.convenor_officer,
        proposal=proposal,
        unit=go_dau,
        override_reason="Đơn vị có thành tích đột xuất trong phòng chống lụt bão",
    )
    assert nominee.override_reason.startswith("Đơn vị có thành tích đột xuất")
    assert {c["code"] for c in nominee.checks if not c["met"]} == {"rank_at_most", "total_at_least"}
    event = AuditEvent.objects.filter(action="nominee.add").latest("seq")
    assert event.after is not None
    assert event.after["override_reason"] == nominee.override_reason
    assert event.after["failed"] == ["rank_at_most", "total_at_least"]


def test_a_second_flag_in_the_bloc_is_refused_even_with_a_reason(pw: ProposalWorld) -> None:
    proposal = flag_proposal(pw)
    services_proposals.nominee_add(actor=pw.convenor_officer, proposal=proposal, unit=pw.chau_thanh)
    with pytest.raises(ValidationError) as refused:
        services_proposals.nominee_add(
            actor=pw.convenor_officer,
            proposal=proposal,
            unit=pw.members[1],
            override_reason="Đơn vị đứng thứ hai sát nút",
        )
    message = refused.value.message_dict["unit"][0]
    assert "Vượt chỉ tiêu" in message
    assert "1/1" in message
    assert proposal.nominees.count() == 1


def test_a_unit_outside_the_bloc_cannot_be_nominated(pw: ProposalWorld) -> None:
    proposal = flag_proposal(pw)
    with pytest.raises(ValidationError) as refused:
        services_proposals.nominee_add(
            actor=pw.convenor_officer, proposal=proposal, unit=pw.people.province
        )
    assert "không thuộc khối" in refused.value.message_dict["unit"][0]


def test_a_vote_at_the_threshold_is_recorded_and_the_proposal_is_voted(pw: ProposalWorld) -> None:
    proposal = flag_proposal(pw)
    services_proposals.nominee_add(actor=pw.convenor_officer, proposal=proposal, unit=pw.chau_thanh)
    voted(pw, proposal, voters=9, votes=6)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.VOTED
    assert (proposal.voters, proposal.nominees.get().votes_for) == (9, 6)


def test_a_vote_below_the_threshold_is_refused_with_the_count_and_threshold(
    pw: ProposalWorld,
) -> None:
    proposal = flag_proposal(pw)
    nominee = services_proposals.nominee_add(
        actor=pw.convenor_officer, proposal=proposal, unit=pw.chau_thanh
    )
    with pytest.raises(ValidationError) as refused:
        voted(pw, proposal, voters=9, votes=5)
    message = refused.value.message_dict[f"votes_{nominee.pk}"][0]
    assert "5/9 phiếu đồng ý (55,6%)" in message
    assert "ngưỡng 2/3 (66,7%)" in message
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


def test_the_dossier_is_three_outgoing_drafts_of_the_convenor_with_their_docx(
    pw: ProposalWorld,
) -> None:
    proposal = flag_proposal(pw)
    services_proposals.nominee_add(actor=pw.convenor_officer, proposal=proposal, unit=pw.chau_thanh)
    voted(pw, proposal)
    proposal = services_proposals.dossier_draft(actor=pw.convenor_officer, proposal=proposal)
    documents = [proposal.cover_note, proposal.list_document, proposal.minutes]
    assert [d.type_symbol for d in documents if d] == ["TTr", "BC", "BB"]
    for document in documents:
        assert document is not None
        assert document.unit == pw.convenor
        assert document.status == OutgoingStatus.DRAFT
        assert document.attachments.count() == 1
    assert proposal.minutes is not None
    assert "9/9 phiếu đồng ý" in proposal.minutes.versions.get().body


def test_the_dossier_waits_for_the_vote(pw: ProposalWorld) -> None:
    proposal = flag_proposal(pw)
    services_proposals.nominee_add(actor=pw.convenor_officer, proposal=proposal, unit=pw.chau_thanh)
    with pytest.raises(ValidationError):
        services_proposals.dossier_draft(actor=pw.convenor_officer, proposal=proposal)


def test_the_decision_awards_the_lines_and_makes_the_register(pw: ProposalWorld) -> None:
    proposal = decided_flag(pw)
    assert proposal.status == ProposalStatus.DECIDED
    award = Award.objects.get()
    assert (award.unit, award.register_unit, award.year) == (pw.chau_thanh, pw.chau_thanh, 2012)
    assert award.decision_number == "215/QĐ-UBND"
    assert award.decided_on == date(2013, 1, 30)
    assert award.nominee == proposal.nominees.get()
    assert proposal.nominees.get().awarded is True


def test_a_line_left_out_of_the_decision_is_marked_not_awarded(pw: ProposalWorld) -> None:
    proposal = flag_proposal(pw, "chairman_merit")
    a = services_proposals.nominee_add(
        actor=pw.convenor_officer, proposal=proposal, unit=pw.members[1]
    )
    b = services_proposals.nominee_add(
        actor=pw.convenor_officer, proposal=proposal, unit=pw.members[2]
    )
    voted(pw, proposal)
    services_proposals.dossier_draft(actor=pw.convenor_officer, proposal=proposal)
    services_proposals.proposal_submit(actor=pw.convenor_officer, proposal=proposal)
    found = decision(pw, pw.convenor, pw.people.province_clerk)
    services_awards.decision_link(
        actor=pw.convenor_officer, proposal=proposal, decision=found, awarded=[a.pk]
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.awarded, b.awarded) == (True, False)
    assert list(Award.objects.values_list("unit", flat=True)) == [pw.members[1].pk]


def test_a_decision_from_another_units_book_is_refused(pw: ProposalWorld) -> None:
    proposal = submitted_flag(pw)
    elsewhere = decision(pw, pw.people.chau_thanh_office, pw.people.chau_thanh_clerk)
    with pytest.raises(ValidationError) as refused:
        services_awards.decision_link(
            actor=pw.convenor_officer, proposal=proposal, decision=elsewhere
        )
    assert "decision" in refused.value.message_dict


def test_an_advanced_worker_is_proposed_by_the_persons_office_with_the_staff_vote(
    pw: ProposalWorld,
) -> None:
    proposal = staff_proposal(pw, "advanced_worker")
    assert proposal.proposing_unit == pw.chau_thanh
    nominee = services_proposals.nominee_add(
        actor=pw.officer(pw.chau_thanh),
        proposal=proposal,
        person=pw.staff[0],
        achievements="Hoàn thành tốt nhiệm vụ văn thư",
    )
    assert all(c["met"] for c in nominee.checks)
    with pytest.raises(ValidationError):
        voted(pw, proposal, voters=20, votes=9)  # below half of the staff voting
    voted(pw, proposal, voters=20, votes=10)


def test_a_person_of_another_office_is_not_its_staff(pw: ProposalWorld) -> None:
    proposal = staff_proposal(pw, "advanced_worker")
    with pytest.raises(ValidationError) as refused:
        services_proposals.nominee_add(
            actor=pw.officer(pw.chau_thanh),
            proposal=proposal,
            person=pw.people.hoa_thanh_clerk,
            achievements="x",
        )
    assert "không phải cán bộ" in refused.value.message_dict["person"][0]


def test_a_fighter_without_the_advanced_worker_title_needs_a_reason(pw: ProposalWorld) -> None:
    proposal = staff_proposal(pw, "grassroots_fighter")
    with pytest.raises(ValidationError) as refused:
        services_proposals.nominee_add(
            actor=pw.officer(pw.chau_thanh), proposal=proposal, person=pw.staff[0], initiative=True
        )
    assert "Lao động tiên tiến năm 2012" in refused.value.message_dict["override_reason"][0]


def test_a_fighter_holding_the_title_of_the_year_in_the_register_passes(pw: ProposalWorld) -> None:
    award_row(
        year=2012,
        title_code="advanced_worker",
        title_name="Lao động tiên tiến",
        register_unit=pw.chau_thanh,
        person=pw.staff[0],
    )
    proposal = staff_proposal(pw, "grassroots_fighter")
    nominee = services_proposals.nominee_add(
        actor=pw.officer(pw.chau_thanh), proposal=proposal, person=pw.staff[0], initiative=True
    )
    assert all(c["met"] for c in nominee.checks)


def test_under_the_2022_law_fighters_beyond_fifteen_percent_are_refused(pw: ProposalWorld) -> None:
    for member in pw.staff[:7]:
        award_row(
            year=2024,
            title_code="advanced_worker",
            title_name="Lao động tiên tiến",
            register_unit=pw.chau_thanh,
            person=member,
        )
    proposal = staff_proposal(pw, "grassroots_fighter", year=2024)
    actor = pw.officer(pw.chau_thanh)
    services_proposals.nominee_add(
        actor=actor, proposal=proposal, person=pw.staff[0], initiative=True
    )
    with pytest.raises(ValidationError) as refused:
        services_proposals.nominee_add(
            actor=actor, proposal=proposal, person=pw.staff[1], initiative=True, override_reason="x"
        )
    message = refused.value.message_dict["person"][0]
    assert "tối đa 15% của 7 Lao động tiên tiến, tức 1" in message


def test_a_manual_line_enters_the_register_and_is_audited(pw: ProposalWorld) -> None:
    award = services_awards.award_add(
        actor=pw.officer(pw.chau_thanh),
        register_unit=pw.chau_thanh,
        year=2010,
        title_code="advanced_worker",
        title_name="",
        awarding_body="",
        decision_number="Số 03/QĐ-VPHU",
        decided_on=date(2011, 1, 10),
        person=pw.staff[2],
    )
    assert award.title_name == "Lao động tiên tiến"
    assert award.awarding_body == "Thủ trưởng cơ quan, đơn vị"
    assert AuditEvent.objects.filter(action="award.add").count() == 1


def test_a_manual_line_of_another_units_register_is_refused(pw: ProposalWorld) -> None:
    with pytest.raises(PermissionDenied):
        services_awards.award_add(
            actor=pw.officer(pw.chau_thanh),
            register_unit=pw.members[1],
            year=2010,
            title_name="Giấy khen",
            awarding_body="Huyện ủy",
            decision_number="Số 1",
            decided_on=date(2011, 1, 10),
            unit=pw.members[1],
        )


def test_a_decision_dated_before_the_councils_vote_is_refused(pw: ProposalWorld) -> None:
    proposal = submitted_flag(pw)
    found = decision(pw, pw.convenor, pw.people.province_clerk)
    with pytest.raises(ValidationError) as refused:
        services_awards.decision_link(
            actor=pw.convenor_officer,
            proposal=proposal,
            decision=found,
            decided_on=date(2013, 1, 19),
        )
    assert "20/01/2013" in refused.value.message_dict["decided_on"][0]
    assert not Award.objects.exists()


def test_a_second_open_proposal_of_the_same_title_is_refused(pw: ProposalWorld) -> None:
    flag_proposal(pw)
    with pytest.raises(ValidationError) as refused:
        flag_proposal(pw)
    assert "đang lập hoặc chờ quyết định" in refused.value.message_dict["title_code"][0]
