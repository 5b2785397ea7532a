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

    // Uploads: a progress bar when JavaScript is on and files are chosen (the plain form
    // works without it). The button pressed goes along (Upload, Save and continue,
    // Remove), as it would with the plain form.
    document.querySelectorAll("form[data-upload]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.XMLHttpRequest || !window.FormData) { return; }
        var chosen = Array.prototype.some.call(
          form.querySelectorAll("input[type=file]"),
          function (input) { return input.files && input.files.length > 0; });
        if (!chosen) { return; }
        event.preventDefault();
        var pressed = event.submitter;
        var data = new FormData(form);
        if (pressed && pressed.name) { data.append(pressed.name, pressed.value); }
        var bar = form.querySelector("progress");
        if (bar) { bar.hidden = false; bar.value = 0; }
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
        var xhr = new XMLHttpRequest();
        xhr.open("POST", form.getAttribute("action"));
        xhr.upload.addEventListener("progress", function (e) {
          if (bar && e.lengthComputable) { bar.value = Math.round((e.loaded / e.total) * 100); }
        });
        xhr.addEventListener("load", function () {
          if (xhr.status === 200 && xhr.responseURL) {
            // Saved: the server redirected to the next page; show it.
            window.location.assign(xhr.responseURL);
            return;
          }
          // The page with the problems (a file was refused; nothing else is lost).
          document.open();
          document.write(xhr.responseText);
          document.close();
        });
        xhr.addEventListener("error", function () { form.submit(); });
        xhr.send(data);
      });
    });

    // Steps: saved when the page is left (another tab, closing), so nothing typed is lost.
    document.querySelectorAll("form[data-autosave]").forEach(function (form) {
      var dirty = false;
      form.addEventListener("input", function () { dirty = true; });
      form.addEventListener("submit", function () { dirty = false; });
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState !== "hidden" || !dirty || !window.fetch) { return; }
        dirty = false;
        var data = new URLSearchParams(new FormData(form));
        data.set("action", "autosave");
        // Not `form.action`: the form's buttons are named "action", which shadows it.
        fetch(form.getAttribute("action"), { method: "POST", body: data, credentials: "same-origin", keepalive: true })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (v) {
            var basedOn = form.querySelector("input[name=based_on]");
            if (v && basedOn && /^[0-9a-f]{16}$/.test(v)) { basedOn.value = v; }
          })
          .catch(function () {});
      });
    });

    // A submit button marked data-once is disabled after the first click (the server is
    // idempotent anyway).
    document.querySelectorAll("button[data-once]").forEach(function (button) {
      button.form && button.form.addEventListener("submit", function () {
        setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  });
})();
