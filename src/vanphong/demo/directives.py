"""The demo's directives: what Tỉnh ủy Tây Ninh followed in 2011, broken into tasks.

Three directive-type documents, each broken into tasks for the provincial boards, the Office
and the district and town committees, and the Standing Committee's 2011 work programme item by
item:

- the Centre's directive on leading the elections of 22 May 2011 (National Assembly XIII and
  People's Councils 2011–2016);
- the Centre's directive on studying and carrying out the resolution of the XI Party Congress;
- the province's own programme of action for the resolution of its IX Congress (10/2010),
  issued on 25/04/2011 after the Standing Committee had moved it from March to April (the
  planning demo's 2011 programme).

The first two are the registry's own documents when the year of documents is loaded (the
Office registered them in January and February 2011); without it they are registered here
under their historical numbers. The story stops early in 2012, so the tasks are found in every
state: not started, in progress with reports, reported done and waiting, done on time and late,
overdue, open (no deadline, "thường xuyên"), impossible with the reason; a completion sent
back and reported again; extensions granted, refused and one still waiting. Two districts
(Châu Thành, Hòa Thành) break their election task into sub-tasks of their own.

Everything goes through the services as the demo's people, so permissions, states and the
audit log are real; afterwards the dates of the story are put back on the rows the services
stamped "now" (when a task was assigned, reported on, closed), as documents.py does: the
reviews (sơ kết, tổng kết) count a task as of a day by those dates. Audit events keep the
real time of loading. The provincial boards have no people in the demo, so nobody can report
for them: their tasks stay as assigned (the story written for them runs once someone acts for
the board). Deterministic, and a second load finds the province's directives and adds nothing.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from vanphong.core.models import Notification
from vanphong.core.vietnamese import fold
from vanphong.demo.documents import ELECTION
from vanphong.directives import services, services_decisions, services_reports
from vanphong.directives.models import (
    Delegation,
    Directive,
    ExtensionRequest,
    ExtensionStatus,
    ProgressReport,
    Recurrence,
    Task,
)
from vanphong.directives.selectors import decision_authority, decision_leaders
from vanphong.documents import services_delivery as documents_delivery
from vanphong.documents import services_incoming as documents_incoming
from vanphong.documents import services_outgoing as documents_outgoing
from vanphong.documents.models import (
    ApprovalStep,
    Delivery,
    DeliveryEvent,
    DraftVersion,
    IncomingDocument,
    IncomingStatus,
    Medium,
    OutgoingDocument,
    OutgoingStatus,
    SigningAuthority,
    Urgency,
)
from vanphong.org.models import Membership, Person, Role, Unit, UnitKind
from vanphong.planning.models import ItemState, ProgrammeStatus, WorkProgramme
from vanphong.planning.selectors import office_of
from vanphong.search import outbox

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
# uuid5 namespace of the documents registered here when the year of documents is not loaded.
SUBMISSIONS = uuid.UUID("0b6f4f0e-2011-4c7e-8d1a-51c7a0d1e2f3")
COMMITTEES = (UnitKind.PROVINCIAL_COMMITTEE, UnitKind.DISTRICT_COMMITTEE, UnitKind.TOWN_COMMITTEE)

ELECTION_PHRASE = "lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XIII"
CONGRESS_XI_PHRASE = "triển khai thực hiện Nghị quyết Đại hội XI"
PROGRAMME_IX = (
    "Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh "
    "lần thứ IX, nhiệm kỳ 2010 – 2015"
)
PROGRAMME_IX_ISSUED = date(2011, 4, 25)


# --- the story, as data --------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    """One thing that happened to a task, on a day of the story."""

    kind: str  # report, cannot, done, accept, return, extend, grant, refuse
    day: date
    text: str = ""
    to: date | None = None  # extend: the deadline asked for


def report(day: date, text: str) -> _Step:
    return _Step("report", day, text)


def cannot(day: date, reason: str) -> _Step:
    return _Step("cannot", day, reason)


def done(day: date, text: str) -> _Step:
    return _Step("done", day, text)


def accept(day: date) -> _Step:
    return _Step("accept", day)


def give_back(day: date, reason: str) -> _Step:
    return _Step("return", day, reason)


def extend(day: date, to: date, reason: str) -> _Step:
    return _Step("extend", day, reason, to)


def grant(day: date, note: str) -> _Step:
    return _Step("grant", day, note)


def refuse(day: date, note: str) -> _Step:
    return _Step("refuse", day, note)


# The hour of the day each kind of step happens at, so that a day's steps keep their order.
HOURS = {
    "report": 9,
    "extend": 10,
    "cannot": 10,
    "done": 14,
    "grant": 15,
    "refuse": 15,
    "return": 16,
    "accept": 16,
}


@dataclass(frozen=True)
class _Task:
    """A task as the story has it. `lead` and `supporting` name units: "office" (Văn phòng
    Tỉnh ủy), a board's symbol ("BTCTU"), a district's login key ("chauthanh"), or "vp."
    and the key for that district's Office. A sub-task names its parent's `key`."""

    key: str
    lead: str
    content: str
    assigned: date
    clause: str = ""
    product: str = ""
    deadline: date | None = None
    recurrence: str = Recurrence.NONE
    supporting: tuple[str, ...] = ()
    leader: str = ""
    parent: str = ""
    story: tuple[_Step, ...] = ()


D = date  # the tables below are mostly dates

ELECTION_RESULT = (
    "Lãnh đạo tổ chức cuộc bầu cử trên địa bàn; bảo đảm an ninh, trật tự trước, trong và sau "
    "ngày bầu cử 22/5/2011; báo cáo kết quả về Ban Thường vụ Tỉnh ủy"
)
DISTRICT_PROGRAMME = (
    "Xây dựng chương trình hành động của huyện ủy, thị ủy thực hiện Nghị quyết Đại hội XI của "
    "Đảng và Nghị quyết Đại hội IX Đảng bộ tỉnh; báo cáo Ban Thường vụ Tỉnh ủy"
)

ELECTION_TASKS: tuple[_Task, ...] = (
    _Task(
        "a-kehoach",
        "office",
        "Tham mưu Ban Thường vụ Tỉnh ủy ban hành Kế hoạch lãnh đạo cuộc bầu cử đại biểu Quốc "
        "hội khóa XIII và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2011 – 2016 trên địa bàn "
        "tỉnh",
        D(2011, 2, 9),
        clause="Mục 1",
        product="Kế hoạch",
        deadline=D(2011, 2, 25),
        supporting=("BTCTU", "BTGTU"),
        leader="pbt.tinhuy",
        story=(
            report(
                D(2011, 2, 14),
                "Đã dự thảo Kế hoạch, đang xin ý kiến Ban Tổ chức, Ban Tuyên giáo Tỉnh ủy.",
            ),
            done(
                D(2011, 2, 23),
                "Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch; đã gửi các "
                "huyện ủy, thị ủy và các ban đảng.",
            ),
            accept(D(2011, 2, 24)),
        ),
    ),
    _Task(
        "a-nhansu",
        "BTCTU",
        "Hướng dẫn và thẩm định công tác nhân sự: giới thiệu người ứng cử đại biểu Quốc hội, "
        "đại biểu Hội đồng nhân dân tỉnh bảo đảm tiêu chuẩn, cơ cấu; thẩm tra lý lịch người "
        "ứng cử",
        D(2011, 2, 9),
        clause="Mục 2, điểm a",
        product="Báo cáo thẩm định nhân sự",
        deadline=D(2011, 3, 31),
        supporting=("UBKTTU", "office"),
        leader="bithu.tinhuy",
        story=(
            report(D(2011, 3, 10), "Đã hướng dẫn các huyện, thị ủy; đang thẩm định hồ sơ."),
            done(D(2011, 3, 29), "Đã thẩm định xong nhân sự ứng cử; báo cáo Ban Thường vụ."),
            accept(D(2011, 3, 31)),
        ),
    ),
    _Task(
        "a-tuyentruyen",
        "BTGTU",
        "Chỉ đạo tuyên truyền sâu rộng về ý nghĩa, tầm quan trọng của cuộc bầu cử; định hướng "
        "thông tin trên Báo Tây Ninh, Đài Phát thanh – Truyền hình tỉnh",
        D(2011, 2, 9),
        clause="Mục 3",
        product="Kế hoạch tuyên truyền",
        deadline=D(2011, 5, 20),
        supporting=("BDVTU",),
        leader="pbt.tinhuy",
    ),
    _Task(
        "a-hiepthuong",
        "BDVTU",
        "Phối hợp Ủy ban Mặt trận Tổ quốc tỉnh tổ chức các hội nghị hiệp thương, lấy ý kiến "
        "cử tri nơi cư trú đối với người ứng cử",
        D(2011, 2, 10),
        clause="Mục 2, điểm c",
        product="Báo cáo",
        deadline=D(2011, 4, 20),
        leader="pbt.tinhuy",
    ),
    _Task(
        "a-donthu",
        "UBKTTU",
        "Tiếp nhận, xem xét, giải quyết kịp thời đơn thư khiếu nại, tố cáo liên quan đến người "
        "ứng cử",
        D(2011, 2, 10),
        clause="Mục 4",
        supporting=("BTCTU",),
        leader="bithu.tinhuy",
    ),
    _Task(
        "a-tiendo",
        "office",
        "Tổng hợp tiến độ công tác bầu cử của các huyện, thị; báo cáo Thường trực Tỉnh ủy",
        D(2011, 2, 10),
        clause="Mục 6",
        product="Báo cáo",
        deadline=D(2011, 6, 10),
        supporting=("BTCTU",),
        leader="pbt.tinhuy",
        story=(
            report(D(2011, 3, 10), "Đã báo cáo tiến độ tháng 2/2011."),
            report(
                D(2011, 4, 8),
                "Đã báo cáo tiến độ tháng 3/2011; các huyện hoàn thành hiệp thương lần hai.",
            ),
            report(D(2011, 5, 10), "Đã báo cáo tiến độ tháng 4/2011."),
            done(D(2011, 6, 8), "Đã báo cáo đủ các kỳ từ tháng 2 đến tháng 5/2011."),
            accept(D(2011, 6, 9)),
        ),
    ),
    _Task(
        "a-tongket",
        "office",
        "Tổng kết công tác lãnh đạo cuộc bầu cử; báo cáo Bộ Chính trị",
        D(2011, 2, 10),
        clause="Mục 6",
        product="Báo cáo tổng kết",
        deadline=D(2011, 6, 30),
        supporting=("BTCTU", "BTGTU", "BDVTU"),
        leader="pbt.tinhuy",
        story=(
            report(
                D(2011, 6, 20), "Đã dự thảo báo cáo; chờ số liệu chính thức của Ủy ban bầu cử tỉnh."
            ),
            extend(
                D(2011, 6, 24),
                D(2011, 7, 15),
                "Chờ kết quả bầu cử bổ sung tại hai đơn vị "
                "và số liệu tổng hợp chính thức của Ủy ban bầu cử tỉnh.",
            ),
            grant(D(2011, 6, 27), "Đồng ý gia hạn đến ngày 15/7/2011."),
            done(
                D(2011, 7, 12),
                "Đã hoàn chỉnh Báo cáo tổng kết, trình Ban Thường vụ ký gửi Bộ Chính trị.",
            ),
            accept(D(2011, 7, 14)),
        ),
    ),
    _Task(
        "a-chauthanh",
        "chauthanh",
        ELECTION_RESULT,
        D(2011, 2, 11),
        clause="Mục 5",
        product="Báo cáo kết quả bầu cử",
        deadline=D(2011, 5, 31),
        leader="pbt.tinhuy",
        story=(
            report(
                D(2011, 4, 15),
                "Đã kiện toàn Ban chỉ đạo bầu cử huyện; hoàn thành hiệp thương lần ba.",
            ),
            done(
                D(2011, 5, 27),
                "Tỷ lệ cử tri đi bầu đạt 99,6%; bầu đủ số đại biểu Hội đồng nhân dân huyện, xã.",
            ),
            accept(D(2011, 5, 30)),
        ),
    ),
    _Task(
        "a-hoathanh",
        "hoathanh",
        ELECTION_RESULT,
        D(2011, 2, 11),
        clause="Mục 5",
        product="Báo cáo kết quả bầu cử",
        deadline=D(2011, 5, 31),
        leader="pbt.tinhuy",
        story=(
            report(D(2011, 4, 20), "Đã niêm yết danh sách cử tri; đang chuẩn bị các tổ bầu cử."),
            extend(
                D(2011, 5, 25),
                D(2011, 6, 10),
                "Một đơn vị bầu cử ở xã phải bầu thêm; đề nghị gia hạn để báo cáo kết quả đầy đủ.",
            ),
            refuse(
                D(2011, 5, 27),
                "Thời hạn báo cáo theo quy định của Hội đồng bầu cử; đề "
                "nghị báo cáo kết quả chính thức, phần bầu thêm báo cáo bổ sung.",
            ),
            done(D(2011, 6, 8), "Đã báo cáo kết quả bầu cử, kể cả đơn vị bầu thêm."),
            accept(D(2011, 6, 9)),
        ),
    ),
    _Task(
        "a-thixa",
        "thixa",
        ELECTION_RESULT,
        D(2011, 2, 11),
        clause="Mục 5",
        product="Báo cáo kết quả bầu cử",
        deadline=D(2011, 5, 31),
        leader="pbt.tinhuy",
        story=(
            report(
                D(2011, 4, 22),
                "Đã hoàn thành hiệp thương lần ba; 100% khu vực bỏ phiếu "
                "đã kiểm tra điều kiện bảo đảm.",
            ),
            done(D(2011, 5, 30), "Đã báo cáo kết quả bầu cử trên địa bàn thị xã."),
            give_back(
                D(2011, 6, 1),
                "Báo cáo chưa có số liệu cử tri đi bầu theo từng phường, "
                "xã và danh sách người trúng cử; đề nghị bổ sung.",
            ),
            done(
                D(2011, 6, 3),
                "Đã bổ sung số liệu theo từng phường, xã và danh sách người trúng cử.",
            ),
            accept(D(2011, 6, 6)),
        ),
    ),
    # Huyện ủy Châu Thành and Huyện ủy Hòa Thành break their task down for their Offices.
    _Task(
        "a-chauthanh-kehoach",
        "vp.chauthanh",
        "Tham mưu Ban Thường vụ Huyện ủy ban hành kế hoạch lãnh đạo bầu cử trên địa bàn huyện",
        D(2011, 2, 14),
        product="Kế hoạch",
        deadline=D(2011, 3, 4),
        leader="bithu.chauthanh",
        parent="a-chauthanh",
        story=(
            done(D(2011, 3, 2), "Ban Thường vụ Huyện ủy đã ban hành kế hoạch."),
            accept(D(2011, 3, 3)),
        ),
    ),
    _Task(
        "a-chauthanh-baocao",
        "vp.chauthanh",
        "Tổng hợp báo cáo nhanh kết quả bầu cử của các xã, thị trấn gửi Thường trực Huyện ủy",
        D(2011, 2, 14),
        product="Báo cáo nhanh",
        deadline=D(2011, 5, 25),
        leader="bithu.chauthanh",
        parent="a-chauthanh",
        story=(
            done(D(2011, 5, 23), "Đã tổng hợp báo cáo nhanh của 15/15 xã, thị trấn."),
            accept(D(2011, 5, 24)),
        ),
    ),
    _Task(
        "a-chauthanh-dulieu",
        "vp.chauthanh",
        "Theo dõi, tổng hợp tình hình tư tưởng, dư luận xã hội trong thời gian bầu cử",
        D(2011, 2, 14),
        leader="bithu.chauthanh",
        parent="a-chauthanh",
        story=(
            report(D(2011, 5, 20), "Tình hình ổn định; chưa phát sinh điểm nóng."),
            done(
                D(2011, 5, 25),
                "Tình hình ổn định trong suốt thời gian bầu cử; đã báo cáo Thường trực Huyện ủy.",
            ),
            accept(D(2011, 5, 26)),
        ),
    ),
    _Task(
        "a-hoathanh-tuyentruyen",
        "vp.hoathanh",
        "Xây dựng kế hoạch tuyên truyền bầu cử trên hệ thống truyền thanh cơ sở",
        D(2011, 2, 16),
        product="Kế hoạch",
        deadline=D(2011, 3, 15),
        leader="bithu.hoathanh",
        parent="a-hoathanh",
        story=(
            done(D(2011, 3, 14), "Đã ban hành kế hoạch; các xã, thị trấn đã triển khai."),
            accept(D(2011, 3, 15)),
        ),
    ),
    _Task(
        "a-hoathanh-ketqua",
        "vp.hoathanh",
        "Tổng hợp kết quả bầu cử của các xã, thị trấn; báo cáo Thường trực Huyện ủy",
        D(2011, 2, 16),
        product="Báo cáo",
        deadline=D(2011, 5, 27),
        leader="bithu.hoathanh",
        parent="a-hoathanh",
        story=(
            report(D(2011, 5, 24), "Đã nhận báo cáo của 7/8 xã, thị trấn."),
            done(D(2011, 6, 3), "Đã tổng hợp đủ, kể cả kết quả bầu thêm."),
            accept(D(2011, 6, 6)),
        ),
    ),
)

CONGRESS_XI_TASKS: tuple[_Task, ...] = (
    _Task(
        "b-quantriet",
        "BTGTU",
        "Tổ chức hội nghị nghiên cứu, học tập, quán triệt Nghị quyết Đại hội XI của Đảng cho "
        "cán bộ chủ chốt toàn tỉnh",
        D(2011, 3, 25),
        clause="Mục 1",
        product="Báo cáo kết quả hội nghị",
        deadline=D(2011, 6, 30),
        supporting=("office", "BTCTU"),
        leader="bithu.tinhuy",
        story=(
            done(D(2011, 6, 29), "Đã tổ chức hội nghị trong hai ngày 27 và 28/6/2011."),
            accept(D(2011, 7, 1)),
        ),
    ),
    _Task(
        "b-chuongtrinh",
        "office",
        "Tham mưu xây dựng Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết Đại hội XI "
        "của Đảng, trình Hội nghị Tỉnh ủy",
        D(2011, 3, 25),
        clause="Mục 2",
        product="Chương trình hành động",
        deadline=D(2011, 6, 30),
        supporting=("BTCTU", "BTGTU", "BDVTU", "UBKTTU"),
        leader="bithu.tinhuy",
        story=(
            report(
                D(2011, 5, 16), "Đã dự thảo lần 1, gửi các ban đảng và các huyện, thị ủy góp ý."
            ),
            report(
                D(2011, 6, 29), "Hội nghị Tỉnh ủy (27 – 28/6) đã góp ý dự thảo; đang hoàn chỉnh."
            ),
            done(D(2011, 7, 15), "Tỉnh ủy đã ban hành Chương trình hành động."),
            accept(D(2011, 7, 18)),
        ),
    ),
    _Task(
        "b-duongminhchau",
        "duongminhchau",
        DISTRICT_PROGRAMME,
        D(2011, 3, 28),
        clause="Mục 3",
        product="Chương trình hành động",
        deadline=D(2011, 8, 31),
        leader="pbt.tinhuy",
        story=(
            report(D(2011, 7, 20), "Đã dự thảo; Ban Thường vụ Huyện ủy cho ý kiến lần 1."),
            done(D(2011, 8, 26), "Huyện ủy đã ban hành chương trình hành động; gửi kèm báo cáo."),
        ),
    ),
    _Task(
        "b-bencau",
        "bencau",
        DISTRICT_PROGRAMME,
        D(2011, 3, 28),
        clause="Mục 3",
        product="Chương trình hành động",
        deadline=D(2011, 8, 31),
        leader="pbt.tinhuy",
        story=(
            report(D(2011, 8, 15), "Đang lấy ý kiến các chi, đảng bộ cơ sở."),
            extend(
                D(2011, 8, 29),
                D(2011, 10, 31),
                "Ban Chấp hành Đảng bộ huyện họp thông qua chương trình vào tháng 10/2011.",
            ),
        ),
    ),
    _Task(
        "b-chauthanh",
        "chauthanh",
        DISTRICT_PROGRAMME,
        D(2011, 3, 28),
        clause="Mục 3",
        product="Chương trình hành động",
        deadline=D(2011, 8, 31),
        leader="pbt.tinhuy",
        story=(
            done(D(2011, 8, 19), "Huyện ủy đã ban hành chương trình hành động."),
            accept(D(2011, 8, 23)),
        ),
    ),
    _Task(
        "b-dangvien",
        "BTCTU",
        "Kiểm điểm, đánh giá chất lượng tổ chức cơ sở đảng và đảng viên; báo cáo kết quả phát "
        "triển đảng viên mới",
        D(2011, 3, 28),
        clause="Mục 4, điểm b",
        product="Báo cáo",
        deadline=D(2011, 12, 31),
        recurrence=Recurrence.YEARLY,
        leader="pbt.tinhuy",
    ),
    _Task(
        "b-danvan",
        "BDVTU",
        "Đẩy mạnh công tác dân vận của cơ quan nhà nước; thực hiện tốt Quy chế dân chủ ở cơ sở",
        D(2011, 3, 28),
        clause="Mục 4, điểm d",
        leader="pbt.tinhuy",
    ),
    _Task(
        "b-baocao",
        "office",
        "Tổng hợp, báo cáo định kỳ 6 tháng kết quả thực hiện Chỉ thị và Chương trình hành động "
        "của Tỉnh ủy",
        D(2011, 3, 28),
        clause="Mục 5",
        product="Báo cáo",
        deadline=D(2011, 12, 15),
        recurrence=Recurrence.HALF_YEARLY,
        leader="pbt.tinhuy",
        story=(
            report(D(2011, 11, 28), "Đã gửi công văn đôn đốc các huyện, thị ủy báo cáo năm."),
            report(D(2011, 12, 12), "Đang tổng hợp; 3/9 huyện, thị ủy chưa gửi báo cáo."),
        ),
    ),
)

PROGRAMME_IX_TASKS: tuple[_Task, ...] = (
    _Task(
        "c-nongthon",
        "tanchau",
        "Lãnh đạo thực hiện Chương trình xây dựng nông thôn mới; phấn đấu năm 2011 có 02 xã "
        "điểm đạt chuẩn",
        D(2011, 4, 28),
        clause="Phần III, mục 1, điểm c",
        product="Báo cáo",
        deadline=D(2011, 12, 15),
        leader="pbt.tinhuy",
        story=(
            report(D(2011, 9, 12), "Hai xã điểm đạt 9/19 tiêu chí."),
            cannot(
                D(2011, 12, 9),
                "Hai xã điểm mới đạt 11/19 và 12/19 tiêu chí; vốn đầu tư "
                "giao thông, thủy lợi nội đồng chưa được bố trí. Đề nghị chuyển chỉ tiêu "
                "sang năm 2013.",
            ),
        ),
    ),
    _Task(
        "c-kinhte",
        "office",
        "Theo dõi, tổng hợp tình hình thực hiện các chỉ tiêu kinh tế – xã hội chủ yếu của Nghị "
        "quyết; báo cáo Ban Thường vụ Tỉnh ủy",
        D(2011, 4, 28),
        clause="Phần III, mục 1",
        product="Báo cáo",
        deadline=D(2011, 10, 14),
        recurrence=Recurrence.QUARTERLY,
        leader="bithu.tinhuy",
        story=(
            report(D(2011, 7, 8), "Đã báo cáo quý II: tăng trưởng 6 tháng ước đạt 14,2%."),
            done(D(2011, 10, 7), "Đã báo cáo quý III."),
            accept(D(2011, 10, 10)),
        ),
    ),
    _Task(
        "c-biengioi",
        "bencau",
        "Lãnh đạo xây dựng khu vực phòng thủ; giữ vững an ninh chính trị khu vực biên giới",
        D(2011, 4, 28),
        clause="Phần III, mục 4",
        leader="bithu.tinhuy",
        story=(report(D(2011, 10, 20), "Đã phối hợp Đồn Biên phòng tuần tra; tình hình ổn định."),),
    ),
    _Task(
        "c-hocTap",
        "godau",
        "Tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh; sơ kết hằng năm",
        D(2011, 4, 28),
        clause="Phần III, mục 5",
        product="Báo cáo sơ kết",
        deadline=D(2011, 12, 20),
        recurrence=Recurrence.YEARLY,
        leader="pbt.tinhuy",
    ),
    _Task(
        "c-kiemtra",
        "UBKTTU",
        "Kiểm tra, giám sát việc thực hiện Nghị quyết Đại hội IX ở các huyện ủy, thị ủy",
        D(2011, 4, 28),
        clause="Phần III, mục 5, điểm đ",
        product="Báo cáo",
        deadline=D(2011, 12, 30),
        recurrence=Recurrence.HALF_YEARLY,
        leader="bithu.tinhuy",
    ),
    _Task(
        "c-tanbien",
        "tanbien",
        "Lãnh đạo phát triển kinh tế cửa khẩu Xa Mát; báo cáo kết quả 6 tháng",
        D(2011, 4, 28),
        clause="Phần III, mục 2",
        product="Báo cáo",
        deadline=D(2011, 7, 15),
        recurrence=Recurrence.HALF_YEARLY,
        leader="bithu.tinhuy",
        story=(
            report(D(2011, 7, 12), "Đang tổng hợp số liệu kim ngạch xuất nhập khẩu."),
            done(D(2011, 7, 29), "Đã báo cáo kết quả 6 tháng đầu năm."),
            accept(D(2011, 8, 1)),
        ),
    ),
    _Task(
        "c-trangbang",
        "trangbang",
        "Lãnh đạo thu hút đầu tư vào các khu công nghiệp; bảo vệ môi trường tại các khu công "
        "nghiệp",
        D(2011, 4, 28),
        clause="Phần III, mục 2",
        product="Báo cáo",
        deadline=D(2011, 12, 31),
        supporting=("office",),
        leader="bithu.tinhuy",
        story=(
            report(
                D(2011, 6, 30), "Thu hút thêm 4 dự án; 2 doanh nghiệp bị xử phạt về môi trường."
            ),
            report(D(2011, 11, 30), "Đang rà soát các dự án chậm triển khai."),
        ),
    ),
    _Task(
        "c-caicach",
        "office",
        "Tham mưu cải cách hành chính trong các cơ quan đảng; triển khai phần mềm quản lý văn "
        "bản và hồ sơ công việc",
        D(2011, 4, 28),
        clause="Phần III, mục 5, điểm e",
        product="Báo cáo",
        deadline=D(2011, 11, 30),
        leader="pbt.tinhuy",
        story=(
            report(D(2011, 9, 20), "Đã cài đặt phần mềm tại Văn phòng Tỉnh ủy và 4 huyện ủy."),
            done(
                D(2011, 11, 25),
                "Đã triển khai tại Văn phòng Tỉnh ủy và văn phòng 9/9 huyện, thị ủy.",
            ),
            accept(D(2011, 11, 28)),
        ),
    ),
)


@dataclass(frozen=True)
class _Registration:
    """A document registered here when the year of documents is not loaded."""

    key: str
    sender: str
    number_symbol: str
    document_date: date
    received: datetime
    subject: str
    urgency: int = Urgency.NORMAL


ELECTION_DIRECTIVE = _Registration(
    "51-CT/TW",
    "Bộ Chính trị",
    "51-CT/TW",
    date(2010, 10, 4),
    datetime(2010, 10, 11, 8, 30, tzinfo=ZONE),
    f"Chỉ thị về lãnh đạo cuộc {ELECTION}",
    Urgency.URGENT,
)
CONGRESS_XI_DIRECTIVE = _Registration(
    "01-CT/TW",
    "Bộ Chính trị",
    "01-CT/TW",
    date(2011, 3, 9),
    datetime(2011, 3, 14, 8, 30, tzinfo=ZONE),
    "Chỉ thị về tổ chức nghiên cứu, học tập, quán triệt, tuyên truyền và triển khai thực hiện "
    "Nghị quyết Đại hội XI của Đảng",
)


# --- the dates of the story, put back at the end -----------------------------------------


def _working_day_after(day: date) -> date:
    # Weekdays are enough here: the programme's days are away from the public holidays.
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE)


class _Stamps:
    def __init__(self) -> None:
        self.rows: dict[type[models.Model], dict[int, dict[str, datetime]]] = defaultdict(dict)

    def set(self, obj: models.Model, **moments: datetime) -> None:
        self.rows[type(obj)].setdefault(obj.pk, {}).update(moments)

    def apply(self) -> None:
        # A few hundred rows at most: one UPDATE each is cheap next to the services.
        for model, rows in self.rows.items():
            for pk, values in rows.items():
                model._default_manager.filter(pk=pk).update(**values)
        # The registry's dates are indexed for search: tell the index, as a service would.
        for model, kind in ((IncomingDocument, "incoming"), (OutgoingDocument, "outgoing")):
            stamped = model._default_manager.filter(pk__in=list(self.rows.get(model, {})))
            for object_uuid in stamped.values_list("uuid", flat=True):
                outbox.enqueue(kind, object_uuid)


# --- people and units ----------------------------------------------------------------------


def _person(username: str) -> Person:
    return Person.objects.get(username=username)


def _staff(unit: Unit, role: str) -> Person | None:
    row = (
        Membership.objects.filter(
            unit=unit, role=role, ends_on__isnull=True, person__is_active=True
        )
        .select_related("person")
        .order_by("person__username")
        .first()
    )
    return row.person if row is not None else None


def _worker(unit: Unit) -> Person | None:
    """Who reports for a lead unit: a committee's Office specialist, a board's or an Office's
    own specialist (or another working member); nobody for a unit without people."""
    staff = office_of(unit) if unit.kind in COMMITTEES else unit
    if staff is None:
        return None
    for role in (Role.SPECIALIST, Role.OFFICE_LEADER, Role.CLERK):
        if (person := _staff(staff, role)) is not None:
            return person
    return None


class _Units:
    def __init__(self, province: Unit) -> None:
        self.province = province
        office = office_of(province)
        if office is None:
            raise RuntimeError("the demo's province has no Office")
        self.office = office

    def get(self, name: str) -> Unit:
        if name == "office":
            return self.office
        if name.startswith("vp."):
            return self._district_office(name.removeprefix("vp."))
        board = Unit.objects.filter(parent=self.province, kind=UnitKind.BOARD, symbol=name).first()
        if board is not None:
            return board
        district = self._district_office(name).parent
        if district is None:
            raise RuntimeError(f"no committee above the Office of {name}")
        return district

    @staticmethod
    def _district_office(key: str) -> Unit:
        # The scenario names every district's specialist cv.<key>, in the district's Office.
        return (
            Membership.objects.select_related("unit__parent")
            .get(person__username=f"cv.{key}", role=Role.SPECIALIST)
            .unit
        )


# --- the registry documents ----------------------------------------------------------------


def _incoming(
    units: _Units, stamps: _Stamps, phrase: str, registration: _Registration
) -> IncomingDocument:
    """The Office's registration of a directive from the Centre: the year of documents' one when
    it is loaded, else one registered now under the historical number."""
    found = (
        IncomingDocument.objects.filter(
            unit=units.office,
            type_symbol="CT",
            subject_folded__contains=fold(phrase),
            duplicate_of__isnull=True,
        )
        .exclude(status=IncomingStatus.CANCELLED)
        .order_by("received_at", "pk")
        .first()
    )
    if found is not None:
        return found
    clerk = _staff(units.office, Role.CLERK)
    if clerk is None:
        raise RuntimeError("the demo needs a clerk in Văn phòng Tỉnh ủy")
    document = documents_incoming.incoming_register(
        actor=clerk,
        unit=units.office,
        medium=Medium.PAPER,
        sender_name=registration.sender,
        number_symbol=f"Số {registration.number_symbol}",
        document_date=registration.document_date,
        subject=registration.subject,
        received_at=registration.received,
        page_count=6,
        urgency=registration.urgency,
        submission_id=uuid.uuid5(SUBMISSIONS, registration.key),
    )
    stamps.set(document, registered_at=registration.received + timedelta(minutes=20))
    return document


def _programme_ix(units: _Units, stamps: _Stamps) -> OutgoingDocument:
    """The province's programme of action for its IX Congress, issued through the Office's
    book like the demo's other programmes (the committee itself has no clerk in the demo)."""
    subject = fold(PROGRAMME_IX)
    found = OutgoingDocument.objects.filter(
        unit=units.office, type_symbol="CTr", subject_folded=subject, status=OutgoingStatus.ISSUED
    ).first()
    if found is not None:
        return found
    drafter, chief = _person("cv.tinhuy"), _person("cvp.tinhuy")
    secretary = _person("bithu.tinhuy")
    document = documents_outgoing.outgoing_create(
        actor=drafter,
        unit=units.office,
        type_symbol="CTr",
        subject=PROGRAMME_IX,
        body=f"{PROGRAMME_IX}\n\nĐã được Hội nghị Tỉnh ủy thông qua.",
    )
    documents_outgoing.outgoing_submit(actor=drafter, document=document)
    documents_outgoing.outgoing_approve(actor=chief, document=document)
    documents_outgoing.outgoing_sign(
        actor=secretary,
        document=document,
        position="Bí thư",
        authority=SigningAuthority.ON_BEHALF,
    )
    # Loaded after the 2011–2012 traffic numbered the series on: entered late, so dated back
    # by the Chief of Office with the reason the book needs.
    document = documents_outgoing.outgoing_issue(
        actor=chief,
        backdate_reason="Vào sổ bản giấy đã phát hành ngày 25/04/2011.",
        document=document,
        recipients=[
            documents_delivery.Recipient(external_name=name)
            for name in (
                "Các đồng chí Tỉnh ủy viên",
                "Các ban đảng, đảng đoàn, ban cán sự đảng trực thuộc Tỉnh ủy",
                "Các huyện ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy",
            )
        ],
        issued_on=PROGRAMME_IX_ISSUED,
        page_count=14,
        copies=60,
        file_copy_holder="Lưu Văn phòng Tỉnh ủy",
    )
    drafted, issued = _at(date(2011, 4, 18), 8), _at(PROGRAMME_IX_ISSUED, 10)
    stamps.set(
        document, created_at=drafted, signed_at=_at(PROGRAMME_IX_ISSUED, 8), issued_at=issued
    )
    for version in DraftVersion.objects.filter(document=document):
        stamps.set(version, created_at=drafted)
    for step in ApprovalStep.objects.filter(document=document):
        stamps.set(step, decided_at=_at(date(2011, 4, 21), 15))
    for delivery in Delivery.objects.filter(document=document):
        stamps.set(delivery, sent_at=issued, status_at=issued)
    for event in DeliveryEvent.objects.filter(delivery__document=document):
        stamps.set(event, at=issued)
    return document


# --- tracking and the story ------------------------------------------------------------------


class _Story:
    def __init__(self, units: _Units, stamps: _Stamps) -> None:
        self.units = units
        self.stamps = stamps
        self.tasks: dict[str, Task] = {}
        self.steps: list[tuple[datetime, int, Callable[[], None]]] = []
        self.workers: dict[int, Person | None] = {}
        self.deciders: dict[int, Person | None] = {}

    def worker(self, unit: Unit) -> Person | None:
        if unit.pk not in self.workers:
            self.workers[unit.pk] = _worker(unit)
        return self.workers[unit.pk]

    def decider(self, task: Task) -> Person | None:
        """Who decides for the assigning unit: the leader following the task, else the head
        of the committee's Office by a delegation of one of the committee's leaders (the Office
        follows the work programme for the Standing Committee)."""
        if task.leader is not None:
            return task.leader
        unit = task.assigning_unit
        if unit.pk not in self.deciders:
            office = office_of(unit) if unit.kind in COMMITTEES else None
            chief = _staff(office, Role.OFFICE_LEADER) if office is not None else None
            leader = decision_leaders(unit).first()
            if chief is not None and leader is not None:
                delegation = services_decisions.delegation_create(
                    actor=leader,
                    unit=unit,
                    delegate=chief,
                    note="Chánh Văn phòng xác nhận kết quả thực hiện chương trình công tác.",
                )
                tracked = _at(date(2011, 1, 12), 8)
                self.stamps.set(delegation, created_at=tracked)
                Delegation.objects.filter(pk=delegation.pk).update(starts_on=tracked.date())
            self.deciders[unit.pk] = chief if chief is not None and leader is not None else leader
        return self.deciders[unit.pk]

    def track(self, directive: Directive, day: date, specs: tuple[_Task, ...]) -> None:
        """Assign the directive's tasks (sub-tasks by the unit leading their parent), and
        queue what happened to them."""
        first = min(spec.assigned for spec in specs)
        self.stamps.set(directive, created_at=_at(min(day, first), 8))
        for spec in specs:
            parent = self.tasks[spec.parent] if spec.parent else None
            lead = self.units.get(spec.lead)
            # The committee's Office assigns for it: the province's, or the district's for a
            # sub-task of a task the district leads.
            actor = self.worker(parent.lead_unit if parent is not None else self.units.province)
            if actor is None:
                raise RuntimeError(f"nobody assigns {spec.key}")
            task = services.task_assign(
                actor=actor,
                directive=directive,
                lead_unit=lead,
                content=spec.content,
                deadline=spec.deadline,
                supporting_units=[self.units.get(name) for name in spec.supporting],
                clause=spec.clause,
                product=spec.product,
                recurrence=spec.recurrence,
                parent=parent,
                leader=_person(spec.leader) if spec.leader else None,
            )
            self.tasks[spec.key] = task
            self.stamps.set(task, created_at=_at(spec.assigned, 8, 30))
            worker = self.worker(lead)
            if worker is None:
                continue  # a board without people: nobody reports for it
            for step in spec.story:
                self.queue(task, worker, step)

    def queue(self, task: Task, worker: Person, step: _Step) -> None:
        moment = _at(step.day, HOURS[step.kind])
        self.steps.append((moment, len(self.steps), lambda: self.run(task, worker, step)))

    def run(self, task: Task, worker: Person, step: _Step) -> None:
        task.refresh_from_db()
        moment = _at(step.day, HOURS[step.kind])
        if step.kind in ("report", "cannot"):
            state = "cannot_do" if step.kind == "cannot" else "in_progress"
            written = services_reports.task_report(
                actor=worker, task=task, text=step.text, state=state
            )
            self.stamps.set(written, created_at=moment)
            if step.kind == "cannot":
                self.stamps.set(task, closed_at=moment)
        elif step.kind == "done":
            services_reports.task_complete(
                actor=worker, task=task, text=step.text, done_on=step.day
            )
            latest = ProgressReport.objects.filter(task=task).order_by("-pk").first()
            if latest is not None:
                self.stamps.set(latest, created_at=moment)
        elif step.kind == "extend":
            assert step.to is not None  # noqa: S101 (the table gives one)
            asked = services_reports.extension_request(
                actor=worker, task=task, new_deadline=step.to, reason=step.text
            )
            self.stamps.set(asked, created_at=moment)
        else:
            decider = self.decider(task)
            if decider is None or decision_authority(decider, task.assigning_unit) is None:
                raise RuntimeError(f"nobody decides for {task.assigning_unit}")
            if step.kind == "accept":
                services_decisions.completion_accept(actor=decider, task=task)
                self.stamps.set(task, closed_at=moment)
                following = Task.objects.filter(previous=task).first()
                if following is not None:  # a recurring task's next period, given on accepting
                    self.stamps.set(following, created_at=moment)
            elif step.kind == "return":
                services_decisions.completion_return(actor=decider, task=task, reason=step.text)
            else:
                pending = ExtensionRequest.objects.get(task=task, status=ExtensionStatus.PENDING)
                services_decisions.extension_decide(
                    actor=decider,
                    request=pending,
                    approve=step.kind == "grant",
                    note=step.text,
                )
                self.stamps.set(pending, decided_at=moment)

    def programme(self, programme: WorkProgramme) -> None:
        """Follow the 2011 work programme item by item; the items the Standing Committee saw
        done are reported done on their day and confirmed, where someone can report for the
        lead unit (the Office; the boards have nobody in the demo)."""
        specialist = _person("cv.tinhuy")
        directive = services.programme_track(actor=specialist, programme=programme)
        tracked = _at(date(2011, 1, 12), 8)
        self.stamps.set(directive, created_at=tracked)
        tasks = Task.objects.filter(directive=directive).select_related(
            "programme_item", "lead_unit"
        )
        for task in tasks.order_by("pk"):
            self.stamps.set(task, created_at=tracked)
            item = task.programme_item
            if item is None or item.state != ItemState.DONE or item.done_on is None:
                continue
            worker = self.worker(task.lead_unit)
            if worker is None:
                continue
            self.queue(task, worker, done(item.done_on, "Đã thực hiện theo chương trình."))
            self.queue(task, worker, accept(_working_day_after(item.done_on)))

    def play(self) -> None:
        for _moment, _n, action in sorted(self.steps, key=lambda row: (row[0], row[1])):
            action()


def load() -> None:
    """Load the province's directives once (skipped when the province follows any directive
    already, and, like the year of documents, when settings.VANPHONG_DEMO_SCALE is 0)."""
    if float(getattr(settings, "VANPHONG_DEMO_SCALE", 1.0)) <= 0:
        return
    province = Unit.objects.filter(parent=None, kind=UnitKind.PROVINCIAL_COMMITTEE).first()
    if province is None or Directive.objects.filter(unit=province).exists():
        return
    programme = WorkProgramme.objects.filter(
        committee=province, year=2011, status=ProgrammeStatus.APPROVED
    ).first()
    started = timezone.now()
    with transaction.atomic():
        units = _Units(province)
        stamps = _Stamps()
        story = _Story(units, stamps)
        specialist = _person("cv.tinhuy")
        if programme is not None:
            story.programme(programme)
        for phrase, registration, specs in (
            (ELECTION_PHRASE, ELECTION_DIRECTIVE, ELECTION_TASKS),
            (CONGRESS_XI_PHRASE, CONGRESS_XI_DIRECTIVE, CONGRESS_XI_TASKS),
        ):
            incoming = _incoming(units, stamps, phrase, registration)
            directive = services.directive_track(actor=specialist, unit=province, incoming=incoming)
            received = incoming.received_at.astimezone(ZONE).date()
            story.track(directive, received + timedelta(days=3), specs)
        outgoing = _programme_ix(units, stamps)
        directive = services.directive_track(actor=specialist, unit=province, outgoing=outgoing)
        story.track(directive, PROGRAMME_IX_ISSUED + timedelta(days=2), PROGRAMME_IX_TASKS)
        story.play()
        stamps.apply()
        # The story's notices were told in 2011: read long ago, not news to the demo's users.
        Notification.objects.filter(created_at__gte=started, read_at__isnull=True).update(
            read_at=started
        )
