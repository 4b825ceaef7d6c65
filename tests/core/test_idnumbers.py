"""Resident ID numbers: check characters worked out by hand, dates, areas, Excel damage, masking."""
from __future__ import annotations

import datetime as dt

import pytest

from neighbourhood.idnumbers import IdCheck, check_char, check_id_number, mask_id, upgrade_15_to_18

TODAY = dt.date(2024, 6, 1)

# Hand computation, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, remainder -> "10X98765432".
#
# 11010519491231002X (the GB 11643 sample):
#   1*7 + 1*9 + 0*10 + 1*5 + 0*8 + 5*4 + 1*2 + 9*1 + 4*6 + 9*3 + 1*7 + 2*9 + 3*10 + 1*5 + 0*8 + 0*4
#   + 2*2 = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 = 15*11 + 2 -> index 2 -> 'X'.
GB_SAMPLE = "11010519491231002X"
# 110105194912310011: same first 16 digits (sum 163), last 1*2 = 2 -> 165 = 15*11 + 0 -> '1'.
MALE_1949 = "110105194912310011"
# 370102198503151248: 3*7 + 7*9 + 0*10 + 1*5 + 0*8 + 2*4 + 1*2 + 9*1 + 8*6 + 5*3 + 0*7 + 3*9 + 1*10
#   + 5*5 + 1*8 + 2*4 + 4*2 = 21+63+0+5+0+8+2+9+48+15+0+27+10+25+8+8+8 = 257; 257 = 23*11 + 4 -> '8'.
JINAN_1985 = "370102198503151248"
# 110105199001013000 (a genuine number that ends in 000): 1*7 + 1*9 + 0 + 1*5 + 0 + 5*4 + 1*2 + 9*1
#   + 9*6 + 0*3 + 0*7 + 1*9 + 0*10 + 1*5 + 3*8 + 0*4 + 0*2 = 7+9+5+20+2+9+54+9+5+24 = 144;
#   144 = 13*11 + 1 -> '0'.
ENDS_000 = "110105199001013000"


def check(raw: object) -> IdCheck:
    return check_id_number(raw, today=TODAY)


def with_check(first17: str) -> str:
    return first17 + check_char(first17)


# --- check character -------------------------------------------------------------------------

@pytest.mark.parametrize("number", [GB_SAMPLE, MALE_1949, JINAN_1985, ENDS_000])
def test_check_char_matches_hand_computation(number: str) -> None:
    assert check_char(number[:17]) == number[17]


@pytest.mark.parametrize("bad", ["1101051949123100", "110105194912310021", "1101051949123100X", ""])
def test_check_char_rejects_anything_but_17_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        check_char(bad)


# --- valid numbers ---------------------------------------------------------------------------

def test_gb_sample_is_valid_and_derives_fields() -> None:
    result = check(GB_SAMPLE)
    assert result == IdCheck(raw=GB_SAMPLE, normalized=GB_SAMPLE, ok=True, legacy=False,
                             excel_mangled=False, birth_date=dt.date(1949, 12, 31), sex="女",
                             area_code="110105", problem=None)


def test_odd_sequence_is_male() -> None:
    result = check(MALE_1949)
    assert result.ok and result.sex == "男" and result.birth_date == dt.date(1949, 12, 31)


def test_jinan_number() -> None:
    result = check(JINAN_1985)
    assert result.ok
    assert (result.birth_date, result.sex, result.area_code) == (dt.date(1985, 3, 15), "女", "370102")


def test_genuine_number_ending_000_is_not_taken_for_excel_damage() -> None:
    result = check(ENDS_000)
    assert result.ok and not result.excel_mangled and result.normalized == ENDS_000


@pytest.mark.parametrize("digit,sex", [("0", "女"), ("1", "男"), ("2", "女"), ("3", "男"),
                                       ("4", "女"), ("5", "男"), ("6", "女"), ("7", "男"),
                                       ("8", "女"), ("9", "男")])
def test_sex_follows_last_sequence_digit(digit: str, sex: str) -> None:
    assert check(with_check("37010219850315" + "12" + digit)).sex == sex


def test_lowercase_x_is_uppercased() -> None:
    result = check("11010519491231002x")
    assert result.ok and result.normalized == GB_SAMPLE
    assert result.raw == "11010519491231002x"


def test_full_width_and_spaces_are_cleaned() -> None:
    result = check("１１０１０５ １９４９１２３１\u3000００２Ｘ")
    assert result.ok and result.normalized == GB_SAMPLE


def test_spaces_tabs_and_excel_text_apostrophe() -> None:
    assert check("  110105 19491231 002X\t").normalized == GB_SAMPLE
    assert check("'" + GB_SAMPLE).ok


def test_int_input() -> None:
    result = check(int(MALE_1949))
    assert result.ok and result.normalized == MALE_1949


def test_leap_day_and_today_are_valid() -> None:
    assert check(with_check("11010520000229001")).birth_date == dt.date(2000, 2, 29)
    assert check(with_check("11010520240601001")).ok  # born on TODAY


def test_residence_permit_prefix_accepted() -> None:
    assert check(with_check("81000019900101001")).ok  # 港澳台居民居住证


# --- invalid numbers -------------------------------------------------------------------------

def test_wrong_check_char_names_the_expected_one() -> None:
    result = check("110105194912310021")
    assert not result.ok and not result.excel_mangled
    assert result.normalized == "110105194912310021"  # shape usable, so callers can show it
    assert result.problem == "身份证号校验位错误（应为 X），请核对原件后重新录入"
    assert (result.birth_date, result.sex, result.area_code) == (None, None, None)


def test_february_30_is_invalid() -> None:
    result = check(with_check("11010519900230001"))
    assert not result.ok
    assert "出生日期无效" in result.problem and "19900230" in result.problem
    assert result.birth_date is None


def test_1900_was_not_a_leap_year() -> None:
    assert "出生日期无效" in check(with_check("11010519000229001")).problem


def test_month_13_is_invalid() -> None:
    assert "出生日期无效" in check(with_check("11010519901301001")).problem


def test_birth_date_in_future() -> None:
    result = check(with_check("11010520240602001"))
    assert not result.ok
    assert "晚于今天" in result.problem and "2024-06-02" in result.problem


def test_born_before_1900() -> None:
    result = check(with_check("11010518991231001"))
    assert not result.ok and "1900" in result.problem


@pytest.mark.parametrize("first17,province", [("19010519900101001", "19"),
                                              ("01010519900101001", "01"),
                                              ("99010519900101001", "99"),
                                              ("72010519900101001", "72")])
def test_bad_area_code(first17: str, province: str) -> None:
    result = check(with_check(first17))
    assert not result.ok
    assert "地区码无效" in result.problem and f"“{province}”" in result.problem


@pytest.mark.parametrize("raw,length", [("1101051949123", 13), ("1101051949123100201", 19),
                                        ("1101051949", 10), ("11010519491231002012", 20)])
def test_wrong_length_says_how_many(raw: str, length: int) -> None:
    result = check(raw)
    assert not result.ok and result.normalized is None and not result.excel_mangled
    assert result.problem == f"身份证号长度不对：应为 18 位（旧证 15 位），现为 {length} 位，请核对原件"


def test_letters_are_named() -> None:
    result = check("11010519491231002A")
    assert not result.ok and result.normalized is None
    assert "非法字符" in result.problem and "“A”" in result.problem


def test_dash_is_an_illegal_character() -> None:
    assert "“-”" in check("110105-19491231-002X").problem


def test_x_only_at_the_end() -> None:
    result = check("1101051949123100X2")
    assert not result.ok and "X" in result.problem and "最后一位" in result.problem


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000", float("nan")])
def test_empty(raw: object) -> None:
    result = check(raw)
    assert not result.ok and result.normalized is None and result.problem == "身份证号为空，请填写"


# --- 15-digit legacy numbers ----------------------------------------------------------------

def test_legacy_15_digit_is_ok_but_flagged() -> None:
    result = check("110105491231002")
    assert result == IdCheck(raw="110105491231002", normalized="110105491231002", ok=True,
                             legacy=True, excel_mangled=False, birth_date=dt.date(1949, 12, 31),
                             sex="女", area_code="110105", problem=None)


def test_legacy_upgrade_gives_gb_sample() -> None:
    assert upgrade_15_to_18("110105491231002") == GB_SAMPLE


def test_legacy_float_from_excel_is_exact() -> None:
    # 15 digits fit in Excel's 15 significant digits, so nothing was lost.
    result = check(110105491231002.0)
    assert result.ok and result.legacy and result.normalized == "110105491231002"
    assert check("110105491231002.0").normalized == "110105491231002"


def test_legacy_with_bad_date_or_area() -> None:
    assert "出生日期无效" in check("110105490230002").problem
    assert "地区码无效" in check("190105491231002").problem


def test_legacy_cannot_end_in_x() -> None:
    assert not check("11010549123100X").ok


@pytest.mark.parametrize("bad", ["11010549123100", GB_SAMPLE, "11010549123100X"])
def test_upgrade_rejects_non_15_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        upgrade_15_to_18(bad)


# --- Excel damage -----------------------------------------------------------------------------

@pytest.mark.parametrize("raw", [
    4.10105199001011e+17,            # the float an Excel number cell hands back
    "4.10105199001011e+17",          # its text form
    "4.10105199001011E+17",          # as Excel displays it
    "410105199001011000",            # 15 kept digits + 000; the real check char would be '6'
    410105199001011000,              # the same as an int
    "410105199001011000.0",
    41010519900101100.0,             # 17-digit float
    "41010519900101100",             # 17 digits
    "4101051990010110",              # 16 digits
])
def test_excel_mangled_numbers_are_flagged_not_fixed(raw: object) -> None:
    result = check(raw)
    assert result.excel_mangled is True
    assert result.ok is False
    assert result.normalized is None
    assert "Excel" in result.problem
    assert (result.birth_date, result.sex, result.area_code) == (None, None, None)


def test_excel_message_is_the_documented_one() -> None:
    assert check(4.10105199001011e+17).problem == (
        "身份证号疑似被 Excel 截断（只保留了 15 位有效数字），末尾几位已丢失，请按原件重新录入，不要自动补全")
    assert check(4.10105199001011e+17).raw == "4.10105199001011e+17"


def test_seventeen_digits_mentions_length() -> None:
    assert "17 位" in check("11010519491231002").problem


def test_non_integral_float_is_illegal_not_mangled() -> None:
    result = check(1.5)
    assert not result.ok and not result.excel_mangled and "非法字符" in result.problem


def test_uses_real_today_by_default() -> None:
    next_year = dt.date.today().year + 1
    assert "晚于今天" in check_id_number(with_check(f"110105{next_year}0101001")).problem


# --- masking ----------------------------------------------------------------------------------

@pytest.mark.parametrize("value,masked", [
    (GB_SAMPLE, "110105********002X"),
    (MALE_1949, "110105********0011"),
    ("11010519491231002x", "110105********002X"),
    ("１１０１０５１９４９１２３１００２Ｘ", "110105********002X"),
    ("110105491231002", "110105*****1002"),
    (None, ""),
    ("", ""),
    ("   ", ""),
    ("12345", "*****"),
])
def test_mask_id(value: str | None, masked: str) -> None:
    assert mask_id(value) == masked


def test_mask_keeps_length_and_hides_birth_date() -> None:
    masked = mask_id(JINAN_1985)
    assert len(masked) == 18 and "19850315" not in masked and masked.count("*") == 8
