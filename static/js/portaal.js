// Behaviour for every page (loaded by base.html, no inline script: strict CSP).
(function () {
  "use strict";

  // A form with errors: move focus to its error summary, so a screen reader reads it first.
  function foutoverzicht() {
    var overzicht = document.querySelector("[data-foutoverzicht]");
    if (overzicht) {
      overzicht.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", foutoverzicht);
  } else {
    foutoverzicht();
  }
})();
