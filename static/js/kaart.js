/*
 * Koploperportaal – the Leaflet maps.
 *
 * Two modes, chosen by the configuration the page hands over with json_script (id "kaart-config"):
 *  - "overzicht": all municipalities from the GeoJSON endpoint (same filters as the page), the
 *    koplopers highlighted, each koploper clickable and keyboard reachable, opening a popup;
 *    a region is one koploper: its member municipalities share one popup and one keyboard stop;
 *  - "enkel": the municipality or region of one profile, drawn from the configuration itself, on top
 *    of the surrounding municipalities in grey (from the same GeoJSON endpoint).
 * Escape closes an open popup and returns the focus to the koploper it belongs to.
 * Without tiles (offline) the boundaries still draw on a plain background. No inline script, no
 * inline style: everything visual lives in kaart.css (Leaflet sets positions through the CSSOM).
 */
(function () {
  "use strict";

  var configElement = document.getElementById("kaart-config");
  if (!configElement || typeof window.L === "undefined") {
    return; // No map on this page, or Leaflet did not load: the page works without it.
  }
  var config = JSON.parse(configElement.textContent);
  var container = document.getElementById(config.container);
  if (!container) {
    return;
  }
  var teksten = config.teksten || {};

  function meld(tekst) {
    var status = document.getElementById(config.container + "-status");
    if (status) {
      status.textContent = tekst;
      status.hidden = false;
    }
  }

  function maakKaart() {
    var melding = container.querySelector(".kaart__zonder-js");
    if (melding) {
      melding.remove();
    }
    container.classList.add("kaart--actief");
    var kaart = L.map(container, {
      center: config.centrum,
      zoom: config.zoom,
      minZoom: config.minZoom,
      maxZoom: config.maxZoom,
      zoomControl: false,
      zoomSnap: 0.25,
      scrollWheelZoom: config.modus !== "enkel"
    });
    L.control.zoom({ zoomInTitle: teksten.inzoomen, zoomOutTitle: teksten.uitzoomen }).addTo(kaart);
    kaart.attributionControl.addAttribution(config.grensattributie);
    kaart.on("popupopen", function (event) {
      var sluiten = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (sluiten) {
        sluiten.setAttribute("aria-label", teksten.sluiten);
        sluiten.setAttribute("title", teksten.sluiten);
      }
    });
    container.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && kaart._popup && kaart.hasLayer(kaart._popup)) {
        event.preventDefault();
        kaart.closePopup();
      }
    });
    (config.tegels || []).forEach(function (tegel) {
      voegTegelsToe(kaart, tegel);
    });
    return kaart;
  }

  // Tiles come from outside (PDOK). When none load at all, stop asking: the boundaries are drawn
  // on the plain background of the map container instead.
  function voegTegelsToe(kaart, tegel) {
    var laag = L.tileLayer(tegel.url, { attribution: tegel.attributie, maxZoom: config.maxZoom });
    var geladen = 0;
    var fouten = 0;
    laag.on("tileload", function () {
      geladen += 1;
    });
    laag.on("tileerror", function () {
      fouten += 1;
      if (geladen === 0 && fouten >= 4 && kaart.hasLayer(laag)) {
        kaart.removeLayer(laag);
        container.classList.add("kaart--zonder-tegels");
      }
    });
    laag.addTo(kaart);
  }

  function element(tag, klasse, tekst) {
    var el = document.createElement(tag);
    if (klasse) {
      el.className = klasse;
    }
    if (tekst) {
      el.textContent = tekst;
    }
    return el;
  }

  // Built with DOM methods and textContent: names from the database never become HTML.
  function popupInhoud(p) {
    var inhoud = element("div", "kaartpopup");
    inhoud.appendChild(element("p", "kaartpopup__naam", p.naam));
    if (p.koploper_naam && p.koploper_naam !== p.naam) {
      inhoud.appendChild(element("p", "kaartpopup__regio", teksten.onderdeel_van + " " + p.koploper_naam));
    }
    if (p.rondes && p.rondes.length) {
      inhoud.appendChild(element("p", "kaartpopup__rondes", teksten.rondes + ": " + p.rondes.join(", ")));
    } else if (p.deelname) {
      inhoud.appendChild(element("p", "kaartpopup__rondes", teksten.deelname + ": " + p.deelname));
    }
    var link = element("a", "kaartpopup__link", teksten.profiel.replace("%(naam)s", p.koploper_naam || p.naam));
    link.href = p.url;
    var alinea = element("p");
    alinea.appendChild(link);
    inhoud.appendChild(alinea);
    return inhoud;
  }

  // Make a koploper's boundary a keyboard-reachable button that opens its popup. A region's other
  // member municipalities open the same popup with the mouse but are no extra keyboard stop.
  function maakBedienbaar(laag, p, eerste) {
    var pad = laag.getElement();
    if (!pad) {
      return;
    }
    pad.setAttribute("data-koploper", p.slug);
    if (!eerste) {
      pad.setAttribute("aria-hidden", "true");
      return;
    }
    pad.setAttribute("tabindex", "0");
    pad.setAttribute("role", "button");
    pad.setAttribute("aria-label", p.koploper_naam || p.naam);
    pad.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") {
        return;
      }
      event.preventDefault();
      laag.once("popupopen", function (e) {
        var link = e.popup.getElement().querySelector(".kaartpopup__link");
        if (link) {
          link.focus();
        }
      });
      laag.once("popupclose", function () {
        pad.focus();
      });
      laag.openPopup();
    });
  }

  // A region's popup names the region, not the member that happens to carry it.
  function regioProperties(p) {
    if (!p.koploper_naam || p.koploper_naam === p.naam) {
      return p;
    }
    var kopie = {};
    Object.keys(p).forEach(function (sleutel) {
      kopie[sleutel] = p[sleutel];
    });
    kopie.naam = p.koploper_naam;
    return kopie;
  }

  function tekenOverzicht(kaart) {
    fetch(config.geojson, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
      .then(function (antwoord) {
        if (!antwoord.ok) {
          throw new Error("HTTP " + antwoord.status);
        }
        return antwoord.json();
      })
      .then(function (data) {
        var gewoon = data.features.filter(function (f) {
          return !f.properties.koploper;
        });
        var koplopers = data.features.filter(function (f) {
          return f.properties.koploper;
        });
        var gemeenten = L.geoJSON(
          { type: "FeatureCollection", features: gewoon },
          { interactive: false, style: { className: "gemeente", weight: 1 } }
        ).addTo(kaart);
        // One popup per koploper: a region's members all open the popup of the region, anchored on
        // the member that keyboard users reach.
        var eersteLaag = {};
        L.geoJSON(
          { type: "FeatureCollection", features: koplopers },
          {
            style: { className: "gemeente gemeente--koploper", weight: 1.5 },
            onEachFeature: function (feature, laag) {
              var p = feature.properties;
              var eerste = !eersteLaag[p.slug];
              if (eerste) {
                eersteLaag[p.slug] = laag;
                laag.bindPopup(popupInhoud(regioProperties(p)), { maxWidth: 280 });
              } else {
                laag.on("click", function () {
                  eersteLaag[p.slug].openPopup();
                });
              }
              laag.on("add", function () {
                maakBedienbaar(laag, p, eerste);
              });
            }
          }
        ).addTo(kaart);
        container.setAttribute("data-koplopers", String(Object.keys(eersteLaag).length));
        if (gemeenten.getLayers().length) {
          kaart.fitBounds(gemeenten.getBounds());
        }
        container.setAttribute("data-geladen", String(data.features.length));
      })
      .catch(function () {
        meld(teksten.laadfout);
      });
  }

  function tekenGebied(kaart) {
    var gebied = L.geoJSON(config.gebied, {
      interactive: false,
      style: { className: "gemeente gemeente--koploper", weight: 2 }
    }).addTo(kaart);
    kaart.fitBounds(gebied.getBounds(), { padding: [24, 24], maxZoom: 10 });
    container.setAttribute("data-geladen", String(gebied.getLayers().length));
    if (!config.omgeving) {
      return;
    }
    var eigen = {};
    config.gebied.features.forEach(function (f) {
      eigen[f.properties.naam] = true;
    });
    fetch(config.omgeving, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
      .then(function (antwoord) {
        if (!antwoord.ok) {
          throw new Error("HTTP " + antwoord.status);
        }
        return antwoord.json();
      })
      .then(function (data) {
        var omgeving = L.geoJSON(
          {
            type: "FeatureCollection",
            features: data.features.filter(function (f) {
              return !eigen[f.properties.naam];
            })
          },
          { interactive: false, style: { className: "gemeente gemeente--omgeving", weight: 1 } }
        ).addTo(kaart);
        gebied.bringToFront();
        container.setAttribute("data-omgeving", String(omgeving.getLayers().length));
      })
      .catch(function () {
        // The surroundings are decoration: the koploper itself is already drawn.
      });
  }

  var kaart = maakKaart();
  if (config.modus === "enkel") {
    tekenGebied(kaart);
  } else {
    tekenOverzicht(kaart);
  }
})();
