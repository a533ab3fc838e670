"""Permission expectations for the accounts URLs (see tests/permissies.py)."""

VERWACHTINGEN = []
