"""Settings for the test suite: the normal settings in testing mode, with a fast hasher."""

import os

os.environ.setdefault("PUENTE_TESTING", "1")

from puente.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    MIDDLEWARE = ["puente.testserver.OneRequestAtATime", *MIDDLEWARE]  # noqa: F405
