"""Query clean-up and safe highlighting, shared by every backend."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SNIPPET_WORDS = 30
# Private-use characters mark highlights in backend output, so the text around
# them can be escaped before the marks become <mark> tags.
MARK_START = "\ue000"
MARK_END = "\ue001"

RIGHT_QUOTE = "\u2019"
WORD = re.compile(rf"[^\W_]+(?:['{RIGHT_QUOTE}-][^\W_]+)*")
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "me",
        "my",
        "no",
        "not",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
    }
)


def normalise(query: str) -> str:
    """Return the query without control characters, spaces collapsed, bounded."""
    cleaned = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " " for ch in query or ""
    )
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH].strip()


def terms(query: str) -> list[str]:
    """Return the query's lower-case words, stop words dropped, at most 12."""
    found: list[str] = []
    for word in WORD.findall(query.lower()):
        if word not in STOPWORDS and word not in found:
            found.append(word)
    return found[:MAX_TERMS]


def stem(word: str) -> str:
    """Return a rough stem: enough to match "payslips" to "payslip" when marking."""
    word = word.lower().replace(RIGHT_QUOTE, "'")
    for suffix in ("'s", "ing", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _matches(word: str, stems: set[str]) -> bool:
    word_stem = stem(word)
    return any(
        word_stem == s or (len(s) >= 4 and word_stem.startswith(s)) for s in stems
    )


def snippet(texts: list[str], words: list[str]) -> SafeString:
    """Return escaped text around the first matched word, matches in <mark>.

    Look through ``texts`` in order and take about 30 words from the first one
    containing a match, or the start of the first non-empty text.
    """
    stems = {stem(w) for w in words if w}
    candidates = [t for t in texts if t and t.strip()]
    if not candidates:
        return SafeString("")
    for text in candidates:
        tokens = text.split()
        hit = next((i for i, tok in enumerate(tokens) if _has_match(tok, stems)), None)
        if hit is not None:
            start = max(0, hit - 8)
            return _render(tokens, start, stems)
    return _render(candidates[0].split(), 0, stems)


def _has_match(token: str, stems: set[str]) -> bool:
    return any(_matches(w, stems) for w in WORD.findall(token))


def _render(tokens: list[str], start: int, stems: set[str]) -> SafeString:
    window = tokens[start : start + SNIPPET_WORDS]
    marked = " ".join(
        WORD.sub(
            lambda m: (
                f"{MARK_START}{m.group()}{MARK_END}"
                if _matches(m.group(), stems)
                else m.group()
            ),
            token,
        )
        for token in window
    )
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return marks_to_html(f"{prefix}{marked}{suffix}")


def marks_to_html(marked: str) -> SafeString:
    """Escape text whose highlights are private-use marks; turn marks into <mark>.

    Anything else that looks like markup, including tags a backend added, ends
    up escaped, so the result is safe to show as HTML.
    """
    escaped = escape(marked.replace(MARK_START + MARK_END, ""))
    html = escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    opened = html.count("<mark>")
    if opened != html.count("</mark>"):
        html = html.replace("<mark>", "").replace("</mark>", "")
    return mark_safe(html)  # noqa: S308 - every character above was escaped
