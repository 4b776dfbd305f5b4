# ruff: noqa: E501 (data: one document or query a line)
"""The relevance set: a small registry of real-looking documents and the queries that must
find each of them in the first ten results.

Every kind of query the issue names is here: tone variants (old and new placement), no
diacritics, `đ`, phrases, prefixes, number-symbols in several writings, mixed case and NFD.
Typos are not supported (a misspelt Vietnamese syllable is usually another real word), so
none are listed.
"""

from __future__ import annotations

import unicodedata
from typing import Final

# (number-symbol, sender, subject) — the key of a document is its number-symbol
CORPUS: Final[tuple[tuple[str, str, str], ...]] = (
    (
        "45-NQ/TU",
        "Tỉnh ủy Tây Ninh",
        "Nghị quyết về lãnh đạo cuộc bầu cử đại biểu Quốc hội khóa XIII và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2011 - 2016",
    ),
    (
        "46-CT/TU",
        "Tỉnh ủy Tây Ninh",
        "Chỉ thị về tăng cường công tác phòng, chống tham nhũng, lãng phí",
    ),
    (
        "12-KL/TU",
        "Tỉnh ủy Tây Ninh",
        "Kết luận của Thường trực Tỉnh ủy về tình hình chợ Hòa Thành mùa xuân năm 2011",
    ),
    (
        "08-TB/TU",
        "Tỉnh ủy Tây Ninh",
        "Thông báo kết luận của Ban Thường vụ về quy hoạch cán bộ diện Ban Thường vụ quản lý",
    ),
    (
        "15-KH/TU",
        "Tỉnh ủy Tây Ninh",
        "Kế hoạch tổ chức học tập, quán triệt Nghị quyết Đại hội XI của Đảng",
    ),
    (
        "21-HD/BTCTU",
        "Ban Tổ chức Tỉnh ủy",
        "Hướng dẫn kiểm điểm, đánh giá chất lượng tổ chức cơ sở đảng và đảng viên năm 2011",
    ),
    (
        "33-CV/VPTW",
        "Văn phòng Trung ương Đảng",
        "V/v gửi báo cáo tổng kết công tác văn phòng cấp ủy năm 2011",
    ),
    (
        "102/QĐ-UBND",
        "Ủy ban nhân dân tỉnh Tây Ninh",
        "Quyết định phê duyệt dự án nâng cấp đường vào khu di tích Căn cứ Trung ương Cục miền Nam",
    ),
    (
        "215/UBND-KT",
        "Ủy ban nhân dân tỉnh Tây Ninh",
        "V/v đăng ký nhu cầu vốn đầu tư xây dựng cơ bản năm 2012",
    ),
    (
        "07/2011/TT-BNV",
        "Bộ Nội vụ",
        "Thông tư hướng dẫn quản lý hồ sơ, tài liệu điện tử trong cơ quan nhà nước",
    ),
    (
        "18-BC/HU",
        "Huyện ủy Hòa Thành",
        "Báo cáo kết quả thực hiện Chỉ thị về công tác dân vận ở khu dân cư",
    ),
    (
        "19-BC/HU",
        "Huyện ủy Châu Thành",
        "Báo cáo sơ kết sáu tháng đầu năm về phát triển kinh tế biên giới",
    ),
    (
        "22-TTr/HU",
        "Huyện ủy Gò Dầu",
        "Tờ trình đề nghị chuẩn y kết quả bầu cử Ban Chấp hành Đảng bộ xã Phước Thạnh",
    ),
    (
        "31-CV/HU",
        "Huyện ủy Trảng Bàng",
        "V/v tổ chức hội nghị tiếp xúc cử tri trước kỳ họp thứ nhất",
    ),
    ("05-NQ/ĐU", "Đảng ủy Khối cơ quan tỉnh", "Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ"),
    ("40-KH/TU", "Tỉnh ủy Tây Ninh", "Kế hoạch phòng, chống dịch sốt xuất huyết trên địa bàn tỉnh"),
    (
        "41-CT/TU",
        "Tỉnh ủy Tây Ninh",
        "Chỉ thị về tăng cường công tác phòng cháy, chữa cháy mùa khô",
    ),
    (
        "52-TB/TU",
        "Tỉnh ủy Tây Ninh",
        "Thông báo ý kiến của Thường trực Tỉnh ủy về xử lý đơn thư khiếu nại, tố cáo kéo dài",
    ),
    (
        "60-QĐ/TU",
        "Tỉnh ủy Tây Ninh",
        "Quyết định thành lập Đoàn kiểm tra việc thực hiện quy chế dân chủ ở cơ sở",
    ),
    (
        "88/SNV-VP",
        "Sở Nội vụ tỉnh Tây Ninh",
        "V/v thống kê số lượng, chất lượng đội ngũ cán bộ, công chức cấp xã",
    ),
    (
        "09-CTr/TU",
        "Tỉnh ủy Tây Ninh",
        "Chương trình hành động thực hiện Nghị quyết Đại hội IX Đảng bộ tỉnh",
    ),
    (
        "11-HD/VPTU",
        "Văn phòng Tỉnh ủy",
        "Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng",
    ),
    (
        "17-BC/BDVTU",
        "Ban Dân vận Tỉnh ủy",
        "Báo cáo tình hình tôn giáo và công tác vận động đồng bào có đạo",
    ),
    (
        "23-CV/BTGTU",
        "Ban Tuyên giáo Tỉnh ủy",
        "V/v tuyên truyền kỷ niệm 81 năm Ngày thành lập Đảng Cộng sản Việt Nam",
    ),
    (
        "26-KL/TU",
        "Tỉnh ủy Tây Ninh",
        "Kết luận về đề án đào tạo, bồi dưỡng cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc",
    ),
    (
        "130/KH-UBND",
        "Ủy ban nhân dân tỉnh Tây Ninh",
        "Kế hoạch thủy lợi phục vụ sản xuất vụ Đông Xuân",
    ),
    ("14-TB/HU", "Huyện ủy Tân Biên", "Thông báo lịch tiếp công dân của Bí thư Huyện ủy quý I"),
    (
        "27-BC/HU",
        "Huyện ủy Dương Minh Châu",
        "Báo cáo về tình hình an ninh nông thôn và hòa giải ở cơ sở",
    ),
    (
        "35-CV/TU",
        "Tỉnh ủy Tây Ninh",
        "V/v chuẩn bị Hội nghị sơ kết công tác quý I và Đảng bộ Khối doanh nghiệp",
    ),
    ("48-NQ/TU", "Tỉnh ủy Tây Ninh", "Nghị quyết về xây dựng nông thôn mới giai đoạn 2011 - 2015"),
)


_TOPICS: Final = (
    "công tác bầu cử ở cơ sở",
    "xây dựng Đảng và hệ thống chính trị",
    "cán bộ, đảng viên vi phạm",
    "tình hình kinh tế - xã hội tháng",
    "công tác dân vận của chính quyền",
    "đăng ký tham dự hội nghị",
    "Đảng bộ xã, thị trấn",
    "văn phòng cấp ủy và công tác văn thư, lưu trữ",
    "phòng, chống ma túy và tội phạm",
    "chợ, trung tâm thương mại",
)
_PLACES: Final = (
    "Hòa Thành",
    "Hoà Thành",
    "Châu Thành",
    "Gò Dầu",
    "Trảng Bàng",
    "Tân Châu",
    "Bến Cầu",
)
_KINDS: Final = (("BC", "Báo cáo"), ("CV", "V/v"), ("KH", "Kế hoạch"), ("TB", "Thông báo"))
# Documents that share the vocabulary of the set, so the first ten is a real ranking.
DISTRACTORS: Final = tuple(
    (
        f"{200 + n}-{_KINDS[n % 4][0]}/{('HU', 'ĐU', 'BTCHU')[n % 3]}",
        f"Huyện ủy {_PLACES[n % 7]}",
        f"{_KINDS[n % 4][1]} về {_TOPICS[n % 10]} {_PLACES[(n // 7) % 7]} năm 2011",
    )
    for n in range(280)
)


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# (query, the number-symbol that must be in the first ten)
CASES: Final[list[tuple[str, str]]] = [
    # no diacritics, new and old tone placement, mixed case
    ("bau cu dai bieu quoc hoi", "45-NQ/TU"),
    ("bầu cử đại biểu Quốc hội", "45-NQ/TU"),
    ("BẦU CỬ HỘI ĐỒNG NHÂN DÂN", "45-NQ/TU"),
    ("khoá XIII", "45-NQ/TU"),
    ("khóa xiii", "45-NQ/TU"),
    ("tham nhung lang phi", "46-CT/TU"),
    ("phòng, chống tham nhũng", "46-CT/TU"),
    ("cho Hoa Thanh mua xuan", "12-KL/TU"),
    ("chợ Hoà Thành", "12-KL/TU"),
    ("chợ Hòa Thành", "12-KL/TU"),
    ("Thường trực Tỉnh uỷ chợ", "12-KL/TU"),
    ("quy hoach can bo dien ban thuong vu quan ly", "08-TB/TU"),
    ("hoc tap quan triet nghi quyet dai hoi XI", "15-KH/TU"),
    ("quán triệt Nghị quyết Đại hội XI", "15-KH/TU"),
    ("kiem diem danh gia chat luong to chuc co so dang", "21-HD/BTCTU"),
    ("đánh giá chất lượng đảng viên", "21-HD/BTCTU"),
    ("tong ket cong tac van phong cap uy", "33-CV/VPTW"),
    ("Văn phòng Trung ương Đảng", "33-CV/VPTW"),
    ("can cu trung uong cuc mien nam", "102/QĐ-UBND"),
    ("khu di tích Căn cứ", "102/QĐ-UBND"),
    ("von dau tu xay dung co ban", "215/UBND-KT"),
    ("đăng ký nhu cầu vốn", "215/UBND-KT"),
    ("ho so tai lieu dien tu", "07/2011/TT-BNV"),
    ("Bộ Nội vụ tài liệu điện tử", "07/2011/TT-BNV"),
    ("cong tac dan van khu dan cu", "18-BC/HU"),
    ("dân vận ở khu dân cư", "18-BC/HU"),
    ("kinh te bien gioi", "19-BC/HU"),
    ("sơ kết sáu tháng phát triển kinh tế", "19-BC/HU"),
    ("chuan y ket qua bau cu Phuoc Thanh", "22-TTr/HU"),
    ("Phước Thạnh", "22-TTr/HU"),
    ("tiep xuc cu tri ky hop thu nhat", "31-CV/HU"),
    ("Trảng Bàng cử tri", "31-CV/HU"),
    ("sinh hoat chi bo", "05-NQ/ĐU"),
    ("Đảng ủy Khối cơ quan", "05-NQ/ĐU"),
    ("sot xuat huyet", "40-KH/TU"),
    ("phòng chống dịch sốt xuất huyết", "40-KH/TU"),
    ("phong chay chua chay mua kho", "41-CT/TU"),
    ("phòng cháy, chữa cháy", "41-CT/TU"),
    ("don thu khieu nai to cao keo dai", "52-TB/TU"),
    ("khiếu nại, tố cáo", "52-TB/TU"),
    ("quy che dan chu o co so", "60-QĐ/TU"),
    ("Đoàn kiểm tra quy chế dân chủ", "60-QĐ/TU"),
    ("doi ngu can bo cong chuc cap xa", "88/SNV-VP"),
    ("công chức cấp xã", "88/SNV-VP"),
    ("chuong trinh hanh dong dai hoi IX", "09-CTr/TU"),
    ("Đại hội IX Đảng bộ tỉnh", "09-CTr/TU"),
    ("the thuc ky thuat trinh bay van ban", "11-HD/VPTU"),
    ("thể thức văn bản của Đảng", "11-HD/VPTU"),
    ("ton giao dong bao co dao", "17-BC/BDVTU"),
    ("tôn giáo đồng bào có đạo", "17-BC/BDVTU"),
    ("ky niem 81 nam ngay thanh lap dang", "23-CV/BTGTU"),
    ("Đảng Cộng sản Việt Nam", "23-CV/BTGTU"),
    ("can bo tre can bo nu", "26-KL/TU"),
    ("cán bộ người dân tộc", "26-KL/TU"),
    ("thuy loi vu dong xuan", "130/KH-UBND"),
    ("thủy lợi Đông Xuân", "130/KH-UBND"),
    ("thuỷ lợi", "130/KH-UBND"),
    ("lich tiep cong dan bi thu", "14-TB/HU"),
    ("tiếp công dân Tân Biên", "14-TB/HU"),
    ("an ninh nong thon hoa giai", "27-BC/HU"),
    ("hoà giải ở cơ sở", "27-BC/HU"),
    ("hòa giải", "27-BC/HU"),
    ("khoi doanh nghiep so ket quy I", "35-CV/TU"),
    ("nong thon moi giai doan 2011", "48-NQ/TU"),
    ("xây dựng nông thôn mới", "48-NQ/TU"),
    # đ written as d, and Đ as D
    ("Dang uy Khoi", "05-NQ/ĐU"),
    ("dao tao boi duong", "26-KL/TU"),
    ("DAI HOI IX", "09-CTr/TU"),
    # decomposed input (NFD), as some keyboards and PDF copies send it
    (_nfd("bầu cử đại biểu"), "45-NQ/TU"),
    (_nfd("Hòa Thành mùa xuân"), "12-KL/TU"),
    (_nfd("Phước Thạnh"), "22-TTr/HU"),
    (_nfd("thuỷ lợi"), "130/KH-UBND"),
    # phrases
    ('"bau cu dai bieu"', "45-NQ/TU"),
    ('"tham nhũng, lãng phí"', "46-CT/TU"),
    ('"nông thôn mới"', "48-NQ/TU"),
    ('"cán bộ trẻ"', "26-KL/TU"),
    ('"sinh hoat chi bo"', "05-NQ/ĐU"),
    ('"Ban Dân vận"', "17-BC/BDVTU"),
    # prefixes
    ("xuất huy*", "40-KH/TU"),
    ("tuyen truy*", "23-CV/BTGTU"),
    ("khieu na*", "52-TB/TU"),
    ("thuy lo*", "130/KH-UBND"),
    ("Phuoc Th*", "22-TTr/HU"),
    # number-symbols in the usual writings
    ("45-NQ/TU", "45-NQ/TU"),
    ("45/NQ-TU", "45-NQ/TU"),
    ("so 45 nq tu", "45-NQ/TU"),
    ("NQ 45", "45-NQ/TU"),
    ("Số 45-NQ/TU", "45-NQ/TU"),
    ("46-ct/tu", "46-CT/TU"),
    ("CT 46", "46-CT/TU"),
    ("12-KL/TU", "12-KL/TU"),
    ("so 12 kl tu", "12-KL/TU"),
    ("102/QĐ-UBND", "102/QĐ-UBND"),
    ("102/QD-UBND", "102/QĐ-UBND"),
    ("Số: 102/QĐ-UBND", "102/QĐ-UBND"),
    ("QĐ 102", "102/QĐ-UBND"),
    ("215/UBND-KT", "215/UBND-KT"),
    ("07/2011/TT-BNV", "07/2011/TT-BNV"),
    ("so 7 tt bnv", "07/2011/TT-BNV"),
    ("22-TTr/HU", "22-TTr/HU"),
    ("TTr 22", "22-TTr/HU"),
    ("05-NQ/DU", "05-NQ/ĐU"),
    ("05-NQ/ĐU", "05-NQ/ĐU"),
    ("60-QD/TU", "60-QĐ/TU"),
    ("88/SNV-VP", "88/SNV-VP"),
    ("09-CTr/TU", "09-CTr/TU"),
    ("CTR 9", "09-CTr/TU"),
    ("130/KH-UBND", "130/KH-UBND"),
    ("KH 130", "130/KH-UBND"),
    # sender plus subject words together
    ("Huyện ủy Gò Dầu tờ trình", "22-TTr/HU"),
    ("Sở Nội vụ thống kê", "88/SNV-VP"),
    ("Ban Tuyên giáo kỷ niệm", "23-CV/BTGTU"),
]
