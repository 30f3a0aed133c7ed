// Puente's 5W service worker (scope /staff/coordination/): keeps the 5W pages the signed-in
// person opened, and the styles and scripts they use, so that a field officer without signal
// can open them again. Pages and files come from the network whenever it answers (the worker
// changes nothing while there is signal); only a page that answered 200 to this person,
// without a redirect, is kept. Signing out clears everything (the sign-out answer carries
// Clear-Site-Data).
//
// One cache per person, and only the signed-in person's is ever read: every signed-in page
// tells the worker who that is (sw-owner.js), and the others' caches are deleted; the sign-in
// page tells it that nobody is. A copy that lands after someone else took the worker (a fetch
// begun before they signed in) is dropped.
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
// The worker's own requests never follow a redirect: a session that ended meanwhile would
// otherwise fetch the sign-in page in the background, whose new CSRF cookie would make the
// person's own sign-in on that page fail.
var BACKGROUND = { credentials: "same-origin", redirect: "manual" };

// Who the worker keeps pages for, and when the server drew the page that said so (seconds):
// a promise, read from OWNER_CACHE once per start of the worker and replaced by each claim, so
// that a read begun before a claim can never bring an earlier person back.
var ownerState;

function ownerRecord() {
  if (!ownerState) {
    ownerState = caches.open(OWNER_CACHE).then(function (cache) { return cache.match(OWNER_KEY); })
      .then(function (kept) { return kept ? kept.json() : null; })
      .catch(function () { return null; })
      .then(function (record) { return { user: (record && record.user) || null, at: (record && record.at) || 0 }; });
  }
  return ownerState;
}

function currentOwner() {
  return ownerRecord().then(function (record) { return record.user; });
}

function ownCache() {
  return currentOwner().then(function (name) { return name === null ? null : caches.open(PREFIX + name); });
}

// The page for pages not kept, fetched for a new person. Not awaited by the claim that asks for
// it: a download on a connection that sends nothing would hold up every later claim; the copy
// waits its turn behind the claims, as every copy does (keep).
function keepOffline(name) {
  var request = new Request(OFFLINE_PAGE, BACKGROUND);
  fetch(request).then(function (response) { keep(name, request, response); }, function () {});
}

// The person signed in claims the worker: every other person's cache is deleted. The sign-in
// page claims it for nobody: the session that kept pages has ended, and they all go. Each claim
// carries the time the server drew its page, and only a claim at least as new as the owner's
// counts: a page shown from a cache, or a message that arrives late, speaks for an earlier
// person and is ignored. Claims are taken one at a time, in the order they arrive: two taken
// side by side could both pass the check, and the older one finish last.
var claims = Promise.resolve();

function claim(user, at) {
  var taken = claims.then(function () { return takeOver(user || null, at || 0); });
  claims = taken.catch(function () {});
  return taken;
}

function takeOver(user, at) {
  return ownerRecord().then(function (record) {
    if (at < record.at) { return null; }
    var mine = user === null ? null : PREFIX + user;
    var switched = record.user !== user;
    ownerState = Promise.resolve({ user: user, at: at });  // requests from now on are the new person's
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== mine; })
        .map(function (n) { return caches.delete(n); }));
    }).then(function () {
      var saved = new Response(JSON.stringify({ user: user, at: at }));
      return caches.open(OWNER_CACHE).then(function (cache) { return cache.put(OWNER_KEY, saved); });
    }).then(function () { if (switched && user !== null) { keepOffline(user); } });
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
  if (!("at" in data)) { return; }
  event.waitUntil(claim(data.user, data.at).then(function () {
    return data.keep ? keepNow(data.keep) : null;
  }));
});

// Kept in the cache of the person who was signed in when the request left, if they still are
// when the answer has arrived whole: the check and the write wait their turn behind the claims
// (the download does not, so a slow one never holds up a claim), and no copy lands after
// someone else has taken the worker.
function keep(name, request, response) {
  if (name !== null && response.ok && !response.redirected && response.type === "basic") {
    var copy = response.clone();
    copy.blob().then(function (body) {
      var kept = claims.then(currentOwner).then(function (now) {
        if (now !== name) { return null; }
        var whole = new Response(body, { status: copy.status, statusText: copy.statusText, headers: copy.headers });
        return caches.open(PREFIX + name).then(function (cache) { return cache.put(request, whole); });
      });
      claims = kept.catch(function () {});
    }, function () {});  // the connection dropped halfway: nothing is kept
  }
  return response;
}

// A navigation is fetched without following redirects (the browser follows them): a session
// that has ended answers with a redirect, which is never kept, and the sign-in page it leads to
// tells the worker that nobody is signed in.
function fromNetwork(request) {
  return currentOwner().then(function (name) {
    return fetch(request).then(function (response) { return keep(name, request, response); });
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
    var request = new Request(url.href, BACKGROUND);
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
