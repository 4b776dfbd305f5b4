"""What the petitions API answers: a letter as a row of the book and in full, its clocks, its
forwards, its files, a field, a petitioner.

A row never carries a petitioner of a denunciation: the names of a letter's petitioners are
read from `named_citizens` (`selectors.letters_page`), which never loads a denouncer. The full
letter carries its petitioners only when the caller may read them, and then the read is the
page's own (`services.letter_identity_read`, audited for a denunciation)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from ninja import Field, Schema

from vanphong.api.refs import PersonRef, UnitRef
from vanphong.petitions.models import (
    Channel,
    ClockKind,
    Complexity,
    FileKind,
    Letter,
    LetterStatus,
)
from vanphong.petitions.selectors import KINDS


class FieldOut(Schema):
    uuid: UUID
    name: str = Field(description="Tên lĩnh vực, ví dụ Đất đai.")
    position: int = Field(description="Thứ tự.")
    is_active: bool = Field(description="Còn dùng khi vào sổ, phân loại.")


class FieldRef(Schema):
    uuid: UUID
    name: str


class DeadlineOut(Schema):
    kind: ClockKind = Field(
        description="`processing` hạn xử lý đơn, `acceptance` hạn thụ lý, `settlement` hạn "
        "giải quyết, `follow_up` hạn báo cáo kết quả đơn đã chuyển."
    )
    kind_label: str = Field(alias="get_kind_display")
    starts_on: date = Field(description="Ngày bắt đầu tính.")
    due_on: date = Field(description="Hạn.")
    days: int = Field(description="Số ngày của thời hạn.")
    working_days: bool = Field(description="Tính theo ngày làm việc.")
    rule_kind: str = Field(description="Quy định áp dụng (mã).")
    rule_from: date = Field(description="Quy định có hiệu lực từ ngày.")
    source: str = Field(description="Căn cứ pháp lý.")
    met_on: date | None = Field(description="Ngày đã đáp ứng; null khi còn chạy.")


class CitizenOut(Schema):
    full_name: str
    id_number: str = Field(description="Số CMND (9 chữ số) hoặc CCCD (12 chữ số).")
    id_issued: str = Field(description="Ngày và nơi cấp.")
    address: str
    phone: str
    is_representative: bool = Field(description="Người đại diện (đoàn đông người).")


class LetterFileOut(Schema):
    uuid: UUID
    filename: str
    kind: FileKind = Field(
        description="`letter` bản quét đơn, `redacted` bản che thông tin người tố cáo, "
        "`evidence` tài liệu kèm theo, `decision` quyết định."
    )
    kind_label: str = Field(alias="get_kind_display")
    uploaded_at: datetime


class ForwardOut(Schema):
    uuid: UUID
    to_body: str = Field(description="Cơ quan nhận đơn.")
    to_unit: UnitRef | None = Field(description="Đơn vị trong hệ thống nhận đơn, nếu có.")
    forwarded_on: date
    result_due_on: date = Field(description="Hạn báo cáo kết quả.")
    note: UUID | None = Field(description="Phiếu chuyển đơn (văn bản đi).")
    reply: UUID | None = Field(description="Văn bản trả lời (văn bản đến).")
    result: str
    result_on: date | None

    @staticmethod
    def resolve_note(forward: Any) -> UUID | None:
        return forward.note.uuid if forward.note_id else None

    @staticmethod
    def resolve_reply(forward: Any) -> UUID | None:
        return forward.reply.uuid if forward.reply_id else None


class ExtensionOut(Schema):
    uuid: UUID
    days: int = Field(description="Số ngày gia hạn.")
    decision_number: str
    decision_date: date
    reason: str


class SuspensionOut(Schema):
    uuid: UUID
    starts_on: date
    ends_on: date | None = Field(description="null khi đang tạm đình chỉ.")
    decision_number: str
    reason: str


class ClocksOut(Schema):
    deadlines: list[DeadlineOut] = Field(description="Các thời hạn của đơn, hạn gần trước.")
    extensions: list[ExtensionOut]
    suspensions: list[SuspensionOut]


def kinds_of(letter: Any) -> list[str]:
    return [kind for kind in KINDS if getattr(letter, kind)]


class LetterRowOut(Schema):
    uuid: UUID
    unit: UnitRef = Field(description="Đơn vị có sổ đơn thư.")
    year: int
    number: int = Field(description="Số vào sổ (theo năm).")
    book_number: str = Field(description="Số vào sổ / năm, ví dụ `12/2011`.")
    received_on: date
    channel: Channel = Field(
        description="`post` bưu điện, `in_person` trực tiếp, `email`, `forwarded` cơ quan "
        "khác chuyển đến."
    )
    channel_label: str = Field(alias="get_channel_display")
    kinds: list[str] = Field(
        description="Loại đơn: `complaint`, `denunciation`, `proposal`, `report`."
    )
    anonymous: bool
    identity_protected: bool = Field(
        description="Đơn tố cáo: thông tin người gửi được giữ bí mật (không có trong danh sách)."
    )
    petitioners: list[str] = Field(
        description="Họ tên người gửi đơn; luôn rỗng với đơn tố cáo và đơn nặc danh."
    )
    group_size: int = Field(description="Số người đứng đơn.")
    field: FieldRef | None
    summary: str = Field(description="Nội dung tóm tắt.")
    status: LetterStatus
    status_label: str = Field(alias="get_status_display")
    handling: str = Field(description="Hướng xử lý (mã); rỗng khi chưa có.")
    handling_label: str = Field(alias="get_handling_display")
    open_deadlines: list[DeadlineOut] = Field(description="Các thời hạn đang chạy.")

    @staticmethod
    def resolve_kinds(letter: Letter) -> list[str]:
        return kinds_of(letter)

    @staticmethod
    def resolve_identity_protected(letter: Letter) -> bool:
        return bool(letter.denunciation)

    @staticmethod
    def resolve_petitioners(letter: Letter) -> list[str]:
        # `named_citizens` never holds a denunciation's petitioners (selectors.letters_page);
        # a letter read without it names nobody.
        if letter.denunciation or letter.anonymous:
            return []
        return [citizen.full_name for citizen in getattr(letter, "named_citizens", [])]

    @staticmethod
    def resolve_open_deadlines(letter: Letter) -> list[Any]:
        return list(getattr(letter, "open_deadlines", []))


class LettersPageOut(Schema):
    items: list[LetterRowOut] = Field(description="Mới nhận trước.")
    total: int = Field(description="Số đơn khớp bộ lọc mà người gọi được xem.")
    page: int
    pages: int


class LetterOut(LetterRowOut):
    """The letter in full, without its petitioners."""

    covering: UUID | None = Field(
        alias="shown_covering",
        description="Văn bản chuyển đơn (văn bản đến), nếu người gọi được xem.",
    )
    sender_body: str = Field(description="Cơ quan chuyển đến.")
    place: str = Field(description="Địa bàn.")
    place_unit: UnitRef | None = Field(description="Thuộc huyện, thị.")
    subject_kind: str = Field(description="Đối tượng bị đề cập (mã); rỗng khi chưa ghi.")
    subject: str
    complexity: Complexity
    remote: bool = Field(description="Vùng sâu, vùng xa.")
    second_complaint: bool = Field(description="Khiếu nại lần hai.")
    handler: PersonRef | None = Field(description="Cán bộ xử lý.")
    eligibility: str = Field(description="`eligible`, `ineligible`; rỗng khi chưa phân loại.")
    ineligible_reason: str
    classified_on: date | None
    duplicate_of: UUID | None = Field(description="Đơn gốc khi đơn này là đơn trùng.")
    duplicate_round: int | None = Field(description="Đơn trùng lần n.")
    handled_on: date | None
    handling_note: str
    assigned_unit: UnitRef | None = Field(description="Ban được giao xác minh.")
    accepted_on: date | None = Field(description="Ngày thụ lý.")
    result: str
    result_on: date | None
    told_on: date | None = Field(description="Ngày thông báo cho người gửi đơn.")
    told_how: str
    guide_document: UUID | None = Field(
        alias="shown_guide", description="Văn bản hướng dẫn (văn bản đi), nếu người gọi được xem."
    )
    closed_on: date | None
    deadlines: list[DeadlineOut] = Field(
        alias="shown_deadlines", description="Mọi thời hạn của đơn."
    )
    forwards: list[ForwardOut] = Field(alias="shown_forwards")
    files: list[LetterFileOut] = Field(
        alias="shown_files",
        description="Tệp của đơn; bản quét đơn tố cáo chỉ với người được xem thông tin người "
        "tố cáo.",
    )
    may_act: bool = Field(alias="shown_may_act", description="Người gọi được xử lý đơn này.")

    @staticmethod
    def resolve_duplicate_of(letter: Letter) -> UUID | None:
        return letter.duplicate_of.uuid if letter.duplicate_of_id else None  # type: ignore[union-attr]


class LetterDetailOut(LetterOut):
    identity_readable: bool = Field(
        alias="shown_readable",
        description="Người gọi được xem thông tin người gửi đơn (với đơn tố cáo: cán bộ xử lý "
        "và lãnh đạo của họ; mỗi lần xem được ghi nhật ký).",
    )
    citizens: list[CitizenOut] | None = Field(
        alias="shown_citizens", description="Người gửi đơn; null khi người gọi không được xem."
    )
