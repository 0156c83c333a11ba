from django.urls import path

from helpdesk.views import attachments, case_actions, case_page

app_name = "helpdesk"

urlpatterns = [
    path(
        "attachments/<int:attachment_id>/",
        attachments.attachment_download,
        name="attachment-download",
    ),
    path("<str:reference>/", case_page.case_detail, name="case"),
    path("<str:reference>/reply-box/", case_page.reply_box, name="case-reply-box"),
    path("<str:reference>/claim/", case_actions.case_claim, name="case-claim"),
    path("<str:reference>/assign/", case_actions.case_assign, name="case-assign"),
    path("<str:reference>/transfer/", case_actions.case_transfer, name="case-transfer"),
    path(
        "<str:reference>/status/",
        case_actions.case_change_status,
        name="case-status",
    ),
    path("<str:reference>/link/", case_actions.case_link, name="case-link"),
    path("<str:reference>/merge/", case_actions.case_merge, name="case-merge"),
    path("<str:reference>/resolve/", case_actions.case_resolve, name="case-resolve"),
    path("<str:reference>/reply/", case_actions.case_reply, name="case-reply"),
    path("<str:reference>/note/", case_actions.case_note, name="case-note"),
    path(
        "<str:reference>/article/",
        case_actions.case_article_create,
        name="case-article",
    ),
]
