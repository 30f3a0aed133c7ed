// The staff areas menu (progressive enhancement): one area open at a time, Escape closes it
// and gives the focus back to its button, a click elsewhere closes it. Without JavaScript each
// area is a plain disclosure that opens and closes by itself.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    // On a phone the areas start folded under one button, so that the page starts on screen.
    var whole = document.querySelector(".staff-bar details.staff-menu");
    var phone = window.matchMedia("(max-width: 40rem)");
    if (whole) {
      var fit = function () { whole.open = !phone.matches; };
      fit();
      phone.addEventListener("change", fit);
    }
    var menus = document.querySelectorAll(".staff-bar details.menu");
    menus.forEach(function (menu) {
      menu.addEventListener("toggle", function () {
        if (!menu.open) { return; }
        menus.forEach(function (other) { if (other !== menu) { other.open = false; } });
      });
      menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open) {
          menu.open = false;
          menu.querySelector("summary").focus();
        }
      });
    });
    document.addEventListener("click", function (event) {
      menus.forEach(function (menu) {
        if (menu.open && !menu.contains(event.target)) { menu.open = false; }
      });
    });
  });
})();
