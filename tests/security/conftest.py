import pytest

from tests.security.council import build_council


@pytest.fixture
def council(db):
    """Return a small council with one person per role; see build_council."""
    return build_council()
