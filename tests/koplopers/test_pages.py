import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize("naam", ["home", "over", "privacy", "toegankelijkheid"])
def test_content_page_renders_in_dutch(client, naam):
    response = client.get(reverse(naam))

    assert response.status_code == 200
    assert response["Content-Language"] == "nl"
    assert b'<html lang="nl">' in response.content


@pytest.mark.django_db
def test_unknown_url_gives_dutch_404(client):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


@pytest.mark.django_db
def test_pages_carry_strict_content_security_policy(client):
    response = client.get(reverse("home"))

    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_500_page_renders_without_database(rf):
    from koplopers.views import serverfout

    response = serverfout(rf.get("/"))

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
