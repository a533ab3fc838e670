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

  // Small screens: the main menu folds behind a button. Without JavaScript it simply stays open.
  function hoofdmenu() {
    var nav = document.querySelector("[data-hoofdmenu]");
    var knop = nav && nav.querySelector(".hoofdnavigatie__knop");
    if (!knop) {
      return;
    }
    function zet(open) {
      knop.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("hoofdnavigatie--open", open);
    }
    nav.classList.add("hoofdnavigatie--inklapbaar");
    knop.hidden = false;
    knop.addEventListener("click", function () {
      zet(knop.getAttribute("aria-expanded") !== "true");
    });
    nav.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && knop.getAttribute("aria-expanded") === "true") {
        zet(false);
        knop.focus();
      }
    });
  }

  function start() {
    hoofdmenu();
    foutoverzicht();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
