import pytest

from tests.intranet.factories import ServiceAreaPageFactory
from tests.knowledge.factories import KnowledgeArticlePageFactory, TopicFactory


@pytest.fixture
def knowledge(home_page):
    hr = ServiceAreaPageFactory(parent=home_page, title="HR")
    topic = TopicFactory(name="Leave")
    article = KnowledgeArticlePageFactory(parent=hr, title="Annual leave policy")
    article.topics.set([topic])
    article.save()
    return topic


def test_knowledge_index_and_topic_pages_have_no_violations(
    page, sign_in, axe_audit, staff_user, specialist_user, knowledge
):
    for user, role in ((staff_user, "staff"), (specialist_user, "specialist")):
        sign_in(user)
        for path in ("/knowledge/", f"/knowledge/topics/{knowledge.slug}/"):
            page.goto(path)
            assert page.get_by_role("link", name="Annual leave policy").count() == 1
            axe_audit(page, signed_in_as=role)
