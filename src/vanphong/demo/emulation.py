"""Demo emulation: the 2011 movement of the nine town and district committee Offices of Tây Ninh.

Văn phòng Tỉnh ủy convenes the bloc, launches the movement after Tết 2011 on a criteria set of
measured criteria (computed from the 2011 demo documents, programme, schedules, tasks and
letters) and assessed ones; the Offices pledge, score themselves, score one another and are
scored by the provincial council. The ranking is computed from those scores, and the titles the
rules allow follow from it: the seed reports the flag to Châu Thành and certificates of merit
to Hòa Thành and Dương Minh Châu (baotayninh.vn, 17/02/2012), and the assessed scores below were
shaped until the scoring gives that — the outcome itself is never written here. The awarding
body's two decisions are the incoming documents the 2011 traffic already holds; the review
conference is the weekly-schedule entry of the afternoon of 16/02/2012.

Everything goes through the services. Services stamp today's date where a user acts today
(pledges, sheets, measurements); the loader puts the 2011–2012 dates back with bulk updates, as
the other demo loaders do, and the audit log keeps the real time of loading.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import IO, Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from vanphong.demo.petitions_story import pdf
from vanphong.documents.models import IncomingDocument, OutgoingDocument
from vanphong.emulation import (
    services,
    services_awards,
    services_measure,
    services_movement,
    services_proposals,
    services_review,
    services_scoring,
)
from vanphong.emulation.models import (
    Criterion,
    CriterionKind,
    Measurement,
    Movement,
    MovementStatus,
    Pledge,
    Proposal,
    ReviewMode,
    Round,
    ScoreSheet,
)
from vanphong.emulation.selectors_proposals import qualification
from vanphong.org.models import Person, Unit, UnitKind
from vanphong.planning.models import Entry

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = 2011
BLOC = "Khối thi đua Văn phòng các huyện ủy, thị ủy"
MOVEMENT = (
    "Phong trào thi đua yêu nước năm 2011 của Văn phòng các huyện ủy, thị ủy: thi đua hoàn thành "
    "xuất sắc nhiệm vụ tham mưu, phục vụ cấp ủy"
)
LAUNCHED = date(2011, 2, 21)
PLEDGE_DEADLINE = date(2011, 3, 15)

# (group code, group title, criteria: (code, title, kind, max points, measure, scale))
BANDS_10: dict[str, Any] = {
    "kind": "bands",
    "bands": [[0.95, 10], [0.9, 9], [0.8, 8], [0.7, 6], [0, 4]],
}
BANDS_5: dict[str, Any] = {
    "kind": "bands",
    "bands": [[0.95, 5], [0.9, 4.5], [0.8, 4], [0.7, 3], [0, 2]],
}
M, A = str(CriterionKind.MEASURED), str(CriterionKind.ASSESSED)
Spec = tuple[str, str, str, int, str, dict[str, Any]]
CRITERIA: tuple[tuple[str, str, tuple[Spec, ...]], ...] = (
    ("I", "Công tác tham mưu, tổng hợp và theo dõi thực hiện", (
        ("1.1", "Chương trình công tác năm của cấp ủy được thực hiện", M, 10,
         "planning.programme_done", BANDS_10),
        ("1.2", "Lịch làm việc tuần được ban hành trước tuần", M, 5,
         "planning.schedules_on_time", BANDS_5),
        ("1.3", "Tham mưu sơ kết, tổng kết nghị quyết, chỉ thị kịp thời, đúng quy định", A, 10,
         "", {}),
        ("1.4", "Nhiệm vụ cấp ủy giao được hoàn thành đúng hạn", M, 10,
         "directives.tasks_on_time", BANDS_10),
    )),
    ("II", "Công tác văn thư, lưu trữ", (
        ("2.1", "Văn bản đến được xử lý đúng hạn", M, 10, "documents.incoming_on_time", BANDS_10),
        ("2.2", "Văn bản phát hành không phải thu hồi", M, 5, "documents.outgoing_not_recalled",
         BANDS_5),
        ("2.3", "Hồ sơ được nộp lưu vào lưu trữ cơ quan đúng hạn", M, 5,
         "archives.files_on_time", BANDS_5),
    )),
    ("III", "Công tác nội chính – tiếp dân", (
        ("3.1", "Đơn thư được xử lý trong thời hạn luật định", M, 10,
         "petitions.handled_within_clock", BANDS_10),
        ("3.2", "Tham mưu tiếp công dân định kỳ của đồng chí Bí thư", A, 5, "", {}),
    )),
    ("IV", "Công tác cơ yếu – công nghệ thông tin, tài chính, quản trị", (
        ("4.1", "Cơ yếu – công nghệ thông tin: bảo đảm thông tin thông suốt, an toàn, bí mật", A,
         10, "", {}),
        ("4.2", "Tài chính, quản trị: chi đúng chế độ, phục vụ hội nghị chu đáo", A, 10, "", {}),
    )),
    ("V", "Xây dựng cơ quan, tổ chức phong trào thi đua", (
        ("5.1", "Xây dựng cơ quan vững mạnh; tổ chức, hưởng ứng phong trào thi đua", A, 10, "",
         {}),
    )),
    ("VI", "Điểm thưởng, điểm trừ", (
        ("6.1", "Sáng kiến, mô hình mới được cấp có thẩm quyền công nhận", CriterionKind.BONUS, 5,
         "", {}),
        ("6.2", "Sai sót bị cấp trên phê bình, nhắc nhở bằng văn bản", CriterionKind.PENALTY, 5,
         "", {}),
    )),
)  # fmt: skip
HAND_SCORED = ("1.3", "3.2", "4.1", "4.2", "5.1", "6.1", "6.2")

# The provincial council's scores of the hand-scored criteria (in HAND_SCORED order), and how
# far above them each Office scored itself and the bloc scored it (the bloc's mean).
COUNCIL: dict[str, tuple[str, ...]] = {
    "thixa": ("8.5", "4", "8.5", "8", "8.5", "1", "0"),
    "tanbien": ("8", "4", "8", "8.5", "8", "0", "0.5"),
    "tanchau": ("8", "4", "8", "8", "8", "0", "1"),
    "duongminhchau": ("9", "4.5", "9", "9", "9", "2", "0"),
    "chauthanh": ("9.5", "5", "9.5", "9.5", "9.5", "3", "0"),
    "hoathanh": ("9.5", "5", "9.5", "9.5", "9.5", "2.5", "0"),
    "godau": ("8", "4", "8", "8", "8", "1", "0"),
    "bencau": ("7.5", "3.5", "8", "8", "8", "0", "1"),
    "trangbang": ("8.5", "4", "8.5", "8", "8", "1", "0"),
}
SELF_ABOVE = ("0.5", "0", "0.5", "0.5", "0.5", "0", "0")
BLOC_ABOVE = ("0.5", "0", "0", "0.5", "0", "0", "0")
# Each member's bloc-round sheet departs from the bloc's mean by these, in turn: they sum to
# zero over the eight reviewers of a unit, so the mean is the bloc's score.
SPREAD = ("0.5", "-0.5", "0.25", "-0.25", "0", "0", "0.5", "-0.5")
REASONS = {
    Round.BLOC: "Đối chiếu báo cáo thành tích và minh chứng của đơn vị, khối thống nhất mức điểm",
    Round.COUNCIL: "Hội đồng thi đua xem xét kết quả chấm chéo của khối và minh chứng kèm theo",
}
PLEDGES = {
    "chauthanh": ["provincial_flag"],
    "hoathanh": ["provincial_flag"],
    "duongminhchau": ["chairman_merit"],
    "thixa": ["chairman_merit"],
    "trangbang": ["chairman_merit"],
}


@dataclass(frozen=True)
class _Office:
    key: str
    unit: Unit
    officer: Person  # the Office's emulation officer, or its chief


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZONE)


def _offices(district_keys: dict[str, str]) -> list[_Office]:
    found: list[_Office] = []
    for name, key in district_keys.items():
        committee = Unit.objects.filter(name=name).first()
        office = Unit.objects.filter(parent=committee, kind=UnitKind.OFFICE).first()
        officer = (
            Person.objects.filter(username=f"thidua.{key}").first()
            or Person.objects.filter(username=f"cvp.{key}").first()
        )
        if office is not None and officer is not None:
            found.append(_Office(key, office, officer))
    return found


def load(district_keys: dict[str, str]) -> None:
    """Load the 2011 emulation (skipped when the movement is there, and with no year of
    documents — settings.VANPHONG_DEMO_SCALE = 0 — since it is measured from them)."""
    if float(getattr(settings, "VANPHONG_DEMO_SCALE", 1.0)) <= 0:
        return
    convenor = Unit.objects.filter(name="Văn phòng Tỉnh ủy").first()
    runner = Person.objects.filter(username="thidua.tinhuy").first()
    chief = Person.objects.filter(username="cvp.tinhuy").first()
    if convenor is None or runner is None or chief is None:
        return
    if Movement.objects.filter(year=YEAR, bloc__name=BLOC).exists():
        return
    offices = _offices(district_keys)
    with transaction.atomic():
        movement = _launch(convenor, runner, offices)
        _pledge(movement, offices)
        services_movement.movement_advance(
            actor=runner, movement=movement, to=MovementStatus.SCORING
        )
        services_measure.measurements_compute(
            movement=movement, actor=runner, as_of=date(YEAR, 12, 31)
        )
        Measurement.objects.filter(movement=movement).update(computed_at=_at(date(2012, 1, 3)))
        _score(movement, offices, runner)
        services_movement.movement_rank(actor=runner, movement=movement)
        _propose(movement, runner, chief, offices)
        _review(convenor, chief)


def _launch(convenor: Unit, runner: Person, offices: list[_Office]) -> Movement:
    bloc = services.bloc_create(actor=runner, name=BLOC, convenor=convenor)
    for position, office in enumerate(offices, start=1):
        services.bloc_member_add(
            actor=runner, bloc=bloc, unit=office.unit, joined_on=date(2010, 1, 1),
            position=position,
        )  # fmt: skip
    criteria_set = services.criteria_set_create(
        actor=runner,
        year=YEAR,
        name="Bảng tiêu chí thi đua Văn phòng các huyện ủy, thị ủy năm 2011",
        source="Hướng dẫn của Văn phòng Tỉnh ủy về thi đua năm 2011 (dữ liệu minh họa)",
    )
    for group_code, group_title, criteria in CRITERIA:
        group = services.criterion_group_add(
            actor=runner, criteria_set=criteria_set, code=group_code, title=group_title
        )
        for code, title, kind, max_points, measure, scale in criteria:
            services.criterion_add(
                actor=runner, group=group, code=code, title=title, kind=kind,
                max_points=Decimal(max_points), measure=measure, scale=dict(scale),
            )  # fmt: skip
    # The bloc's leader rotates each year; in 2011 it was the town's Office.
    return services_movement.movement_launch(
        actor=runner,
        bloc=bloc,
        year=YEAR,
        title=MOVEMENT,
        launched_on=LAUNCHED,
        pledge_deadline=PLEDGE_DEADLINE,
        criteria_set=criteria_set,
        leader_unit=offices[0].unit,
        review_mode=ReviewMode.MEMBERS,
    )


def _pledge(movement: Movement, offices: list[_Office]) -> None:
    # The pledges were made in March 2011: the deadline is lifted while they are recorded
    # today, then the dates are put back.
    Movement.objects.filter(pk=movement.pk).update(pledge_deadline=date(9999, 12, 31))
    movement.refresh_from_db()
    for day, office in enumerate(offices, start=1):
        services_movement.pledge_register(
            actor=office.officer,
            movement=movement,
            unit=office.unit,
            titles=PLEDGES.get(office.key, ["excellent_collective"]),
            content="Đăng ký thi đua hoàn thành xuất sắc nhiệm vụ năm 2011",
        )
        Pledge.objects.filter(movement=movement, unit=office.unit).update(
            registered_on=date(2011, 3, day), late=False
        )
    Movement.objects.filter(pk=movement.pk).update(pledge_deadline=PLEDGE_DEADLINE)
    movement.refresh_from_db()


def _criteria(movement: Movement) -> dict[str, Criterion]:
    return {
        c.code: c
        for c in Criterion.objects.filter(group__criteria_set=movement.criteria_set_id).exclude(
            kind=CriterionKind.MEASURED
        )
    }


def _evidence_document(office: _Office) -> OutgoingDocument | None:
    """The Office's own report of its year, which backs its self-assessment."""
    issued = OutgoingDocument.objects.filter(unit__parent=office.unit.parent_id)
    for words in ("thành tích", "tổng kết công tác văn phòng", "Báo cáo"):
        found = (
            OutgoingDocument.objects.filter(unit=office.unit, subject__icontains=words)
            .order_by("-issued_on", "-id")
            .first()
        ) or issued.filter(subject__icontains=words).order_by("-issued_on", "-id").first()
        if found is not None:
            return found
    return None


def _points(base: str, *offsets: str, ceiling: Decimal) -> Decimal:
    raw = Decimal(base) + sum((Decimal(o) for o in offsets), Decimal(0))
    return min(max(raw, Decimal(0)), ceiling)


def _score(movement: Movement, offices: list[_Office], runner: Person) -> None:
    criteria = _criteria(movement)
    for office in offices:
        council = COUNCIL[office.key]
        sheet = services_scoring.sheet_open(
            actor=office.officer, movement=movement, unit=office.unit, round=Round.SELF
        )
        scores = services_scoring.sheet_save(
            actor=office.officer,
            sheet=sheet,
            entries=[
                (
                    criteria[code],
                    _points(
                        council[i],
                        SELF_ABOVE[i],
                        BLOC_ABOVE[i],
                        ceiling=criteria[code].max_points,
                    ),
                    "",
                )
                for i, code in enumerate(HAND_SCORED)
            ],
        )
        document = _evidence_document(office)
        for score in scores:
            if score.criterion.kind == CriterionKind.ASSESSED and score.points > 0:
                if document is not None:
                    services_scoring.evidence_add(
                        actor=office.officer, score=score, outgoing=document,
                        note="Báo cáo của Văn phòng",
                    )  # fmt: skip
                else:
                    services_scoring.evidence_add(
                        actor=office.officer, score=score, upload=_report(office),
                        file_name="bao-cao-thanh-tich-2011.pdf",
                    )  # fmt: skip
        services_scoring.sheet_submit(actor=office.officer, sheet=sheet)
    for office in offices:
        council = COUNCIL[office.key]
        others = [o for o in offices if o.unit.pk != office.unit.pk]
        for turn, reviewer in enumerate(others):
            sheet = services_scoring.sheet_open(
                actor=reviewer.officer, movement=movement, unit=office.unit, round=Round.BLOC,
                reviewer_unit=reviewer.unit,
            )  # fmt: skip
            spread = SPREAD[turn % len(SPREAD)] if len(others) == len(SPREAD) else "0"
            services_scoring.sheet_save(
                actor=reviewer.officer,
                sheet=sheet,
                entries=[
                    (
                        criteria[code],
                        _points(
                            council[i],
                            BLOC_ABOVE[i],
                            spread if i < 5 else "0",
                            ceiling=criteria[code].max_points,
                        ),
                        REASONS[Round.BLOC],
                    )
                    for i, code in enumerate(HAND_SCORED)
                ],
            )
            services_scoring.sheet_submit(actor=reviewer.officer, sheet=sheet)
    for office in offices:
        council = COUNCIL[office.key]
        sheet = services_scoring.sheet_open(
            actor=runner, movement=movement, unit=office.unit, round=Round.COUNCIL
        )
        services_scoring.sheet_save(
            actor=runner,
            sheet=sheet,
            entries=[
                (criteria[code], Decimal(council[i]), REASONS[Round.COUNCIL])
                for i, code in enumerate(HAND_SCORED)
            ],
        )
        services_scoring.sheet_submit(actor=runner, sheet=sheet)
    stamps = {Round.SELF: date(2011, 12, 28), Round.BLOC: date(2012, 1, 5)}
    for round_, day in stamps.items():
        ScoreSheet.objects.filter(movement=movement, round=round_).update(submitted_at=_at(day))
    ScoreSheet.objects.filter(movement=movement, round=Round.COUNCIL).update(
        submitted_at=_at(date(2012, 1, 9), 15)
    )


def _report(office: _Office) -> IO[bytes]:
    """A PDF: the file store takes documents and scans only (a text file is refused)."""
    text = f"Báo cáo thành tích năm 2011 của {office.unit.name} (bản minh họa)"
    return io.BytesIO(pdf(text))


def _decision(words: str) -> IncomingDocument | None:
    return (
        IncomingDocument.objects.filter(
            unit__name="Văn phòng Tỉnh ủy", subject__icontains=words, document_date__year=2012
        )
        .order_by("id")
        .first()
    )


def _propose(movement: Movement, runner: Person, chief: Person, offices: list[_Office]) -> None:
    _titles, lines = qualification(movement)
    qualified = {line.unit.pk: line.titles for line in lines}
    decisions = {
        "provincial_flag": _decision("tặng Cờ thi đua"),
        "chairman_merit": _decision("tặng Bằng khen"),
    }
    for code, decision in decisions.items():
        units = [line.unit for line in lines if code in qualified[line.unit.pk]]
        if not units:
            continue
        proposal = services_proposals.proposal_create(
            actor=runner, title_code=code, movement=movement
        )
        nominees = [
            services_proposals.nominee_add(
                actor=runner,
                proposal=proposal,
                unit=unit,
                achievements="Hoàn thành xuất sắc nhiệm vụ tham mưu, phục vụ cấp ủy năm 2011",
            )
            for unit in units
        ]
        services_proposals.vote_record(
            actor=runner,
            proposal=proposal,
            voters=9,
            voted_on=date(2012, 1, 9),
            votes={nominee.pk: 9 - n for n, nominee in enumerate(nominees)},
        )
        services_proposals.dossier_draft(actor=runner, proposal=proposal)
        services_proposals.proposal_submit(actor=runner, proposal=proposal)
        if decision is not None:
            services_awards.decision_link(
                actor=chief,
                proposal=proposal,
                decision=decision,
                decision_number=decision.number_symbol,
                decided_on=decision.document_date,
            )
        Proposal.objects.filter(pk=proposal.pk).update(created_at=_at(date(2012, 1, 9)))


def _review(convenor: Unit, chief: Person) -> None:
    services_review.review_texts_update(
        actor=chief,
        unit=convenor,
        year=YEAR,
        texts={
            "crypto_it": (
                "Bảo đảm thông tin liên lạc cơ yếu thông suốt, an toàn tuyệt đối phục vụ cuộc "
                "bầu cử ngày 22/5/2011; triển khai phần mềm quản lý văn bản đến các huyện, thị ủy."
            ),
            "finance": "Quản lý, sử dụng kinh phí đúng chế độ; quyết toán năm 2010 đúng hạn.",
            "administration": (
                "Phục vụ chu đáo các hội nghị của Tỉnh ủy, Ban Thường vụ và Thường trực Tỉnh ủy; "
                "bảo đảm phương tiện, tài sản cơ quan."
            ),
            "tasks_next": (
                "Nâng cao chất lượng tham mưu; đẩy mạnh cải cách hành chính, ứng dụng công nghệ "
                "thông tin trong hoạt động của Văn phòng cấp ủy năm 2012."
            ),
        },
    )
    entry = (
        Entry.objects.filter(
            day=date(2012, 2, 16), content__icontains="tổng kết công tác Văn phòng cấp ủy"
        )
        .order_by("-id")
        .first()
    )
    if entry is not None:
        services_review.review_conference_link(
            actor=chief, unit=convenor, year=YEAR, lineage=entry.lineage
        )
    report = OutgoingDocument.objects.filter(
        unit=convenor, subject__icontains="Báo cáo tổng kết công tác văn phòng cấp ủy năm 2011"
    ).first()
    conclusions = OutgoingDocument.objects.filter(
        unit=convenor, subject__icontains="kết luận", subject__contains="Hội nghị tổng kết"
    ).first()
    services_review.review_documents_link(
        actor=chief,
        unit=convenor,
        year=YEAR,
        report=report.uuid if report else None,
        conclusions=conclusions.uuid if conclusions else None,
    )
