"""Form bits every app shares: a multiple-choice field that survives any id, and service errors on a form."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

# Integer primary keys beyond 64 bits cannot be looked up (SQLite raises OverflowError on them).
_GROOTSTE_ID = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing ids no database can hold with the usual "not a valid value" message.

    Django guards single lookups (``ModelChoiceField``) against huge integers, but not the ``__in``
    lookup of the multiple-choice field: ``?gemeenten=99999999999999999999`` was a server error.
    """

    def _check_values(self, value):
        sleutel = self.to_field_name or "pk"
        veld = self.queryset.model._meta.pk if sleutel == "pk" else self.queryset.model._meta.get_field(sleutel)
        if isinstance(veld, models.IntegerField | models.AutoField) and not isinstance(value, str | bytes):
            for waarde in value:
                try:
                    getal = int(str(waarde).strip())
                except ValueError:
                    continue  # the parent says "not a valid value"
                if not -_GROOTSTE_ID <= getal <= _GROOTSTE_ID:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": waarde}
                    )
        return super()._check_values(value)


def fout_toevoegen(form: forms.BaseForm, fout: ValidationError, veld: str | None = None, velden=None) -> None:
    """Put a service's ``ValidationError`` on ``form``.

    A dict of errors goes to the form fields with those names (``velden`` maps model field names to
    form field names, e.g. ``{"username": "email"}``); the rest, and a plain error, go to ``veld``
    (``None``: above the form).
    """
    velden = velden or {}
    if not hasattr(fout, "error_dict"):
        form.add_error(veld, fout)
        return
    for naam, fouten in fout.error_dict.items():
        naam = velden.get(naam, naam)
        form.add_error(naam if naam in form.fields else veld, fouten)
