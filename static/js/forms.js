// A page that comes back with form errors opens on their summary: focus moves there,
// so a screen reader reads what must be fixed and the next Tab leads to the first
// link. Without JavaScript the summary is still the first thing in the form.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  summary.focus();
  // A form that posts to an anchor (#pamelding) comes back to it: the browser's
  // scroll to that anchor, after this script, moves focus back to <body>.
  window.addEventListener("load", function () {
    window.setTimeout(function () {
      if (document.activeElement === document.body) {
        summary.focus();
      }
    }, 0);
  });
})();
