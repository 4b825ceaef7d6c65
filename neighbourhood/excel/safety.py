"""Spreadsheet safety: formula neutralisation (CWE-1236) and checks on untrusted files.

Pure functions; :func:`check_workbook_file` reads only the zip directory and
the first bytes of each XML part, so a hostile file is refused before any
parser expands it.  Every refusal is an :class:`ExcelFileError` with a Chinese
message the screens show as is.
"""
from __future__ import annotations

import pathlib
import zipfile

from neighbourhood.errors import LedgerError

# Characters that make a spreadsheet treat a cell as a formula (ASCII and full-width forms),
# plus tab and CR (OWASP CSV injection guidance).
DANGEROUS_FIRST = frozenset("=+-@\t\r＝＋－＠")
NEUTRALISER = "'"

# Caps for files read by the import (an office roster is a few MB).
MAX_FILE_BYTES = 60 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_PART_RATIO = 200          # uncompressed / compressed for any part larger than 1 MB
MAX_ZIP_ENTRIES = 2_000


class ExcelFileError(LedgerError):
    """The file cannot be read safely (damaged, hostile, too big, wrong type)."""


def neutralise(text: str) -> str:
    """Text that no spreadsheet will take as a formula: a leading apostrophe when needed."""
    if text and text[0] in DANGEROUS_FIRST:
        return NEUTRALISER + text
    return text


def unneutralise(text: str) -> str:
    """Undo :func:`neutralise` on a value read back from one of our exports."""
    if len(text) > 1 and text[0] == NEUTRALISER and text[1] in DANGEROUS_FIRST:
        return text[1:]
    return text


def display_width(text: str) -> int:
    """Width in Excel character units: CJK (3 UTF-8 bytes) counts 2, ASCII 1."""
    n = len(text)
    extra = len(text.encode("utf-8")) - n     # 2 per CJK char, 1 per 2-byte char
    return n + (extra + 1) // 2


def check_workbook_file(path: str | pathlib.Path) -> str:
    """Refuse damaged, hostile or oversized files; return the format ('xlsx', 'xls', 'csv').

    Raises :class:`ExcelFileError`.  For zip formats the directory is checked
    against size and ratio caps, and every XML part is refused if it declares
    a DTD (no legitimate .xlsx does; entity bombs need one); small parts are
    parsed with defusedxml as a second line.
    """
    path = pathlib.Path(path)
    if not path.exists():
        raise ExcelFileError(f"找不到文件“{path.name}”")
    size = path.stat().st_size
    if size == 0:
        raise ExcelFileError(f"文件“{path.name}”是空的")
    if size > MAX_FILE_BYTES:
        raise ExcelFileError(f"文件“{path.name}”太大（{size // 1024 // 1024} MB，上限 "
                             f"{MAX_FILE_BYTES // 1024 // 1024} MB），请分成几个文件导入")
    with open(path, "rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"         # OLE2 (Excel 97–2003 .xls, WPS .et)
    if not head.startswith(b"PK"):
        raise ExcelFileError(f"文件“{path.name}”不是 Excel 文件（.xlsx/.xls），或已损坏。"
                             "请在 Excel/WPS 中打开后“另存为 .xlsx”再导入")
    _check_zip(path)
    return "xlsx"


def _check_zip(path: pathlib.Path) -> None:
    damaged = (f"文件“{path.name}”已损坏，无法读取（压缩包结构错误）。"
               "请在 Excel/WPS 中打开后另存为新的 .xlsx 再导入")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_ZIP_ENTRIES:
                raise ExcelFileError(f"文件“{path.name}”内部结构异常（{len(infos)} 个部件），已拒绝读取")
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > 1024 * 1024 and info.file_size > MAX_PART_RATIO * max(info.compress_size, 1):
                    raise ExcelFileError(
                        f"文件“{path.name}”疑似“压缩炸弹”（内容被异常压缩，解压后 "
                        f"{info.file_size // 1024 // 1024} MB），为安全起见已拒绝读取")
            if total > MAX_UNCOMPRESSED_BYTES:
                raise ExcelFileError(
                    f"文件“{path.name}”解压后过大（{total // 1024 // 1024} MB，上限 "
                    f"{MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB），为安全起见已拒绝读取；请分成几个文件导入")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names:
                raise ExcelFileError(f"文件“{path.name}”不是 Excel 工作簿（缺少必要部件），或已损坏")
            for info in infos:
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    _check_xml_part(zf, info, path.name)
    except zipfile.BadZipFile as exc:
        raise ExcelFileError(damaged) from exc
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise ExcelFileError(damaged) from exc


def _check_xml_part(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    hostile = (f"文件“{name}”含有不安全的内容（XML 实体声明，可能是“XML 炸弹”），"
               "为安全起见已拒绝读取。请确认文件来源，或在 Excel/WPS 中另存为新文件后再导入")
    with zf.open(info) as fh:
        head = fh.read(4096)
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise ExcelFileError(hostile)
    if info.file_size <= 256 * 1024:
        try:
            SafeET.fromstring(zf.read(info), forbid_dtd=True)
        except DefusedXmlException as exc:
            raise ExcelFileError(hostile) from exc
        except SafeET.ParseError as exc:
            raise ExcelFileError(f"文件“{name}”已损坏（{info.filename} 不是有效的 XML），"
                                 "请在 Excel/WPS 中打开后另存为新的 .xlsx 再导入") from exc
