"""Turn a raw RFC 822 message into plain facts: who, what, text and files.

Pure: no database. HTML bodies are sanitised with nh3 and turned into plain
text, so nothing a sender writes is ever rendered as HTML.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import getaddresses
from html.parser import HTMLParser

import nh3

MAX_SUBJECT = 200
# Tags that start a new line, and tags that stand apart as paragraphs.
_LINE_TAGS = frozenset({"br", "div", "li", "tr"})
_PARAGRAPH_TAGS = frozenset(
    {"p", "blockquote", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_KEPT_TAGS = _LINE_TAGS | _PARAGRAPH_TAGS | {"tbody", "td", "th"}


@dataclass(frozen=True)
class MailAttachment:
    name: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class ParsedMail:
    message_id: str
    sender: str
    sender_name: str
    subject: str
    text: str
    attachments: list[MailAttachment] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)


class _TextWriter(HTMLParser):
    """Collect the text of already-sanitised HTML, one line per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.quote_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _LINE_TAGS:
            self.parts.append("\n")
        elif tag in _PARAGRAPH_TAGS:
            self.parts.append("\n\n")
        if tag == "blockquote":
            self.quote_depth += 1

    def handle_endtag(self, tag):
        if tag == "blockquote":
            self.quote_depth = max(self.quote_depth - 1, 0)
        if tag in _PARAGRAPH_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        text = " ".join(data.split())
        if not text:
            return
        prefix = "> " * self.quote_depth
        if prefix and (not self.parts or self.parts[-1].endswith("\n")):
            text = prefix + text
        elif self.parts and not self.parts[-1].endswith(("\n", " ")):
            text = " " + text
        self.parts.append(text)


def html_to_text(markup: str) -> str:
    """Return the visible text of an HTML body; scripts and styles are dropped."""
    clean = nh3.clean(markup, tags=set(_KEPT_TAGS), attributes={})
    writer = _TextWriter()
    writer.feed(clean)
    writer.close()
    return _tidy("".join(writer.parts))


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    tidy, blank = [], False
    for line in lines:
        if not line.strip():
            blank = bool(tidy)
            continue
        if blank:
            tidy.append("")
            blank = False
        tidy.append(line)
    return "\n".join(tidy).strip()


def _decoded(part: EmailMessage) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeDecodeError, AssertionError):
        # An unknown or wrong charset label: Windows-1252 reads any byte and is
        # what mislabelled office mail almost always is.
        payload = part.get_payload(decode=True) or b""
        return payload.decode("cp1252", errors="replace")


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = _decoded(part)
    if part.get_content_subtype() == "html":
        return html_to_text(content)
    return _tidy(content)


def _attachments(message: EmailMessage) -> list[MailAttachment]:
    found = []
    for part in message.iter_attachments():
        if part.is_multipart():
            continue
        content = part.get_payload(decode=True) or b""
        name = part.get_filename() or "attachment"
        found.append(MailAttachment(name, part.get_content_type(), content))
    return found


def _sender(message: EmailMessage) -> tuple[str, str]:
    try:
        addresses = message["from"].addresses if message["from"] else ()
    except (AttributeError, IndexError, ValueError):
        addresses = ()
    if addresses:
        first: Address = addresses[0]
        return first.addr_spec.lower(), first.display_name
    pairs = getaddresses([str(message.get("from", ""))])
    name, address = pairs[0] if pairs else ("", "")
    return address.lower(), name


def mail_parse(raw: bytes) -> ParsedMail:
    """Parse a raw message; never raises for malformed mail, only reads less of it.

    A message without a Message-ID gets one made from a hash of its bytes, so
    the same message read twice is still recognised.
    """
    message = message_from_bytes(raw, policy=policy.default)
    message_id = str(message.get("message-id", "") or "").strip()
    if not message_id:
        message_id = f"<sha256.{hashlib.sha256(raw).hexdigest()}@inbound>"
    sender, sender_name = _sender(message)
    subject = " ".join(str(message.get("subject", "") or "").split())[:MAX_SUBJECT]
    headers = {name.lower(): str(value) for name, value in message.items()}
    return ParsedMail(
        message_id=message_id[:255],
        sender=sender,
        sender_name=sender_name,
        subject=subject,
        text=_body(message),
        attachments=_attachments(message),
        headers=headers,
    )
