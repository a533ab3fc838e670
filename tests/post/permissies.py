"""Permission expectations for the outbox pages (see tests/permissies.py)."""

from tests.factories.post import MisluktBerichtFactory
from tests.permissies import ROLLEN, Verwachting

ALLEEN_STAF = {
    "anoniem": 302,
    "ambtenaar_a": 403,
    "ambtenaar_b": 403,
    "belangenbehartiger": 403,
    "beoordelaar": 403,
    "staf": 200,
}

VERWACHTINGEN = [
    Verwachting("post:berichten", get=ALLEEN_STAF),
    Verwachting(
        "post:opnieuw",
        kwargs=lambda wereld: {"pk": MisluktBerichtFactory().pk},
        get=ALLEEN_STAF,
        post={**ALLEEN_STAF, "staf": 302},
    ),
]

assert set(ALLEEN_STAF) == set(ROLLEN)
