"""Celery tasks that deliver outbox messages; they take ids and hold no logic."""

from celery import shared_task

from . import delivery


@shared_task(name="intranet.outbox.deliver", acks_late=True, ignore_result=True)
def outbox_deliver_task(*, message_id: int) -> None:
    """Deliver one outbox message; a second run does nothing."""
    delivery.deliver(message_id)


@shared_task(name="intranet.outbox.deliver_many", acks_late=True, ignore_result=True)
def outbox_deliver_many_task(*, message_ids: list[int]) -> None:
    """Deliver the messages one change wrote, as one batch; a rerun does nothing."""
    delivery.deliver_many(message_ids)


@shared_task(name="intranet.outbox.sweep", ignore_result=True)
def outbox_sweep_task() -> None:
    """Queue every outbox message that is due and not being delivered."""
    delivery.sweep()
