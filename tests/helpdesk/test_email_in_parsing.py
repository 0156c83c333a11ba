"""Parsing inbound mail and the pure rules about it: no database needed."""

from pathlib import Path

import pytest

from helpdesk.email_in import parsing, rules

CORPUS = Path(__file__).parent / "mail_corpus"


def parse(name: str) -> parsing.ParsedMail:
    return parsing.mail_parse((CORPUS / name).read_bytes())


def test_mail_parse_plain_text_lowercases_the_sender():
    mail = parse("plain.eml")

    assert mail.sender == "rita.requester@avonford.gov.uk"
    assert mail.sender_name == "Rita Requester"
    assert mail.subject == "My payslip is missing overtime"
    assert mail.message_id == "<plain-1@mail.avonford.gov.uk>"
    assert mail.text.startswith("Hello HR,\n\nMy June payslip is missing 6 hours")


def test_mail_parse_multipart_prefers_the_plain_part():
    mail = parse("multipart.eml")

    assert mail.text == "Please renew my parking permit for the Civic Centre."


def test_mail_parse_html_only_is_sanitised_to_text():
    mail = parse("html_script.eml")

    assert "Could I move to the second floor desk?" in mail.text
    assert "It's nearer the lift & the kitchen." in mail.text
    assert "Monday\nTuesday" in mail.text
    for unsafe in ("alert", "stolen", "color: red", "<", "evil.example", "steal"):
        assert unsafe not in mail.text


def test_html_to_text_keeps_quotes_marked():
    text = parsing.html_to_text(
        "<p>Yes please.</p><blockquote><p>Shall we book it?</p></blockquote>"
    )

    assert text == "Yes please.\n\n> Shall we book it?"


def test_mail_parse_reads_attachments():
    mail = parse("attachments.eml")

    assert [(a.name, a.content[:5]) for a in mail.attachments] == [
        ("receipts.pdf", b"%PDF-"),
        ("claim-tool.exe", b"MZ\x90\x00\x03"),
    ]
    assert mail.text == "My receipts are attached."


@pytest.mark.parametrize(
    ("name", "subject", "text"),
    [
        (
            "latin1.eml",
            "Café allowance",
            "Is the café allowance still £5 a day? Regards, Renée",
        ),
        (
            "windows1252.eml",
            "Training budget",
            'The course costs €200 \u2013 is that "within budget"? It\u2019s “urgent”.',
        ),
    ],
)
def test_mail_parse_decodes_non_utf8_charsets(name, subject, text):
    mail = parse(name)

    assert (mail.subject, mail.text) == (subject, text)


def test_mail_parse_mislabelled_charset_falls_back():
    raw = (
        b"From: a@avonford.gov.uk\r\nSubject: x\r\nMessage-ID: <m@x>\r\n"
        b"Content-Type: text/plain; charset=no-such-charset\r\n\r\nCaf\xe9\r\n"
    )

    assert parsing.mail_parse(raw).text == "Café"


def test_mail_parse_without_message_id_uses_a_stable_hash():
    raw = b"From: a@avonford.gov.uk\r\nSubject: x\r\n\r\nHello\r\n"

    first, second = parsing.mail_parse(raw), parsing.mail_parse(raw)

    assert first.message_id == second.message_id
    assert first.message_id.startswith("<sha256.")


def test_mail_parse_garbage_does_not_raise():
    mail = parsing.mail_parse(b"\x00\xff not an email at all")

    assert mail.sender == ""


@pytest.mark.parametrize(
    ("headers", "sender", "reason"),
    [
        ({"auto-submitted": "auto-replied"}, "a@x.uk", "Auto-Submitted"),
        ({"auto-submitted": "auto-generated"}, "a@x.uk", "Auto-Submitted"),
        ({"precedence": "bulk"}, "a@x.uk", "Precedence"),
        ({"precedence": "junk"}, "a@x.uk", "Precedence"),
        ({"precedence": "list"}, "a@x.uk", "Precedence"),
        ({"x-autoreply": "yes"}, "a@x.uk", "x-autoreply"),
        ({"x-auto-response-suppress": "All"}, "a@x.uk", "x-auto-response"),
        ({"return-path": "<>"}, "a@x.uk", "Return-Path"),
        ({}, "MAILER-DAEMON@x.uk", "automatic sender"),
        ({}, "", "automatic sender"),
    ],
)
def test_auto_reply_reason_spots_machine_mail(headers, sender, reason):
    assert reason in rules.auto_reply_reason(headers=headers, sender=sender)


def test_auto_reply_reason_passes_a_person():
    headers = {"auto-submitted": "no", "precedence": "normal"}

    assert rules.auto_reply_reason(headers=headers, sender="rita@x.uk") is None


@pytest.mark.parametrize(
    ("headers", "sender"),
    [
        ({"x-intranet-loop": "support@avonford.gov.uk"}, "someone@x.uk"),
        ({"x-loop": "HR@avonford.gov.uk"}, "someone@x.uk"),
        ({}, "Support@Avonford.gov.uk"),
    ],
)
def test_loop_reason_spots_our_own_mail(headers, sender):
    own = {"support@avonford.gov.uk", "hr@avonford.gov.uk"}

    assert rules.loop_reason(headers=headers, sender=sender, own_addresses=own)


def test_loop_reason_passes_other_mail():
    assert (
        rules.loop_reason(
            headers={}, sender="rita@x.uk", own_addresses={"hr@avonford.gov.uk"}
        )
        is None
    )


@pytest.mark.parametrize(
    ("subject", "reference"),
    [
        ("Re: [HR-000123] My payslip", "HR-000123"),
        ("RE: FW: [LEG-000001] Contract", "LEG-000001"),
        ("About DIG-004567 please", "DIG-004567"),
        ("My payslip is wrong", None),
        ("Room HR-12 booking", None),
        ("", None),
    ],
)
def test_reference_find(subject, reference):
    assert rules.reference_find(subject) == reference


@pytest.mark.parametrize(
    "text",
    [
        "Thanks, done.\n\nOn Mon, 1 Jun 2026 at 11:00, Sid <s@x.uk> wrote:\n> Hi",
        "Thanks, done.\n\nOn Mon, 1 Jun 2026 at 11:00, Sid <s@x.uk>\nwrote:\n> Hi",
        "Thanks, done.\n-----Original Message-----\nFrom: Sid\nHi",
        "Thanks, done.\n________________________________\nFrom: Sid <s@x.uk>\nHi",
        "> Hi\nThanks, done.\n> quoted",
    ],
)
def test_quoted_history_trim_keeps_only_the_new_text(text):
    assert rules.quoted_history_trim(text) == "Thanks, done."
