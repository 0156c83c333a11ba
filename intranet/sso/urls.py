from django.urls import path

from intranet.sso import views

urlpatterns = [
    path("start/", views.SignInStartView.as_view(), name="sso-start"),
    path("callback/", views.SignInCallbackView.as_view(), name="sso-callback"),
    path("signed-out/", views.SignedOutView.as_view(), name="sso-signed-out"),
]
