/* Selection workspace: save a decision without reloading and refresh the constraint check.
   Progressive enhancement: without this script every form posts and the page reloads. */
(function () {
  "use strict";
  var controle = document.getElementById("controle");
  var bron = document.getElementById("selectie-teksten");
  if (!controle || !bron || !window.fetch) { return; }
  var teksten = JSON.parse(bron.textContent);

  function bewaar(formulier) {
    var status = formulier.querySelector(".besluit__status");
    var rij = formulier.closest("tr");
    status.textContent = teksten.bezig;
    return fetch(formulier.action, {
      method: "POST",
      body: new FormData(formulier),
      headers: { "X-Gevraagd-Door": "fetch" },
      credentials: "same-origin"
    }).then(function (antwoord) {
      return antwoord.text().then(function (html) {
        if (!antwoord.ok) {
          status.textContent = teksten.fout;
          return;
        }
        controle.innerHTML = html;
        status.textContent = teksten.bewaard;
        var uitkomst = formulier.querySelector("select[name=uitkomst]");
        if (rij && uitkomst) { rij.classList.toggle("gekozen", uitkomst.value === "geselecteerd"); }
      });
    }).catch(function () {
      status.textContent = teksten.verbinding;
    });
  }

  document.querySelectorAll("form[data-besluit]").forEach(function (formulier) {
    formulier.addEventListener("submit", function (gebeurtenis) {
      gebeurtenis.preventDefault();
      bewaar(formulier);
    });
    formulier.querySelectorAll("select").forEach(function (keuze) {
      keuze.addEventListener("change", function () { bewaar(formulier); });
    });
  });
})();
