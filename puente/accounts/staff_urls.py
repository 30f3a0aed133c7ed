"""Sign-in and the person's own security pages (under /staff/)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from puente.accounts import views

urlpatterns = [
    path("login/", views.SignIn.as_view(), name="login"),
    path("login/code/", views.sign_in_code, name="login-code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Django's admin signs in through the same two steps, never with a password alone; someone
    # signed in without the right to it is told so, not shown a login form again.
    path("admin/login/", views.admin_login),
    path("account/", views.security, name="account-security"),
    path("account/password/", views.ChangePassword.as_view(), name="account-password"),
    path("account/two-factor/", views.two_factor_setup, name="account-2fa-setup"),
    path("account/two-factor/off/", views.two_factor_off, name="account-2fa-off"),
    path("account/recovery-codes/", views.recovery_codes, name="account-recovery-codes"),
    path("account/digest/", views.digest_choice, name="account-digest"),
]
