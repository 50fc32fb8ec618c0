// The actor directory without page reloads: a ticked filter or a new sort order
// fetches the same server-rendered page and swaps in the results and counts.
// Focus stays where it is and the new number of results is announced (the count
// is a role="status" live region). Without JavaScript the form's buttons do it all.
(function () {
  "use strict";
  var form = document.querySelector("[data-directory-form]");
  if (!form || !window.fetch || !window.DOMParser) return;

  var panel = form.querySelector("[data-filter-panel]");
  // Open beside the results on wide screens; folded on phones, where the summary
  // says how many filters are active and the results come first.
  if (panel) panel.open = window.matchMedia("(min-width: 60rem)").matches;
  form.querySelectorAll("[data-js-hide]").forEach(function (el) { el.hidden = true; });

  var pending = null;
  // The address whose results are on screen. Back and Forward between entries this
  // script pushed need the page for that address; an entry that only moves to an
  // anchor (the skip link's #main, #resultater) shows the same results: no reload,
  // or the skip link would reload the page and drop focus on <body>.
  var shown = withoutHash(window.location.href);

  function withoutHash(url) {
    return url.split("#")[0];
  }

  function urlFor() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") params.append(key, value);
    });
    var query = params.toString();
    // The action ends in #resultater (for the page without JavaScript): not part of the URL.
    return form.action.split("#")[0] + (query ? "?" + query : "");
  }

  function swap(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var results = doc.querySelector("[data-results]");
    if (!results) { window.location.href = url; return; }
    form.querySelector("[data-results]").innerHTML = results.innerHTML;
    doc.querySelectorAll("[data-facet]").forEach(function (fresh) {
      var current = form.querySelector('[data-facet="' + fresh.getAttribute("data-facet") + '"]');
      if (current) current.textContent = fresh.textContent;
    });
    // Options that would give no results are disabled (unless ticked), as the server renders them.
    doc.querySelectorAll(".facet input[type=checkbox]").forEach(function (fresh) {
      var current = document.getElementById(fresh.id);
      if (!current) return;
      current.disabled = fresh.disabled && !current.checked;
      current.closest(".choice").classList.toggle("choice--empty", current.disabled);
    });
    ["summary", ".filter-panel__actions"].forEach(function (selector) {
      var current = form.querySelector("[data-filter-panel] " + selector);
      var fresh = doc.querySelector("[data-filter-panel] " + selector);
      if (current && fresh) current.innerHTML = fresh.innerHTML;
    });
    var sort = form.querySelector("#directory-sort");
    var freshSort = doc.querySelector("#directory-sort");
    if (sort && freshSort) sort.innerHTML = freshSort.innerHTML;
    // Changing the text of the live region is what screen readers announce.
    var count = form.querySelector("#result-count");
    var freshCount = doc.querySelector("#result-count");
    if (count && freshCount) count.innerHTML = freshCount.innerHTML;
    document.title = doc.title;
    window.history.pushState({ directory: true }, "", url);
    shown = url;
  }

  function refresh() {
    var url = urlFor();
    if (pending) pending.abort();
    pending = new AbortController();
    // Busy is the list being replaced, never an ancestor of the result count: some
    // screen readers hold back a live region's news while it sits in a busy region.
    var list = form.querySelector("[data-results]");
    list.setAttribute("aria-busy", "true");
    fetch(url, { signal: pending.signal, headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) { swap(html, url); })
      .catch(function (error) { if (error.name !== "AbortError") form.submit(); })
      .finally(function () { list.removeAttribute("aria-busy"); });
  }

  // "Vis N aktører" at the end of the panel: the results are already updated, so on a
  // phone it folds the panel away and takes the visitor to them.
  form.addEventListener("click", function (event) {
    var button = event.target.closest("[data-show-results]");
    if (!button) return;
    event.preventDefault();
    if (panel && !window.matchMedia("(min-width: 60rem)").matches) panel.open = false;
    var results = document.getElementById("resultater");
    if (results) {
      results.scrollIntoView({ block: "start" });
      results.focus({ preventScroll: true });
    }
  });

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type === "checkbox" || target.id === "directory-sort") refresh();
  });
  window.addEventListener("popstate", function () {
    if (withoutHash(window.location.href) !== withoutHash(shown)) window.location.reload();
  });
})();
