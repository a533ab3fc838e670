"""Views for reviewers (:mod:`.beoordelaar`) and programme staff (:mod:`.staf`, :mod:`.export`)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from rules.contrib.views import PermissionRequiredMixin

from selectie.models import Ronde

from ..services import rondebeoordeling_voor


class TweestapsMixin(PermissionRequiredMixin):
    """Signed in (else to the login page), verified with a second factor (else 403), and the permission."""

    raise_exception = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_verified():
            raise PermissionDenied(_("Log in met uw tweede factor om verder te gaan."))
        return super().dispatch(request, *args, **kwargs)


class RondeMixin(TweestapsMixin):
    """A staff page of one round: ``self.ronde`` and ``self.rondebeoordeling``."""

    permission_required = "beoordeling.beheren"

    @cached_property
    def ronde(self) -> Ronde:
        return get_object_or_404(Ronde, slug=self.kwargs["slug"])

    @cached_property
    def rondebeoordeling(self):
        return rondebeoordeling_voor(ronde=self.ronde)

    def get_permission_object(self):
        return self.ronde

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(ronde=self.ronde, rb=self.rondebeoordeling)
        return context
