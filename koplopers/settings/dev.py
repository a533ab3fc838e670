"""Local development: DEBUG on, a throwaway secret key, SQLite unless DATABASE_URL says otherwise."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403

DEMO_DATA_ALLOWED = True
