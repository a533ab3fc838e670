// Profile editing: warn before leaving the page with unsaved changes. Everything works without it.
(function () {
  "use strict";
  var formulier = document.querySelector(".profielformulier");
  if (!formulier) {
    return;
  }
  var gewijzigd = false;
  formulier.addEventListener("input", function () {
    gewijzigd = true;
  });
  formulier.addEventListener("change", function () {
    gewijzigd = true;
  });
  formulier.addEventListener("submit", function () {
    gewijzigd = false;
  });
  window.addEventListener("beforeunload", function (event) {
    if (gewijzigd) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
