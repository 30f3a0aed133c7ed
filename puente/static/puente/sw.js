// Puente's 5W service worker (scope /staff/coordination/): keeps the 5W pages the signed-in
// person opened, and the styles and scripts they use, so that a field officer without signal
// can open them again. Pages and files come from the network whenever it answers (the worker
// changes nothing while there is signal); only a page that answered 200 to this person,
// without a redirect, is kept. Signing out clears everything (the sign-out answer carries
// Clear-Site-Data).
//
// One cache per person, and only the signed-in person's is ever read: every signed-in page
// tells the worker who that is, and the others' caches are deleted. A copy that lands late
// (a fetch begun before someone else signed in) goes into its own person's cache, which is
// never shown to anyone else.
"use strict";

var PREFIX = "puente-5w-v2:";
var OWNER_CACHE = "puente-5w-owner";
var OWNER_KEY = "/staff/coordination/sw-owner";
var OFFLINE_PAGE = "/staff/coordination/offline/";
var KEPT_PAGES = /^\/staff\/coordination\/(reports\/|offline\/)/;
// A phone "on a network" may get no data at all: a kept page is shown after this long.
var PATIENCE_MS = 4000;
// Matches ignore Vary (Cookie, Accept-Language): a cache holds one person's pages, and a page
// kept on request carries other headers than the browser's own navigation.
var MATCH = { ignoreVary: true };

var owner;  // read from OWNER_CACHE once per start of the worker
var ownerAt = 0;  // when the server drew the page that made the claim (seconds)

function currentOwner() {
  if (owner !== undefined) { return Promise.resolve(owner); }
  return caches.open(OWNER_CACHE).then(function (cache) { return cache.match(OWNER_KEY); })
    .then(function (kept) { return kept ? kept.json() : { user: null, at: 0 }; })
    .catch(function () { return { user: null, at: 0 }; })
    .then(function (record) { owner = record.user; ownerAt = record.at || 0; return owner; });
}

function ownCache() {
  return currentOwner().then(function (name) { return name === null ? null : caches.open(PREFIX + name); });
}

function keepOffline(cache) {
  return fetch(OFFLINE_PAGE, { credentials: "same-origin" }).then(function (response) {
    if (response.ok && !response.redirected) { return cache.put(OFFLINE_PAGE, response); }
  }, function () {});
}

// The person signed in claims the worker: every other person's cache is deleted. Each claim
// carries the time the server drew its page, and only a newer claim counts: a page shown from
// a cache, or a message that arrives late, speaks for an earlier person and is ignored.
function claim(user, at) {
  if (!user) { return Promise.resolve(); }
  return currentOwner().then(function (name) {
    if ((at || 0) < ownerAt) { return null; }
    var mine = PREFIX + user;
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== mine; })
        .map(function (n) { return caches.delete(n); }));
    }).then(function () {
      var switched = name !== user;
      owner = user;
      ownerAt = at || 0;
      var record = new Response(JSON.stringify({ user: user, at: ownerAt }));
      return caches.open(OWNER_CACHE).then(function (cache) { return cache.put(OWNER_KEY, record); })
        .then(function () { return switched ? caches.open(mine).then(keepOffline) : null; });
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(self.skipWaiting());
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {  // caches of earlier versions of this worker
      return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) !== 0 && n !== OWNER_CACHE; })
        .map(function (n) { return caches.delete(n); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  event.waitUntil(claim(data.user, data.at).then(function () {
    return data.keep ? keepNow(data.keep) : null;
  }));
});

// Kept in the cache of the person who was signed in when the request left, whenever the
// answer arrives.
function keep(name, request, response) {
  if (name !== null && response.ok && !response.redirected && response.type === "basic") {
    var copy = response.clone();
    caches.open(PREFIX + name).then(function (cache) { return cache.put(request, copy); });
  }
  return response;
}

function fromNetwork(request) {
  return currentOwner().then(function (name) {
    return fetch(request).then(function (response) {
      var url = new URL(response.url);
      if (response.redirected && url.pathname.indexOf("/staff/login/") === 0 && name !== null) {
        // The session has ended: the pages kept for it go with it.
        return caches.delete(PREFIX + name).then(function () { return response; });
      }
      return keep(name, request, response);
    });
  });
}

function kept(request) {
  return ownCache().then(function (cache) { return cache ? cache.match(request, MATCH) : undefined; });
}

function page(request) {
  var network = fromNetwork(request);
  var copy = kept(request);
  var fallback = function () {
    return copy.then(function (found) {
      return found || kept(OFFLINE_PAGE).then(function (offline) { return offline || Response.error(); });
    });
  };
  var slow = new Promise(function (resolve) { setTimeout(resolve, PATIENCE_MS); })
    .then(function () { return copy; })
    .then(function (found) { return found || network; });  // nothing kept: keep waiting
  return Promise.race([network.catch(fallback), slow]).catch(fallback);
}

function asset(request) {
  return currentOwner().then(function (name) {
    return fetch(request).then(function (response) { return keep(name, request, response); });
  }).catch(function () {
      return kept(request).then(function (found) { return found || Response.error(); });
    });
}

// A page opened before the worker was there, and the files it uses, kept on request.
function keepNow(urls) {
  return currentOwner().then(function (name) { return Promise.all(urls.map(function (address) {
    var url = new URL(address, self.location.origin);
    if (url.origin !== self.location.origin) { return null; }
    if (!KEPT_PAGES.test(url.pathname) && url.pathname.indexOf("/static/") !== 0) { return null; }
    var request = new Request(url.href, { credentials: "same-origin" });
    return fetch(request).then(function (response) { return keep(name, request, response); }, function () {});
  })); });
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
