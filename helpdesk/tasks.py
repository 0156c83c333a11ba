"""The helpdesk's Celery tasks module, which every worker imports when it starts.

Case emails need no task of their own: they are outbox messages, delivered by
`intranet.outbox`'s tasks through the handler `notifications` registers, so
importing it here makes every worker able to send them.
"""

from helpdesk import (
    notifications,  # noqa: F401
    tasks_bulk,  # noqa: F401  registers the bulk action handler
)
