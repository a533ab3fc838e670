from django.contrib.auth.hashers import PBKDF2PasswordHasher


class MeetbaarPBKDF2Hasher(PBKDF2PasswordHasher):
    """A hasher that costs tens of milliseconds, like the real one but without Argon2's 100 MB per hash:
    enough that a path which hashes and one which does not would differ clearly in time."""

    iterations = 40_000
