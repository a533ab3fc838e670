"""A self-test kept for later: only when its holder chose to, only behind a private link."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class BewaardeZelftestQuerySet(models.QuerySet):
    def geldig(self, nu):
        return self.filter(verloopt_op__gt=nu)


class BewaardeZelftest(models.Model):
    """Answers of one self-test, reachable only with the random token of its private link.

    Only the SHA-256 of the token is stored: a copy of the database opens no link. Nothing here names a
    municipality or a person.
    """

    token_hash = models.CharField(_("hash van de code"), max_length=64, unique=True, editable=False)
    antwoorden = models.JSONField(_("antwoorden"), default=dict)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    bijgewerkt = models.DateTimeField(_("laatst bijgewerkt"), auto_now=True)
    verloopt_op = models.DateTimeField(_("verloopt op"), db_index=True)

    objects = BewaardeZelftestQuerySet.as_manager()

    class Meta:
        verbose_name = _("bewaarde zelftest")
        verbose_name_plural = _("bewaarde zelftests")

    def __str__(self):
        return str(_("Bewaarde zelftest %(nummer)s") % {"nummer": self.pk})
