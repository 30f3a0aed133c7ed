// Tells the 5W service worker, where one is registered, who is signed in on this page (the
// sign-out form names them) or that nobody is (the sign-in page), with the time the server drew
// the page: the worker keeps only that person's pages, and a sign-in page ends the last ones.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var marker = document.querySelector("form[data-sign-out], form[data-sign-in]");
    if (!marker || !("serviceWorker" in navigator)) { return; }
    navigator.serviceWorker.getRegistration("/staff/coordination/").then(function (registration) {
      var worker = registration && (registration.active || registration.waiting || registration.installing);
      if (worker) {
        worker.postMessage({ user: marker.dataset.user || null, at: Number(marker.dataset.rendered) });
      }
    });
  });
})();
