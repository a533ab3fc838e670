/* Nomination form: a search-as-you-type filter over the municipality checkboxes, the list of what is
 * chosen, and no double submit by a double click. The form works fully without this script. */
(function () {
  "use strict";

  function normaal(tekst) {
    return (tekst || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  function gemeentekeuze(blok) {
    var zoekblok = blok.querySelector(".gemeentekeuze__zoek");
    var zoekveld = blok.querySelector("#gemeente-zoeken");
    var aantal = blok.querySelector("#gemeente-zoeken-aantal");
    var lijst = blok.querySelector(".gemeentekeuze__lijst");
    var gekozen = blok.querySelector("[data-gekozen]");
    if (!zoekblok || !zoekveld || !lijst) {
      return;
    }
    var items = Array.prototype.slice.call(lijst.querySelectorAll("li"));
    var teksten = {
      gevonden: blok.getAttribute("data-tekst-gevonden") || "{aantal}",
      geen: blok.getAttribute("data-tekst-geen") || "",
      niets: blok.getAttribute("data-tekst-niets-gekozen") || ""
    };
    zoekblok.hidden = false;

    function filteren() {
      var vraag = normaal(zoekveld.value);
      var zichtbaar = 0;
      items.forEach(function (item) {
        var vakje = item.querySelector("input");
        var past = !vraag || normaal(item.getAttribute("data-zoektekst")).indexOf(vraag) !== -1;
        item.hidden = !(past || vakje.checked);
        if (past) {
          zichtbaar += 1;
        }
      });
      if (!vraag) {
        aantal.textContent = "";
      } else if (zichtbaar === 0) {
        aantal.textContent = teksten.geen;
      } else {
        aantal.textContent = teksten.gevonden.replace("{aantal}", String(zichtbaar));
      }
    }

    function gekozenTonen() {
      if (!gekozen) {
        return;
      }
      gekozen.textContent = "";
      items.forEach(function (item) {
        var vakje = item.querySelector("input");
        if (vakje.checked) {
          var label = document.createElement("li");
          label.className = "label";
          label.textContent = item.querySelector("label").textContent;
          gekozen.appendChild(label);
        }
      });
      if (!gekozen.children.length && teksten.niets) {
        var leeg = document.createElement("li");
        leeg.textContent = teksten.niets;
        gekozen.appendChild(leeg);
      }
    }

    zoekveld.addEventListener("input", filteren);
    zoekveld.addEventListener("keydown", function (gebeurtenis) {
      if (gebeurtenis.key === "Enter") {
        // Enter in the search box must not send the form; it goes to the first match instead.
        gebeurtenis.preventDefault();
      }
      if (gebeurtenis.key === "Enter" || gebeurtenis.key === "ArrowDown") {
        var eerste = items.filter(function (item) { return !item.hidden; })[0];
        if (eerste) {
          gebeurtenis.preventDefault();
          eerste.querySelector("input").focus();
        }
      }
    });
    lijst.addEventListener("keydown", function (gebeurtenis) {
      if (gebeurtenis.key !== "ArrowDown" && gebeurtenis.key !== "ArrowUp") {
        return;
      }
      var zichtbaar = items.filter(function (item) { return !item.hidden; });
      var huidig = zichtbaar.indexOf(document.activeElement.closest("li"));
      if (huidig === -1) {
        return;
      }
      gebeurtenis.preventDefault();
      var volgende = huidig + (gebeurtenis.key === "ArrowDown" ? 1 : -1);
      if (volgende < 0) {
        zoekveld.focus();
      } else if (volgende < zichtbaar.length) {
        zichtbaar[volgende].querySelector("input").focus();
      }
    });
    lijst.addEventListener("change", gekozenTonen);
    gekozenTonen();
  }

  function eenmaalVersturen(formulier) {
    var bezig = false;
    formulier.addEventListener("submit", function (gebeurtenis) {
      if (bezig) {
        gebeurtenis.preventDefault();
        return;
      }
      bezig = true;
      formulier.setAttribute("aria-busy", "true");
    });
    window.addEventListener("pageshow", function () {
      bezig = false;
      formulier.removeAttribute("aria-busy");
    });
  }

  document.querySelectorAll("[data-gemeentekeuze]").forEach(gemeentekeuze);
  document.querySelectorAll("form[data-eenmaal]").forEach(eenmaalVersturen);

  var foutoverzicht = document.getElementById("foutoverzicht");
  if (foutoverzicht) {
    foutoverzicht.focus();
  }
})();
