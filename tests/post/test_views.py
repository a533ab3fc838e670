import pytest
from django.urls import reverse
from django.utils import timezone

from koplopers.post.models import Bericht
from tests.factories.post import BerichtFactory, MisluktBerichtFactory
from tests.selectie.test_views import staf_client

pytestmark = pytest.mark.django_db


def test_berichten_lists_failures_first_with_a_warning(client):
    staf_client(client)
    BerichtFactory(onderwerp="Gewoon verzonden", status=Bericht.Status.VERZONDEN, verzonden_op=timezone.now())
    MisluktBerichtFactory(onderwerp="Geweigerd bericht")
    BerichtFactory(onderwerp="Nog onderweg")

    antwoord = client.get(reverse("post:berichten"))

    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "1 bericht vraagt uw aandacht." in inhoud
    assert inhoud.index("Geweigerd bericht") < inhoud.index("Nog onderweg") < inhoud.index("Gewoon verzonden")
    assert reverse("post:opnieuw", args=[Bericht.objects.get(onderwerp="Geweigerd bericht").pk]) in inhoud


def test_berichten_filters_by_status_and_text(client):
    staf_client(client)
    MisluktBerichtFactory(onderwerp="Eerste", aan="a@example.nl")
    MisluktBerichtFactory(onderwerp="Tweede", aan="b@example.nl")
    BerichtFactory(onderwerp="Derde", aan="a@example.nl")

    antwoord = client.get(reverse("post:berichten"), {"status": "mislukt", "zoek": "a@example"})

    assert [b.onderwerp for b in antwoord.context["berichten"]] == ["Eerste"]


def test_berichten_unknown_filter_value_shows_everything_without_error(client):
    staf_client(client)
    BerichtFactory()

    antwoord = client.get(reverse("post:berichten"), {"status": "<script>", "pagina": "1"})

    assert antwoord.status_code == 200
    assert len(antwoord.context["berichten"]) == 1


@pytest.mark.parametrize("aantal", [1, 30])
def test_berichten_query_count_constant(client, django_assert_num_queries, aantal):
    staf_client(client)
    for _ in range(aantal):
        MisluktBerichtFactory()
    client.get(reverse("post:berichten"))  # warm the session

    with django_assert_num_queries(8):
        client.get(reverse("post:berichten"))


def test_opnieuw_asks_for_confirmation_then_requeues(client, django_capture_on_commit_callbacks, mailoutbox):
    staf_client(client)
    bericht = MisluktBerichtFactory()

    vraag = client.get(reverse("post:opnieuw", args=[bericht.pk]))
    assert "Ja, opnieuw versturen" in vraag.content.decode()
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.MISLUKT

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(reverse("post:opnieuw", args=[bericht.pk]), follow=True)

    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN
    assert len(mailoutbox) == 1
    assert "staat weer in de wachtrij" in antwoord.content.decode()


def test_opnieuw_for_sent_message_says_why_in_dutch(client):
    staf_client(client)
    bericht = BerichtFactory(status=Bericht.Status.VERZONDEN, verzonden_op=timezone.now())

    antwoord = client.post(reverse("post:opnieuw", args=[bericht.pk]), follow=True)

    assert "kan niet opnieuw worden verstuurd" in antwoord.content.decode()
    bericht.refresh_from_db()
    assert bericht.status == Bericht.Status.VERZONDEN


def test_opnieuw_unknown_message_is_404(client):
    staf_client(client)

    assert client.post(reverse("post:opnieuw", args=[999999])).status_code == 404
