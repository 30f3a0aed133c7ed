// Type-ahead for long drop-down lists (progressive enhancement): a search box before each
// <select data-typeahead> keeps only the options whose text holds every typed word (accents and
// case ignored), the chosen one always kept; the number left is announced to screen readers.
// Without JavaScript the full list works as before.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    if (select.dataset.typeaheadReady) { return; }
    select.dataset.typeaheadReady = "1";
    var full = select.cloneNode(true);  // every option and group, as the server sent them
    var box = document.createElement("input");
    box.type = "search";
    box.className = "typeahead";
    box.setAttribute("aria-label", select.dataset.typeaheadLabel || "Filter");
    box.setAttribute("aria-controls", select.id);
    box.placeholder = select.dataset.typeaheadPlaceholder || "";
    var count = document.createElement("span");
    count.className = "visually-hidden";
    count.setAttribute("aria-live", "polite");
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(count, select);

    box.addEventListener("input", function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      var chosen = select.value;
      var kept = 0;
      var copy = full.cloneNode(true);
      copy.querySelectorAll("option").forEach(function (option) {
        var text = fold(option.textContent + " " + (option.parentNode.label || ""));
        var matches = words.every(function (word) { return text.indexOf(word) !== -1; });
        if (option.value === "" || option.value === chosen || matches) {
          if (option.value !== "") { kept += 1; }
        } else {
          option.remove();
        }
      });
      copy.querySelectorAll("optgroup").forEach(function (group) {
        if (!group.querySelector("option")) { group.remove(); }
      });
      select.replaceChildren.apply(select, Array.from(copy.childNodes));  // nodes, never re-parsed HTML
      select.value = chosen;
      count.textContent = (select.dataset.typeaheadCount || "%s").replace("%s", String(kept));
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); select.focus(); }
    });
  }

  function enhanceAll(root) {
    root.querySelectorAll("select[data-typeahead]").forEach(enhance);
  }

  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  // Rows added in place by formset.js bring their own lists.
  document.addEventListener("puente:row-added", function (event) { enhanceAll(event.detail); });
})();
