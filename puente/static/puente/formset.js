// Rows added and removed in place in Django formsets (progressive enhancement).
//
// Without JavaScript a form shows its empty rows (one in the activity form, more in some others)
// and a "Delete" box on each row; with it, one empty row per section, an "Add a row" button and a
// "Remove this row" button per row. A removed
// row is only hidden and its "Delete" box ticked, so Django deletes it (or ignores a new one) on
// save. Each change is announced to screen readers through one polite live region.
(function () {
  "use strict";

  function announce(text) {
    var region = document.getElementById("formset-announcer");
    if (!region) {
      region = document.createElement("p");
      region.id = "formset-announcer";
      region.className = "visually-hidden";
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function deleteBox(row) {
    return row.querySelector('input[type="checkbox"][name$="-DELETE"]');
  }

  function enhanceRow(set, row) {
    var box = deleteBox(row);
    var actions = row.querySelector(".row-actions");
    if (!box || !actions) { return; }
    var field = box.closest(".field");
    if (field) { field.hidden = true; }  // the button says it better
    actions.hidden = false;
    actions.querySelector("[data-remove-row]").addEventListener("click", function () {
      box.checked = true;
      row.hidden = true;
      announce(set.dataset.removed);
      set.querySelector("[data-add-row]").focus();
    });
  }

  function enhance(set) {
    var prefix = set.dataset.formset;
    var total = set.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var template = set.querySelector("template[data-empty-row]");
    var add = set.querySelector("[data-add-row]");
    if (!total || !template || !add) { return; }
    // Keep one untouched empty row; the others, last first, leave the form (and the count).
    var blanks = set.querySelectorAll("[data-row][data-blank]");
    for (var i = blanks.length - 1; i > 0; i -= 1) {
      if (blanks[i] === set.querySelectorAll("[data-row]")[Number(total.value) - 1]) {
        blanks[i].remove();
        total.value = Number(total.value) - 1;
      }
    }
    set.querySelectorAll("[data-row]").forEach(function (row) { enhanceRow(set, row); });
    add.closest(".formset-actions").hidden = false;
    add.addEventListener("click", function () {
      var index = Number(total.value);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      add.closest(".formset-actions").insertAdjacentHTML("beforebegin", html);
      total.value = index + 1;
      var rows = set.querySelectorAll("[data-row]");
      var row = rows[rows.length - 1];
      enhanceRow(set, row);
      document.dispatchEvent(new CustomEvent("puente:row-added", { detail: row }));
      var first = row.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
      announce(set.dataset.added);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-formset]").forEach(enhance);
  });
})();
