from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils import translation


def test_blank_choice_label_is_dutch():
    with translation.override("nl"):
        assert str(BLANK_CHOICE_LABEL) == "– Kies een optie –"
