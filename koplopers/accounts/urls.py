from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="login"),
    path("uitloggen/", views.UitlogView.as_view(), name="logout"),
    path("wachtwoord-vergeten/", views.WachtwoordVergetenView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        views.WachtwoordVergetenVerstuurdView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.WachtwoordHerstellenView.as_view(),
        name="password_reset_confirm",
    ),
    path("wachtwoord-herstellen/klaar/", views.WachtwoordHersteldView.as_view(), name="password_reset_complete"),
    path("wachtwoord-wijzigen/", views.WachtwoordWijzigenView.as_view(), name="password_change"),
    path("wachtwoord-wijzigen/klaar/", views.WachtwoordGewijzigdView.as_view(), name="password_change_done"),
    path("", views.MijnAccountView.as_view(), name="mijn_account"),
    path("mijn-gemeente/", views.MijnGemeenteView.as_view(), name="mijn_gemeente"),
    path("tweestaps/", views.TweestapsView.as_view(), name="tweestaps"),
    path("tweestaps/instellen/", views.TweestapsInstellenView.as_view(), name="tweestaps_instellen"),
    path("tweestaps/uitschakelen/", views.TweestapsUitschakelenView.as_view(), name="tweestaps_uitschakelen"),
    path("tweestaps/reservecodes/", views.ReservecodesView.as_view(), name="reservecodes"),
    path("tweestaps/herstellen/", views.TweestapsHerstelLijstView.as_view(), name="tweestaps_herstel_lijst"),
    path("tweestaps/herstellen/<int:pk>/", views.TweestapsHerstellenView.as_view(), name="tweestaps_herstellen"),
    path("uitnodigen/", views.UitnodigenView.as_view(), name="uitnodigen"),
    path("uitnodigen/<int:pk>/intrekken/", views.UitnodigingIntrekkenView.as_view(), name="uitnodiging_intrekken"),
    path("uitnodiging/<str:token>/", views.UitnodigingAanvaardenView.as_view(), name="uitnodiging"),
    path("registreren/", views.RegistrerenView.as_view(), name="registreren"),
    path("registreren/verstuurd/", views.RegistratieVerstuurdView.as_view(), name="registratie_verstuurd"),
    path(
        "registreren/bevestigen/<uidb64>/<token>/",
        views.RegistratieBevestigenView.as_view(),
        name="registratie_bevestigen",
    ),
]
