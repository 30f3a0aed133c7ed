"""Sign-in, the person's own security pages, and people management (under /staff/)."""

from django.urls import path

from .views import account, notices, people, tokens

urlpatterns = [
    path("login/", account.SignIn.as_view(), name="login"),
    path("login/code/", account.sign_in_code, name="login-code"),
    path("logout/", account.SignOut.as_view(), name="logout"),
    # Django's admin signs in through the same two steps, never with a password alone; someone
    # signed in without the right to it is told so, not shown a login form again.
    path("admin/login/", account.admin_login),
    path("account/", account.security, name="account-security"),
    path("account/password/", account.ChangePassword.as_view(), name="account-password"),
    path("account/two-factor/", account.two_factor_setup, name="account-2fa-setup"),
    path("account/two-factor/off/", account.two_factor_off, name="account-2fa-off"),
    path("account/recovery-codes/", account.recovery_codes, name="account-recovery-codes"),
    path("account/digest/", account.digest_choice, name="account-digest"),
    path("account/tokens/", tokens.token_create, name="account-token-create"),
    path("account/tokens/<int:pk>/revoke/", tokens.token_revoke, name="account-token-revoke"),
    path("notices/", notices.notice_list, name="notices"),
    path("notices/read/", notices.notices_read, name="notices-read"),
    path("notices/<int:pk>/", notices.notice_open, name="notice-open"),
    path("people/", people.people_list, name="people"),
    path("people/invite/", people.person_invite, name="person-invite"),
    path("people/<int:pk>/", people.person_detail, name="person"),
    path("people/<int:pk>/roles/", people.person_roles, name="person-roles"),
    path("people/<int:pk>/active/", people.person_active, name="person-active"),
    path(
        "people/<int:pk>/second-factor/reset/",
        people.person_second_factor_reset,
        name="person-2fa-reset",
    ),
]
