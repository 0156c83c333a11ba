"""Asking for a reset link, and setting a new password with one."""

from axes.utils import reset as lockout_reset
from django.contrib.auth import get_user_model
from django.db import transaction

from intranet.audit.models import AuditEntry
from intranet.audit.services import audit_record, client_ip
from intranet.password_reset import emails, limits
from intranet.sso.policy import local_sign_in_allowed


def accounts_for_email(email: str):
    """Return the accounts a reset link for `email` may go to.

    Active accounts with that address (in any case), a usable password, and the
    right to sign in with it.
    """
    candidates = get_user_model().objects.filter(email__iexact=email, is_active=True)
    return [
        user
        for user in candidates
        if user.has_usable_password() and local_sign_in_allowed(user)
    ]


def password_reset_request(*, email: str, request) -> int:
    """Send a reset link to each local account with this address; return how many.

    The caller shows the same page whatever the number, so that nobody learns
    whether an address has an account. Every request is audited.

    :raises limits.LimitReachedError: if the address or the account has asked
        too often; nothing is sent
    """
    email = email.strip()
    try:
        limits.request_count(email=email, address=client_ip(request))
    except limits.LimitReachedError:
        _audit(request, email, "refused: too many requests")
        raise
    with transaction.atomic():
        accounts = accounts_for_email(email)
        for user in accounts:
            emails.reset_link_queue(user=user)
        _audit(request, email, "link sent" if accounts else "no local account")
    return len(accounts)


def password_set(*, form, request):
    """Save the new password from a valid SetPasswordForm, audit it and tell the owner.

    Changing the password also ends the account's other sessions (their session
    hash no longer matches) and spends the link's token. A sign-in lockout on the
    account is lifted, so its owner can sign in with the new password at once.
    """
    with transaction.atomic():
        user = form.save()
        for identifier in {user.get_username(), user.email} - {""}:
            lockout_reset(username=identifier)
        audit_record(
            action=AuditEntry.Action.PASSWORD_RESET,
            actor=user,
            request=request,
            obj=user,
            detail={"stage": "password changed"},
        )
        emails.password_changed_queue(user=user)
    return user


def _audit(request, email: str, outcome: str) -> None:
    audit_record(
        action=AuditEntry.Action.PASSWORD_RESET,
        actor_label=email[:254],
        request=request,
        detail={"stage": "requested", "outcome": outcome},
    )
