from django.urls import path

from intranet.password_reset import views

urlpatterns = [
    path("", views.ResetRequestView.as_view(), name="password-reset"),
    path("sent/", views.ResetSentView.as_view(), name="password-reset-sent"),
    path(
        "<uidb64>/<token>/",
        views.ResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("done/", views.ResetCompleteView.as_view(), name="password-reset-complete"),
]
