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
  });
})();
