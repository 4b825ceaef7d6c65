"""Phone numbers: mobiles, landlines, Excel floats, prefixes, clear problems, masking."""
from __future__ import annotations

import pytest

from neighbourhood.phones import PhoneCheck, check_phone, mask_phone


@pytest.mark.parametrize("raw", [
    "13800000001",
    "138 0000 0001",
    "138-0000-0001",
    " 13800000001 ",
    "+86 138 0000 0001",
    "+8613800000001",
    "+86-13800000001",
    "8613800000001",
    "0086 13800000001",
    "＋８６ １３８０００００００１",
    "１３８０００００００１",
    "13800000001.0",
    "'13800000001",
    13800000001,
    13800000001.0,
])
def test_mobile_forms_normalize(raw: object) -> None:
    result = check_phone(raw)
    assert (result.ok, result.normalized, result.kind, result.problem) == (
        True, "13800000001", "mobile", None)


def test_raw_is_kept_as_text() -> None:
    assert check_phone(13800000001.0).raw == "13800000001.0"
    assert check_phone(" 138 0000 0001 ").raw == "138 0000 0001"


@pytest.mark.parametrize("second", list("3456789"))
def test_mobile_second_digit_3_to_9(second: str) -> None:
    assert check_phone(f"1{second}800000001").ok


@pytest.mark.parametrize("raw,count", [("1380000000", 10), ("138000000012", 12), ("138", 3)])
def test_mobile_wrong_length(raw: str, count: int) -> None:
    result = check_phone(raw)
    assert result == PhoneCheck(raw=raw, normalized=None, ok=False, kind=None,
                                problem=f"手机号应为 11 位数字、以 1 开头（现为 {count} 位），请核对")


@pytest.mark.parametrize("raw", ["12800000001", "10800000001"])
def test_mobile_bad_second_digit(raw: str) -> None:
    result = check_phone(raw)
    assert not result.ok and "第 2 位" in result.problem and f"“{raw[1]}”" in result.problem


@pytest.mark.parametrize("raw,normalized", [
    ("0531-88888888", "0531-88888888"),
    ("0531-8888888", "0531-8888888"),
    ("0531 88888888", "0531-88888888"),
    ("053188888888", "0531-88888888"),
    ("0531-8888-8888", "0531-88888888"),
    ("(0531)88888888", "0531-88888888"),
    ("（0531）88888888", "0531-88888888"),
    ("0531－88888888", "0531-88888888"),
    ("0531—88888888", "0531-88888888"),
    ("010-62345678", "010-62345678"),
    ("01062345678", "010-62345678"),
    ("021 5555 6666", "021-55556666"),
    ("0755-2345678", "0755-2345678"),
    ("+86 531 88888888", "0531-88888888"),
    ("+86 10 62345678", "010-62345678"),
    ("0531-88888888-123", "0531-88888888-123"),
    ("053188888888-12", "0531-88888888-12"),
    ("0531-88888888转123", "0531-88888888-123"),
    ("0531-88888888 ext. 8001", "0531-88888888-8001"),
])
def test_landlines_normalize(raw: str, normalized: str) -> None:
    result = check_phone(raw)
    assert (result.ok, result.normalized, result.kind, result.problem) == (
        True, normalized, "landline", None)


@pytest.mark.parametrize("raw,fragment", [
    ("0531-888", "现为 3 位"),
    ("0531-888888888", "现为 9 位"),
    ("0531-08888888", "不能以 0 或 1 开头"),
    ("011-62345678", "010"),
    ("88888888", "缺少区号"),
    ("8888888", "0531-8888888"),
    ("13800000001/13900000002", "只能填一个号码"),
    ("13800000001、13900000002", "只能填一个号码"),
    ("13800000001，13900000002", "只能填一个号码"),
    ("1.38E+10", "Excel"),
    ("电话13800000001", "非法字符"),
    ("abc", "“a”"),
    ("+852 91234567", "中国大陆"),
    ("00852 91234567", "中国大陆"),
    ("13800000001转12", "手机号不能带分机号"),
    ("0531-88888888转", "分机号"),
    ("---", "没有数字"),
    ("98765", "格式不正确"),
])
def test_bad_numbers_say_what_is_wrong(raw: str, fragment: str) -> None:
    result = check_phone(raw)
    assert not result.ok and result.normalized is None and result.kind is None
    assert fragment in result.problem


@pytest.mark.parametrize("raw", [None, "", "   ", "\u3000", float("nan")])
def test_empty_is_ok_because_phone_is_optional(raw: object) -> None:
    result = check_phone(raw)
    assert (result.ok, result.normalized, result.kind, result.problem) == (True, None, None, None)


@pytest.mark.parametrize("phone,masked", [
    ("13800000001", "138****0001"),
    ("+86 138 0000 0001", "138****0001"),
    ("0531-8888888", "0531-****888"),
    ("0531-88888888", "0531-*****888"),
    ("010-62345678", "010-*****678"),
    ("0531-88888888-123", "0531-*****888-123"),
    (None, ""),
    ("", ""),
    ("   ", ""),
    ("12345", "*****"),
    ("1380000000", "******0000"),
])
def test_mask_phone(phone: str | None, masked: str) -> None:
    assert mask_phone(phone) == masked
