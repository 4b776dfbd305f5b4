"""What the Decree 30 registers' tests expect: the period, the day, the columns' headings."""

from __future__ import annotations

from datetime import date

from vanphong.documents.registers import Period

YEAR_2012 = Period(date(2012, 1, 1), date(2012, 12, 31))


TODAY = date(2012, 4, 2)  # the Monday off for Giỗ Tổ Hùng Vương (Saturday 31 March)


INCOMING_HEADINGS = (
    "Ngày đến",
    "Số đến",
    "Tác giả",
    "Số, ký hiệu",
    "Ngày tháng VB",
    "Tên loại và trích yếu",
    "Đơn vị hoặc người nhận",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)


OUTGOING_HEADINGS = (
    "Số, ký hiệu",
    "Ngày tháng",
    "Tên loại và trích yếu",
    "Người ký",
    "Nơi nhận",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)


TRACKING_HEADINGS = (
    "Số đến",
    "Tên loại, số, ký hiệu, ngày, cơ quan ban hành",
    "Đơn vị/người nhận",
    "Thời hạn giải quyết",
    "Tiến độ",
    "Số, ký hiệu văn bản trả lời",
    "Ghi chú",
)
