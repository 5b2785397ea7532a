// eForeigner progressive enhancement. Every page works without this file; it only adds:
// focus on the error summary, a show/hide toggle for passwords, and the session timeout
// warning (WCAG 2.2.1) a little before the idle timeout, with a button to stay signed in.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }

    var html = document.documentElement;
    var labels = {
      en: ["Show", "Hide"], "sr-Latn": ["Prikaži", "Sakrij"],
      "sr-Cyrl": ["Прикажи", "Сакриј"], ru: ["Показать", "Скрыть"]
    }[html.lang] || ["Show", "Hide"];
    document.querySelectorAll("input.input--password").forEach(function (input) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button--secondary password-toggle";
      button.textContent = labels[0];
      button.setAttribute("aria-controls", input.id);
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function () {
        var show = input.type === "password";
        input.type = show ? "text" : "password";
        button.textContent = show ? labels[1] : labels[0];
        button.setAttribute("aria-pressed", show ? "true" : "false");
      });
      input.insertAdjacentElement("afterend", button);
    });

    var warning = document.getElementById("timeout-warning");
    if (warning) {
      var expires = parseInt(warning.getAttribute("data-expires-at"), 10) * 1000;
      var warnMs = parseInt(warning.getAttribute("data-warn-seconds"), 10) * 1000;
      var delay = expires - warnMs - Date.now();
      setTimeout(function () {
        warning.hidden = false;
        var button = warning.querySelector("button");
        if (button) { button.focus(); }
      }, Math.max(delay, 0));
    }
  });
})();
