"""Queue index updates through the outbox when searchable objects change.

Every change becomes one "search.index" message naming the object; delivering
it re-reads the object and indexes or removes it, so publish, unpublish, edit
and delete all converge on the object's current state.
"""

import uuid

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from intranet import outbox

from . import indexing, registry

TOPIC = "search.index"


@outbox.handler(TOPIC)
def deliver_index_update(message) -> None:
    """Bring one object's search entries in line with its current state."""
    payload = message.payload
    indexing.search_index_object(
        object_type=payload["object_type"], object_id=int(payload["object_id"])
    )


def enqueue_index_update(*, object_type: str, object_id: int) -> None:
    """Store an index update in the caller's transaction (or a new one)."""
    with transaction.atomic():
        outbox.enqueue(
            topic=TOPIC,
            payload={"object_type": object_type, "object_id": object_id},
            dedupe_key=f"search:{object_type}:{object_id}:{uuid.uuid4().hex}",
        )


def _page_changed(sender, instance, **kwargs) -> None:
    document = registry.for_model(type(instance))
    if document is not None:
        enqueue_index_update(object_type=document.object_type, object_id=instance.pk)


def _object_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    # Pages are indexed when published, not on every draft save.
    if raw or issubclass(sender, Page):
        return
    document = registry.for_model(sender)
    if document is None:
        return
    if update_fields and set(update_fields) <= document.unsearched_fields:
        return
    enqueue_index_update(object_type=document.object_type, object_id=instance.pk)


def _object_deleted(sender, instance, **kwargs) -> None:
    document = registry.for_model(sender)
    if document is not None:
        enqueue_index_update(object_type=document.object_type, object_id=instance.pk)


def connect() -> None:
    """Connect the signal receivers; called once when the app is ready."""
    registry.discover()
    page_published.connect(_page_changed, dispatch_uid="search-page-published")
    page_unpublished.connect(_page_changed, dispatch_uid="search-page-unpublished")
    post_save.connect(_object_saved, dispatch_uid="search-object-saved")
    post_delete.connect(_object_deleted, dispatch_uid="search-object-deleted")
