"""The sync file format (check-out and return files), with its encryption.

Layout (all integers big-endian)::

    MAGIC (8 bytes "NLSYNC1\\n")
    header length (4 bytes) + header (UTF-8 JSON)
    ciphertext (AES-256-GCM; associated data = MAGIC + length + header, so the header is authenticated)
    checksum (32 bytes): SHA-256 of everything before it

The header holds format, kind ("checkout"/"return"), bundle id, community id, device id
and name, sequence number, base snapshot id, change range, schema version, the scrypt
parameters and salt, the nonce, a key check value (tells a wrong passphrase from a
tampered file) and the names of the sections.

The plaintext is zlib-compressed *named sections*: ``name length (2) name data length (8)
data`` repeated.  Extension point: a later feature adds its own section (e.g.
``attachments`` carrying only the file blobs the office does not have yet) by putting
bytes in :attr:`Bundle.sections` when exporting and registering a handler in
:data:`neighbourhood.sync.merge.SECTION_HANDLERS`; readers of this version ignore sections
they do not know, and list them in :attr:`Bundle.sections` untouched.

Writing goes to a temporary file that is fsynced, renamed, then read back and verified.
Every refusal raises :class:`SyncFileError` with a Chinese message.
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import os
import pathlib
import struct
import zlib
from typing import Any

from neighbourhood.errors import LedgerError

MAGIC = b"NLSYNC1\n"
FORMAT = 1
# scrypt cost: ~0.1 s and 32 MiB on an office PC.  Tests may lower it (kdf_n).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 1
_CHECK_LABEL = b"neighbourhood-ledger sync key check"
_HEADER_LIMIT = 1 << 20
# Caps on a return/check-out file and on what it unpacks to (photos travel inside, so they
# are generous); a file beyond them is refused before it is read or unpacked whole.
# Tests lower them.
MAX_FILE_BYTES = 1 << 30
MAX_CONTENT_BYTES = 2 << 30
_INFLATE_STEP = 4 << 20


class SyncFileError(LedgerError):
    """A sync file is damaged, altered, incomplete, for another community, or the passphrase is wrong."""


@dataclasses.dataclass
class Bundle:
    """A decoded sync file: its header fields and its named sections (bytes)."""
    kind: str
    bundle_id: str
    community_id: str
    device_id: str
    device_name: str = ""
    seq: int = 0
    base_snapshot_id: str = ""
    schema_version: int = 0
    created_at: str = ""
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)  # more header fields
    sections: dict[str, bytes] = dataclasses.field(default_factory=dict)

    def header(self) -> dict[str, Any]:
        return {"format": FORMAT, "kind": self.kind, "bundle_id": self.bundle_id,
                "community_id": self.community_id, "device_id": self.device_id,
                "device_name": self.device_name, "seq": self.seq,
                "base_snapshot_id": self.base_snapshot_id, "schema_version": self.schema_version,
                "created_at": self.created_at, "extra": self.extra}

    def json_section(self, name: str) -> Any:
        """A section decoded as JSON (decoded once: checking and merging both read it)."""
        cache = self.__dict__.setdefault("_decoded", {})
        if name not in cache:
            data = self.sections.get(name)
            cache[name] = None if data is None else json.loads(data.decode("utf-8"))
        return cache[name]


def derive_key(passphrase: str, salt: bytes, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    if not passphrase:
        raise SyncFileError("请输入同步口令。")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _key_check(key: bytes) -> str:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()[:16]


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB"


def _too_large(what: str, size: int, limit: int) -> SyncFileError:
    return SyncFileError(
        f"同步文件{what}过大（{_mb(size)}，上限 {_mb(limit)}），已拒绝导入，未做任何改动。"
        "请先确认选择的是社区台账的同步文件、文件没有损坏；若确是笔记本交回的文件，说明累积的照片和修改太多："
        "请在笔记本上删去不需要的照片后重新导出，今后请分几次、勤交回。")


def _too_large_to_write(size: int, limit: int) -> SyncFileError:
    return SyncFileError(f"要导出的同步文件过大（{_mb(size)}，上限 {_mb(limit)}），未写入任何文件。"
                         "请删去不需要的照片后重新导出；今后请分几次、勤交回，每次交回的内容就会少。")


def _inflate(data: bytes, limit: int) -> bytes:
    """zlib-decompress ``data`` in steps, refusing (SyncFileError) once the output passes
    ``limit``: a decompression bomb is stopped before it is allocated."""
    inflater = zlib.decompressobj()
    out = bytearray()
    pending = data
    while not inflater.eof:
        piece = inflater.decompress(pending, _INFLATE_STEP)
        pending = inflater.unconsumed_tail
        if not piece and not pending:
            break
        out += piece
        if len(out) > limit:
            raise _too_large("解压后的内容", len(out), limit)
    if not inflater.eof:
        raise zlib.error("incomplete compressed content")
    return bytes(out)


def _pack_sections(sections: dict[str, bytes]) -> bytes:
    out = bytearray()
    for name, data in sections.items():
        raw = name.encode("utf-8")
        out += struct.pack(">H", len(raw)) + raw + struct.pack(">Q", len(data)) + data
    return bytes(out)


def _unpack_sections(blob: bytes) -> dict[str, bytes]:
    sections: dict[str, bytes] = {}
    pos = 0
    while pos < len(blob):
        (n,) = struct.unpack_from(">H", blob, pos)
        name = blob[pos + 2:pos + 2 + n].decode("utf-8")
        pos += 2 + n
        (size,) = struct.unpack_from(">Q", blob, pos)
        pos += 8
        sections[name] = blob[pos:pos + size]
        pos += size
    return sections


def encode(bundle: Bundle, passphrase: str, *, kdf_n: int = SCRYPT_N) -> bytes:
    """The bytes of ``bundle`` encrypted under ``passphrase``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    key = derive_key(passphrase, salt, n=kdf_n)
    header = bundle.header()
    header.update({"kdf": {"name": "scrypt", "n": kdf_n, "r": SCRYPT_R, "p": SCRYPT_P,
                           "salt": base64.b64encode(salt).decode()},
                   "cipher": "AES-256-GCM", "nonce": base64.b64encode(nonce).decode(),
                   "key_check": _key_check(key), "sections": list(bundle.sections)})
    head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    prefix = MAGIC + struct.pack(">I", len(head)) + head
    plain = zlib.compress(_pack_sections(bundle.sections), 6)
    body = prefix + AESGCM(key).encrypt(nonce, plain, prefix)
    return body + hashlib.sha256(body).digest()


def read_header(data: bytes) -> dict[str, Any]:
    """The (unauthenticated) header of a sync file, after the checksum is verified."""
    if len(data) < len(MAGIC) + 4 or not data.startswith(MAGIC):
        raise SyncFileError("这不是社区台账的同步文件（文件开头不符），未做任何改动。")
    (size,) = struct.unpack_from(">I", data, len(MAGIC))
    if size > _HEADER_LIMIT or len(data) < len(MAGIC) + 4 + size + 16 + 32:
        raise SyncFileError("同步文件不完整（可能复制时中断），未做任何改动。请重新导出或重新复制该文件。")
    if hashlib.sha256(data[:-32]).digest() != data[-32:]:
        raise SyncFileError("同步文件已损坏或被改动（校验和不符），未做任何改动。请重新导出或重新复制该文件。")
    try:
        return json.loads(data[len(MAGIC) + 4:len(MAGIC) + 4 + size].decode("utf-8"))
    except ValueError as exc:
        raise SyncFileError("同步文件的文件头已损坏，未做任何改动。") from exc


def decode(data: bytes, passphrase: str) -> Bundle:
    """Verify, decrypt and parse a sync file.  Raises :class:`SyncFileError`."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(data) > MAX_FILE_BYTES:
        raise _too_large("", len(data), MAX_FILE_BYTES)
    header = read_header(data)
    if header.get("format") != FORMAT:
        raise SyncFileError(f"同步文件格式版本 {header.get('format')} 不受支持，请用同一版本的社区台账导出。")
    size = struct.unpack_from(">I", data, len(MAGIC))[0]
    prefix_end = len(MAGIC) + 4 + size
    try:
        kdf = header["kdf"]
        key = derive_key(passphrase, base64.b64decode(kdf["salt"]), n=int(kdf["n"]), r=int(kdf["r"]),
                         p=int(kdf["p"]))
        nonce = base64.b64decode(header["nonce"])
    except (KeyError, ValueError, TypeError) as exc:
        raise SyncFileError("同步文件的文件头已损坏，未做任何改动。") from exc
    if not hmac.compare_digest(_key_check(key), str(header.get("key_check", ""))):
        raise SyncFileError("同步口令不正确，无法打开此文件，未做任何改动。请核对导出时设置的口令。")
    try:
        plain = AESGCM(key).decrypt(nonce, data[prefix_end:-32], data[:prefix_end])
        sections = _unpack_sections(_inflate(plain, MAX_CONTENT_BYTES))
    except (InvalidTag, zlib.error, struct.error, UnicodeDecodeError) as exc:
        raise SyncFileError("同步文件内容被改动（加密校验失败），已拒绝导入，未做任何改动。") from exc
    return Bundle(kind=header["kind"], bundle_id=header["bundle_id"], community_id=header["community_id"],
                  device_id=header["device_id"], device_name=header.get("device_name", ""),
                  seq=int(header.get("seq", 0)), base_snapshot_id=header.get("base_snapshot_id", ""),
                  schema_version=int(header.get("schema_version", 0)),
                  created_at=header.get("created_at", ""), extra=header.get("extra", {}),
                  sections=sections)


def write(path: pathlib.Path, bundle: Bundle, passphrase: str, *, kdf_n: int = SCRYPT_N) -> pathlib.Path:
    """Write ``bundle`` to ``path`` safely: temp file, fsync, rename, read back and verify.

    The passphrase is checked again by the read-back, so a file that cannot be opened
    with it is never left in place of a good one.
    """
    path = pathlib.Path(path)
    content = sum(len(d) for d in bundle.sections.values())
    if content > MAX_CONTENT_BYTES:
        raise _too_large_to_write(content, MAX_CONTENT_BYTES)
    data = encode(bundle, passphrase, kdf_n=kdf_n)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large_to_write(len(data), MAX_FILE_BYTES)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)
    back = decode(path.read_bytes(), passphrase)
    if back.sections != bundle.sections or back.bundle_id != bundle.bundle_id:
        raise SyncFileError(f"写入 {path.name} 后读回校验失败，请换一个 U 盘或文件夹重试。")
    return path


def read(path: pathlib.Path, passphrase: str) -> Bundle:
    """Read and decode a sync file; one larger than MAX_FILE_BYTES is refused unread."""
    path = pathlib.Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_large("", size, MAX_FILE_BYTES)
        data = path.read_bytes()
    except FileNotFoundError:
        raise SyncFileError(f"找不到同步文件 {path}") from None
    return decode(data, passphrase)


def _fsync_dir(folder: pathlib.Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; the rename is durable enough there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
