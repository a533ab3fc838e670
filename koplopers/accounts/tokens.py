"""Tokens for links in e-mails."""

import hashlib
import secrets

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class RegistratieTokenGenerator(PasswordResetTokenGenerator):
    """Confirms a self-registered advocate's e-mail address; invalid once the account is active."""

    key_salt = "koplopers.accounts.tokens.RegistratieTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.password}{user.email}{user.is_active}{timestamp}"


registratie_token = RegistratieTokenGenerator()


def nieuw_uitnodigingstoken() -> tuple[str, str]:
    """A random token for an invitation link and the hash that is stored (the token itself is not)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
