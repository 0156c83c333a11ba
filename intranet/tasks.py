"""Background work of the intranet core: its outbox handlers, loaded with the worker."""

from intranet.password_reset.emails import email_deliver

# Importing the handler registers it for the outbox worker.
__all__ = ["email_deliver"]
