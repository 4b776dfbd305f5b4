"""The petitions' story as data: the letters of the three books and the reception days of
Tây Ninh, January 2011 to June 2012 (petitions.py plays it through the services).

The story's cases are written out; the routine letters and visits around them are drawn from
a few usual kinds of case with a seeded Random, so every load writes the same books. Every
person, hamlet, project and case is fictional.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from fpdf import FPDF

from vanphong.core.pdf import add_liberation_serif, shorten
from vanphong.petitions.models import Channel, Complexity, Handling, IneligibleReason
from vanphong.petitions.services import CitizenData

SEED = 2011


@dataclass(frozen=True)
class Book:
    key: str  # the scenario's login key: tiepdan.<key>, cvp.<key>, vt.<key>, bithu.<key>
    head_title: str
    head_place: str


BOOKS = (
    Book("tinhuy", "Bí thư Tỉnh ủy", "Trụ sở Tiếp công dân tỉnh"),
    Book("hoathanh", "Bí thư Huyện ủy", "Phòng tiếp công dân Huyện ủy Hòa Thành"),
    Book("trangbang", "Bí thư Huyện ủy", "Phòng tiếp công dân Huyện ủy Trảng Bàng"),
)

# The seeded fields (petitions migration 0003).
LAND = "Đất đai"
COMPENSATION = "Bồi thường, hỗ trợ, tái định cư"
POLICY = "Chế độ chính sách"
CORRUPTION = "Tham nhũng, tiêu cực"
MEMBER = "Đảng viên vi phạm"
CADRES = "Tổ chức cán bộ"
JUSTICE = "Tư pháp"
ADMINISTRATION = "Hành chính"
ECONOMY = "Kinh tế, tài chính"
SOCIETY = "Văn hóa, xã hội"

TOLD_POST = "Gửi văn bản thông báo kết quả cho người gửi đơn qua đường bưu điện"
TOLD_IN_PERSON = "Thông báo trực tiếp khi công dân đến Trụ sở tiếp công dân"
TOLD_SECRETLY = "Thông báo bằng văn bản đến người tố cáo, bảo đảm giữ bí mật người tố cáo"
TOLD_GUIDE = "Gửi văn bản hướng dẫn người gửi đơn"


@dataclass(frozen=True)
class LetterSpec:
    key: str
    book: str
    received: date
    kinds: str  # k: khiếu nại, t: tố cáo, n: kiến nghị, p: phản ánh
    summary: str
    field: str
    place: str
    place_key: str  # the district (scenario key) the place lies in
    petitioners: tuple[CitizenData, ...] = ()  # none: anonymous
    channel: str = Channel.POST
    subject_kind: str = ""
    subject: str = ""
    sender: str = ""  # forwarded by another body, with its covering document
    sender_number: str = ""
    group: int | None = None
    complexity: str = Complexity.NORMAL
    ineligible: str = ""
    handling: str = ""
    to: tuple[tuple[str, str], ...] = ()  # (body, board symbol when it is a unit here)
    note: str = ""
    assigned: str = ""  # the board symbol (handling "assign")
    result: str = ""
    result_after: int = 0  # working days after the handling
    reply_number: str = ""  # the body's reply, registered with the result
    told: str = ""
    told_after: int = 3
    told_on: date | None = None  # told on a given day rather than `told_after` the result
    duplicate_of: str = ""
    scan: bool = False
    visit: str = ""  # handed in during this visit (VISITS)
    classify_after: int = 1
    handle_after: int = 3
    minute: int = 0


@dataclass(frozen=True)
class VisitSpec:
    key: str
    kinds: str
    field: str
    place: str
    place_key: str
    citizens: tuple[CitizenData, ...]
    raised: str
    answer: str
    agreed: str
    group: int = 1
    papers: tuple[str, ...] = ()


# --- places and people -----------------------------------------------------------------------

COMMUNES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # key: (district as written in an address, its place name, communes)
    "hoathanh": ("huyện Hòa Thành", "Hòa Thành",
                 ("Trường Hòa", "Trường Tây", "Trường Đông", "Hiệp Tân", "Long Thành Bắc")),
    "trangbang": ("huyện Trảng Bàng", "Trảng Bàng",
                  ("An Tịnh", "Gia Lộc", "Lộc Hưng", "Gia Bình", "Phước Chỉ", "An Hòa")),
    "chauthanh": ("huyện Châu Thành", "Châu Thành", ("Thái Bình", "Hảo Đước", "Biên Giới")),
    "godau": ("huyện Gò Dầu", "Gò Dầu", ("Thanh Phước", "Phước Đông", "Bàu Đồn")),
    "duongminhchau": ("huyện Dương Minh Châu", "Dương Minh Châu", ("Suối Đá", "Phan")),
    "tanbien": ("huyện Tân Biên", "Tân Biên", ("Thạnh Tây", "Tân Lập")),
}  # fmt: skip
HAMLETS = ("Trường Phú", "Long Hải", "Lộc Thành", "An Bình", "Gia Huỳnh", "Phước Hội", "Bến Kéo")

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đỗ", "Đặng", "Bùi", "Ngô")
MIDDLE_MEN = ("Văn", "Hữu", "Minh", "Thanh", "Công", "Quốc")
MIDDLE_WOMEN = ("Thị", "Ngọc", "Kim", "Thu", "Mỹ")
GIVEN = (
    "Ba", "Bảy", "Chín", "Cúc", "Đào", "Hai", "Hạnh", "Hiền", "Hùng", "Lài", "Lợi", "Mến",
    "Mười", "Năm", "Nhung", "Phước", "Sáu", "Tám", "Thắm", "Thanh", "Tư", "Út", "Xuân", "Yến",
)  # fmt: skip


class _People:
    """Fictional petitioners: one Random, so every load names the same people."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def address(self, key: str) -> tuple[str, str]:
        district, _name, communes = COMMUNES[key]
        commune = self.rng.choice(communes)
        return commune, f"ấp {self.rng.choice(HAMLETS)}, xã {commune}, {district}"

    def one(self, key: str, *, representative: bool = False, address: str = "") -> CitizenData:
        rng = self.rng
        woman = rng.random() < 0.4
        name = " ".join(
            (
                rng.choice(SURNAMES),
                rng.choice(MIDDLE_WOMEN if woman else MIDDLE_MEN),
                rng.choice(GIVEN),
            )
        )
        return CitizenData(
            full_name=name,
            id_number=f"29{rng.randrange(10**6, 10**7)}",
            id_issued=f"Công an tỉnh Tây Ninh, {rng.randrange(1995, 2010)}",
            address=address or self.address(key)[1],
            phone=f"0{rng.choice((91, 93, 98, 166, 168))}{rng.randrange(10**6, 10**7)}",
            is_representative=representative,
        )


def place_of(key: str, commune: str) -> str:
    return f"xã {commune}, {COMMUNES[key][0]}"


def pdf(text: str) -> bytes:
    """A one-page scan stand-in: the demo's letters and papers are typed, not photographed."""
    document = FPDF(unit="mm", format="A4")
    font = add_liberation_serif(document)
    document.set_margins(25, 20, 20)
    document.add_page()
    lines = (
        ("B", 13, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "C"),
        ("B", 13, "Độc lập - Tự do - Hạnh phúc", "C"),
        ("", 13, shorten(text, 3000), "J"),
        ("I", 11, "(Bản quét minh họa của dữ liệu trình diễn)", "L"),
    )
    for style, size, line, align in lines:
        document.set_font(font, style, size)
        document.multi_cell(0, 7, line, align=align, new_x="LMARGIN", new_y="NEXT")
        document.ln(4)
    return bytes(document.output())


# --- the cases of the story ----------------------------------------------------------------

_rng = random.Random(SEED)  # noqa: S311 (a reproducible demo, not secrets)
_people = _People(_rng)

# The group of twelve from ấp Trường Phú, xã Trường Hòa, received by the Secretary.
GROUP_ADDRESS = "ấp Trường Phú, xã Trường Hòa, huyện Hòa Thành"
GROUP = tuple(
    _people.one("hoathanh", representative=n == 0, address=GROUP_ADDRESS) for n in range(12)
)
GROUP_PROJECT = "nâng cấp, mở rộng đường Trường Hòa – Trường Tây"
DENOUNCED = "Đồng chí Trần Văn Tư, Bí thư Đảng ủy xã Lộc Hưng"
UBKT = "Ủy ban Kiểm tra Tỉnh ủy"

STORY: tuple[LetterSpec, ...] = (
    # The villagers first wrote to their district committee in August.
    LetterSpec(
        "truong-hoa-huyen",
        "hoathanh",
        date(2011, 8, 8),
        "k",
        f"Khiếu nại đơn giá bồi thường đất nông nghiệp và cây trồng khi thu hồi đất thực hiện "
        f"dự án {GROUP_PROJECT}: thấp hơn giá chuyển nhượng thực tế tại địa phương",
        COMPENSATION,
        place_of("hoathanh", "Trường Hòa"),
        "hoathanh",
        GROUP[:3],
        group=12,
        subject_kind="decision",
        subject="Quyết định phê duyệt phương án bồi thường, hỗ trợ của UBND huyện Hòa Thành",
        handling=Handling.FORWARD,
        to=(("Ủy ban nhân dân huyện Hòa Thành", ""),),
        result="Chủ tịch UBND huyện đã thụ lý, đang xác minh; sẽ trả lời công dân bằng quyết "
        "định giải quyết khiếu nại lần đầu.",
        result_after=12,
        reply_number="812/UBND-TD",
        told=TOLD_POST,
    ),
    # ... and, with no answer yet, came to the Secretary's day in September (VISITS).
    LetterSpec(
        "truong-hoa-tinh",
        "tinhuy",
        date(2011, 9, 15),
        "k",
        f"Khiếu nại đơn giá bồi thường, hỗ trợ khi thu hồi đất làm dự án {GROUP_PROJECT}; đề "
        "nghị hỗ trợ chuyển đổi nghề cho các hộ mất trên 30% diện tích đất nông nghiệp",
        COMPENSATION,
        place_of("hoathanh", "Trường Hòa"),
        "hoathanh",
        GROUP,
        channel=Channel.IN_PERSON,
        subject_kind="decision",
        subject="Quyết định phê duyệt phương án bồi thường, hỗ trợ của UBND huyện Hòa Thành",
        group=12,
        complexity=Complexity.COMPLEX,
        visit="doan-truong-hoa",
        handle_after=2,
        handling=Handling.FORWARD,
        to=(("Ủy ban nhân dân huyện Hòa Thành", ""),),
        result="Chủ tịch UBND huyện Hòa Thành ban hành quyết định giải quyết khiếu nại lần đầu: "
        "điều chỉnh tăng đơn giá bồi thường cây trồng, hỗ trợ chuyển đổi nghề và tạo việc làm "
        "cho 12 hộ; giữ nguyên đơn giá bồi thường đất theo bảng giá của UBND tỉnh.",
        result_after=40,
        reply_number="1047/UBND-TD",
        told="Thông báo trực tiếp cho người đại diện đoàn tại buổi tiếp công dân định kỳ của "
        "Bí thư Tỉnh ủy ngày 15/12/2011",
        told_on=date(2011, 12, 15),
    ),
    # The denunciation of a commune Party secretary, forwarded to the Inspection Committee.
    LetterSpec(
        "to-cao-loc-hung",
        "tinhuy",
        date(2011, 4, 11),
        "t",
        "Tố cáo Bí thư Đảng ủy xã Lộc Hưng lợi dụng chức vụ, chỉ đạo hợp thức hóa phần đất "
        "công ven kênh tiêu cho người thân và không công khai việc cho thuê đất công ích",
        MEMBER,
        place_of("trangbang", "Lộc Hưng"),
        "trangbang",
        (_people.one("trangbang"),),
        subject_kind="party_member",
        subject=DENOUNCED,
        scan=True,
        handling=Handling.FORWARD,
        to=((UBKT, "UBKTTU"),),
        result="Ủy ban Kiểm tra Tỉnh ủy kết luận nội dung tố cáo đúng một phần; thi hành kỷ "
        "luật khiển trách đồng chí Bí thư Đảng ủy xã, yêu cầu thu hồi phần đất công đã hợp "
        "thức hóa trái quy định.",
        result_after=40,
        reply_number="45-BC/UBKTTU",
        told=TOLD_SECRETLY,
        told_after=4,
    ),
    # One letter, sent by its writer to three bodies: the two others forwarded their copies.
    LetterSpec(
        "an-tinh-1",
        "tinhuy",
        date(2011, 6, 6),
        "k",
        "Khiếu nại việc chậm chi trả tiền bồi thường, hỗ trợ và chưa bố trí tái định cư cho "
        "hộ gia đình bị thu hồi đất làm dự án mở rộng khu công nghiệp tại xã An Tịnh",
        COMPENSATION,
        place_of("trangbang", "An Tịnh"),
        "trangbang",
        (_people.one("trangbang"),),
        subject_kind="organisation",
        subject="Hội đồng bồi thường, hỗ trợ và tái định cư huyện Trảng Bàng",
        handling=Handling.FORWARD,
        to=(("Ủy ban nhân dân huyện Trảng Bàng", ""),),
        result="UBND huyện Trảng Bàng đã chi trả đủ tiền bồi thường, hỗ trợ; bố trí một lô "
        "đất tái định cư tại khu tái định cư An Tịnh.",
        result_after=30,
        reply_number="655/UBND-TD",
        told=TOLD_POST,
    ),
    LetterSpec(
        "an-tinh-2",
        "tinhuy",
        date(2011, 6, 20),
        "k",
        "Khiếu nại việc chậm chi trả tiền bồi thường, hỗ trợ và chưa bố trí tái định cư cho "
        "hộ gia đình bị thu hồi đất làm dự án mở rộng khu công nghiệp tại xã An Tịnh",
        COMPENSATION,
        place_of("trangbang", "An Tịnh"),
        "trangbang",
        (),  # the same writer: filled in below
        sender="Ủy ban nhân dân tỉnh Tây Ninh",
        sender_number="1562/UBND-TCD",
        duplicate_of="an-tinh-1",
        handling=Handling.KEEP,
        note="Đơn trùng: nội dung đã chuyển UBND huyện Trảng Bàng theo đơn nhận ngày "
        "06/06/2011; lưu theo dõi chung.",
    ),
    LetterSpec(
        "an-tinh-3",
        "tinhuy",
        date(2011, 6, 27),
        "k",
        "Khiếu nại việc chậm chi trả tiền bồi thường, hỗ trợ và chưa bố trí tái định cư cho "
        "hộ gia đình bị thu hồi đất làm dự án mở rộng khu công nghiệp tại xã An Tịnh",
        COMPENSATION,
        place_of("trangbang", "An Tịnh"),
        "trangbang",
        (),
        sender="Đoàn đại biểu Quốc hội tỉnh Tây Ninh",
        sender_number="88/ĐĐBQH",
        duplicate_of="an-tinh-1",
        handling=Handling.KEEP,
        note="Đơn trùng: nội dung đã chuyển UBND huyện Trảng Bàng theo đơn nhận ngày "
        "06/06/2011; lưu theo dõi chung.",
    ),
    # The forward whose result never came.
    LetterSpec(
        "gia-binh-qua-han",
        "tinhuy",
        date(2011, 8, 15),
        "k",
        "Khiếu nại việc UBND xã Gia Bình thu hồi phần đất gia đình sử dụng ổn định từ năm "
        "1985 để làm sân phơi chung mà không có quyết định, không bồi thường",
        LAND,
        place_of("trangbang", "Gia Bình"),
        "trangbang",
        (_people.one("trangbang"), _people.one("trangbang")),
        subject_kind="decision",
        subject="Việc thu hồi đất của UBND xã Gia Bình",
        handling=Handling.FORWARD,
        to=(("Ủy ban nhân dân huyện Trảng Bàng", ""),),
    ),
    # A complaint the committee itself settles: a Party discipline decision.
    LetterSpec(
        "ky-luat-trang-bang",
        "tinhuy",
        date(2011, 10, 3),
        "k",
        "Khiếu nại quyết định kỷ luật cách chức Phó Bí thư Đảng ủy xã của Ban Thường vụ Huyện "
        "ủy Trảng Bàng; cho rằng hình thức kỷ luật nặng so với mức độ vi phạm",
        MEMBER,
        place_of("trangbang", "Phước Chỉ"),
        "trangbang",
        (_people.one("trangbang"),),
        subject_kind="decision",
        subject="Quyết định kỷ luật của Ban Thường vụ Huyện ủy Trảng Bàng",
        handle_after=4,
        handling=Handling.ACCEPT,
        note="Thuộc thẩm quyền giải quyết của Ban Thường vụ Tỉnh ủy; giao Ủy ban Kiểm tra "
        "Tỉnh ủy thẩm tra, đề xuất.",
        result="Ban Thường vụ Tỉnh ủy giữ nguyên hình thức kỷ luật cách chức (theo đề xuất thẩm "
        "tra của Ủy ban Kiểm tra Tỉnh ủy).",
        result_after=25,
        told=TOLD_POST,
    ),
    # A report given to a board to verify.
    LetterSpec(
        "dan-van-hiep-tan",
        "tinhuy",
        date(2011, 5, 9),
        "p",
        "Phản ánh cán bộ bộ phận một cửa xã Hiệp Tân hách dịch, gây khó khăn cho người dân "
        "khi làm thủ tục chứng thực, đăng ký hộ tịch",
        ADMINISTRATION,
        place_of("hoathanh", "Hiệp Tân"),
        "hoathanh",
        (_people.one("hoathanh"),),
        subject_kind="organisation",
        subject="Bộ phận tiếp nhận và trả kết quả UBND xã Hiệp Tân",
        handling=Handling.ASSIGN,
        assigned="BDVTU",
        note="Giao Ban Dân vận Tỉnh ủy nắm tình hình, xác minh, báo cáo Thường trực Tỉnh ủy.",
        result="Ban Dân vận Tỉnh ủy báo cáo: phản ánh có cơ sở; Huyện ủy Hòa Thành đã chỉ đạo "
        "kiểm điểm cán bộ, chấn chỉnh lề lối làm việc theo Quy chế dân chủ ở cơ sở.",
        result_after=15,
        told=TOLD_POST,
    ),
    # Anonymous denunciations: registered and kept, not processed.
    LetterSpec(
        "nac-danh-1",
        "tinhuy",
        date(2011, 3, 21),
        "t",
        "Thư không ký tên tố cáo một số cán bộ xã Trường Tây nhận tiền khi xét hộ nghèo",
        CORRUPTION,
        place_of("hoathanh", "Trường Tây"),
        "hoathanh",
        ineligible=IneligibleReason.ANONYMOUS,
        handling=Handling.KEEP,
        note="Đơn tố cáo nặc danh: không xử lý theo quy định; lưu đơn, chuyển thông tin để Ủy "
        "ban Kiểm tra Huyện ủy Hòa Thành nắm tình hình.",
    ),
    LetterSpec(
        "nac-danh-2",
        "tinhuy",
        date(2011, 7, 11),
        "t",
        "Thư nặc danh tố cáo Giám đốc một doanh nghiệp nhà nước của tỉnh sử dụng xe công vào "
        "việc riêng và bổ nhiệm người thân",
        CORRUPTION,
        "",
        "",
        ineligible=IneligibleReason.ANONYMOUS,
        handling=Handling.KEEP,
        note="Đơn tố cáo nặc danh: lưu đơn, không xử lý.",
    ),
    LetterSpec(
        "nac-danh-3",
        "trangbang",
        date(2011, 11, 14),
        "t",
        "Thư không ký tên tố cáo trưởng ấp Lộc Thành thu tiền làm đường không công khai",
        ECONOMY,
        place_of("trangbang", "Lộc Hưng"),
        "trangbang",
        ineligible=IneligibleReason.ANONYMOUS,
        handling=Handling.KEEP,
        note="Đơn tố cáo nặc danh: lưu đơn, không xử lý.",
    ),
)


# --- routine letters -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Case:
    kinds: str
    field: str
    summary: str
    subject_kind: str = ""
    handling: str = Handling.FORWARD
    to: str = "Ủy ban nhân dân {district}"
    result: str = ""
    ineligible: str = ""
    note: str = ""
    places: tuple[str, ...] = ("hoathanh", "trangbang")


CASES = (
    _Case("k", COMPENSATION, "Khiếu nại mức bồi thường, hỗ trợ khi thu hồi đất làm đường giao "
          "thông nông thôn tại xã {commune}", "decision",
          result="UBND huyện đã giải quyết khiếu nại lần đầu: giữ nguyên phương án bồi thường, "
          "bổ sung hỗ trợ ổn định đời sống."),
    _Case("k", LAND, "Khiếu nại việc cấp giấy chứng nhận quyền sử dụng đất cho hộ liền kề lấn "
          "sang ranh đất của gia đình tại xã {commune}", "decision",
          result="UBND huyện đã thu hồi, cấp đổi giấy chứng nhận theo đúng ranh giới đo đạc."),
    _Case("k", LAND, "Khiếu nại việc UBND xã {commune} hòa giải tranh chấp ranh đất không khách "
          "quan", "decision",
          result="UBND huyện hướng dẫn các bên khởi kiện tại Tòa án nhân dân huyện."),
    _Case("n", POLICY, "Đề nghị xem xét công nhận liệt sĩ cho người thân hy sinh năm 1968 tại "
          "xã {commune}", to="Sở Lao động – Thương binh và Xã hội tỉnh Tây Ninh",
          result="Sở đã hướng dẫn gia đình bổ sung hồ sơ, giấy xác nhận của đơn vị cũ.",
          places=("hoathanh", "trangbang", "godau", "chauthanh")),
    _Case("n", POLICY, "Kiến nghị giải quyết chế độ cho người hoạt động kháng chiến bị nhiễm "
          "chất độc hóa học", handling=Handling.GUIDE,
          note="Hướng dẫn gửi hồ sơ đến Phòng Lao động – Thương binh và Xã hội huyện.",
          places=("hoathanh", "trangbang", "tanbien")),
    _Case("p", ADMINISTRATION, "Phản ánh UBND xã {commune} chậm giải quyết hồ sơ chuyển mục "
          "đích sử dụng đất", "organisation",
          result="UBND huyện đã chỉ đạo xã giải quyết hồ sơ, kiểm điểm cán bộ địa chính."),
    _Case("t", CORRUPTION, "Tố cáo cán bộ địa chính xã {commune} nhận tiền của người dân khi "
          "làm hồ sơ cấp giấy chứng nhận quyền sử dụng đất", "party_member",
          to="Ủy ban Kiểm tra Huyện ủy {place}",
          result="Ủy ban Kiểm tra Huyện ủy kết luận: tố cáo không có cơ sở; đã trả lời người tố "
          "cáo."),
    _Case("k", JUSTICE, "Khiếu nại bản án dân sự phúc thẩm về tranh chấp quyền sử dụng đất",
          "decision", handling=Handling.GUIDE, ineligible=IneligibleReason.COURT,
          note="Vụ việc đã được Tòa án giải quyết; hướng dẫn công dân thực hiện quyền đề nghị "
          "giám đốc thẩm theo quy định."),
    _Case("k", LAND, "Khiếu nại lại quyết định giải quyết tranh chấp đất đai đã có hiệu lực, "
          "không có tình tiết mới", "decision", handling=Handling.KEEP,
          ineligible=IneligibleReason.FINAL_DECISION,
          note="Đã được giải quyết bằng quyết định cuối cùng; lưu đơn, trả lời công dân."),
    _Case("n", SOCIETY, "Kiến nghị xử lý tình trạng cơ sở chế biến khoai mì xả nước thải gây ô "
          "nhiễm tại xã {commune}", "organisation", to="Ủy ban nhân dân tỉnh Tây Ninh",
          result="Sở Tài nguyên và Môi trường đã kiểm tra, xử phạt, buộc cơ sở xây dựng hệ "
          "thống xử lý nước thải.",
          places=("hoathanh", "trangbang", "duongminhchau", "tanbien")),
    _Case("p", ECONOMY, "Phản ánh việc thu các khoản đóng góp xây dựng đường ấp chưa công khai "
          "tại xã {commune}", "organisation",
          result="UBND huyện đã chỉ đạo xã công khai các khoản thu, trả lại phần thu vượt."),
    _Case("n", CADRES, "Kiến nghị xem xét việc bố trí công tác sau khi sắp xếp lại bộ máy của "
          "xã {commune}", handling=Handling.KEEP, note="Lưu đơn, theo dõi; chuyển thông tin đến "
          "Ban Tổ chức Tỉnh ủy.", places=("hoathanh", "trangbang", "chauthanh")),
)  # fmt: skip

# How many routine letters each book receives from January 2011 to March 2012.
ROUTINE_COUNTS = {"tinhuy": 26, "hoathanh": 9, "trangbang": 7}
ROUTINE_FIRST, ROUTINE_LAST = date(2011, 1, 10), date(2012, 3, 20)


def _routine() -> list[LetterSpec]:
    found: list[LetterSpec] = []
    for book, count in ROUTINE_COUNTS.items():
        span = (ROUTINE_LAST - ROUTINE_FIRST).days
        for n in range(count):
            case = CASES[(n * 5 + len(book)) % len(CASES)]
            key = case.places[0] if book == "hoathanh" else case.places[1]
            if book == "tinhuy":
                key = case.places[n % len(case.places)]
            district, place_name, communes = COMMUNES[key]
            commune = communes[n % len(communes)]
            received = ROUTINE_FIRST + timedelta(days=span * n // count + _rng.randrange(0, 6))
            with_result = bool(case.result)
            petitioners: tuple[CitizenData, ...] = (_people.one(key),)
            if case.kinds == "k" and _rng.random() < 0.25:
                petitioners += (_people.one(key),)
            found.append(
                LetterSpec(
                    f"{book}-{n + 1}",
                    book,
                    received,
                    case.kinds,
                    case.summary.format(commune=commune),
                    case.field,
                    place_of(key, commune),
                    key,
                    petitioners,
                    channel=(Channel.POST, Channel.IN_PERSON, Channel.POST, Channel.EMAIL)[n % 4],
                    subject_kind=case.subject_kind,
                    ineligible=case.ineligible,
                    handling=case.handling,
                    to=((case.to.format(district=district, place=place_name), ""),)
                    if case.handling == Handling.FORWARD
                    else (),
                    note=case.note,
                    result=case.result if with_result else "",
                    result_after=_rng.randrange(15, 35),
                    reply_number=f"{_rng.randrange(100, 1800)}/UBND-TD" if with_result else "",
                    told=TOLD_GUIDE if case.handling == Handling.GUIDE else TOLD_POST,
                    handle_after=_rng.randrange(2, 6),
                    minute=n % 50,
                )
            )
    return found


def _same_writer(letters: list[LetterSpec]) -> list[LetterSpec]:
    """The copies of a letter sent to three bodies carry its writer."""
    by_key = {spec.key: spec for spec in letters}
    fixed = []
    for spec in letters:
        if spec.duplicate_of and not spec.petitioners:
            first = by_key[spec.duplicate_of]
            spec = LetterSpec(**{**spec.__dict__, "petitioners": first.petitioners})
        fixed.append(spec)
    return fixed


LETTERS: tuple[LetterSpec, ...] = tuple(
    sorted(_same_writer([*STORY, *_routine()]), key=lambda s: (s.received, s.minute, s.key))
)


# --- reception -------------------------------------------------------------------------------

GROUP_VISIT = VisitSpec(
    "doan-truong-hoa",
    "k",
    COMPENSATION,
    place_of("hoathanh", "Trường Hòa"),
    "hoathanh",
    GROUP,
    raised=f"Đoàn 12 hộ dân ấp Trường Phú khiếu nại đơn giá bồi thường đất và cây trồng của dự "
    f"án {GROUP_PROJECT} thấp hơn giá thực tế; đã gửi đơn đến Huyện ủy, UBND huyện Hòa Thành "
    "từ tháng 8 nhưng chưa được trả lời; đề nghị hỗ trợ chuyển đổi nghề.",
    answer="Bí thư Tỉnh ủy ghi nhận ý kiến của đoàn; chính sách bồi thường thực hiện theo bảng "
    "giá đất của UBND tỉnh, những nội dung hỗ trợ chuyển đổi nghề sẽ được xem xét theo quy "
    "định. Văn phòng Tỉnh ủy tiếp nhận đơn và chuyển UBND huyện Hòa Thành giải quyết lần đầu.",
    agreed="Đoàn thống nhất cử ông đại diện làm việc với UBND huyện; không tập trung đông người. "
    "UBND huyện Hòa Thành giải quyết, trả lời bằng văn bản trước ngày 30/11/2011; Văn phòng Tỉnh "
    "ủy theo dõi, báo cáo Bí thư Tỉnh ủy.",
    group=12,
    papers=(
        "Đơn khiếu nại có chữ ký của 12 hộ dân ấp Trường Phú",
        "Bản sao Quyết định phê duyệt phương án bồi thường, hỗ trợ",
        "Bản sao Thông báo thu hồi đất",
    ),
)
TOLD_VISIT = VisitSpec(
    "doan-truong-hoa-ket-qua",
    "k",
    COMPENSATION,
    place_of("hoathanh", "Trường Hòa"),
    "hoathanh",
    (GROUP[0],),
    raised="Người đại diện đoàn 12 hộ dân ấp Trường Phú đề nghị được biết kết quả giải quyết "
    "đơn khiếu nại đã gửi tại buổi tiếp ngày 15/09/2011.",
    answer="Thông báo quyết định giải quyết khiếu nại lần đầu của Chủ tịch UBND huyện Hòa "
    "Thành: tăng đơn giá bồi thường cây trồng, hỗ trợ chuyển đổi nghề cho 12 hộ; giữ nguyên "
    "đơn giá đất. Nếu không đồng ý, công dân có quyền khiếu nại lần hai đến Chủ tịch UBND tỉnh.",
    agreed="Người đại diện đồng ý với kết quả và thông báo lại cho các hộ trong đoàn.",
)


@dataclass(frozen=True)
class _Topic:
    kinds: str
    field: str
    raised: str
    answer: str
    agreed: str
    places: tuple[str, ...] = ("hoathanh", "trangbang")


TOPICS = (
    _Topic("k", COMPENSATION, "Khiếu nại việc chưa nhận đủ tiền hỗ trợ khi thu hồi đất tại xã "
           "{commune}", "Giải thích chính sách bồi thường, hỗ trợ hiện hành.",
           "Hướng dẫn công dân gửi đơn đến UBND huyện để được giải quyết theo thẩm quyền."),
    _Topic("k", LAND, "Trình bày việc tranh chấp ranh đất với hộ liền kề tại xã {commune}",
           "Tranh chấp đất đai phải được hòa giải tại UBND xã trước.",
           "Hướng dẫn công dân làm đơn yêu cầu UBND xã hòa giải."),
    _Topic("n", POLICY, "Đề nghị giải quyết chế độ trợ cấp người có công cho cha đã mất",
           "Đã giải thích điều kiện, hồ sơ hưởng chế độ.",
           "Công dân bổ sung hồ sơ gửi Phòng Lao động – Thương binh và Xã hội huyện."),
    _Topic("p", ADMINISTRATION, "Phản ánh việc chậm cấp giấy chứng nhận quyền sử dụng đất tại "
           "xã {commune}", "Ghi nhận phản ánh; sẽ đề nghị UBND huyện kiểm tra.",
           "Văn phòng có văn bản đề nghị UBND huyện kiểm tra, trả lời công dân."),
    _Topic("n", SOCIETY, "Kiến nghị sửa chữa cầu dân sinh xuống cấp tại xã {commune}",
           "Ghi nhận kiến nghị, chuyển UBND huyện xem xét đưa vào kế hoạch.",
           "Chuyển kiến nghị đến UBND huyện."),
)  # fmt: skip


def _visits() -> tuple[
    list[VisitSpec],
    list[tuple[str, date, tuple[str, ...]]],
    list[tuple[str, date, tuple[str, ...]]],
]:
    visits: list[VisitSpec] = [GROUP_VISIT, TOLD_VISIT]
    counter = 0

    def routine(book: str) -> str:
        nonlocal counter
        topic = TOPICS[counter % len(TOPICS)]
        key = topic.places[counter % len(topic.places)] if book == "tinhuy" else book
        _district, _name, communes = COMMUNES[key]
        commune = communes[counter % len(communes)]
        spec = VisitSpec(
            f"tiep-{counter}",
            topic.kinds,
            topic.field,
            place_of(key, commune),
            key,
            (_people.one(key),),
            raised=topic.raised.format(commune=commune),
            answer=topic.answer,
            agreed=topic.agreed,
        )
        counter += 1
        visits.append(spec)
        return spec.key

    head: list[tuple[str, date, tuple[str, ...]]] = []
    regular: list[tuple[str, date, tuple[str, ...]]] = []
    month = date(2011, 1, 1)
    while month <= date(2012, 6, 1):
        # The Secretary's day: the third Thursday; none in May 2011, the month of the elections
        # (22/05/2011); February 2012's on the 9th, the week of the Office's review being full.
        thursday = month + timedelta(days=(3 - month.weekday()) % 7 + 14)
        if month == date(2012, 2, 1):
            thursday = date(2012, 2, 9)
        if month != date(2011, 5, 1):
            if thursday == date(2011, 9, 15):
                chosen: tuple[str, ...] = (GROUP_VISIT.key, routine("tinhuy"))
            elif thursday == date(2011, 12, 15):
                chosen = (TOLD_VISIT.key,)
            else:
                chosen = (routine("tinhuy"),)
            head.append(("tinhuy", thursday, chosen))
        # Hòa Thành's Secretary: the second Tuesday.
        tuesday = month + timedelta(days=(1 - month.weekday()) % 7 + 7)
        head.append(("hoathanh", tuesday, (routine("hoathanh"),)))
        # Every Office's reception officers: the first Wednesday.
        wednesday = month + timedelta(days=(2 - month.weekday()) % 7)
        for book in ("tinhuy", "hoathanh", "trangbang"):
            regular.append((book, wednesday, (routine(book),)))
        month = (month + timedelta(days=32)).replace(day=1)
    return visits, head, regular


_visit_list, HEAD_DAYS, REGULAR_VISITS = _visits()
VISITS: tuple[VisitSpec, ...] = tuple(_visit_list)
LAST_STORY_DAY = date(2012, 6, 29)
