from __future__ import annotations

import contextlib
import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vanphong.core.vietnamese import (
    GOVERNMENT_TYPES,
    PARTY_TYPES,
    WEEKDAYS,
    NumberSymbol,
    VietnameseParseError,
    canonical_tones,
    clean,
    fold,
    format_date,
    format_number_symbol,
    format_place_date,
    format_week,
    nfc,
    parse_date,
    parse_number_symbol,
    sanitize,
    week_of,
    weekday_name,
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- nfc ------------------------------------------------------------------------------------


def test_nfc_composes_decomposed_text() -> None:
    assert nfc(nfd("Tỉnh ủy Tây Ninh")) == "Tỉnh ủy Tây Ninh"
    assert len(nfc(nfd("ủy"))) == 2


# --- canonical_tones ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà", "hòa"),
        ("uỷ", "ủy"),
        ("thuý", "thúy"),
        ("khoẻ", "khỏe"),
        ("Hoà", "Hòa"),
        ("HOÀ", "HÒA"),
        ("Uỷ", "Ủy"),
        ("hoạ", "họa"),
        ("loã", "lõa"),
        ("xoè", "xòe"),
        ("tuỳ", "tùy"),
        ("nguỵ", "ngụy"),
        ("oà", "òa"),
        ("Tỉnh uỷ Tây Ninh", "Tỉnh ủy Tây Ninh"),
        ("Huyện uỷ Hoà Thành", "Huyện ủy Hòa Thành"),
        ("khoẻ-mạnh", "khỏe-mạnh"),
    ],
)
def test_canonical_tones_moves_old_placement_to_the_main_vowel(old: str, new: str) -> None:
    assert canonical_tones(old) == new


@pytest.mark.parametrize(
    "word",
    [
        "quý",
        "quỳ",
        "quỷ",
        "quỹ",
        "quỵ",
        "Quý",
        "QUÝ",
        "hoàn",
        "toán",
        "khoảng",
        "ngoài",
        "khuỷu",
        "quyển",
        "thuyết",
        "thuế",
        "mùa",
        "hòa",
        "ủy",
        "English text, café and naïve",
        "def hoa(x): return x",
    ],
)
def test_canonical_tones_leaves_syllables_that_are_the_same_in_both_styles(word: str) -> None:
    assert canonical_tones(word) == word


def test_canonical_tones_reads_decomposed_input() -> None:
    assert canonical_tones(nfd("Tỉnh uỷ")) == "Tỉnh ủy"


def test_canonical_tones_returns_nfc() -> None:
    assert canonical_tones(nfd("quý")) == "quý"


# --- fold -----------------------------------------------------------------------------------


def test_fold_maps_d_stroke_to_d() -> None:
    assert fold("Đảng đoàn") == "dang doan"


def test_fold_maps_the_eth_look_alike_to_d() -> None:
    assert fold("ÐẢNG") == "dang"


def test_fold_strips_tones_and_vowel_marks_and_lowercases() -> None:
    assert fold("Tỉnh ủy Tây Ninh") == "tinh uy tay ninh"
    assert fold("Thượng khẩn") == "thuong khan"


def test_fold_makes_old_and_new_tone_placement_equal() -> None:
    assert fold("Tỉnh uỷ Hoà Thành") == fold("Tỉnh ủy Hòa Thành")


def test_fold_makes_nfd_equal_to_nfc() -> None:
    assert fold(nfd("Đảng bộ tỉnh Tây Ninh")) == fold("Đảng bộ tỉnh Tây Ninh")


def test_fold_collapses_and_strips_whitespace() -> None:
    assert fold("  Tỉnh \t ủy\n\nTây\u00a0Ninh  ") == "tinh uy tay ninh"


# --- clean ----------------------------------------------------------------------------------


def test_clean_collapses_spaces_and_tabs_and_strips() -> None:
    assert clean("  Tỉnh   uỷ \t Tây Ninh  ") == "Tỉnh uỷ Tây Ninh"


def test_clean_keeps_line_breaks_and_strips_each_line() -> None:
    assert clean("Dòng  một   \r\n  dòng \t hai\n\ndòng ba\n") == "Dòng một\ndòng hai\n\ndòng ba"


def test_clean_composes_to_nfc() -> None:
    assert clean(nfd("Hoà Thành")) == "Hoà Thành"


def test_clean_keeps_tone_placement_as_typed() -> None:
    assert clean("Tỉnh uỷ") == "Tỉnh uỷ"
    assert clean("Tỉnh ủy") == "Tỉnh ủy"


# --- dates ----------------------------------------------------------------------------------


def test_weekdays_are_named_from_monday_to_sunday() -> None:
    assert WEEKDAYS == (
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ nhật",
    )
    assert weekday_name(date(2012, 2, 13)) == "Thứ Hai"
    assert weekday_name(date(2012, 2, 17)) == "Thứ Sáu"
    assert weekday_name(date(2012, 2, 19)) == "Chủ nhật"


@pytest.mark.parametrize(
    ("d", "line"),
    [
        (date(2012, 2, 16), "Tây Ninh, ngày 16 tháng 02 năm 2012"),
        (date(2012, 3, 5), "Tây Ninh, ngày 05 tháng 3 năm 2012"),
        (date(2012, 2, 1), "Tây Ninh, ngày 01 tháng 02 năm 2012"),
        (date(2012, 1, 20), "Tây Ninh, ngày 20 tháng 01 năm 2012"),
        (date(2011, 10, 9), "Tây Ninh, ngày 09 tháng 10 năm 2011"),
        (date(2011, 12, 31), "Tây Ninh, ngày 31 tháng 12 năm 2011"),
    ],
)
def test_format_place_date_pads_days_and_only_january_and_february(d: date, line: str) -> None:
    assert format_place_date("Tây Ninh", d) == line


def test_format_place_date_without_a_place_is_just_the_date() -> None:
    assert format_place_date("  ", date(2012, 2, 16)) == "ngày 16 tháng 02 năm 2012"


def test_format_date_is_day_month_year_with_slashes() -> None:
    assert format_date(date(2012, 2, 17)) == "17/02/2012"
    assert format_date(date(2012, 11, 5)) == "05/11/2012"


def test_week_of_gives_iso_week_monday_and_sunday() -> None:
    assert week_of(date(2012, 2, 17)) == (7, date(2012, 2, 13), date(2012, 2, 19))
    assert week_of(date(2012, 2, 13)) == (7, date(2012, 2, 13), date(2012, 2, 19))
    assert week_of(date(2012, 2, 19)) == (7, date(2012, 2, 13), date(2012, 2, 19))


def test_format_week_shows_the_year_once_within_a_year() -> None:
    assert format_week(date(2012, 2, 17)) == "Tuần 07, từ ngày 13/02 đến ngày 19/02/2012"


def test_format_week_shows_both_years_when_the_week_spans_two() -> None:
    assert format_week(date(2014, 12, 31)) == "Tuần 01, từ ngày 29/12/2014 đến ngày 04/01/2015"
    assert format_week(date(2016, 1, 1)) == "Tuần 53, từ ngày 28/12/2015 đến ngày 03/01/2016"


@pytest.mark.parametrize(
    "text",
    [
        "16/02/2012",
        "16-02-2012",
        "16.2.2012",
        "16.02.2012",
        "16 / 2 / 2012",
        "2012-02-16",
        "ngày 16/02/2012",
        "ngày 16 tháng 02 năm 2012",
        "Ngày 16 tháng 2 năm 2012",
        "Tây Ninh, ngày 16 tháng 02 năm 2012",
        "Tây Ninh,  Ngày 16  tháng 2 năm 2012 ",
        "NGÀY 16 THÁNG 02 NĂM 2012",
        "ngay 16 thang 2 nam 2012",
    ],
)
def test_parse_date_reads_the_forms_offices_write(text: str) -> None:
    assert parse_date(text) == date(2012, 2, 16)
    assert parse_date(nfd(text)) == date(2012, 2, 16)


def test_parse_date_is_always_day_first() -> None:
    assert parse_date("05/03/2012") == date(2012, 3, 5)


def test_parse_date_names_an_impossible_day() -> None:
    with pytest.raises(VietnameseParseError) as excinfo:
        parse_date("31/02/2012")
    assert str(excinfo.value) == (
        "Ngày không hợp lệ: 31/02/2012 — tháng 2 năm 2012 không có ngày 31"
    )


def test_parse_date_knows_leap_years() -> None:
    assert parse_date("29/02/2012") == date(2012, 2, 29)
    with pytest.raises(VietnameseParseError, match="tháng 2 năm 2011 không có ngày 29"):
        parse_date("29/02/2011")
    with pytest.raises(VietnameseParseError, match="tháng 2 năm 1900 không có ngày 29"):
        parse_date("ngày 29 tháng 02 năm 1900")


def test_parse_date_names_an_impossible_month() -> None:
    with pytest.raises(VietnameseParseError, match="không có tháng 13"):
        parse_date("16/13/2012")


def test_parse_date_refuses_day_zero() -> None:
    with pytest.raises(VietnameseParseError, match="không có ngày 0"):
        parse_date("00/01/2012")


def test_parse_date_refuses_year_zero() -> None:
    with pytest.raises(VietnameseParseError, match="không có năm 0000"):
        parse_date("01/01/0000")


@pytest.mark.parametrize("text", ["17/02/12", "17-02-12", "ngày 16 tháng 02 năm 12", "1/1/912"])
def test_parse_date_refuses_to_guess_a_short_year(text: str) -> None:
    with pytest.raises(VietnameseParseError, match="Năm phải ghi đủ 4 chữ số"):
        parse_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "hôm qua",
        "17/02",
        "2012/02/16",
        "17/02-2012",
        "02/17/2012 10:00",
        "16 tháng 02 năm 2012",
        "ngày 16 tháng 02",
        "١٦/٠٢/٢٠١٢",
    ],
)
def test_parse_date_refuses_other_shapes_and_shows_the_accepted_ones(text: str) -> None:
    with pytest.raises(VietnameseParseError, match="Không nhận ra định dạng ngày") as excinfo:
        parse_date(text)
    assert "dd/mm/yyyy" in str(excinfo.value)


def test_parse_date_refuses_empty_input() -> None:
    with pytest.raises(VietnameseParseError, match="Chưa nhập ngày"):
        parse_date("   ")


def test_parse_date_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="Không nhận ra"):
        parse_date("x")


# --- number and symbol ----------------------------------------------------------------------


def party(number: int, type_symbol: str, issuer: str) -> NumberSymbol:
    return NumberSymbol(number=number, type_symbol=type_symbol, issuer=issuer, style="party")


def government(number: int, type_symbol: str, issuer: str, year: int | None = None) -> NumberSymbol:
    return NumberSymbol(
        number=number, year=year, type_symbol=type_symbol, issuer=issuer, style="government"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Số 45-NQ/TU", party(45, "NQ", "TU")),
        ("12-QĐ/VPTU", party(12, "QĐ", "VPTU")),
        ("03-CT/HU", party(3, "CT", "HU")),
        ("100-QĐi/TU", party(100, "QĐi", "TU")),
        ("15-TB/VPTU", party(15, "TB", "VPTU")),
        ("123-CV/TU", party(123, "CV", "TU")),
        ("08-HD/BTGTU", party(8, "HD", "BTGTU")),
        ("02-KL/ĐU", party(2, "KL", "ĐU")),
        ("Số: 123/QĐ-UBND", government(123, "QĐ", "UBND")),
        ("Số: 45/UBND-VP", government(45, "", "UBND-VP")),
        ("Số: 05/2011/TT-BNV", government(5, "TT", "BNV", 2011)),
        ("Số: 30/2020/NĐ-CP", government(30, "NĐ", "CP", 2020)),
        ("Số: 15/TTr-SNV", government(15, "TTr", "SNV")),
        ("Số: 1234/QĐ-TTg", government(1234, "QĐ", "TTg")),
        ("80/2015/QH13", government(80, "", "QH13", 2015)),
    ],
)
def test_parse_number_symbol_reads_party_and_government_forms(
    text: str, expected: NumberSymbol
) -> None:
    assert parse_number_symbol(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Số 45-NQ/TU", "số 45-NQ/TU", "SỐ 45-NQ/TU", "Số: 45-NQ/TU", "45-NQ/TU", "Số45-NQ/TU"],
)
def test_parse_number_symbol_tolerates_any_so_prefix(text: str) -> None:
    assert parse_number_symbol(text) == party(45, "NQ", "TU")


@pytest.mark.parametrize(
    "text",
    [
        "45 - NQ / TU",
        " 45-nq/tu ",
        "045-NQ/TU",
        "45–NQ/TU",
        "Số  45 -NQ/ TU",
    ],
)
def test_parse_number_symbol_tolerates_spacing_case_zeros_and_dashes(text: str) -> None:
    assert parse_number_symbol(text) == party(45, "NQ", "TU")


def test_parse_number_symbol_reads_leading_zeros_as_the_number() -> None:
    assert parse_number_symbol("01-NQ/TU").number == 1


def test_parse_number_symbol_reads_decomposed_input() -> None:
    assert parse_number_symbol(nfd("Số 12-QĐ/TU")) == party(12, "QĐ", "TU")
    assert parse_number_symbol(nfd("Số: 12/QĐ-UBND")) == government(12, "QĐ", "UBND")


@pytest.mark.parametrize(
    ("text", "type_symbol"),
    [("1-qđi/tu", "QĐi"), ("1-QĐI/TU", "QĐi"), ("1-ttr/tu", "TTr"), ("1-ctr/tu", "CTr")],
)
def test_parse_number_symbol_restores_canonical_type_casing(text: str, type_symbol: str) -> None:
    assert parse_number_symbol(text).type_symbol == type_symbol


def test_parse_number_symbol_reads_d_for_d_stroke_only_when_one_type_fits() -> None:
    assert parse_number_symbol("12/QD-UBND").type_symbol == "QĐ"
    assert parse_number_symbol("12-QD/TU").type_symbol == "QĐ"
    # Decree 30 has both HD (Hướng dẫn) and HĐ (Hợp đồng): HD is read as written.
    assert parse_number_symbol("12/HD-UBND").type_symbol == "HD"
    assert parse_number_symbol("12/HĐ-UBND").type_symbol == "HĐ"


def test_parse_number_symbol_reads_the_eth_look_alike_as_d_stroke() -> None:
    assert parse_number_symbol("12/QÐ-UBND").type_symbol == "QĐ"


def test_parse_number_symbol_upper_cases_issuers_except_known_mixed_case_ones() -> None:
    assert parse_number_symbol("12/qđ-ubnd-vp").issuer == "UBND-VP"
    assert parse_number_symbol("12/qđ-ttg").issuer == "TTg"


def test_parse_number_symbol_decides_the_style_from_the_shape() -> None:
    assert parse_number_symbol("12-QĐ/TU").style == "party"
    assert parse_number_symbol("12/QĐ-TU").style == "government"


def test_parse_number_symbol_reads_the_type_from_the_table_of_the_style() -> None:
    assert parse_number_symbol("05-TT/TU").type_name == "Thông tri"
    assert parse_number_symbol("05/2011/TT-BNV").type_name == "Thông tư"
    assert parse_number_symbol("45/UBND-VP").type_name is None


def test_parse_number_symbol_follows_the_tables_it_is_given() -> None:
    old_rules = {k: v for k, v in PARTY_TYPES.items() if k != "QĐi"}
    with pytest.raises(VietnameseParseError, match="QĐi"):
        parse_number_symbol("01-QĐi/TU", party_types=old_rules)


@pytest.mark.parametrize("text", ["", "   ", "Số", "Số:", "số : "])
def test_parse_number_symbol_refuses_empty_input(text: str) -> None:
    with pytest.raises(VietnameseParseError, match="Chưa nhập số, ký hiệu"):
        parse_number_symbol(text)


@pytest.mark.parametrize("text", ["NQ/TU", "Số NQ/TU", "-NQ/TU", "/QĐ-UBND", "Số: x/QĐ-UBND"])
def test_parse_number_symbol_refuses_a_missing_number(text: str) -> None:
    with pytest.raises(VietnameseParseError, match="Thiếu số văn bản"):
        parse_number_symbol(text)


@pytest.mark.parametrize("text", ["0-NQ/TU", "000-NQ/TU", "Số: 0/QĐ-UBND"])
def test_parse_number_symbol_refuses_number_zero(text: str) -> None:
    with pytest.raises(VietnameseParseError, match="phải từ 01 trở lên"):
        parse_number_symbol(text)


def test_parse_number_symbol_refuses_an_absurdly_large_number() -> None:
    with pytest.raises(VietnameseParseError, match="quá lớn"):
        parse_number_symbol("1" * 5000 + "-NQ/TU")


def test_parse_number_symbol_refuses_a_letter_after_the_number() -> None:
    with pytest.raises(VietnameseParseError, match="chỉ gồm chữ số, không kèm chữ “a”"):
        parse_number_symbol("45a-NQ/TU")


@pytest.mark.parametrize("text", ["45", "Số 45"])
def test_parse_number_symbol_refuses_a_number_without_symbol(text: str) -> None:
    with pytest.raises(VietnameseParseError, match="Thiếu ký hiệu sau số 45"):
        parse_number_symbol(text)


def test_parse_number_symbol_refuses_an_unknown_separator() -> None:
    with pytest.raises(VietnameseParseError, match="tiếp theo là dấu -"):
        parse_number_symbol("45.NQ/TU")


def test_parse_number_symbol_names_an_unknown_type_symbol() -> None:
    with pytest.raises(VietnameseParseError, match="Ký hiệu loại văn bản không hợp lệ: “XX”"):
        parse_number_symbol("45-XX/TU")


def test_parse_number_symbol_refuses_a_type_with_digits() -> None:
    with pytest.raises(VietnameseParseError, match="Ký hiệu loại văn bản không hợp lệ: “NQ2”"):
        parse_number_symbol("45-NQ2/TU")


def test_parse_number_symbol_refuses_a_missing_party_type() -> None:
    with pytest.raises(VietnameseParseError, match="Thiếu ký hiệu loại văn bản"):
        parse_number_symbol("45-/TU")


@pytest.mark.parametrize("text", ["45-NQ", "45-NQ/", "Số: 123/QĐ", "Số: 123/QĐ-", "123/"])
def test_parse_number_symbol_refuses_a_missing_issuer(text: str) -> None:
    with pytest.raises(VietnameseParseError, match="Thiếu ký hiệu cơ quan ban hành"):
        parse_number_symbol(text)


@pytest.mark.parametrize(
    "text", ["45-NQ/T U", "45-NQ/TU/VP", "45-NQ/TU-", "45-NQ/TU--VP", "12/QĐ-UBND, ngày 5"]
)
def test_parse_number_symbol_refuses_a_malformed_issuer(text: str) -> None:
    with pytest.raises(VietnameseParseError, match="Ký hiệu cơ quan ban hành không hợp lệ"):
        parse_number_symbol(text)


@pytest.mark.parametrize("text", ["Số: 05/11/TT-BNV", "05/011/TT-BNV", "05/0211/TT-BNV"])
def test_parse_number_symbol_refuses_to_guess_a_short_year(text: str) -> None:
    with pytest.raises(VietnameseParseError, match="Năm ban hành phải có đủ 4 chữ số"):
        parse_number_symbol(text)


@pytest.mark.parametrize(
    ("ns", "line"),
    [
        (party(45, "NQ", "TU"), "Số 45-NQ/TU"),
        (party(1, "NQ", "TU"), "Số 01-NQ/TU"),
        (party(123, "NQ", "TU"), "Số 123-NQ/TU"),
        (party(12, "QĐi", "VPTU"), "Số 12-QĐi/VPTU"),
        (government(123, "QĐ", "UBND"), "Số: 123/QĐ-UBND"),
        (government(5, "QĐ", "UBND"), "Số: 05/QĐ-UBND"),
        (government(5, "TT", "BNV", 2011), "Số: 05/2011/TT-BNV"),
        (government(45, "", "UBND-VP"), "Số: 45/UBND-VP"),
    ],
)
def test_format_number_symbol_writes_the_official_line(ns: NumberSymbol, line: str) -> None:
    assert format_number_symbol(ns) == line
    assert ns.code == line.removeprefix("Số: ").removeprefix("Số ")


def test_number_symbol_key_is_blind_to_prefix_spacing_case_zeros_and_nfd() -> None:
    variants = ["Số 045-NQ/TU", "45 - nq / tu", "số: 45-nq/TU", nfd("Số 45-NQ/TU"), "45-NQ/TU"]
    assert {parse_number_symbol(v).key for v in variants} == {"P:45:NQ:TU"}


def test_number_symbol_key_is_blind_to_d_stroke() -> None:
    assert parse_number_symbol("12/QĐ-UBND").key == parse_number_symbol("12/QD-UBND").key
    assert government(12, "QĐ", "UBND").key == government(12, "QD", "UBND").key


def test_number_symbol_key_keeps_party_and_government_apart() -> None:
    assert parse_number_symbol("12-QĐ/TU").key != parse_number_symbol("12/QĐ-TU").key


def test_number_symbol_key_is_plain_and_indexable() -> None:
    assert parse_number_symbol("Số: 123/2011/QĐ-UBND").key == "G:123:2011:QD:UBND"
    assert parse_number_symbol("Số: 123/QĐ-UBND").key == "G:123::QD:UBND"
    assert parse_number_symbol("Số: 45/UBND-VP").key == "G:45:::UBND-VP"
    assert parse_number_symbol("100-QĐi/TU").key == "P:100:QDI:TU"


def test_number_symbol_key_keeps_different_numbers_types_and_years_apart() -> None:
    keys = {
        parse_number_symbol(text).key
        for text in [
            "12-QĐ/TU",
            "12-QĐi/TU",
            "13-QĐ/TU",
            "12-QĐ/HU",
            "12/QĐ-UBND",
            "12/2011/QĐ-UBND",
            "12/2012/QĐ-UBND",
            "12/UBND-VP",
        ]
    }
    assert len(keys) == 8


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"number": 0, "type_symbol": "NQ", "issuer": "TU", "style": "party"}, "từ 01"),
        ({"number": 1, "type_symbol": "", "issuer": "TU", "style": "party"}, "phải có ký hiệu"),
        (
            {"number": 1, "year": 2011, "type_symbol": "NQ", "issuer": "TU", "style": "party"},
            "không ghi năm",
        ),
        (
            {"number": 1, "year": 11, "type_symbol": "TT", "issuer": "BNV", "style": "government"},
            "4 chữ số",
        ),
        ({"number": 1, "type_symbol": "N-Q", "issuer": "TU", "style": "party"}, "chỉ gồm chữ"),
        ({"number": 1, "type_symbol": "NQ", "issuer": "", "style": "party"}, "cơ quan"),
        ({"number": 1, "type_symbol": "NQ", "issuer": "TU", "style": "state"}, "Kiểu"),
    ],
)
def test_number_symbol_refuses_impossible_values(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        NumberSymbol(**fields)  # type: ignore[arg-type]


def test_type_tables_have_no_case_collisions() -> None:
    for table in (PARTY_TYPES, GOVERNMENT_TYPES):
        assert len({symbol.upper() for symbol in table}) == len(table)


# --- properties -----------------------------------------------------------------------------

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from(VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " \t\n,.-/0123")
)
INITIALS = ["", "b", "c", "ch", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "s"]
INITIALS += ["t", "th", "tr", "v", "x"]
TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


@st.composite
def tone_variants(draw: st.DrawFn) -> tuple[str, str]:
    """An open oa/oe/uy syllable in old and in new tone placement, in the same case."""
    initial = draw(st.sampled_from(INITIALS))
    first, last = draw(st.sampled_from([("o", "a"), ("o", "e"), ("u", "y")]))
    tone = draw(st.sampled_from(TONES))
    case = draw(st.sampled_from([str.lower, str.title, str.upper]))
    old = case(nfc(initial + first + last + tone))
    new = case(nfc(initial + first + tone + last))
    return old, new


@settings(max_examples=300)
@given(st.text())
def test_fold_is_idempotent_on_any_text(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@settings(max_examples=300)
@given(VIETNAMESE_TEXT)
def test_fold_is_idempotent_on_vietnamese_text(text: str) -> None:
    assert fold(fold(text)) == fold(text)
    assert fold(nfd(text)) == fold(text)
    assert "đ" not in fold(text)


@settings(max_examples=300)
@given(st.text())
def test_canonical_tones_is_idempotent_on_any_text(text: str) -> None:
    once = canonical_tones(text)
    assert canonical_tones(once) == once
    assert fold(once) == fold(text)


@settings(max_examples=300)
@given(VIETNAMESE_TEXT)
def test_canonical_tones_is_idempotent_on_vietnamese_text(text: str) -> None:
    once = canonical_tones(text)
    assert canonical_tones(once) == once


@settings(max_examples=300)
@given(tone_variants())
def test_old_and_new_placement_fold_and_canonicalise_equal(variants: tuple[str, str]) -> None:
    old, new = variants
    assert old != new
    assert canonical_tones(old) == new
    assert canonical_tones(new) == new
    assert canonical_tones(nfd(old)) == new
    assert fold(old) == fold(new)
    assert canonical_tones(f"Tỉnh {old}, {old}.") == f"Tỉnh {new}, {new}."


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("qu", ["qu", "Qu", "QU"])
def test_qu_y_keeps_the_mark_on_y_in_both_styles(qu: str, tone: str) -> None:
    y = "Y" if qu.isupper() else "y"
    word = nfc(qu + y + tone)
    assert canonical_tones(word) == word


@settings(max_examples=300)
@given(st.text())
def test_clean_is_idempotent(text: str) -> None:
    assert clean(clean(text)) == clean(text)


def test_sanitize_removes_control_characters_but_tab_and_newline() -> None:
    assert sanitize("a\x00b\x08c\x1bd\x7fe\tf\ng\x0b\x0ch") == "abcde\tf\ngh"


def test_sanitize_keeps_line_breaks_of_any_convention_and_spacing() -> None:
    assert sanitize("  một\r\nhai\rba  ") == "  một\nhai\nba  "


def test_sanitize_drops_lone_surrogates_and_composes_to_nfc() -> None:
    assert sanitize(nfd("Hoà") + "\ud800\udfff") == "Hoà"
    assert sanitize("e\x00\u0301") == "é"


def test_clean_removes_control_characters_too() -> None:
    assert clean("Về việc\x00 bầu\x1b cử\x7f") == "Về việc bầu cử"


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(exclude_categories=())))
def test_sanitized_text_is_xml_safe_and_stable(text: str) -> None:
    once = sanitize(text)
    assert sanitize(once) == once
    assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in once)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in once)


DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
PLACES = st.sampled_from(["Tây Ninh", "Hòa Thành", "Thị xã Tây Ninh", "Trảng Bàng", "Hà Nội"])


@settings(max_examples=200)
@given(DATES, PLACES)
def test_formatted_dates_parse_back(d: date, place: str) -> None:
    assert parse_date(format_place_date(place, d)) == d
    assert parse_date(nfd(format_place_date(place, d))) == d
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d


@settings(max_examples=200)
@given(DATES)
def test_format_week_brackets_the_date(d: date) -> None:
    week, monday, sunday = week_of(d)
    assert monday <= d <= sunday
    assert weekday_name(monday) == "Thứ Hai"
    assert weekday_name(sunday) == "Chủ nhật"
    assert format_week(d).startswith(f"Tuần {week:02d}, từ ngày {format_date(monday)[:5]}")
    assert format_week(d).endswith(f"đến ngày {format_date(sunday)}")


ISSUERS = ["TU", "HU", "VPTU", "BTGTU", "UBKTTU", "ĐU", "UBND", "UBND-VP", "BNV", "TTg"]
NUMBERS = st.integers(min_value=1, max_value=99_999)


@st.composite
def number_symbols(draw: st.DrawFn) -> NumberSymbol:
    issuer = draw(st.sampled_from(ISSUERS))
    if draw(st.booleans()):
        symbol = draw(st.sampled_from(sorted(PARTY_TYPES)))
        return party(draw(NUMBERS), symbol, issuer)
    symbol = draw(st.sampled_from(["", *sorted(GOVERNMENT_TYPES)]))
    year = draw(st.none() | st.integers(min_value=1945, max_value=2100))
    return government(draw(NUMBERS), symbol, issuer, year)


def spaced(code: str) -> str:
    return code.replace("-", " - ").replace("/", " / ")


@settings(max_examples=300)
@given(st.text())
def test_parsers_fail_only_with_their_own_error_on_any_text(text: str) -> None:
    for parse in (parse_date, parse_number_symbol):
        with contextlib.suppress(VietnameseParseError):
            parse(text)


@settings(max_examples=300)
@given(number_symbols())
def test_formatted_number_symbols_parse_back(ns: NumberSymbol) -> None:
    assert parse_number_symbol(format_number_symbol(ns)) == ns
    assert parse_number_symbol(ns.code) == ns


@settings(max_examples=300)
@given(number_symbols(), st.sampled_from(["", "Số ", "Số: ", "số ", "SỐ: ", "So "]))
def test_number_symbol_key_is_stable_across_variants(ns: NumberSymbol, prefix: str) -> None:
    variants = [
        prefix + ns.code,
        nfd(prefix + ns.code),
        prefix + spaced(ns.code),
        (prefix + ns.code).lower(),
        prefix + "000" + ns.code,
    ]
    assert {parse_number_symbol(v).key for v in variants} == {ns.key}
