"""Checks on uploaded files: size, an allowlist of types, and what the bytes say.

A file passes only if its extension is allowed AND its content looks like that
type, so a program renamed to .pdf, or a web page renamed to .png, is refused.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 10
_SNIFF_BYTES = 8192
_HTML_START = re.compile(rb"^\s*<(!doctype|html|script|svg|\?xml|body|iframe)", re.I)


def _zip_has(upload: IO[bytes], required: str) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            return required in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _odt(upload: IO[bytes]) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive, archive.open("mimetype") as entry:
            declared = entry.read(100)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    return declared == b"application/vnd.oasis.opendocument.text"


def _text(content: bytes) -> bool:
    if b"\x00" in content or _HTML_START.match(content.removeprefix(b"\xef\xbb\xbf")):
        return False
    # Spreadsheets saved on Windows often write Windows-1252 rather than UTF-8.
    for encoding in ("utf-8", "cp1252"):
        try:
            content.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


@dataclass(frozen=True)
class FileType:
    content_type: str
    label: str
    magic: tuple[bytes, ...] = ()
    check: Callable[[IO[bytes]], bool] | None = None
    is_text: bool = False


_OOXML = "application/vnd.openxmlformats-officedocument"
ALLOWED_TYPES: dict[str, FileType] = {
    "pdf": FileType("application/pdf", "PDF", magic=(b"%PDF-",)),
    "png": FileType("image/png", "PNG image", magic=(b"\x89PNG\r\n\x1a\n",)),
    "jpg": FileType("image/jpeg", "JPEG image", magic=(b"\xff\xd8\xff",)),
    "jpeg": FileType("image/jpeg", "JPEG image", magic=(b"\xff\xd8\xff",)),
    "gif": FileType("image/gif", "GIF image", magic=(b"GIF87a", b"GIF89a")),
    "docx": FileType(
        f"{_OOXML}.wordprocessingml.document",
        "Word document",
        magic=(b"PK\x03\x04",),
        check=lambda f: _zip_has(f, "word/document.xml"),
    ),
    "xlsx": FileType(
        f"{_OOXML}.spreadsheetml.sheet",
        "Excel spreadsheet",
        magic=(b"PK\x03\x04",),
        check=lambda f: _zip_has(f, "xl/workbook.xml"),
    ),
    "odt": FileType(
        "application/vnd.oasis.opendocument.text",
        "OpenDocument text",
        magic=(b"PK\x03\x04",),
        check=_odt,
    ),
    "txt": FileType("text/plain", "text file", is_text=True),
    "csv": FileType("text/csv", "CSV file", is_text=True),
}


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed every check, with what the checks learned about it."""

    upload: IO[bytes]
    name: str
    content_type: str
    size: int
    sha256: str


def max_bytes() -> int:
    return getattr(settings, "HELPDESK_MAX_ATTACHMENT_BYTES", DEFAULT_MAX_BYTES)


def safe_name(name: str) -> str:
    """Return the file's own name without folders, control characters or quotes."""
    base = PurePath(str(name).replace("\\", "/")).name
    base = unicodedata.normalize("NFC", base)
    base = "".join(
        char
        for char in base
        if unicodedata.category(char)[0] != "C" and char not in '"<>|:*?/'
    )
    base = base.strip(" .")
    if len(base) > 150:
        stem, dot, extension = base.rpartition(".")
        base = f"{stem[: 150 - len(extension) - 1]}{dot}{extension}"
    return base


def _refuse(message: str) -> ValidationError:
    return ValidationError({"attachments": message})


def attachment_check(upload) -> CheckedFile:
    """Return the upload's checked details if it may be attached to a case.

    :raises ValidationError: on ``attachments``, saying which file and why
    """
    name = safe_name(getattr(upload, "name", "") or "")
    if not name:
        raise _refuse("Each file needs a name.")
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    file_type = ALLOWED_TYPES.get(extension)
    if file_type is None:
        allowed = ", ".join(sorted({f".{ext}" for ext in ALLOWED_TYPES}))
        raise _refuse(f"{name} is not an allowed type. Allowed types: {allowed}.")
    size = upload.size
    if size > max_bytes():
        raise _refuse(
            f"{name} is {filesizeformat(size)}; files must be smaller than "
            f"{filesizeformat(max_bytes())}."
        )
    if size == 0:
        raise _refuse(f"{name} is empty.")
    upload.seek(0)
    head = upload.read(size if file_type.is_text else _SNIFF_BYTES)
    upload.seek(0)
    looks_right = _text(head) if file_type.is_text else head.startswith(file_type.magic)
    if looks_right and file_type.check is not None:
        looks_right = file_type.check(upload)
        upload.seek(0)
    if not looks_right:
        raise _refuse(
            f"{name} does not look like a {file_type.label}. Check the file and "
            "try again."
        )
    digest = hashlib.sha256()
    for chunk in iter(lambda: upload.read(65536), b""):
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(
        upload=upload,
        name=name,
        content_type=file_type.content_type,
        size=size,
        sha256=digest.hexdigest(),
    )


def attachments_check(uploads: Iterable) -> list[CheckedFile]:
    """Check every upload before any is saved, so a refusal saves nothing.

    :raises ValidationError: on ``attachments`` for the first file refused
    """
    uploads = list(uploads)
    if len(uploads) > MAX_FILES:
        raise _refuse(f"Attach at most {MAX_FILES} files at a time.")
    return [attachment_check(upload) for upload in uploads]
