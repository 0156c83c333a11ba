"""Where case attachments live: outside public media, never served directly."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=settings.PRIVATE_MEDIA_ROOT, base_url=None
        )


private_storage = _PrivateStorage()


def get_private_storage() -> FileSystemStorage:
    """Return the attachment storage; a callable keeps its path out of migrations."""
    return private_storage
