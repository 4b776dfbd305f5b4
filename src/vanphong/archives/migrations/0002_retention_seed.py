"""The retention tables (bảng thời hạn bảo quản) of HD 35-HD/VPTW (04/11/2010) as editable data:
one table for provincial, one for district bodies. Typical rows, not checked line by line
against the guidance: each says so (`verified=False`), and an archivist of the province's
Office corrects them on the retention page. `retention_years` None is Vĩnh viễn (permanent).

Literal rows only, and a fold of their own: a migration never runs live code."""

import unicodedata

from django.db import migrations

SOURCE = "Hướng dẫn 35-HD/VPTW ngày 04/11/2010 (chưa kiểm chứng từng dòng)"
GOVERNMENT = "Tương tự TT 09/2011/TT-BNV (khối chính quyền)."

P = None  # Vĩnh viễn

# (group, title, years or P, note)
PROVINCIAL = [
    ("I. Tài liệu tổng hợp", "Văn kiện đại hội Đảng bộ tỉnh (nghị quyết, báo cáo chính trị, biên bản, danh sách bầu cử)", P, ""),
    ("I. Tài liệu tổng hợp", "Nghị quyết, chỉ thị, kết luận, quyết định, quy định của Tỉnh ủy, Ban Thường vụ Tỉnh ủy", P, ""),
    ("I. Tài liệu tổng hợp", "Biên bản hội nghị Tỉnh ủy, Ban Thường vụ, Thường trực Tỉnh ủy", P, ""),
    ("I. Tài liệu tổng hợp", "Chương trình công tác toàn khóa, chương trình công tác năm của Tỉnh ủy, Ban Thường vụ", P, ""),
    ("I. Tài liệu tổng hợp", "Báo cáo năm, sơ kết, tổng kết công tác của Tỉnh ủy, Ban Thường vụ", P, GOVERNMENT),
    ("I. Tài liệu tổng hợp", "Kế hoạch, báo cáo công tác tháng, quý", 5, GOVERNMENT),
    ("I. Tài liệu tổng hợp", "Kế hoạch, báo cáo công tác 6 tháng", 10, ""),
    ("I. Tài liệu tổng hợp", "Lịch công tác tuần của Thường trực, Ban Thường vụ Tỉnh ủy", 5, GOVERNMENT),
    ("I. Tài liệu tổng hợp", "Hồ sơ sơ kết, tổng kết thực hiện nghị quyết, chỉ thị của Trung ương", P, ""),
    ("I. Tài liệu tổng hợp", "Thông báo kết luận của Thường trực, Ban Thường vụ Tỉnh ủy", P, ""),
    ("I. Tài liệu tổng hợp", "Văn bản của Trung ương gửi để thực hiện (bản sao, để biết)", 10, ""),
    ("I. Tài liệu tổng hợp", "Báo cáo của các huyện, thị ủy, đảng ủy trực thuộc gửi để báo cáo (tháng, quý)", 5, ""),
    ("I. Tài liệu tổng hợp", "Báo cáo năm, tổng kết của các huyện, thị ủy, đảng ủy trực thuộc", 20, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ thành lập, sáp nhập, chia tách, giải thể tổ chức đảng", P, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ quy hoạch, bổ nhiệm, luân chuyển cán bộ thuộc diện Ban Thường vụ quản lý", P, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ đảng viên, hồ sơ cán bộ", P, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ thi đua, khen thưởng: tổng kết, khen thưởng cấp tỉnh trở lên", P, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ thi đua, khen thưởng: khen thưởng của cơ quan, đơn vị", 10, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ nâng lương, chế độ chính sách của cán bộ", 20, ""),
    ("III. Tài liệu kiểm tra, thanh tra, khiếu nại, tố cáo", "Hồ sơ kiểm tra, giám sát, thi hành kỷ luật đảng", P, ""),
    ("III. Tài liệu kiểm tra, thanh tra, khiếu nại, tố cáo", "Hồ sơ giải quyết đơn thư khiếu nại, tố cáo", 15, ""),
    ("III. Tài liệu kiểm tra, thanh tra, khiếu nại, tố cáo", "Hồ sơ vụ việc khiếu nại, tố cáo phức tạp, kéo dài, gây hậu quả nghiêm trọng", P, ""),
    ("III. Tài liệu kiểm tra, thanh tra, khiếu nại, tố cáo", "Sổ tiếp công dân, sổ theo dõi đơn thư", 20, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Sổ đăng ký văn bản đi, văn bản đến", 20, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Sổ đăng ký văn bản mật đi, đến", P, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Công văn trao đổi về công tác chuyên môn, nghiệp vụ", 10, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Danh mục hồ sơ, mục lục hồ sơ, biên bản giao nhận tài liệu nộp lưu", P, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Hồ sơ tiêu hủy tài liệu hết giá trị", 20, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Hồ sơ quản lý, sử dụng con dấu", 20, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Hồ sơ ứng dụng công nghệ thông tin, cơ yếu", 10, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Báo cáo quyết toán ngân sách năm", P, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Kế hoạch, báo cáo tài chính, dự toán ngân sách tháng, quý", 10, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Sổ sách kế toán, chứng từ kế toán", 10, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Hồ sơ kiểm toán, thanh tra tài chính", 20, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Hồ sơ xây dựng cơ bản, công trình nhóm A, B", P, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Hồ sơ mua sắm, thanh lý tài sản", 20, ""),
]

DISTRICT = [
    ("I. Tài liệu tổng hợp", "Văn kiện đại hội Đảng bộ huyện (nghị quyết, báo cáo chính trị, biên bản, danh sách bầu cử)", P, ""),
    ("I. Tài liệu tổng hợp", "Nghị quyết, chỉ thị, kết luận, quyết định của Huyện ủy, Ban Thường vụ Huyện ủy", P, ""),
    ("I. Tài liệu tổng hợp", "Biên bản hội nghị Huyện ủy, Ban Thường vụ, Thường trực Huyện ủy", P, ""),
    ("I. Tài liệu tổng hợp", "Chương trình công tác năm của Huyện ủy, Ban Thường vụ", P, ""),
    ("I. Tài liệu tổng hợp", "Báo cáo năm, sơ kết, tổng kết công tác của Huyện ủy", P, GOVERNMENT),
    ("I. Tài liệu tổng hợp", "Kế hoạch, báo cáo công tác tháng, quý", 5, GOVERNMENT),
    ("I. Tài liệu tổng hợp", "Kế hoạch, báo cáo công tác 6 tháng", 10, ""),
    ("I. Tài liệu tổng hợp", "Lịch công tác tuần của Thường trực Huyện ủy", 5, GOVERNMENT),
    ("I. Tài liệu tổng hợp", "Hồ sơ sơ kết, tổng kết thực hiện nghị quyết, chỉ thị của cấp trên", P, ""),
    ("I. Tài liệu tổng hợp", "Thông báo kết luận của Thường trực, Ban Thường vụ Huyện ủy", P, ""),
    ("I. Tài liệu tổng hợp", "Văn bản của Tỉnh ủy, Trung ương gửi để thực hiện (bản sao, để biết)", 10, ""),
    ("I. Tài liệu tổng hợp", "Báo cáo của các tổ chức cơ sở đảng gửi để báo cáo (tháng, quý)", 5, ""),
    ("I. Tài liệu tổng hợp", "Báo cáo năm, tổng kết của các tổ chức cơ sở đảng", 20, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ thành lập, sáp nhập, giải thể tổ chức cơ sở đảng", P, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ bổ nhiệm, luân chuyển cán bộ thuộc diện Ban Thường vụ Huyện ủy quản lý", P, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ đảng viên, hồ sơ cán bộ", P, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ thi đua, khen thưởng: tổng kết, khen thưởng cấp huyện", 20, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ thi đua, khen thưởng: khen thưởng của cơ quan, đơn vị", 10, ""),
    ("II. Tài liệu tổ chức, cán bộ", "Hồ sơ nâng lương, chế độ chính sách của cán bộ", 20, ""),
    ("III. Tài liệu kiểm tra, khiếu nại, tố cáo", "Hồ sơ kiểm tra, giám sát, thi hành kỷ luật đảng", P, ""),
    ("III. Tài liệu kiểm tra, khiếu nại, tố cáo", "Hồ sơ giải quyết đơn thư khiếu nại, tố cáo", 15, ""),
    ("III. Tài liệu kiểm tra, khiếu nại, tố cáo", "Sổ tiếp công dân, sổ theo dõi đơn thư", 20, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Sổ đăng ký văn bản đi, văn bản đến", 20, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Sổ đăng ký văn bản mật đi, đến", P, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Công văn trao đổi về công tác chuyên môn, nghiệp vụ", 10, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Danh mục hồ sơ, mục lục hồ sơ, biên bản giao nhận tài liệu nộp lưu", P, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Hồ sơ tiêu hủy tài liệu hết giá trị", 20, ""),
    ("IV. Tài liệu văn phòng, hành chính", "Hồ sơ quản lý, sử dụng con dấu", 20, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Báo cáo quyết toán ngân sách năm", P, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Kế hoạch, báo cáo tài chính, dự toán ngân sách tháng, quý", 10, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Sổ sách kế toán, chứng từ kế toán", 10, ""),
    ("V. Tài liệu tài chính, kế toán, tài sản", "Hồ sơ mua sắm, thanh lý tài sản", 20, ""),
]

TABLES = {"provincial": PROVINCIAL, "district": DISTRICT}


def _fold(text):
    lowered = unicodedata.normalize("NFC", text).lower()
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(ch)
    )
    folded = unicodedata.normalize("NFC", stripped.replace("đ", "d"))
    return " ".join(folded.split())


def seed(apps, schema_editor):
    RetentionRule = apps.get_model("archives", "RetentionRule")
    rows = []
    for level, table in TABLES.items():
        for number, (group, title, years, note) in enumerate(table, start=1):
            rows.append(
                RetentionRule(
                    level=level,
                    group=group,
                    number=str(number),
                    title=title,
                    title_folded=_fold(title),
                    retention_years=years,
                    source=SOURCE,
                    verified=False,
                    note=note,
                )
            )
    RetentionRule.objects.bulk_create(rows, ignore_conflicts=True)


def unseed(apps, schema_editor):
    RetentionRule = apps.get_model("archives", "RetentionRule")
    RetentionRule.objects.filter(source=SOURCE, verified=False).delete()


class Migration(migrations.Migration):
    dependencies = [("archives", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
