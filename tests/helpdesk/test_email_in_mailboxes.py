"""Reading mail from a drop directory and from IMAP, by command and by task.

The IMAP source is tested against a small stand-in for an ``imaplib`` connection
that keeps messages and their \\Seen flags in memory, the way a server would.
"""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from helpdesk import tasks_email
from helpdesk.email_in import mailboxes
from helpdesk.models import Case, InboundMailbox, InboundMessage
from tests.intranet.factories import service_area

CORPUS = Path(__file__).parent / "mail_corpus"


@pytest.fixture
def drop(desk, tmp_path):
    for name in ("plain.eml", "multipart.eml", "unknown_sender.eml"):
        shutil.copy(CORPUS / name, tmp_path / name)
    (tmp_path / "notes.txt").write_text("not mail")
    return InboundMailbox.objects.create(
        service_area=service_area("hr"),
        address="hr@avonford.gov.uk",
        kind=InboundMailbox.Kind.DIRECTORY,
        folder=str(tmp_path),
        default_request_type=desk.hr_query,
    )


def test_mailbox_poll_directory_processes_eml_files_and_moves_them(drop, tmp_path):
    result = mailboxes.mailbox_poll(mailbox=drop, now=timezone.now)

    assert result.processed == 3
    assert result.outcomes == {"bounced": 1, "case_created": 2}
    assert Case.objects.count() == 2
    assert sorted(p.name for p in (tmp_path / "processed").iterdir()) == [
        "multipart.eml",
        "plain.eml",
        "unknown_sender.eml",
    ]
    assert sorted(p.name for p in tmp_path.glob("*.eml")) == []
    assert (tmp_path / "notes.txt").exists()


def test_mailbox_poll_directory_moves_a_failing_message_to_failed(
    drop, tmp_path, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(mailboxes.services, "mail_ingest", broken)

    result = mailboxes.mailbox_poll(mailbox=drop, now=timezone.now)

    assert (result.processed, result.failed) == (0, 3)
    assert len(list((tmp_path / "failed").iterdir())) == 3


def test_mail_ingest_command_reports_per_mailbox(drop):
    out = StringIO()

    call_command("mail_ingest", stdout=out)

    assert "hr@avonford.gov.uk: 3 processed, 0 failed" in out.getvalue()
    assert Case.objects.count() == 2


def test_mail_ingest_command_skips_disabled_and_missing_mailboxes(drop, tmp_path):
    drop.enabled = False
    drop.save()
    InboundMailbox.objects.create(
        service_area=service_area("finance"),
        address="finance@avonford.gov.uk",
        kind=InboundMailbox.Kind.DIRECTORY,
        folder=str(tmp_path / "missing"),
        default_request_type=drop.default_request_type,
    )
    out = StringIO()

    call_command("mail_ingest", stdout=out)

    assert "No enabled mailbox could be read." in out.getvalue()
    assert not Case.objects.exists()


def test_mail_ingest_task_polls_every_mailbox(drop):
    result = tasks_email.mail_ingest_task.delay().get()

    assert result == {"hr@avonford.gov.uk": 3}
    assert InboundMessage.objects.count() == 3


class FakeImap:
    """An IMAP server's folder, answering the few commands the source uses."""

    def __init__(self, messages: dict[bytes, bytes]):
        self.messages = messages
        self.seen: set[bytes] = set()
        self.calls: list[tuple] = []

    def __call__(self, host, port, timeout):
        self.calls.append(("connect", host, port, timeout))
        return self

    def login(self, user, password):
        self.calls.append(("login", user, password))
        return "OK", [b"Logged in"]

    def select(self, folder):
        self.calls.append(("select", folder))
        return "OK", [str(len(self.messages)).encode()]

    def uid(self, command, *args):
        if command == "SEARCH":
            unseen = [uid for uid in self.messages if uid not in self.seen]
            return "OK", [b" ".join(unseen)]
        if command == "FETCH":
            uid, what = args
            assert what == "(BODY.PEEK[])"
            return "OK", [
                (uid + b" (UID " + uid + b" BODY[] {1}", self.messages[uid]),
                b")",
            ]
        if command == "STORE":
            uid, _, flags = args
            assert flags == "(\\Seen)"
            self.seen.add(uid.encode())
            return "OK", []
        raise AssertionError(command)

    def logout(self):
        self.calls.append(("logout",))
        return "BYE", []


@pytest.fixture
def imap_box(desk):
    return InboundMailbox.objects.create(
        service_area=service_area("hr"),
        address="hr-imap@avonford.gov.uk",
        kind=InboundMailbox.Kind.IMAP,
        host="imap.avonford.gov.uk",
        username="hr-intake",
        password_env="HR_IMAP_PASSWORD",
        default_request_type=desk.hr_query,
    )


def test_imap_source_ingests_unseen_mail_and_marks_it_seen(imap_box, monkeypatch):
    monkeypatch.setenv("HR_IMAP_PASSWORD", "s3cret")
    server = FakeImap(
        {
            b"7": (CORPUS / "plain.eml").read_bytes(),
            b"8": (CORPUS / "auto_reply.eml").read_bytes(),
        }
    )
    source = mailboxes.ImapSource(imap_box, connect=server)

    result = mailboxes.mailbox_poll(mailbox=imap_box, now=timezone.now, source=source)
    again = mailboxes.mailbox_poll(
        mailbox=imap_box,
        now=timezone.now,
        source=mailboxes.ImapSource(imap_box, connect=server),
    )

    assert result.outcomes == {"case_created": 1, "ignored_auto_reply": 1}
    assert server.seen == {b"7", b"8"}
    assert again.processed == 0
    assert ("login", "hr-intake", "s3cret") in server.calls
    assert server.calls[-1] == ("logout",)
    assert Case.objects.count() == 1


def test_imap_source_leaves_failed_mail_unseen(imap_box, monkeypatch):
    monkeypatch.setenv("HR_IMAP_PASSWORD", "s3cret")
    monkeypatch.setattr(
        mailboxes.services,
        "mail_ingest",
        lambda **kwargs: (_ for _ in ()).throw(RuntimeError("boom")),
    )
    server = FakeImap({b"7": (CORPUS / "plain.eml").read_bytes()})

    result = mailboxes.mailbox_poll(
        mailbox=imap_box,
        now=timezone.now,
        source=mailboxes.ImapSource(imap_box, connect=server),
    )

    assert result.failed == 1
    assert server.seen == set()


def test_imap_source_without_password_is_a_clear_configuration_error(
    imap_box, monkeypatch
):
    monkeypatch.delenv("HR_IMAP_PASSWORD", raising=False)

    with pytest.raises(
        Exception, match="Set the environment variable HR_IMAP_PASSWORD"
    ):
        mailboxes.mailbox_poll(
            mailbox=imap_box,
            now=timezone.now,
            source=mailboxes.ImapSource(imap_box, connect=FakeImap({})),
        )
