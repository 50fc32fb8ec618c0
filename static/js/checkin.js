// What a screen reader hears (4.1.3): the status region's text, set after typing
// stops and after a check-in. Its messages come from the page, translated.
var checkinStatus = (function () {
  "use strict";
  var region = document.getElementById("checkin-status");
  var timer = null;
  return function (key, values, delay) {
    if (!region) {
      return;
    }
    var text = region.getAttribute("data-" + key) || "";
    Object.keys(values || {}).forEach(function (name) {
      text = text.replace("{" + name + "}", values[name]);
    });
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { region.textContent = text; }, delay || 0);
  };
})();

// Check-in: filter the list while typing. Without JavaScript the search form does the same.
(function () {
  "use strict";
  var input = document.querySelector("[data-checkin-filter]");
  var rows = document.querySelectorAll(".checkin__row");
  var none = document.getElementById("checkin-none");
  if (!input || !rows.length) {
    return;
  }
  input.addEventListener("input", function () {
    var term = input.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var match = !term || row.dataset.name.indexOf(term) !== -1;
      row.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    if (none) {
      none.hidden = shown !== 0;
    }
    // Announced once typing pauses, not on every key.
    if (term) {
      checkinStatus(shown === 0 ? "none" : shown === 1 ? "one" : "many", { n: shown }, 700);
    }
  });
})();

// Check-in: tick someone in without reloading, so the search text and the scroll
// position stay. Without JavaScript (or if the request fails) the form posts as usual.
(function () {
  "use strict";
  var forms = document.querySelectorAll("[data-checkin-form]");
  if (!forms.length || !window.fetch || !window.FormData) {
    return;
  }

  function send(form, confirmed) {
    var body = new FormData(form);
    if (confirmed) {
      body.append("confirm", "1");
    }
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: {
        "Accept": "application/json",
        "X-CSRFToken": body.get("csrfmiddlewaretoken")
      }
    }).then(function (response) {
      if (response.status === 409) {
        return response.json().then(function (data) {
          return window.confirm(data.confirm) ? send(form, true) : null;
        });
      }
      if (!response.ok) {
        throw new Error("check-in failed: " + response.status);
      }
      return response.json();
    });
  }

  function show(form, data) {
    var row = form.closest(".checkin__row");
    var button = form.querySelector("button");
    row.classList.toggle("checkin__row--in", data.attended);
    button.classList.toggle("button--secondary", data.attended);
    button.querySelector("[data-checkin-in]").hidden = !data.attended;
    button.querySelector("[data-checkin-out]").hidden = data.attended;
    var badge = row.querySelector("[data-waiting-badge]");
    if (badge && !data.waiting) {
      badge.remove();
    }
    Object.keys(data.counts).forEach(function (key) {
      var cell = document.querySelector('[data-count="' + key + '"]');
      if (cell) {
        cell.textContent = data.counts[key];
      }
    });
    var name = row.querySelector(".checkin__name").textContent;
    checkinStatus(data.attended ? "checked-in" : "checked-out", { name: name, n: data.counts.attended });
  }

  forms.forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      send(form, false)
        .then(function (data) {
          button.disabled = false;
          if (data) {
            show(form, data);
          }
          button.focus();
        })
        .catch(function () {
          form.submit();
        });
    });
  });
})();
