"""Email-in: mail to a service-area address becomes a case or a reply to one.

`parsing` and `rules` are pure; `services.mail_ingest` decides and writes;
`mailboxes` fetches mail from IMAP or a drop directory; `bounces` sends the
polite reply to unknown senders through the outbox.
"""
