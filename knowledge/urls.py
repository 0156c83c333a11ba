from django.urls import path

from knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("", views.article_index, name="index"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path(
        "articles/<int:article_id>/feedback/",
        views.article_feedback,
        name="feedback",
    ),
]
