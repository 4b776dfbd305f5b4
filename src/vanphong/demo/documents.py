"""Demo document traffic: Tây Ninh's committee offices from January 2011 to February 2012.

A believable year between Văn phòng Tỉnh ủy and the offices of the town and district
committees: documents from outside bodies (Trung ương, the provincial People's Committee, the
election committees, the Party boards, the communes), the province's own documents distributed
to the districts and registered there, the districts' reports back, and every state a document
can be in when the story stops on Friday 24 February 2012 — a week after the annual review of
the committee offices (16.2.2012).

Every write goes through documents.services, so numbers, states, participants and the audit log
are real. The year is simulated as a timeline: events run in the order of their (simulated)
time, so incoming numbers follow arrival and outgoing numbers follow the issue date. Services
stamp the real "now" on a few columns (registered_at, presented_at, given_at, completed_at,
signed_at, ...); `_Stamps` puts the simulated times back at the end with bulk updates — in this
demo loader only. Audit events keep the real time of loading: the hash chain is not rewritten.

Deterministic: one seeded Random and ordered queries; a second load finds its first
registration (by its submission id) and adds nothing.
"""

from __future__ import annotations

import heapq
import random
import re
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from vanphong.core.calendar_seed import DEFAULT_CALENDAR_DAYS
from vanphong.core.models import Notification
from vanphong.core.rules import DEFAULT_RULESETS, FIXED_HOLIDAYS, fixed_holiday_versions
from vanphong.core.vietnamese import fold
from vanphong.core.workdays import Override, WorkCalendar
from vanphong.documents import (
    services_delivery,
    services_handling,
    services_incoming,
    services_outgoing,
    workflow,
)
from vanphong.documents.models import (
    ApprovalStep,
    Assignment,
    AssignmentRole,
    Delivery,
    DeliveryEvent,
    DeliveryStatus,
    DraftVersion,
    IncomingDocument,
    Medium,
    OutgoingDocument,
    OutgoingStatus,
    SigningAuthority,
    Urgency,
)
from vanphong.org.models import Clearance, Membership, Person, Role, Unit, UnitKind
from vanphong.org.selectors import scope_for
from vanphong.search import outbox

SEED = 2011
# The catalogues below give an office's yearly rates. Every document goes through the services
# (15–50 ms each on the 2-core machine), so to keep `vanphong demo` under a minute the demo
# takes this share of the districts' routine traffic and of what the offices issue, and a
# larger one of Văn phòng Tỉnh ủy's outside mail (mostly filed, so cheap).
ROUTINE = 0.4
ROUTINE_PROVINCE = 0.8
SUBMISSIONS = uuid.UUID("6c0d7d5e-2011-4a1b-9c57-7a79e1a2b0c3")  # uuid5 namespace of the demo

# --- the working calendar ------------------------------------------------------------------
# Time is counted in working minutes from the first working day: 7:30–11:30 and 13:30–17:00,
# on the working days of the shipped calendar (weekends, public holidays and Tết off, the
# swapped Saturdays worked). Any delay added to a moment stays inside office hours.

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST_DAY = date(2011, 1, 4)
LAST_DAY = date(2012, 2, 24)  # the story's "today": a week after the review of 16.2.2012
DAY = 450
MORNING = 240


def _shipped_calendar() -> WorkCalendar:
    """The working-day calendar the installation ships (core.rules and core.calendar_seed),
    built without the database: the demo's clock is fixed before anything is loaded, and its
    days off are then exactly those the calendar pages show."""
    rules = fixed_holiday_versions(
        (date.fromisoformat(spec["effective_from"]), spec["data"])
        for spec in DEFAULT_RULESETS
        if spec["kind"] == FIXED_HOLIDAYS
    )
    overrides = [
        Override(date.fromisoformat(day), working, name)
        for day, working, name, _note in DEFAULT_CALENDAR_DAYS
    ]
    return WorkCalendar(rules=rules, overrides=overrides, first=FIRST_DAY, last=date(2012, 12, 31))


def _working_days() -> tuple[date, ...]:
    calendar = _shipped_calendar()
    days = []
    day = FIRST_DAY
    while day <= date(2012, 12, 31):
        if calendar.is_working(day):
            days.append(day)
        day += timedelta(days=1)
    return tuple(days)


WORKDAYS = _working_days()
_INDEX = {day: n for n, day in enumerate(WORKDAYS)}
END = _INDEX[LAST_DAY] * DAY + 420  # 16:30 on the last day


def _moment(t: int) -> datetime:
    day, minute = divmod(t, DAY)
    if minute < MORNING:
        start, offset = time(7, 30), minute
    else:
        start, offset = time(13, 30), minute - MORNING
    return datetime.combine(WORKDAYS[day], start, tzinfo=TZ) + timedelta(minutes=offset)


def _day(t: int) -> date:
    return WORKDAYS[t // DAY]


def _on(day: date, minute: int = 0) -> int:
    """The working minute `minute` of `day`, or of the next working day if `day` is not one."""
    day = max(day, FIRST_DAY)
    while day not in _INDEX:
        day += timedelta(days=1)
    return _INDEX[day] * DAY + minute


def _workdays_after(day: date, count: int) -> date:
    return WORKDAYS[_on(day) // DAY + count]


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


# --- Vietnamese text -----------------------------------------------------------------------

# A tone on the first vowel of a closing oa, oe or uy moves to the second in the old placement.
_CLOSING_PAIR = re.compile(r"([òóỏõọÒÓỎÕỌ])([aeAE])(?![^\W\d_])|([ùúủũụÙÚỦŨỤ])([yY])(?![^\W\d_])")
_TONED = {
    "o": "òóỏõọ",
    "O": "ÒÓỎÕỌ",
    "u": "ùúủũụ",
    "U": "ÙÚỦŨỤ",
    "a": "àáảãạ",
    "A": "ÀÁẢÃẠ",
    "e": "èéẻẽẹ",
    "E": "ÈÉẺẼẸ",
    "y": "ỳýỷỹỵ",
    "Y": "ỲÝỶỸỴ",
}


def _move_tone(match: re.Match[str]) -> str:
    marked, vowel = (match[1], match[2]) if match[1] else (match[3], match[4])
    for plain, toned in _TONED.items():
        if marked in toned:
            return plain + _TONED[vowel][toned.index(marked)]
    return match[0]


def old_tones(text: str) -> str:
    """The old tone placement the seed writes (`hoà, uỷ, thuý, khoẻ`) for text typed in the new
    one (`hòa, ủy, thúy, khỏe`); only where the vowel pair ends the syllable (`hoàng` stays)."""
    return _CLOSING_PAIR.sub(_move_tone, text)


# --- what arrives from outside the installation --------------------------------------------


@dataclass(frozen=True)
class _Kind:
    """A kind of document a sender issues: a one-off in a window, or a routine one."""

    type_symbol: str  # "" for a government công văn (`Số: 123/UBND-VP`)
    subject: str
    tag: str = "task"  # task: needs handling · info: usually filed · mixed: either
    window: tuple[date, date] | None = None
    per_year: float = 0.0
    monthly: bool = False
    issuer: str = ""  # overrides the sender's symbol (a công văn's `UBND-VP`)
    urgent: bool = False


@dataclass(frozen=True)
class _Sender:
    name: str
    issuer: str
    style: str  # party | government
    kinds: tuple[_Kind, ...]
    secret: float = 0.0  # share of its documents that are Mật
    old_tones: float = 0.2  # share typed with the old tone placement
    pace: int = 3  # how many numbers it issues between two documents to us
    travel: tuple[int, int] = (0, 2)  # working days from its date to our door


def _w(start: str, end: str) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end)


ELECTION = (
    "bầu cử đại biểu Quốc hội khóa XIII và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2011 – 2016"
)
CONGRESS = "Nghị quyết Đại hội XI của Đảng và Nghị quyết Đại hội IX Đảng bộ tỉnh"

TOPICS = (
    "công tác phòng cháy, chữa cháy rừng mùa khô",
    "công tác cải cách hành chính",
    "Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "công tác phòng, chống dịch sốt xuất huyết",
    "công tác giảm nghèo, xóa đói",
    "bình ổn giá các mặt hàng thiết yếu",
    "quản lý, sử dụng đất đai",
    "bảo đảm trật tự an toàn giao thông",
    "thu ngân sách nhà nước",
    "nạo vét kênh mương thủy lợi nội đồng",
    "chăm sóc người có công với cách mạng",
    "phổ cập giáo dục trung học cơ sở",
    "phòng, chống hạn hán, thiếu nước sinh hoạt",
    "giải ngân vốn đầu tư xây dựng cơ bản",
    "bảo vệ môi trường tại các khu công nghiệp",
    "quản lý hoạt động thương mại tại khu vực cửa khẩu",
    "phát triển văn hóa, thể dục thể thao cơ sở",
    "chăm sóc sức khỏe ban đầu cho nhân dân",
    "hòa giải ở cơ sở",
    "phòng, chống dịch bệnh tay chân miệng",
    "tiếp công dân, giải quyết khiếu nại, tố cáo",
    "phòng, chống buôn lậu, gian lận thương mại qua biên giới",
    "xây dựng đời sống văn hóa ở khu dân cư",
    "quản lý nuôi trồng thủy sản",
    "an toàn vệ sinh thực phẩm",
    "phòng, chống dịch cúm gia cầm",
    "kiện toàn tổ chức bộ máy các cơ quan chuyên môn",
    "ứng dụng công nghệ thông tin trong cơ quan nhà nước",
    "quản lý nhà nước về tôn giáo",
    "công tác thi đua, khen thưởng",
)
ACTIONS = (
    "V/v triển khai",
    "V/v tăng cường",
    "V/v báo cáo tình hình",
    "V/v tham gia ý kiến về",
    "V/v kiểm tra",
    "V/v chấn chỉnh",
)

# fmt: off
PROVINCE_SENDERS: tuple[_Sender, ...] = (
    _Sender("Ban Chấp hành Trung ương Đảng", "TW", "party", travel=(3, 8), pace=1, kinds=(
        _Kind("NQ", "Nghị quyết Hội nghị lần thứ hai Ban Chấp hành Trung ương Đảng khóa XI",
              window=_w("2011-07-20", "2011-08-10")),
        _Kind("NQ", "Nghị quyết Hội nghị lần thứ ba Ban Chấp hành Trung ương Đảng khóa XI",
              window=_w("2011-10-20", "2011-11-05")),
        _Kind("NQ", "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XI về một "
              "số vấn đề cấp bách về xây dựng Đảng hiện nay",
              window=_w("2012-01-16", "2012-02-03")),
    )),
    _Sender("Bộ Chính trị", "TW", "party", travel=(3, 8), pace=2, secret=0.2, kinds=(
        _Kind("QĐ", "Quyết định ban hành Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính "
              "trị và Ban Bí thư khóa XI", tag="info", window=_w("2011-02-14", "2011-03-04")),
        _Kind("KL", "Kết luận của Bộ Chính trị về tình hình kinh tế - xã hội 6 tháng đầu năm 2011",
              window=_w("2011-07-04", "2011-07-22")),
        _Kind("KL", "Kết luận của Bộ Chính trị về công tác cán bộ", tag="info", per_year=2),
    )),
    _Sender("Ban Bí thư Trung ương Đảng", "TW", "party", travel=(3, 8), pace=2, kinds=(
        _Kind("CT", f"Chỉ thị về lãnh đạo cuộc {ELECTION}", window=_w("2011-01-04", "2011-01-14"),
              urgent=True),
        _Kind("CT", "Chỉ thị về tổ chức nghiên cứu, học tập, quán triệt, tuyên truyền và triển "
              "khai thực hiện Nghị quyết Đại hội XI của Đảng",
              window=_w("2011-02-10", "2011-03-01")),
        _Kind("KL", "Kết luận về tiếp tục đẩy mạnh cải cách hành chính trong hệ thống chính trị",
              window=_w("2011-05-09", "2011-06-10")),
        _Kind("TB", "Thông báo ý kiến của Ban Bí thư về công tác văn thư, lưu trữ trong các cơ "
              "quan đảng", tag="info", window=_w("2011-08-01", "2011-09-15")),
    )),
    _Sender("Văn phòng Trung ương Đảng", "VPTW", "party", travel=(2, 6), pace=12, kinds=(
        _Kind("HD", "Hướng dẫn tổng kết công tác văn phòng cấp ủy năm 2011",
              window=_w("2011-11-14", "2011-11-25")),
        _Kind("HD", "Hướng dẫn thực hiện chế độ thông tin, báo cáo của các cấp ủy đảng",
              window=_w("2011-03-14", "2011-04-08")),
        _Kind("CV", "V/v tổ chức kỷ niệm 81 năm Ngày truyền thống Văn phòng cấp ủy "
              "(18/10/1930 – 18/10/2011)", window=_w("2011-09-12", "2011-09-30")),
        _Kind("CV", "V/v hướng dẫn sử dụng phần mềm quản lý văn bản và hồ sơ công việc",
              tag="info", window=_w("2011-06-06", "2011-07-15")),
        _Kind("KH", "Kế hoạch tập huấn nghiệp vụ công tác văn phòng cấp ủy năm 2011",
              tag="info", window=_w("2011-03-01", "2011-03-25")),
        _Kind("CV", "V/v báo cáo tình hình thực hiện Chương trình công tác toàn khóa của Ban Chấp "
              "hành Trung ương", per_year=3),
        _Kind("CV", "V/v chuẩn bị nội dung làm việc của Đoàn công tác Trung ương tại tỉnh",
              per_year=4, urgent=True),
        _Kind("CV", "V/v gửi tài liệu phục vụ hội nghị", tag="info", per_year=10),
    )),
    _Sender("Ban Tổ chức Trung ương", "BTCTW", "party", travel=(3, 8), pace=6, kinds=(
        _Kind("HD", "Hướng dẫn kiểm điểm, đánh giá chất lượng tổ chức cơ sở đảng và đảng viên "
              "năm 2011", window=_w("2011-11-01", "2011-11-18")),
        _Kind("CV", "V/v báo cáo số lượng, chất lượng đảng viên năm 2011",
              window=_w("2011-12-01", "2011-12-16")),
        _Kind("HD", "Hướng dẫn về công tác nhân sự cấp ủy", tag="info", per_year=2),
    )),
    _Sender("Ban Tuyên giáo Trung ương", "BTGTW", "party", travel=(3, 8), pace=8, kinds=(
        _Kind("HD", "Hướng dẫn tuyên truyền kết quả Đại hội đại biểu toàn quốc lần thứ XI của Đảng",
              window=_w("2011-01-24", "2011-02-18")),
        _Kind("HD", f"Hướng dẫn tuyên truyền cuộc {ELECTION}",
              window=_w("2011-02-21", "2011-03-11")),
        _Kind("HD", "Hướng dẫn tuyên truyền các ngày lễ lớn, sự kiện lịch sử", tag="info",
              per_year=6),
    )),
    _Sender("Ủy ban Kiểm tra Trung ương", "UBKTTW", "party", travel=(3, 8), pace=4, kinds=(
        _Kind("HD", "Hướng dẫn thực hiện các điều về công tác kiểm tra, giám sát và kỷ luật của "
              "Đảng trong Điều lệ Đảng khóa XI", window=_w("2011-04-11", "2011-05-20")),
    )),
    _Sender("Bộ Nội vụ", "BNV", "government", travel=(3, 8), pace=20, kinds=(
        _Kind("", "V/v hướng dẫn quản lý văn bản đi, văn bản đến và lập hồ sơ", tag="info",
              issuer="BNV-VTLTNN", per_year=2),
    )),
    _Sender("Ủy ban nhân dân tỉnh Tây Ninh", "UBND", "government", pace=14, old_tones=0.1, kinds=(
        _Kind("QĐ", "Quyết định về việc thành lập Ủy ban bầu cử tỉnh Tây Ninh",
              window=_w("2011-01-10", "2011-01-21"), tag="info"),
        _Kind("KH", f"Kế hoạch tổ chức cuộc {ELECTION} trên địa bàn tỉnh",
              window=_w("2011-01-17", "2011-02-18")),
        _Kind("QĐ", "Quyết định ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh Tây Ninh nhiệm "
              "kỳ 2011 – 2016", tag="info", window=_w("2011-07-18", "2011-08-12")),
        _Kind("QĐ", "Quyết định về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội và dự "
              "toán ngân sách nhà nước năm 2012", window=_w("2011-12-12", "2011-12-23")),
        _Kind("QĐ", "Quyết định về việc tặng Cờ thi đua cho các đơn vị dẫn đầu phong trào thi đua "
              "năm 2011", tag="info", window=_w("2012-02-06", "2012-02-10")),
        _Kind("QĐ", "Quyết định về việc tặng Bằng khen cho các tập thể có thành tích xuất sắc năm "
              "2011", tag="info", window=_w("2012-02-06", "2012-02-10")),
        _Kind("CT", "Chỉ thị về việc tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm "
              "2011", window=_w("2011-01-10", "2011-02-25")),
        _Kind("CT", "Chỉ thị về việc tổ chức Tết Nguyên đán Nhâm Thìn năm 2012",
              window=_w("2011-12-05", "2011-12-23")),
        _Kind("KH", "Kế hoạch phòng, chống dịch bệnh tay chân miệng trên địa bàn tỉnh năm 2011",
              window=_w("2011-04-04", "2011-05-13")),
        _Kind("", "V/v khắc phục hậu quả lũ tại các xã ven sông Vàm Cỏ Đông", issuer="UBND-KTN",
              window=_w("2011-10-10", "2011-10-28"), urgent=True),
        _Kind("", "V/v tổ chức các hoạt động kỷ niệm Ngày Quốc khánh 2/9", issuer="UBND-VX",
              window=_w("2011-08-08", "2011-08-19")),
        _Kind("", "V/v nghỉ Tết Nguyên đán Tân Mão năm 2011", issuer="UBND-VP", tag="info",
              window=_w("2011-01-04", "2011-01-14")),
        _Kind("BC", "Báo cáo tình hình kinh tế - xã hội {pm}", tag="info", monthly=True),
        _Kind("TB", "Thông báo kết luận của lãnh đạo Ủy ban nhân dân tỉnh tại cuộc họp giao ban "
              "{pm}", tag="info", monthly=True),
        _Kind("", "{action} {topic}", issuer="UBND-VP", tag="mixed", per_year=70),
        _Kind("", "{action} {topic}", issuer="UBND-KTN", tag="mixed", per_year=45),
        _Kind("", "{action} {topic}", issuer="UBND-VX", tag="mixed", per_year=35),
        _Kind("", "{action} {topic}", issuer="UBND-NC", tag="mixed", per_year=15),
        _Kind("", "V/v chuẩn bị nội dung Hội nghị sơ kết công tác quý I năm 2012",
              issuer="UBND-VP", window=_w("2012-02-20", "2012-02-22")),
        _Kind("QĐ", "Quyết định về việc kiện toàn Ban Chỉ đạo {topic}", tag="info", per_year=12),
        _Kind("KH", "Kế hoạch thực hiện {topic} năm {y}", per_year=12),
    )),
    _Sender("Hội đồng nhân dân tỉnh Tây Ninh", "HĐND", "government", pace=3, kinds=(
        _Kind("", "V/v tổ chức kỳ họp thứ nhất Hội đồng nhân dân tỉnh nhiệm kỳ 2011 – 2016",
              issuer="HĐND-VP", window=_w("2011-06-13", "2011-06-24")),
        _Kind("NQ", "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2012",
              window=_w("2011-12-12", "2011-12-22")),
        _Kind("", "V/v tổ chức giám sát chuyên đề quý I năm 2012", issuer="HĐND-VP",
              window=_w("2012-02-20", "2012-02-22")),
        _Kind("", "V/v tổ chức tiếp xúc cử tri trước kỳ họp", issuer="HĐND-VP", tag="info",
              per_year=3),
        _Kind("BC", "Báo cáo kết quả giám sát {topic}", tag="info", per_year=4),
    )),
    _Sender("Ủy ban bầu cử tỉnh Tây Ninh", "UBBC", "government", pace=3, kinds=(
        _Kind("TB", "Thông báo về số đơn vị bầu cử, danh sách các đơn vị bầu cử và số đại biểu "
              "được bầu ở mỗi đơn vị bầu cử đại biểu Hội đồng nhân dân tỉnh",
              tag="info", window=_w("2011-02-21", "2011-03-04")),
        _Kind("KH", "Kế hoạch kiểm tra công tác chuẩn bị bầu cử tại các huyện, thị xã",
              window=_w("2011-03-21", "2011-04-08")),
        _Kind("", "V/v bảo đảm an ninh, trật tự trước, trong và sau ngày bầu cử 22/5/2011",
              issuer="UBBC", window=_w("2011-05-03", "2011-05-13"), urgent=True),
        _Kind("", "V/v niêm yết danh sách cử tri và danh sách người ứng cử", issuer="UBBC",
              window=_w("2011-04-18", "2011-05-06")),
        _Kind("BC", f"Báo cáo kết quả {ELECTION} trên địa bàn tỉnh", tag="info",
              window=_w("2011-05-30", "2011-06-10")),
        _Kind("", "V/v báo cáo tiến độ công tác bầu cử", issuer="UBBC", per_year=6, urgent=True),
    )),
    _Sender("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh", "MTTQ", "government", pace=4, kinds=(
        _Kind("", "V/v tổ chức Hội nghị hiệp thương lần thứ hai", issuer="MTTQ-BTT",
              window=_w("2011-03-07", "2011-03-18")),
        _Kind("", "V/v tổ chức Hội nghị hiệp thương lần thứ ba", issuer="MTTQ-BTT",
              window=_w("2011-04-11", "2011-04-22")),
        _Kind("BC", "Báo cáo tổng hợp ý kiến, kiến nghị của cử tri và nhân dân trước kỳ họp "
              "Hội đồng nhân dân tỉnh", tag="info", per_year=2),
        _Kind("", "{action} {topic}", issuer="MTTQ-BTT", tag="mixed", per_year=6),
    )),
    _Sender("Sở Nội vụ tỉnh Tây Ninh", "SNV", "government", pace=10, kinds=(
        _Kind("", "V/v hướng dẫn bình xét thi đua, khen thưởng năm 2011", issuer="SNV-TĐKT",
              window=_w("2011-11-14", "2011-12-02")),
        _Kind("", "V/v báo cáo kết quả cải cách hành chính {q}", issuer="SNV-CCHC", per_year=4),
        _Kind("", "V/v triển khai công tác thi đua, khen thưởng năm 2012", issuer="SNV-TĐKT",
              window=_w("2012-02-20", "2012-02-22")),
        _Kind("", "{action} {topic}", issuer="SNV-VP", tag="mixed", per_year=8),
    )),
    _Sender("Sở Tài chính tỉnh Tây Ninh", "STC", "government", pace=25, kinds=(
        _Kind("", "V/v lập dự toán ngân sách năm 2012", issuer="STC-NS",
              window=_w("2011-07-11", "2011-07-29")),
        _Kind("", "V/v thẩm tra quyết toán ngân sách năm 2010", issuer="STC-NS",
              window=_w("2011-03-14", "2011-04-15")),
        _Kind("", "V/v khóa sổ kế toán, quyết toán kinh phí năm 2011", issuer="STC-NS",
              window=_w("2012-01-04", "2012-01-13")),
        _Kind("", "V/v cấp bổ sung kinh phí hoạt động", issuer="STC-HCSN", per_year=4),
    )),
    _Sender("Công an tỉnh Tây Ninh", "CAT", "government", pace=30, secret=0.6, kinds=(
        _Kind("BC", "Báo cáo tình hình an ninh chính trị, trật tự an toàn xã hội {pm}",
              tag="info", monthly=True, issuer="CAT-PV11"),
        _Kind("", "V/v bảo đảm an ninh, trật tự cuộc bầu cử ngày 22/5/2011", issuer="CAT-PV11",
              window=_w("2011-04-18", "2011-05-06")),
        _Kind("", "V/v bảo đảm an ninh, trật tự dịp Tết Nguyên đán Nhâm Thìn", issuer="CAT-PV11",
              window=_w("2011-12-19", "2012-01-06")),
    )),
    _Sender("Bộ Chỉ huy Quân sự tỉnh Tây Ninh", "BCH", "government", pace=15, secret=0.5, kinds=(
        _Kind("BC", "Báo cáo kết quả thực hiện nhiệm vụ quốc phòng, quân sự địa phương {q}",
              tag="info", per_year=4, issuer="BCH-TM"),
        _Kind("KH", "Kế hoạch diễn tập khu vực phòng thủ huyện năm 2011",
              window=_w("2011-06-06", "2011-06-24"), issuer="BCH"),
    )),
    _Sender("Chi cục Văn thư - Lưu trữ tỉnh Tây Ninh", "CCVTLT", "government", pace=5, kinds=(
        _Kind("", "V/v thu thập hồ sơ, tài liệu nộp lưu vào Lưu trữ lịch sử tỉnh năm 2011",
              issuer="CCVTLT-NV", window=_w("2011-05-09", "2011-05-27")),
        _Kind("", "V/v kiểm tra công tác văn thư, lưu trữ năm 2011", issuer="CCVTLT-NV",
              window=_w("2011-08-15", "2011-09-09")),
    )),
    _Sender("Ban Tổ chức Tỉnh ủy", "BTCTU", "party", pace=8, secret=0.12, kinds=(
        _Kind("CV", "V/v cử cán bộ tham dự lớp bồi dưỡng nghiệp vụ công tác văn phòng cấp ủy",
              window=_w("2011-03-07", "2011-03-25")),
        _Kind("BC", "Báo cáo kết quả công tác tổ chức xây dựng Đảng {pm}", tag="info",
              monthly=True),
        _Kind("TTr", "Tờ trình về công tác cán bộ", per_year=8),
        _Kind("CV", "V/v cử cán bộ dự lớp bồi dưỡng lý luận chính trị năm 2012",
              window=_w("2012-02-20", "2012-02-22")),
        _Kind("CV", "{action} {topic}", tag="mixed", per_year=10),
    )),
    _Sender("Ban Tuyên giáo Tỉnh ủy", "BTGTU", "party", pace=6, old_tones=0.6, kinds=(
        _Kind("HD", "Hướng dẫn tuyên truyền kỷ niệm 81 năm Ngày thành lập Đảng Cộng sản Việt Nam "
              "(3/2/1930 – 3/2/2011)", window=_w("2011-01-04", "2011-01-12")),
        _Kind("KH", f"Kế hoạch tổ chức học tập, quán triệt {CONGRESS}",
              window=_w("2011-02-21", "2011-03-11")),
        _Kind("BC", "Báo cáo tình hình tư tưởng trong cán bộ, đảng viên và nhân dân {pm}",
              tag="info", monthly=True),
        _Kind("CV", "{action} {topic}", tag="mixed", per_year=8),
    )),
    _Sender("Ban Dân vận Tỉnh ủy", "BDVTU", "party", pace=4, kinds=(
        _Kind("CV", "V/v phối hợp vận động cử tri đi bầu cử ngày 22/5/2011",
              window=_w("2011-04-25", "2011-05-10")),
        _Kind("BC", "Báo cáo công tác dân vận {q}", tag="info", per_year=4),
        _Kind("CV", "{action} {topic}", tag="mixed", per_year=5),
    )),
    _Sender("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU", "party", pace=5, secret=0.35, kinds=(
        _Kind("BC", "Báo cáo kết quả công tác kiểm tra, giám sát {q}", tag="info", per_year=4),
        _Kind("TB", "Thông báo kết luận kiểm tra đối với tổ chức đảng cấp dưới", tag="info",
              per_year=6),
        _Kind("KH", "Kế hoạch kiểm tra, giám sát năm 2012", window=_w("2012-02-20", "2012-02-22")),
    )),
    _Sender("Đảng ủy Khối các cơ quan tỉnh", "ĐUK", "party", pace=5, kinds=(
        _Kind("BC", "Báo cáo tình hình thực hiện nhiệm vụ {pm}", tag="info", monthly=True),
        _Kind("TTr", "Tờ trình đề nghị chuẩn y kết quả bầu bổ sung cấp ủy viên", per_year=3),
    )),
    _Sender("Tỉnh đoàn Tây Ninh", "TĐTN", "party", pace=10, kinds=(
        _Kind("CV", "V/v tổ chức Chiến dịch Thanh niên tình nguyện hè năm 2011",
              window=_w("2011-05-16", "2011-06-03")),
        _Kind("CV", "{action} {topic}", tag="mixed", per_year=5),
    )),
)

# The province's own bodies write to every district on paper; one number, nine registrations.
BROADCAST_SENDERS: tuple[_Sender, ...] = (
    _Sender("Tỉnh ủy Tây Ninh", "TU", "party", pace=3, old_tones=0.35, secret=0.05, kinds=(
        _Kind("CT", f"Chỉ thị về lãnh đạo cuộc {ELECTION}", window=_w("2011-01-17", "2011-01-28"),
              urgent=True),
        _Kind("QĐ", "Quyết định ban hành Quy chế làm việc của Tỉnh ủy khóa IX, nhiệm kỳ "
              "2010 – 2015", tag="info", window=_w("2011-01-04", "2011-01-21")),
        _Kind("KH", f"Kế hoạch học tập, quán triệt và triển khai thực hiện {CONGRESS}",
              window=_w("2011-03-01", "2011-03-15")),
        _Kind("CTr", "Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần "
              "thứ XI của Đảng", window=_w("2011-04-18", "2011-05-06")),
        _Kind("KL", "Kết luận của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị bầu cử",
              window=_w("2011-03-28", "2011-04-08")),
        _Kind("NQ", "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh và "
              "xây dựng Đảng 6 tháng cuối năm 2011", window=_w("2011-07-11", "2011-07-22")),
        _Kind("HD", "Hướng dẫn kiểm điểm tập thể, cá nhân lãnh đạo, quản lý năm 2011",
              window=_w("2011-11-21", "2011-12-02")),
        _Kind("KH", "Kế hoạch tổng kết công tác năm 2011 và triển khai nhiệm vụ năm 2012",
              window=_w("2011-11-07", "2011-11-18")),
        _Kind("NQ", "Nghị quyết về nhiệm vụ năm 2012", window=_w("2011-12-19", "2011-12-30")),
        _Kind("CT", "Chỉ thị về tổ chức Tết Nguyên đán Nhâm Thìn năm 2012",
              window=_w("2011-12-05", "2011-12-16")),
        _Kind("TB", "Thông báo kết luận của Ban Thường vụ Tỉnh ủy tại hội nghị {pm}", tag="info",
              per_year=8),
        _Kind("KL", "Kết luận của Ban Thường vụ Tỉnh ủy về công tác chuẩn bị sơ kết quý I năm 2012",
              window=_w("2012-02-20", "2012-02-22")),
    )),
    _Sender("Ban Tổ chức Tỉnh ủy", "BTCTU", "party", pace=8, kinds=(
        _Kind("HD", "Hướng dẫn kiểm điểm, đánh giá chất lượng tổ chức cơ sở đảng và đảng viên "
              "năm 2011", window=_w("2011-11-21", "2011-12-02")),
    )),
    _Sender("Ban Tuyên giáo Tỉnh uỷ", "BTGTU", "party", pace=6, old_tones=0.7, kinds=(
        _Kind("HD", "Hướng dẫn tuyên truyền kỷ niệm 81 năm Ngày thành lập Đảng Cộng sản Việt Nam "
              "(3/2/1930 – 3/2/2011)", window=_w("2011-01-04", "2011-01-12")),
        _Kind("HD", f"Hướng dẫn tuyên truyền cuộc {ELECTION}",
              window=_w("2011-03-01", "2011-03-11")),
    )),
    _Sender("Ủy ban nhân dân tỉnh Tây Ninh", "UBND", "government", pace=14, kinds=(
        _Kind("KH", f"Kế hoạch tổ chức cuộc {ELECTION} trên địa bàn tỉnh",
              window=_w("2011-01-17", "2011-02-18")),
    )),
    _Sender("Ủy ban bầu cử tỉnh Tây Ninh", "UBBC", "government", pace=3, kinds=(
        _Kind("", "V/v bảo đảm an ninh, trật tự trước, trong và sau ngày bầu cử 22/5/2011",
              issuer="UBBC", window=_w("2011-05-03", "2011-05-13"), urgent=True),
    )),
    _Sender("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU", "party", pace=5, kinds=(
        _Kind("HD", "Hướng dẫn thực hiện công tác kiểm tra, giám sát năm 2012",
              window=_w("2011-12-19", "2012-01-06")),
    )),
)


def _district_senders(place: str, town: str) -> tuple[_Sender, ...]:
    """Bodies of one district that write to its committee's office."""
    return (
        _Sender(f"Ủy ban nhân dân {place}", "UBND", "government", pace=9, kinds=(
            _Kind("", "V/v chuẩn bị tổ chức bầu cử đại biểu Hội đồng nhân dân huyện, xã nhiệm kỳ "
                  "2011 – 2016", issuer="UBND", window=_w("2011-01-17", "2011-02-25")),
            _Kind("KH", "Kế hoạch xây dựng nông thôn mới năm 2011",
                  window=_w("2011-02-21", "2011-03-25")),
            _Kind("", "V/v chuẩn bị Hội nghị sơ kết công tác quý I năm 2012", issuer="UBND",
                  window=_w("2012-02-20", "2012-02-22")),
            _Kind("", "V/v khắc phục hậu quả mưa lũ", issuer="UBND",
                  window=_w("2011-10-10", "2011-10-28"), urgent=True),
            _Kind("BC", "Báo cáo tình hình kinh tế - xã hội {pm}", tag="info", monthly=True),
            _Kind("", "{action} {topic}", issuer="UBND", tag="mixed", per_year=10),
        )),
        _Sender(f"Ủy ban bầu cử {place}", "UBBC", "government", pace=2, kinds=(
            _Kind("TB", "Thông báo danh sách những người ứng cử đại biểu Hội đồng nhân dân huyện",
                  tag="info", window=_w("2011-04-25", "2011-05-06")),
            _Kind("BC", "Báo cáo kết quả bầu cử đại biểu Hội đồng nhân dân huyện, xã nhiệm kỳ "
                  "2011 – 2016", tag="info", window=_w("2011-05-30", "2011-06-10")),
        )),
        _Sender(f"Đảng ủy {town}", "ĐU", "party", pace=2, old_tones=0.4, kinds=(
            _Kind("BC", "Báo cáo tình hình thực hiện nhiệm vụ {q}", tag="info", per_year=4),
            _Kind("TTr", "Tờ trình đề nghị kết nạp đảng viên", per_year=3),
            _Kind("BC", "Báo cáo kiểm điểm, đánh giá chất lượng tổ chức cơ sở đảng năm 2011",
                  tag="info", window=_w("2011-12-12", "2012-01-06")),
        )),
        _Sender(f"Ủy ban Mặt trận Tổ quốc Việt Nam {place}", "MTTQ", "government", pace=3, kinds=(
            _Kind("", "V/v tổ chức hội nghị hiệp thương giới thiệu người ứng cử", issuer="MTTQ-BTT",
                  window=_w("2011-02-28", "2011-04-08")),
            _Kind("BC", "Báo cáo tổng hợp ý kiến cử tri {q}", tag="info", per_year=2),
        )),
        _Sender(f"Công an {place}", "CAH", "government", pace=12, secret=0.5, kinds=(
            _Kind("BC", "Báo cáo tình hình an ninh, trật tự {q}", tag="info", per_year=4),
        )),
    )
# fmt: on


# --- what the offices issue ----------------------------------------------------------------


@dataclass(frozen=True)
class _OutKind:
    type_symbol: str
    subject: str
    to: str = "districts"  # districts | district (one) | province | external
    tag: str = "info"  # how the recipients handle it: info | task | reply
    when: date | None = None  # a one-off issued on that day
    per_year: float = 0.0
    monthly_day: int = 0  # issued around this day of every month
    external: tuple[str, ...] = ()
    urgency: int = Urgency.NORMAL
    secret: bool = False
    reply: str = ""  # for tag "reply": the subject of the districts' reports
    days: int = 10  # for tag "reply": working days the districts have
    recall: str = ""  # recalled a few days after issue, for this reason
    signed_for: str = ""  # T/L etc.
    refuse: str = ""  # the recipients refuse it, for this reason
    minute: int = -1  # issued at this working minute of the day (-1: some time in the day)
    months: tuple[int, ...] = ()  # with monthly_day: only in these months


CENTRAL = ("Văn phòng Trung ương Đảng",)
BOARDS = ("Các ban đảng Tỉnh ủy", "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối doanh nghiệp tỉnh")
# fmt: off
PROVINCE_OUT: tuple[_OutKind, ...] = (
    _OutKind("KH", "Kế hoạch công tác văn phòng năm 2011", when=date(2011, 1, 12), external=BOARDS),
    _OutKind("CV", f"V/v báo cáo kết quả học tập, quán triệt {CONGRESS}", tag="reply",
             when=date(2011, 4, 5), reply=f"Báo cáo kết quả học tập, quán triệt {CONGRESS}",
             days=12),
    _OutKind("KH", "Kế hoạch kiểm tra công tác văn thư, lưu trữ tại văn phòng các huyện, thị ủy "
             "năm 2011", tag="task", when=date(2011, 3, 15)),
    _OutKind("CV", "V/v báo cáo tình hình chuẩn bị bầu cử đại biểu Quốc hội khóa XIII và đại biểu "
             "Hội đồng nhân dân các cấp", tag="reply", when=date(2011, 4, 12),
             urgency=Urgency.URGENT, reply="Báo cáo tình hình chuẩn bị bầu cử trên địa bàn {place}",
             days=5),
    _OutKind("CV", "V/v báo cáo nhanh kết quả bầu cử ngày 22/5/2011", tag="reply",
             when=date(2011, 5, 20), urgency=Urgency.FLASH,
             reply=f"Báo cáo nhanh kết quả {ELECTION} trên địa bàn {{place}}", days=2),
    _OutKind("CV", "V/v báo cáo sơ kết công tác văn phòng 6 tháng đầu năm 2011", tag="reply",
             when=date(2011, 6, 6), reply="Báo cáo sơ kết công tác văn phòng 6 tháng đầu năm "
             "2011, phương hướng nhiệm vụ 6 tháng cuối năm", days=10),
    _OutKind("CV", "V/v báo cáo tình hình thực hiện Chương trình hành động thực hiện Nghị quyết "
             "Đại hội XI của Đảng", tag="reply", when=date(2011, 9, 12),
             reply="Báo cáo tình hình thực hiện Chương trình hành động thực hiện Nghị quyết Đại "
             "hội XI của Đảng", days=15),
    _OutKind("CV", "V/v báo cáo tình hình lũ và công tác khắc phục hậu quả", tag="reply",
             when=date(2011, 10, 11), urgency=Urgency.VERY_URGENT,
             reply="Báo cáo tình hình lũ và công tác khắc phục hậu quả trên địa bàn {place}",
             days=3),
    _OutKind("CV", "V/v tổ chức kỷ niệm 81 năm Ngày truyền thống Văn phòng cấp ủy", tag="task",
             when=date(2011, 10, 3)),
    _OutKind("CV", "V/v báo cáo số liệu phục vụ tổng kết công tác năm 2011", tag="task",
             when=date(2011, 11, 21), recall="Văn bản có sai sót về biểu mẫu phụ lục; Văn phòng "
             "Tỉnh ủy sẽ ban hành văn bản thay thế."),
    _OutKind("CV", "V/v báo cáo số liệu phục vụ tổng kết công tác năm 2011 (thay thế văn bản đã "
             "thu hồi)", tag="task", when=date(2011, 11, 28)),
    _OutKind("HD", "Hướng dẫn tổng kết công tác văn phòng cấp ủy năm 2011", tag="reply",
             when=date(2011, 12, 1), reply="Báo cáo tổng kết công tác văn phòng cấp ủy năm 2011, "
             "phương hướng nhiệm vụ năm 2012", days=25),
    _OutKind("CV", "V/v đăng ký và bình xét thi đua năm 2011 của văn phòng các huyện, thị ủy",
             tag="reply", when=date(2011, 12, 20), reply="Báo cáo thành tích và đề nghị xét tặng "
             "danh hiệu thi đua năm 2011 của Văn phòng {committee}", days=10),
    _OutKind("TTr", "Tờ trình đề nghị Ủy ban nhân dân tỉnh tặng Cờ thi đua, Bằng khen cho văn "
             "phòng các huyện ủy có thành tích xuất sắc năm 2011", to="external",
             when=date(2012, 1, 10), external=("Ban Thi đua - Khen thưởng tỉnh",)),
    _OutKind("BC", "Báo cáo tổng kết công tác văn phòng cấp ủy năm 2011", to="external",
             when=date(2012, 1, 16), external=CENTRAL),
    _OutKind("KH", "Kế hoạch tổ chức Hội nghị tổng kết công tác Văn phòng cấp ủy năm 2011",
             when=date(2012, 1, 31), tag="task", external=BOARDS),
    _OutKind("TB", "Thông báo về việc tổ chức Hội nghị tổng kết công tác Văn phòng cấp ủy năm "
             "2011 vào chiều ngày 16/02/2012", when=date(2012, 2, 8), urgency=Urgency.URGENT),
    _OutKind("TB", "Thông báo kết luận của đồng chí Phó Bí thư Thường trực Tỉnh ủy tại Hội nghị "
             "tổng kết công tác Văn phòng cấp ủy năm 2011", tag="task", when=date(2012, 2, 20),
             signed_for=SigningAuthority.BY_ORDER),
    _OutKind("TB", "Thông báo kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường "
             "vụ Huyện ủy về công tác chuẩn bị Đại hội Hội Nông dân", tag="task",
             when=date(2011, 8, 15), refuse="Văn bản gửi nhầm đơn vị nhận; nội dung thuộc huyện "
             "khác."),
    _OutKind("CV", "V/v chuẩn bị nội dung giao ban công tác văn phòng cấp ủy quý I năm 2012",
             when=LAST_DAY, minute=415),
    _OutKind("TB", "Thông báo lịch làm việc của Thường trực Tỉnh ủy tháng 8 năm 2011",
             when=date(2011, 7, 27), recall="Điều chỉnh lịch làm việc; văn bản thay thế sẽ gửi "
             "sau."),
    _OutKind("CTr", "Chương trình công tác {nm} của Thường trực Tỉnh ủy", monthly_day=24,
             signed_for=SigningAuthority.BY_ORDER),
    _OutKind("BC", "Báo cáo công tác văn phòng {pm}", to="external", monthly_day=3,
             external=CENTRAL),
    _OutKind("TB", "Thông báo kết luận của Thường trực Tỉnh ủy tại buổi làm việc với Ban Thường "
             "vụ {committee}", to="district", tag="task", per_year=9,
             signed_for=SigningAuthority.BY_ORDER),
    _OutKind("TB", "Thông báo ý kiến của Thường trực Tỉnh ủy về {topic}", tag="task",
             per_year=14, signed_for=SigningAuthority.BY_ORDER),
    _OutKind("CV", "V/v sao gửi văn bản của Trung ương", per_year=24),
    _OutKind("CV", "V/v chuẩn bị nội dung hội nghị Ban Thường vụ Tỉnh ủy {nm}", to="external",
             per_year=10, external=BOARDS),
    _OutKind("CV", "V/v mời dự hội nghị giao ban công tác văn phòng cấp ủy {q}", per_year=4),
    _OutKind("CV", "V/v thực hiện chế độ thông tin, báo cáo định kỳ", tag="task", per_year=3),
    _OutKind("CV", "V/v lập hồ sơ và nộp lưu hồ sơ, tài liệu năm 2010 vào Lưu trữ cơ quan",
             tag="task", per_year=2),
    _OutKind("CV", "V/v chuyển tài liệu mật của Trung ương", secret=True, per_year=5),
    _OutKind("TB", "Thông báo ý kiến của Ban Thường vụ Tỉnh ủy về công tác cán bộ", to="district",
             tag="task", secret=True, per_year=4, signed_for=SigningAuthority.BY_ORDER),
)
DISTRICT_OUT: tuple[_OutKind, ...] = (
    _OutKind("BC", "Báo cáo tình hình thực hiện nhiệm vụ {q}", to="province", monthly_day=5,
             months=(4, 10, 1)),
    _OutKind("KH", "Kế hoạch công tác văn phòng năm 2011", to="external", when=date(2011, 1, 20),
             external=("Các chi, đảng bộ cơ sở",)),
    _OutKind("TB", "Thông báo ý kiến kết luận của Thường trực {committee} về {topic}",
             to="external", per_year=4, external=("Các chi, đảng bộ cơ sở",)),
    _OutKind("CV", "V/v chuẩn bị nội dung hội nghị Ban Chấp hành Đảng bộ {place}", to="external",
             per_year=2,
             external=("Các đồng chí Ủy viên Ban Thường vụ", "Ủy ban nhân dân {place}")),
)
# fmt: on
PENDING = ("draft", "in_review", "returned", "approved", "signed")
HOLDS = ("registered", "presented", "assigned", "in_progress")

DIRECTIONS = (
    "Chuyển bộ phận tổng hợp nghiên cứu, tham mưu văn bản triển khai thực hiện; báo cáo trước "
    "ngày {d}.",
    "Đề nghị tham mưu Thường trực {committee} chỉ đạo thực hiện; hoàn thành trước ngày {d}.",
    "Nghiên cứu, đề xuất ý kiến; phối hợp các đơn vị liên quan; báo cáo lãnh đạo Văn phòng trước "
    "ngày {d}.",
    "Theo dõi, đôn đốc các đơn vị thực hiện; tổng hợp kết quả báo cáo trước ngày {d}.",
    "Khẩn trương tham mưu văn bản trả lời; trình ký trước ngày {d}.",
    "Chuẩn bị nội dung, tài liệu phục vụ hội nghị; báo cáo tiến độ trước ngày {d}.",
    "Sao gửi các đơn vị liên quan để thực hiện; theo dõi, báo cáo kết quả trước ngày {d}.",
)
NOTES = (
    "Đã dự thảo văn bản, đang xin ý kiến các đơn vị liên quan.",
    "Đã liên hệ đơn vị phối hợp, đang tổng hợp số liệu.",
    "Đã trình lãnh đạo Văn phòng dự thảo lần 1.",
    "Đang chờ số liệu của các đơn vị.",
    "Đã sao gửi văn bản cho các đơn vị liên quan.",
    "Đã hoàn chỉnh dự thảo theo ý kiến của lãnh đạo.",
)
RESULTS = (
    "Đã tham mưu văn bản triển khai, trình lãnh đạo ký ban hành.",
    "Đã tổng hợp, báo cáo Thường trực {committee}.",
    "Đã sao gửi các đơn vị thực hiện; tiếp tục theo dõi kết quả.",
    "Đã chuẩn bị đầy đủ tài liệu phục vụ hội nghị.",
    "Đã phối hợp hoàn thành; lưu hồ sơ công việc.",
)
SUPPORT_RESULTS = ("Đã cung cấp số liệu cho đơn vị chủ trì.", "Đã góp ý dự thảo bằng văn bản.")
FILE_NOTES = ("Lưu để biết.", "Lưu hồ sơ theo dõi.", "Đã báo cáo lãnh đạo; lưu để biết.")
CANCEL_REASONS = (
    "Vào sổ nhầm văn bản gửi cho đơn vị khác; đã chuyển trả.",
    "Trùng với văn bản đã vào sổ (bản chụp gửi qua thư điện tử).",
    "Nhập sai đơn vị nhận; đã hướng dẫn đơn vị gửi lại đúng địa chỉ.",
)
PRESENT_RETURNS = (
    "Đề nghị trình đồng chí lãnh đạo phụ trách lĩnh vực.",
    "Văn bản thuộc lĩnh vực do đồng chí Phó Chánh Văn phòng phụ trách; trình lại đúng người.",
)
DRAFT_RETURNS = (
    "Đề nghị bổ sung số liệu và rà soát thể thức văn bản.",
    "Chỉnh lại trích yếu cho ngắn gọn; bổ sung nơi nhận.",
    "Đề nghị thống nhất với các đơn vị liên quan trước khi trình.",
)
REFUSALS = (
    "Văn bản gửi nhầm đơn vị nhận.",
    "Văn bản thiếu phụ lục kèm theo; đề nghị gửi lại bản đầy đủ.",
    "Tệp văn bản điện tử không mở được; đề nghị gửi lại.",
)
HAND_OVERS = (
    "Chuyển đồng chí cùng bộ phận xử lý do đi công tác dài ngày.",
    "Bàn giao theo phân công lại nhiệm vụ của lãnh đạo Văn phòng.",
)
OUT_CANCELS = (
    "Nội dung đã được lồng ghép vào văn bản khác.",
    "Thường trực không ban hành; chuyển thành ý kiến chỉ đạo trực tiếp.",
)
DUPLICATE_REASON = "Bản gốc (giấy) gửi sau bản điện tử; vào sổ để theo dõi bản gốc."


# --- offices and their people --------------------------------------------------------------


@dataclass(eq=False)
class _Office:
    unit: Unit
    committee: Unit
    place: str  # "huyện Châu Thành"
    town: str  # the town of the district seat, for its Đảng ủy
    clerk: Person
    office_leaders: list[Person]
    committee_leaders: list[Person]
    specialists: list[Person]
    positions: dict[int, str]
    emulation: Person | None = None
    boards: list[Unit] = field(default_factory=list)
    old_tones: float = 0.2
    senders: tuple[_Sender, ...] = ()
    arrivals: int = 0  # registrations from outside, to pick the occasional mistaken one
    recent: int = 0  # documents registered in the last days, still on the desks

    def sees(self, person: Person, level: int) -> bool:
        return scope_for(person).sees(self.unit.id, level)

    @property
    def leaders(self) -> list[Person]:
        return self.office_leaders + self.committee_leaders


def _members(unit: Unit, role: str) -> list[Person]:
    rows = (
        Membership.objects.filter(unit=unit, role=role, ends_on__isnull=True)
        .select_related("person")
        .order_by("person__username")
    )
    return [row.person for row in rows if row.person.is_active]


def _office(committee: Unit) -> _Office:
    unit = Unit.objects.get(parent=committee, kind=UnitKind.OFFICE)
    clerks = _members(unit, Role.CLERK)
    office_leaders = _members(unit, Role.OFFICE_LEADER)
    if not clerks or not office_leaders:
        raise RuntimeError(f"the demo needs a clerk and an office leader in {unit}")
    positions = {
        row.person_id: row.position
        for row in Membership.objects.filter(unit__in=[unit, committee]).exclude(position="")
    }
    emulation = _members(unit, Role.EMULATION)
    is_province = committee.parent_id is None
    if is_province:
        place, town = "tỉnh Tây Ninh", ""
    elif committee.kind == UnitKind.TOWN_COMMITTEE:
        place, town = f"thị xã {committee.place}", "phường 1"
    else:
        place, town = f"huyện {committee.place}", f"thị trấn {committee.place}"
    return _Office(
        unit=unit,
        committee=committee,
        place=place,
        town=town,
        clerk=clerks[0],
        office_leaders=office_leaders,
        committee_leaders=_members(committee, Role.COMMITTEE_LEADER),
        specialists=_members(unit, Role.SPECIALIST),
        positions=positions,
        emulation=emulation[0] if emulation else None,
        boards=list(
            Unit.objects.filter(parent=committee, kind=UnitKind.BOARD).order_by("sort_order")
        ),
        # The seed's Hoà Thành writes the old tone placement; so does its office.
        old_tones=0.7 if "uỷ" in committee.name else 0.2,
        senders=() if is_province else _district_senders(place, town),
    )


# --- the simulated times, written back at the end ------------------------------------------


@dataclass
class _Stamps:
    rows: dict[type[models.Model], dict[int, dict[str, datetime]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    events: dict[tuple[int, str], datetime] = field(default_factory=dict)
    versions: dict[tuple[int, int], datetime] = field(default_factory=dict)
    decisions: dict[int, list[datetime]] = field(default_factory=lambda: defaultdict(list))

    def set(self, obj: models.Model, **moments: int) -> None:
        self.rows[type(obj)].setdefault(obj.pk, {}).update(
            {name: _moment(t) for name, t in moments.items()}
        )

    def event(self, delivery_id: int | None, status: str, t: int) -> None:
        if delivery_id is not None:
            self.events.setdefault((delivery_id, status), _moment(t))

    @transaction.atomic
    def apply(self) -> None:
        """Write the simulated times over the services' "now" (demo loader only)."""
        versions = DraftVersion.objects.filter(document_id__in={d for d, _ in self.versions})
        for pk, document_id, number in versions.values_list("pk", "document_id", "version"):
            moment = self.versions.get((document_id, number))
            if moment is not None:
                self.rows[DraftVersion].setdefault(pk, {})["created_at"] = moment
        steps = ApprovalStep.objects.filter(document_id__in=list(self.decisions)).order_by("id")
        seen: dict[int, int] = defaultdict(int)
        for pk, document_id in steps.values_list("pk", "document_id"):
            moments = self.decisions[document_id]
            moment = moments[min(seen[document_id], len(moments) - 1)]
            seen[document_id] += 1
            self.rows[ApprovalStep].setdefault(pk, {})["decided_at"] = moment
        latest: dict[int, datetime] = {}
        events = DeliveryEvent.objects.order_by("id").values_list("pk", "delivery_id", "status")
        for pk, delivery_id, status in events:
            moment = self.events.get((delivery_id, status))
            if moment is not None:
                self.rows[DeliveryEvent].setdefault(pk, {})["at"] = moment
                latest[delivery_id] = moment
        for delivery_id, moment in latest.items():
            self.rows[Delivery].setdefault(delivery_id, {})["status_at"] = moment
        # One UPDATE per table and set of columns, run for every row at once: Django's
        # bulk_update builds a CASE over each batch and took a tenth of the whole load.
        quote, adapt = connection.ops.quote_name, connection.ops.adapt_datetimefield_value
        for model, rows in self.rows.items():
            by_fields: dict[tuple[str, ...], list[tuple[Any, ...]]] = defaultdict(list)
            for pk, values in rows.items():
                names = tuple(sorted(values))
                by_fields[names].append((*(adapt(values[name]) for name in names), pk))
            for names, params in by_fields.items():
                columns = ", ".join(f"{quote(name)} = %s" for name in names)  # datetime fields
                table = quote(model._meta.db_table)
                with connection.cursor() as cursor:
                    cursor.executemany(f"UPDATE {table} SET {columns} WHERE id = %s", params)  # noqa: S608
        # The dates written here are indexed for search: tell the index, as a service would.
        for model, kind in ((IncomingDocument, "incoming"), (OutgoingDocument, "outgoing")):
            stamped = model.objects.filter(pk__in=list(self.rows.get(model, {})))
            for object_uuid in stamped.values_list("uuid", flat=True):
                outbox.enqueue(kind, object_uuid)


# --- the traffic ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Arrival:
    sender: _Sender
    kind: _Kind
    number_symbol: str
    document_date: date
    subject: str
    urgency: int
    confidentiality: int


@dataclass(eq=False)
class _Out:
    office: _Office
    kind: _OutKind
    at: int  # when it is issued (or, if it stops short, when its last step happens)
    subject: str
    target: str = "issued"  # or withdrawn, or one of PENDING, or cancelled
    recipients: list[_Office] = field(default_factory=list)
    drafter: Person | None = None
    reply_to: IncomingDocument | None = None
    completes: Assignment | None = None
    not_before: int = 0  # a report is drafted after the request came in


def _submission(n: int) -> uuid.UUID:
    return uuid.uuid5(SUBMISSIONS, f"in-{n}")


class _Traffic:
    def __init__(self, province: _Office, districts: list[_Office], scale: float) -> None:
        self.rng = random.Random(SEED)  # noqa: S311 (a reproducible demo, not secrets)
        self.province = province
        self.districts = districts
        self.scale = scale
        self.queue: list[tuple[int, int, Callable[[], None]]] = []
        self.seq = 0
        self.registered = 0
        self.recent_copies = 0  # copies of the province's documents still on district desks
        self.last_step = 0  # when the document being handled was last worked on
        self.stamps = _Stamps()
        self.numbers: dict[tuple[str, str, int | None], int] = {}

    # -- the timeline --------------------------------------------------------------------

    def at(self, t: int, action: Callable[[], None]) -> None:
        heapq.heappush(self.queue, (t, self.seq, action))
        self.seq += 1

    def run(self) -> None:
        while self.queue:
            _t, _n, action = heapq.heappop(self.queue)
            action()
        self.stamps.apply()

    # -- text ----------------------------------------------------------------------------

    def fill(self, text: str, day: date, office: _Office | None = None) -> str:
        if "{" not in text:
            return text
        rng = self.rng
        previous = (day.replace(day=1) - timedelta(days=1)).replace(day=1)
        following = (day.replace(day=28) + timedelta(days=5)).replace(day=1)
        quarter = (previous.month - 1) // 3
        values = {
            "pm": f"tháng {previous.month} năm {previous.year}",
            "nm": f"tháng {following.month} năm {following.year}",
            "q": f"quý {('I', 'II', 'III', 'IV')[quarter]} năm {previous.year}",
            "y": str(day.year),
            "topic": rng.choice(TOPICS),
            "action": rng.choice(ACTIONS),
            "place": office.place if office else "",
            "committee": office.committee.name if office else "",
        }
        return text.format(**values)

    def styled(self, text: str, share: float) -> str:
        return old_tones(text) if self.rng.random() < share else text

    def urgency(self, urgent: bool) -> int:
        if urgent:
            return self.rng.choice([Urgency.URGENT, Urgency.URGENT, Urgency.VERY_URGENT])
        return self.rng.choices(
            [
                Urgency.NORMAL,
                Urgency.URGENT,
                Urgency.VERY_URGENT,
                Urgency.FLASH,
                Urgency.FLASH_TIMED,
            ],
            weights=[82, 11, 4.5, 2.2, 0.3],
        )[0]

    # -- documents from outside ----------------------------------------------------------

    def plan_arrivals(self) -> None:
        """Date every outside document, number it in its sender's series, then schedule it."""
        dated: list[tuple[date, int, _Sender, _Kind, list[_Office]]] = []
        for sender in PROVINCE_SENDERS:
            dated += self.dates(sender, [self.province])
        for sender in BROADCAST_SENDERS:
            dated += self.dates(sender, self.districts)
        for office in self.districts:
            for sender in office.senders:
                dated += self.dates(sender, [office])
        dated.sort(key=lambda row: (row[0], row[1]))
        duplicates = 0
        for day, _n, sender, kind, offices in dated:
            arrival = self.arrival(sender, kind, day, offices[0])
            for office in offices:
                lo, hi = sender.travel
                t = _on(_workdays_after(day, self.rng.randint(lo, hi))) + self.rng.randint(0, 420)
                if t >= END:
                    continue
                self.at(t, partial(self.arrive, office, arrival, t))
                if office is self.province and duplicates < 3 and self.rng.random() < 0.01:
                    duplicates += 1
                    later = t + self.rng.randint(DAY, 3 * DAY)
                    if later < END:
                        self.at(later, partial(self.arrive, office, arrival, later, True))

    def dates(
        self, sender: _Sender, offices: list[_Office]
    ) -> list[tuple[date, int, _Sender, _Kind, list[_Office]]]:
        rng = self.rng
        days: list[tuple[date, int, _Sender, _Kind, list[_Office]]] = []
        first, last = FIRST_DAY - timedelta(days=10), LAST_DAY
        span = (last - first).days
        for kind in sender.kinds:
            chosen: list[date] = []
            if kind.window is not None:
                start, end = kind.window
                chosen.append(start + timedelta(days=rng.randint(0, (end - start).days)))
            elif kind.monthly:
                month = date(2011, 1, 1)
                while month <= last:
                    if rng.random() < min(1.0, self.scale * 1.5):
                        chosen.append(month + timedelta(days=rng.randint(1, 7)))
                    month = (month + timedelta(days=32)).replace(day=1)
            else:
                share = ROUTINE_PROVINCE if offices == [self.province] else ROUTINE
                expected = kind.per_year * self.scale * share * span / 365
                count = int(expected) + (rng.random() < expected - int(expected))
                chosen += [first + timedelta(days=rng.randint(0, span)) for _ in range(count)]
            for day in chosen:
                # Weekend dates move to the Friday before: bodies date documents on working days.
                while day.weekday() >= 5:
                    day -= timedelta(days=1)
                self.seq += 1
                if day <= last:
                    days.append((day, self.seq, sender, kind, offices))
        return days

    def arrival(self, sender: _Sender, kind: _Kind, day: date, office: _Office) -> _Arrival:
        rng = self.rng
        issuer = kind.issuer or sender.issuer
        government = sender.style == "government"
        series = (fold(sender.name), kind.type_symbol or issuer, day.year if government else None)
        start = rng.randint(1, 12 * sender.pace) if series not in self.numbers else 0
        number = self.numbers.get(series, 0) + start + rng.randint(1, sender.pace)
        self.numbers[series] = number
        if government:
            code = f"{number:02d}/{kind.type_symbol}-{issuer}" if kind.type_symbol else ""
            code = code or f"{number:02d}/{issuer}"
            typed = rng.choice(["Số: ", "Số:", "", "số "]) + code
        else:
            code = f"{number:02d}-{kind.type_symbol}/{issuer}"
            typed = rng.choice(["Số ", "", "số "]) + code
        secret = rng.random() < sender.secret
        level = Clearance.UNCLASSIFIED
        if secret:
            level = Clearance.TOP_SECRET if rng.random() < 0.08 else Clearance.SECRET
        return _Arrival(
            sender=sender,
            kind=kind,
            number_symbol=typed,
            document_date=day,
            subject=self.styled(self.fill(kind.subject, day, office), sender.old_tones),
            urgency=self.urgency(kind.urgent),
            confidentiality=level,
        )

    def arrive(self, office: _Office, arrival: _Arrival, t: int, duplicate: bool = False) -> None:
        rng = self.rng
        level = arrival.confidentiality
        if not office.sees(office.clerk, level):
            level = Clearance.SECRET  # a district's clerk holds Mật: Tối mật goes to the province
        deadline = None
        if arrival.urgency >= Urgency.VERY_URGENT:
            deadline = _workdays_after(_day(t), rng.randint(1, 2))
        elif rng.random() < 0.15:
            deadline = _workdays_after(_day(t), rng.randint(5, 20))
        medium = Medium.ELECTRONIC if rng.random() < 0.3 else Medium.PAPER
        document, t = self.register(
            office,
            t,
            sender_name=self.styled(arrival.sender.name, arrival.sender.old_tones / 2),
            number_symbol=arrival.number_symbol,
            document_date=arrival.document_date,
            subject=arrival.subject,
            medium=Medium.PAPER if duplicate else medium,
            confidentiality=level,
            urgency=arrival.urgency,
            deadline=deadline,
            duplicate_reason=DUPLICATE_REASON if duplicate else "",
        )
        if duplicate:
            self.file(office, document, t + rng.randint(10, 60), office.clerk)
            return
        self.handle(office, document, t, tag=arrival.kind.tag)

    def register(
        self,
        office: _Office,
        t: int,
        latest: int = END,
        register: Callable[..., IncomingDocument] | None = None,
        **fields: Any,
    ) -> tuple[IncomingDocument, int]:
        """Register what arrived at `t` (`register`: from outside, or what another unit
        sent: services_incoming.delivery_register); returns the document and when the clerk entered
        it (minutes later, but not after `latest`)."""
        if register is None:
            register = partial(services_incoming.incoming_register, unit=office.unit)
        document = register(
            actor=office.clerk,
            received_at=_moment(t),
            page_count=self.rng.randint(1, 12),
            submission_id=_submission(self.registered),
            **fields,
        )
        self.registered += 1
        registered = min(t + self.rng.randint(5, 45), max(t, latest))
        self.stamps.set(document, registered_at=registered)
        self.stamps.event(document.delivery_id, DeliveryStatus.REGISTERED, registered)
        return document, registered

    # -- handling ------------------------------------------------------------------------

    def leader_for(self, office: _Office, level: int, avoid: Person | None = None) -> Person:
        candidates = [p for p in office.leaders if office.sees(p, level) and p != avoid]
        weights = [4 if p in office.office_leaders else 1 for p in candidates]
        return self.rng.choices(candidates, weights=weights)[0]

    def handlers(self, office: _Office, level: int, leader: Person) -> list[Person]:
        cleared = [p for p in office.specialists if office.sees(p, level)]
        if office is not self.province and level == Clearance.UNCLASSIFIED:
            cleared.append(office.clerk)  # sao gửi, lưu hồ sơ: district clerks handle too
        if not cleared:
            cleared = [p for p in office.office_leaders if office.sees(p, level)] or [leader]
        return cleared

    @staticmethod
    def later(t: int, delay: int, fate: str = "in_progress") -> int:
        """`delay` working minutes after `t`; for a document still on the desks, no later than
        the moment the story stops."""
        return min(t + delay, max(t, END)) if fate in HOLDS else t + delay

    def file(self, office: _Office, document: IncomingDocument, t: int, actor: Person) -> None:
        services_incoming.incoming_file(
            actor=actor, document=document, note=self.rng.choice(FILE_NOTES)
        )

    def handle(
        self,
        office: _Office,
        document: IncomingDocument,
        t: int,
        *,
        tag: str,
        cutoff: int = END,
    ) -> Assignment | None:
        """Take a registered document as far as its fate and the clock allow. For a request for
        a report (tag "reply") the lead assignment is returned open: the report completes it."""
        rng = self.rng
        level = document.confidentiality
        if tag == "mixed":
            tag = "task" if rng.random() < 0.4 else "info"
        if tag == "reply":
            fate = "reply"
        elif t >= END - 5 * DAY:
            # What came in during the last days is still on the desks, at every step; a copy
            # from the province starts with the steps its sender sees (edXML 05, 04).
            if document.delivery_id is None:
                fate = HOLDS[office.recent % len(HOLDS)]
                office.recent += 1
            else:
                fate = HOLDS[-1 - self.recent_copies % len(HOLDS)]
                self.recent_copies += 1
        elif tag == "info":
            fate = "filed" if rng.random() < 0.85 else "done"
        else:
            fate = "filed" if rng.random() < 0.08 else "done"
        if document.delivery_id is None and fate != "reply":
            office.arrivals += 1
            if office.arrivals % 67 == 20:
                fate = "cancelled"  # registered by mistake: the number stays used
        if fate == "done" and rng.random() < 0.03:
            fate = "stalled"  # handled too slowly: still open long after its deadline
        if fate == "registered":
            return None
        if fate in HOLDS:
            cutoff = END + DAY  # on the desks: every step so far is squeezed in before the end
        urgent = document.urgency >= Urgency.URGENT
        t = self.later(t, rng.randint(10, 60) if urgent else rng.randint(30, 300), fate)
        if t > cutoff:
            return None
        if fate == "cancelled":
            services_incoming.incoming_cancel(
                actor=office.clerk, document=document, reason=rng.choice(CANCEL_REASONS)
            )
            return None
        if fate == "filed" and rng.random() < 0.65:
            self.file(office, document, t, office.clerk)
            return None
        leader = self.leader_for(office, level)
        if fate in {"filed", "presented", "reply"} or rng.random() < 0.6:
            services_incoming.incoming_present(actor=office.clerk, document=document, leader=leader)
            self.stamps.set(document, presented_at=t)
            others = [p for p in office.leaders if p != leader and office.sees(p, level)]
            if fate != "presented" and others and rng.random() < 0.03:
                t = self.later(t, rng.randint(30, 240), fate)
                if t > cutoff:
                    return None
                services_incoming.incoming_return(
                    actor=leader, document=document, reason=rng.choice(PRESENT_RETURNS)
                )
                leader = rng.choice(others)
                t = self.later(t, rng.randint(20, 120), fate)
                if t > cutoff:
                    return None
                services_incoming.incoming_present(
                    actor=office.clerk, document=document, leader=leader
                )
                self.stamps.set(document, presented_at=t)
        if fate == "presented":
            return None
        t = self.later(t, rng.randint(20, 120) if urgent else rng.randint(60, 2 * DAY), fate)
        if t > cutoff:
            return None
        if fate == "filed":
            self.file(office, document, t, leader)
            return None
        return self.direct(office, document, t, leader, fate=fate, cutoff=cutoff)

    def direct(
        self,
        office: _Office,
        document: IncomingDocument,
        t: int,
        leader: Person,
        *,
        fate: str,
        cutoff: int,
    ) -> Assignment | None:
        rng = self.rng
        level = document.confidentiality
        deadline = document.deadline or _workdays_after(
            _day(t), rng.choice([3, 5, 5, 7, 10, 10, 15, 20])
        )
        handlers = self.handlers(office, level, leader)
        if fate == "reply":
            lead = office.specialists[0] if office.specialists else handlers[0]
        else:
            lead = rng.choice(handlers)
        if office.emulation and "thi dua" in document.subject_folded:
            lead = office.emulation
        others = [
            p
            for p in dict.fromkeys(handlers + office.office_leaders)
            if p not in (lead, leader) and office.sees(p, level)
        ]
        supporting = [
            services_incoming.Handler(person=p) for p in others[:2] if rng.random() < 0.12
        ]
        if office.boards and rng.random() < 0.03:
            supporting.append(services_incoming.Handler(unit=rng.choice(office.boards)))
        informed = []
        if rng.random() < 0.06:
            watchers = [p for p in office.office_leaders if p not in (lead, leader)]
            informed = [services_incoming.Handler(person=p) for p in watchers[:1]]
        text = rng.choice(DIRECTIONS).format(d=_dmy(deadline), committee=office.committee.name)
        direction = services_incoming.direction_give(
            actor=leader,
            document=document,
            text=text,
            lead=services_incoming.Handler(person=lead),
            supporting=supporting,
            informed=informed,
            deadline=deadline,
        )
        self.stamps.set(direction, given_at=t)
        self.stamps.event(document.delivery_id, DeliveryStatus.ASSIGNED, t)
        self.last_step = t
        parts = list(direction.assignments.order_by("id"))
        for part in parts:
            self.stamps.set(part, assigned_at=t)
        lead_part, supports = parts[0], [p for p in parts if p.role == AssignmentRole.SUPPORT]
        worker = lead
        if fate in {"reply", "in_progress"}:
            self.progress(document, lead_part, worker, self.later(t, rng.randint(30, 200)), cutoff)
        if fate in {"reply", "assigned", "in_progress"}:
            return lead_part
        if rng.random() < 0.03:
            colleagues = [p for p in handlers if p != lead]
            if colleagues:
                t_over = t + rng.randint(30, DAY)
                if t_over > cutoff:
                    return None
                successor = services_handling.assignment_hand_over(
                    actor=lead,
                    assignment=lead_part,
                    to=colleagues[0],
                    note=rng.choice(HAND_OVERS),
                )
                self.stamps.set(lead_part, completed_at=t_over)
                self.stamps.set(successor, assigned_at=t_over)
                lead_part, worker, t = successor, colleagues[0], t_over
        finish: int | None
        due = _on(deadline, 420)
        if fate == "stalled":
            finish = None
        elif rng.random() < 0.78:
            finish = rng.randint(t + 30, max(t + 31, due))
        else:
            finish = due + rng.randint(DAY // 2, 12 * DAY)  # done, but late
        last = min(finish or cutoff, cutoff)
        texts = rng.sample(NOTES, rng.choice([0, 0, 0, 1, 1, 2]))
        moments = sorted(rng.randint(t, max(t, last - 10)) for _ in texts)
        for when, text in zip(moments, texts, strict=True):
            self.progress(document, lead_part, worker, when, cutoff, text)
        for part in supports:
            if part.assignee is None:
                continue  # a board supports on paper; its part stays with the board
            done_at = max(t + 20, (finish or cutoff) - rng.randint(30, DAY))
            if finish is not None and done_at <= cutoff:
                services_handling.assignment_complete(
                    actor=part.assignee, assignment=part, result=rng.choice(SUPPORT_RESULTS)
                )
                self.stamps.set(part, completed_at=done_at)
        if finish is not None and finish <= cutoff:
            services_handling.assignment_complete(
                actor=worker,
                assignment=lead_part,
                result=rng.choice(RESULTS).format(committee=office.committee.name),
            )
            self.stamps.set(lead_part, completed_at=finish)
            self.stamps.event(document.delivery_id, DeliveryStatus.DONE, finish)
        return lead_part

    def progress(
        self,
        document: IncomingDocument,
        part: Assignment,
        worker: Person,
        t: int,
        cutoff: int,
        text: str = "",
    ) -> None:
        if t > cutoff:
            return
        note = services_handling.assignment_progress(
            actor=worker, assignment=part, text=text or self.rng.choice(NOTES)
        )
        self.stamps.set(note, written_at=t)
        self.stamps.event(document.delivery_id, DeliveryStatus.IN_PROGRESS, t)
        self.last_step = max(self.last_step, t)

    # -- outgoing ------------------------------------------------------------------------

    def plan_outgoing(self) -> None:
        rng = self.rng
        plans: list[_Out] = []
        for office, kinds in [(self.province, PROVINCE_OUT)] + [
            (district, DISTRICT_OUT) for district in self.districts
        ]:
            for kind in kinds:
                for day in self.out_days(kind):
                    plans.append(self.out_plan(office, kind, day))
            # What is on the desks when the story stops, and a few drafts abandoned on the way.
            states = list(PENDING) if office is self.province else rng.sample(PENDING, 2)
            routine = PROVINCE_OUT if office is self.province else DISTRICT_OUT
            for state in states:
                kind = rng.choice([k for k in routine if k.when is None and k.tag != "reply"])
                day = _day(END - rng.randint(DAY // 2, 5 * DAY))
                plans.append(self.out_plan(office, kind, day, target=state))
            for _ in range(1 if office is self.province or rng.random() < 0.4 else 0):
                kind = rng.choice([k for k in routine if k.when is None and k.tag != "reply"])
                day = _day(rng.randint(20 * DAY, END - 10 * DAY))
                plans.append(self.out_plan(office, kind, day, target="cancelled"))
        for plan in plans:
            if plan.at < END:
                self.at(plan.at, partial(self.outgoing, plan))

    def out_days(self, kind: _OutKind) -> list[date]:
        rng = self.rng
        if kind.when is not None:
            return [kind.when]
        days = []
        if kind.monthly_day:
            month = date(2011, 1, 1)
            while month <= LAST_DAY:
                wanted = not kind.months or month.month in kind.months
                if wanted and rng.random() < min(1.0, self.scale * 1.5):
                    days.append(month.replace(day=kind.monthly_day + rng.randint(-2, 2)))
                month = (month + timedelta(days=32)).replace(day=1)
            return days
        expected = kind.per_year * self.scale * ROUTINE * 14 / 12
        count = int(expected) + (rng.random() < expected - int(expected))
        return [_day(rng.randint(0, END)) for _ in range(count)]

    def out_plan(self, office: _Office, kind: _OutKind, day: date, target: str = "") -> _Out:
        rng = self.rng
        if kind.to == "districts":
            recipients = list(self.districts)
        elif kind.to == "district":
            recipients = [rng.choice(self.districts)]
        elif kind.to == "province":
            recipients = [self.province]
        else:
            recipients = []
        subject_office = recipients[0] if kind.to == "district" else office
        subject = self.fill(kind.subject, day, subject_office)
        return _Out(
            office=office,
            kind=kind,
            at=_on(day) + (kind.minute if kind.minute >= 0 else rng.randint(60, 400)),
            subject=self.styled(subject, office.old_tones),
            target=target or ("withdrawn" if kind.recall else "issued"),
            recipients=recipients,
        )

    def approvers(self, office: _Office, document: OutgoingDocument) -> Person | None:
        for person in office.leaders:
            if workflow.can_decide(person, document) and office.sees(
                person, document.confidentiality
            ):
                return person
        return None

    def outgoing(self, plan: _Out) -> None:
        rng = self.rng
        office, kind = plan.office, plan.kind
        level = Clearance.SECRET if kind.secret else Clearance.UNCLASSIFIED
        drafter = plan.drafter or rng.choice(
            [p for p in office.specialists if office.sees(p, level)] or office.office_leaders
        )
        t = max(plan.not_before, plan.at - rng.randint(DAY, 5 * DAY))
        document = services_outgoing.outgoing_create(
            actor=drafter,
            unit=office.unit,
            type_symbol=kind.type_symbol,
            subject=plan.subject,
            body=self.body(plan, 1),
            confidentiality=level,
            urgency=kind.urgency,
            reply_to=plan.reply_to,
        )
        self.stamps.set(document, created_at=t)
        self.stamps.versions[(document.pk, 1)] = _moment(t)
        step = max(10, (plan.at - t) // 8)
        if plan.target == "draft":
            return
        version = 1
        if rng.random() < 0.2:
            t += step
            version += 1
            services_outgoing.draft_revise(
                actor=drafter,
                document=document,
                body=self.body(plan, version),
                note="Chỉnh bố cục.",
            )
            self.stamps.versions[(document.pk, version)] = _moment(t)
        if plan.target == "cancelled":
            services_outgoing.outgoing_cancel(
                actor=drafter, document=document, reason=rng.choice(OUT_CANCELS)
            )
            return
        document = services_outgoing.outgoing_submit(actor=drafter, document=document)
        if plan.target == "in_review":
            return
        returned = plan.target == "returned" or rng.random() < 0.08
        if returned:
            t += step
            approver = self.approvers(office, document)
            if approver is None:
                return
            document = services_outgoing.outgoing_return(
                actor=approver, document=document, comment=rng.choice(DRAFT_RETURNS)
            )
            self.stamps.decisions[document.pk].append(_moment(t))
            if plan.target == "returned":
                return
            t += step
            version += 1
            services_outgoing.draft_revise(
                actor=drafter,
                document=document,
                body=self.body(plan, version),
                note="Sửa theo ý kiến lãnh đạo.",
            )
            self.stamps.versions[(document.pk, version)] = _moment(t)
            document = services_outgoing.outgoing_submit(actor=drafter, document=document)
        while document.status == OutgoingStatus.IN_REVIEW:
            approver = self.approvers(office, document)
            if approver is None:
                return
            t += step
            document = services_outgoing.outgoing_approve(actor=approver, document=document)
            self.stamps.decisions[document.pk].append(_moment(t))
        if plan.target == "approved":
            return
        t += step
        signer = self.signer(office, kind, level)
        authority: str
        if signer in office.committee_leaders:
            authority = SigningAuthority.ON_BEHALF
        elif signer == office.office_leaders[0]:
            authority = kind.signed_for
        else:
            authority = SigningAuthority.DEPUTY
        document = services_outgoing.outgoing_sign(
            actor=signer,
            document=document,
            position=office.positions.get(signer.pk) or "Chánh Văn phòng",
            authority=authority,
        )
        self.stamps.set(document, signed_at=t)
        if plan.target == "signed":
            return
        self.issue(plan, document)

    @staticmethod
    def body(plan: _Out, version: int) -> str:
        return f"Dự thảo lần {version}\n\n{plan.subject}.\n\n{plan.office.unit.name}"

    def signer(self, office: _Office, kind: _OutKind, level: int) -> Person:
        rng = self.rng
        leaders = [p for p in office.office_leaders if office.sees(p, level)]
        if office.committee_leaders and kind.to == "province" and rng.random() < 0.3:
            return office.committee_leaders[0]
        return leaders[0] if rng.random() < 0.7 or len(leaders) == 1 else leaders[1]

    def issue(self, plan: _Out, document: OutgoingDocument) -> None:
        rng = self.rng
        office, kind = plan.office, plan.kind
        recipients = [services_delivery.Recipient(unit=o.unit) for o in plan.recipients]
        recipients += [
            services_delivery.Recipient(external_name=self.fill(name, _day(plan.at), office))
            for name in kind.external
        ]
        if not recipients:
            recipients = [services_delivery.Recipient(external_name="Thường trực cấp ủy")]
        document = services_outgoing.outgoing_issue(
            actor=office.clerk,
            document=document,
            recipients=recipients,
            issued_on=_day(plan.at),
            page_count=rng.randint(1, 8),
            copies=len(recipients) + 2,
            file_copy_holder=f"Lưu Văn phòng {office.committee.name}",
        )
        self.stamps.set(document, issued_at=plan.at)
        deliveries = list(document.deliveries.select_related("recipient_unit").order_by("id"))
        by_unit = {o.unit.pk: o for o in plan.recipients}
        recall_at = plan.at + rng.randint(2 * DAY, 5 * DAY) if kind.recall else None
        for delivery in deliveries:
            self.stamps.set(delivery, sent_at=plan.at)
            self.stamps.event(delivery.pk, delivery.status, plan.at)
            recipient = by_unit.get(delivery.recipient_unit_id or 0)
            if recipient is None:
                continue
            urgent = kind.urgency >= Urgency.URGENT
            t = plan.at + (rng.randint(10, 90) if urgent else rng.randint(20, 2 * DAY))
            if t < END:
                self.at(
                    t, partial(self.receive, recipient, delivery.pk, document, plan, t, recall_at)
                )
        if recall_at is not None and recall_at < END:
            self.at(recall_at, partial(self.recall, office, document, kind.recall, recall_at))
        if plan.completes is not None and plan.drafter is not None:
            services_handling.assignment_complete(
                actor=plan.drafter,
                assignment=plan.completes,
                result=f"Đã báo cáo bằng văn bản số {document.number_symbol}.",
                reply=document,
            )
            done_at = plan.at + rng.randint(5, 30)
            self.stamps.set(plan.completes, completed_at=done_at)
            self.stamps.event(plan.completes.document.delivery_id, DeliveryStatus.DONE, done_at)

    def receive(
        self,
        office: _Office,
        delivery_id: int,
        source: OutgoingDocument,
        plan: _Out,
        t: int,
        recall_at: int | None,
    ) -> None:
        rng = self.rng
        delivery = Delivery.objects.get(pk=delivery_id)
        if delivery.status != DeliveryStatus.ARRIVED:
            return  # recalled before anyone registered it
        if plan.kind.refuse or rng.random() < 0.015:
            services_delivery.delivery_refuse(
                actor=office.clerk,
                delivery=delivery,
                reason=plan.kind.refuse or rng.choice(REFUSALS),
            )
            self.stamps.event(delivery_id, DeliveryStatus.REFUSED, t)
            return
        deadline = None
        if plan.kind.tag == "reply":
            deadline = _workdays_after(_day(plan.at), plan.kind.days)
        cutoff = min(END, recall_at) if recall_at is not None else END
        document, t = self.register(
            office,
            t,
            cutoff,
            services_incoming.delivery_register,
            delivery=delivery,
            deadline=deadline,
        )
        tag = plan.kind.tag if office is not self.province else "info"
        lead = self.handle(office, document, t, tag=tag, cutoff=cutoff)
        if tag != "reply" or lead is None or lead.assignee is None or deadline is None:
            return
        due, start = _on(deadline, 420), self.last_step  # the report follows the request's handling
        when = rng.randint(start + 60, max(start + 61, due)) if rng.random() < 0.85 else due + DAY
        target = "issued"
        if when >= END:
            when, target = END - 20, rng.choice(["draft", "in_review"])
            if when <= start:
                return
        reply = _Out(
            office=office,
            kind=_OutKind("BC", plan.kind.reply, to="province"),
            at=when,
            subject=self.styled(self.fill(plan.kind.reply, _day(when), office), office.old_tones),
            target=target,
            recipients=[self.province],
            drafter=lead.assignee,
            reply_to=document,
            completes=lead,
            not_before=start + 10,
        )
        self.at(when, partial(self.outgoing, reply))

    def recall(self, office: _Office, document: OutgoingDocument, reason: str, t: int) -> None:
        deliveries = list(document.deliveries.values_list("pk", "status"))
        services_delivery.outgoing_recall(actor=office.clerk, document=document, reason=reason)
        for pk, status in deliveries:
            if status not in {DeliveryStatus.REFUSED, DeliveryStatus.RECALLED}:
                self.stamps.event(pk, DeliveryStatus.RECALL_REQUESTED, t)
                self.stamps.event(pk, DeliveryStatus.RECALLED, t)


def _district_committees(province: Unit) -> list[Unit]:
    kinds = [UnitKind.DISTRICT_COMMITTEE, UnitKind.TOWN_COMMITTEE]
    return list(Unit.objects.filter(parent=province, kind__in=kinds).order_by("sort_order", "pk"))


def load(*, scale: float | None = None, districts: int | None = None) -> int:
    """Load the year's documents unless they are there; returns how many were registered.

    `scale` multiplies the routine traffic (the one-off documents of the year's events always
    come); it defaults to settings.VANPHONG_DEMO_SCALE, or 1, and 0 loads no documents.
    `districts` limits the traffic to the first few districts (tests).
    """
    if scale is None:
        scale = float(getattr(settings, "VANPHONG_DEMO_SCALE", 1.0))
    if scale <= 0 or IncomingDocument.objects.filter(submission_id=_submission(0)).exists():
        return 0
    province_unit = Unit.objects.filter(parent=None, kind=UnitKind.PROVINCIAL_COMMITTEE).first()
    if province_unit is None:
        return 0
    province = _office(province_unit)
    committees = _district_committees(province_unit)[:districts]
    offices = [_office(committee) for committee in committees]
    for office in offices:
        if office.committee_leaders:
            # Where the committee has a leader in the demo, drafts go up to the committee too.
            services_outgoing.approval_chain_set(
                actor=office.office_leaders[0],
                unit=office.unit,
                steps=[
                    {"role": Role.OFFICE_LEADER, "at": "unit"},
                    {"role": Role.COMMITTEE_LEADER, "at": "committee"},
                ],
                allow_self_approval=False,
            )
    started = timezone.now()
    traffic = _Traffic(province, offices, scale)
    traffic.plan_arrivals()
    traffic.plan_outgoing()
    traffic.run()
    # The year's notices were told in 2011–2012: read long ago, not news to the demo's users
    # (as the directives' story does; the living present's are).
    Notification.objects.filter(created_at__gte=started, read_at__isnull=True).update(
        read_at=started
    )
    return traffic.registered
