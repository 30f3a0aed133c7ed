// Puente's 5W service worker (scope /staff/coordination/): keeps the 5W pages the signed-in
// person opened, and the styles and scripts they use, so that a field officer without signal
// can open them again. Pages and files come from the network whenever it answers (the worker
// changes nothing while there is signal); only a page that answered 200 to this person,
// without a redirect, is kept. Signing out clears everything (the sign-out answer carries
// Clear-Site-Data).
"use strict";

var CACHE = "puente-5w-v1";
var OFFLINE_PAGE = "/staff/coordination/offline/";
var KEPT_PAGES = /^\/staff\/coordination\/(reports\/|offline\/)/;
// Whose pages the cache holds. Every signed-in page tells the worker who is signed in; another
// person's pages are dropped before they could be shown without signal (a session that ended
// without signing out leaves them behind).
var OWNER = "/staff/coordination/sw-owner";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(keepOffline).then(function () { return self.skipWaiting(); })
  );
});

function keepOffline(cache) {
  return fetch(OFFLINE_PAGE, { credentials: "same-origin" }).then(function (response) {
    if (response.ok && !response.redirected) { return cache.put(OFFLINE_PAGE, response); }
  }, function () {});
}

self.addEventListener("message", function (event) {
  var user = event.data && event.data.user;
  if (!user) { return; }
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.match(OWNER).then(function (kept) { return kept ? kept.text() : null; })
      .then(function (owner) {
        if (owner === user) { return; }
        if (owner === null) { return cache.put(OWNER, new Response(user)); }  // who installed it
        return caches.delete(CACHE).then(function () { return caches.open(CACHE); })
          .then(function (fresh) {
            return fresh.put(OWNER, new Response(user)).then(function () { return keepOffline(fresh); });
          });
      });
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name !== CACHE; })
        .map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function keep(request, response) {
  if (response.ok && !response.redirected && response.type === "basic") {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

function page(request) {
  return fetch(request).then(function (response) { return keep(request, response); })
    .catch(function () {
      return caches.match(request).then(function (kept) {
        return kept || caches.match(OFFLINE_PAGE).then(function (fallback) {
          return fallback || Response.error();
        });
      });
    });
}

function asset(request) {
  return fetch(request).then(function (response) { return keep(request, response); })
    .catch(function () {
      return caches.match(request).then(function (kept) { return kept || Response.error(); });
    });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate" && KEPT_PAGES.test(url.pathname)) {
    event.respondWith(page(request));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(asset(request));
  }
});
