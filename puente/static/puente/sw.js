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
// Matches ignore Vary (Cookie, Accept-Language): the cache holds one person's pages, and a page
// kept on request carries other headers than the browser's own navigation.

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

// The person signed in claims the cache; another person's pages, or pages of no one known,
// are dropped first, never adopted.
function claim(user) {
  if (!user) { return Promise.resolve(); }
  return caches.open(CACHE).then(function (cache) {
    return cache.match(OWNER).then(function (kept) { return kept ? kept.text() : null; })
      .then(function (owner) {
        if (owner === user) { return; }
        return caches.delete(CACHE).then(function () { return caches.open(CACHE); })
          .then(function (fresh) {
            return fresh.put(OWNER, new Response(user)).then(function () { return keepOffline(fresh); });
          });
      });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  event.waitUntil(claim(data.user).then(function () {
    return data.keep ? keepNow(data.keep) : null;
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

// A phone "on a network" may get no data at all: a kept page is shown after this long.
var PATIENCE_MS = 4000;

function fromNetwork(request) {
  return fetch(request).then(function (response) {
    var url = new URL(response.url);
    if (response.redirected && url.pathname.indexOf("/staff/login/") === 0) {
      // The session has ended: the pages kept for it go with it.
      return caches.delete(CACHE).then(function () { return response; });
    }
    return keep(request, response);
  });
}

function page(request) {
  var network = fromNetwork(request);
  var kept = caches.match(request, { ignoreVary: true });
  var fallback = function () {
    return kept.then(function (copy) {
      return copy || caches.match(OFFLINE_PAGE, { ignoreVary: true }).then(function (page) { return page || Response.error(); });
    });
  };
  var slow = new Promise(function (resolve) { setTimeout(resolve, PATIENCE_MS); })
    .then(function () { return kept; })
    .then(function (copy) { return copy || network; });  // nothing kept: keep waiting
  return Promise.race([network.catch(fallback), slow]).catch(fallback);
}

// A page opened before the worker was there, and the files it uses, kept on request.
function keepNow(urls) {
  return caches.open(CACHE).then(function () {
    return Promise.all(urls.map(function (address) {
      var url = new URL(address, self.location.origin);
      if (url.origin !== self.location.origin) { return null; }
      if (!KEPT_PAGES.test(url.pathname) && url.pathname.indexOf("/static/") !== 0) { return null; }
      var request = new Request(url.href, { credentials: "same-origin" });
      return fetch(request).then(function (response) { return keep(request, response); }, function () {});
    }));
  });
}

function asset(request) {
  return fetch(request).then(function (response) { return keep(request, response); })
    .catch(function () {
      return caches.match(request, { ignoreVary: true }).then(function (kept) { return kept || Response.error(); });
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
