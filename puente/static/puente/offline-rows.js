// Entry offline for 5W rows (progressive enhancement). Without signal, a row saved on the row
// page waits in this device's IndexedDB under a key of its own; when the signal returns the
// rows are sent one by one to the report's sync address, which saves each once (the key), or
// answers with the form's own errors by field, or with a conflict when the report closed or
// someone changed the row meanwhile. Each waiting row is listed on the page with what became
// of it, and a refused one goes back into the form with its errors beside the fields. With
// JavaScript every save goes through the queue, with signal or without: a phone "on a network"
// may still have no data, and a row kept first is never lost to a failed post.
(function () {
  "use strict";

  var DB = "puente-5w";
  var STORE = "rows";

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(STORE, { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function store(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && result.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
        tx.onabort = function () { db.close(); reject(tx.error); };  // e.g. the device is full
      });
    });
  }

  var all = function () { return store("readonly", function (s) { return s.getAll(); }); };
  // How many rows wait, also in localStorage: the sign-out button reads it without waiting
  // for IndexedDB, so that signing out stays one plain post.
  var COUNT = "puente-5w-waiting";
  var counted = function () {
    return all().then(function (items) { localStorage.setItem(COUNT, String(items.length)); });
  };
  var put = function (item) {
    return store("readwrite", function (s) { s.put(item); }).then(counted);
  };
  var drop = function (key) {
    return store("readwrite", function (s) { s.delete(key); }).then(counted);
  };

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  function text(words, name, values) {
    var phrase = words[name] || name;
    Object.keys(values || {}).forEach(function (k) {
      phrase = phrase.replace("%(" + k + ")s", function () { return values[k]; });
    });
    return phrase;
  }

  function plural(words, name, n) {
    return text(words, n === 1 ? name + "-one" : name + "-many", { n: n });
  }

  function Queue(box) {
    this.box = box;
    this.words = JSON.parse(document.getElementById(box.dataset.words).textContent);
    this.report = Number(box.dataset.report);
    this.user = box.dataset.user;
    this.syncUrl = box.dataset.syncUrl;
    this.reportUrl = box.dataset.reportUrl;
    this.token = box.dataset.csrf;
    this.status = box.querySelector("[data-queue-status]");
    this.list = box.querySelector("[data-queue-list]");
    this.listBox = box.querySelector("[data-queue-rows]");
    this.form = document.querySelector("form[data-queue-form]");
    this.sending = false;
    this.keeping = false;
  }

  Queue.prototype.mine = function () {
    var self = this;
    return all().then(function (items) {
      return items.filter(function (i) {
        return i.user === self.user && (!self.report || i.report === self.report);
      })
        .sort(function (a, b) { return a.at - b.at; });
    });
  };

  Queue.prototype.say = function (extra) {
    var self = this;
    return this.mine().then(function (items) {
      var parts = [];
      if (!navigator.onLine) { parts.push(text(self.words, "offline")); }
      var waiting = items.filter(function (i) { return i.status === "waiting"; }).length;
      var stuck = items.length - waiting;
      if (waiting) { parts.push(plural(self.words, "waiting", waiting)); }
      if (stuck) { parts.push(plural(self.words, "stuck", stuck)); }
      if (extra) { parts.unshift(extra); }
      self.status.textContent = parts.join(" ");
      self.listBox.hidden = !items.length;
      self.render(items);
    });
  };

  Queue.prototype.render = function (items) {
    var self = this;
    this.list.replaceChildren();
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "queued queued-" + item.status;
      var name = document.createElement("strong");
      name.textContent = item.fields.activity_name || "?";
      li.append(name, " · " + (item.labels.municipality || ""), " · ");
      var state = document.createElement("span");
      state.className = "tag";
      state.textContent = text(self.words, "status-" + item.status);
      li.append(state);
      if (item.message) {
        var why = document.createElement("p");
        why.textContent = item.message;
        li.append(why);
      }
      if (item.errors) {
        var errors = document.createElement("ul");
        errors.className = "errorlist";
        Object.keys(item.errors).forEach(function (field) {
          item.errors[field].forEach(function (message) {
            var e = document.createElement("li");
            e.textContent = (item.labels["label:" + field] || "") + (field === "__all__" ? "" : ": ") + message;
            errors.append(e);
          });
        });
        li.append(errors);
      }
      if (item.current) {
        var theirs = document.createElement("p");
        theirs.textContent = text(self.words, "theirs", item.current);
        li.append(theirs);
      }
      var actions = document.createElement("p");
      actions.className = "actions";
      var button = function (label, act) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = text(self.words, label);
        b.setAttribute("aria-label", text(self.words, label) + ": " + name.textContent);
        b.addEventListener("click", act);
        actions.append(b, " ");
      };
      var here = self.form && String(item.row || "") === (self.form.dataset.row || "") &&
        item.report === self.report;
      var again = function (changes) {
        return function () {
          Object.assign(item, changes, { status: "waiting", current: null, message: null, errors: null });
          put(item).then(function () { self.flush(); });
        };
      };
      if (item.status === "refused" && here) {
        button("correct", function () { self.load(item); });
      } else if (item.status === "refused" && item.formUrl) {
        button("correct", function () { window.location.assign(item.formUrl + "#corregir=" + item.key); });
      }
      if (item.status === "conflict" && item.reason === "changed") {
        button("send-mine", again({ revision: item.currentRevision }));
      } else if (item.status === "conflict" && item.reason === "deleted") {
        button("send-new", again({ row: null, revision: null }));
      } else if (item.status === "conflict") {
        button("send-again", again({}));  // once the report is open for changes again
      }
      if (item.reportUrl && item.report !== self.report) {
        var open = document.createElement("a");
        open.href = item.reportUrl;
        open.textContent = text(self.words, "open-report");
        actions.append(open, " ");
      }
      button(item.reason === "changed" ? "keep-theirs" : "discard", function () {
        if (window.confirm(text(self.words, "discard-confirm", { name: name.textContent }))) {
          drop(item.key).then(function () { self.say(); });
        }
      });
      li.append(actions);
      self.list.append(li);
    });
  };

  // A refused row goes back into the form, its errors beside its fields, to be corrected.
  Queue.prototype.load = function (item) {
    var form = this.form;
    this.clearErrors();
    Object.keys(item.fields).forEach(function (name) {
      var field = form.elements[name];
      if (field) { field.value = item.fields[name]; }
    });
    form.dataset.key = item.key;
    var first = null;
    Object.keys(item.errors || {}).forEach(function (name) {
      var field = form.elements[name];
      var list = document.createElement("ul");
      list.className = "errorlist";
      list.dataset.queued = "";
      item.errors[name].forEach(function (message) {
        var li = document.createElement("li");
        li.textContent = message;
        list.append(li);
      });
      if (field && field.id) {
        list.id = field.id + "_error";
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", list.id);
        var wrapper = field.closest(".field");
        if (wrapper) { wrapper.classList.add("has-error"); }
        field.before(list);
        first = first || field;
      } else {
        list.setAttribute("role", "alert");
        form.prepend(list);
      }
    });
    (first || this.firstField()).focus();
  };

  Queue.prototype.loadFromAddress = function () {
    var self = this;
    var match = /^#corregir=([A-Za-z0-9-]+)$/.exec(window.location.hash);
    if (!match || !this.form) { return; }
    this.mine().then(function (items) {
      var item = items.find(function (i) { return i.key === match[1]; });
      if (item) { self.load(item); }
    });
  };

  Queue.prototype.firstField = function () {
    return this.form.querySelector("input:not([type=hidden]), select, textarea");
  };

  Queue.prototype.clearErrors = function () {
    var form = this.form;
    form.querySelectorAll("ul.errorlist[data-queued]").forEach(function (e) { e.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (field) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
      var wrapper = field.closest(".field");
      if (wrapper) { wrapper.classList.remove("has-error"); }
    });
  };

  Queue.prototype.keepFromForm = function () {
    var form = this.form;
    var fields = {};
    var labels = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken") { fields[name] = String(value); }
    });
    Array.prototype.forEach.call(form.elements, function (field) {
      var label = field.labels && field.labels[0];
      if (field.name && label) { labels["label:" + field.name] = label.textContent.replace("*", "").trim(); }
    });
    var place = form.elements.municipality;
    if (place && place.selectedOptions[0]) { labels.municipality = place.selectedOptions[0].textContent; }
    var self = this;
    var row = form.dataset.row ? Number(form.dataset.row) : null;
    return this.mine().then(function (items) {
      // One waiting change per existing row: a second save replaces the first.
      var earlier = row && items.find(function (i) { return i.row === row && i.status === "waiting"; });
      var item = {
        key: form.dataset.key || (earlier && earlier.key) || newKey(), report: self.report,
        user: self.user, row: row, revision: form.dataset.revision ? Number(form.dataset.revision) : null,
        fields: fields, labels: labels, status: "waiting", at: earlier ? earlier.at : Date.now(),
        reportUrl: self.reportUrl, formUrl: window.location.pathname, syncUrl: self.syncUrl,
      };
      return put(item).then(function () { return item; });
    });
  };

  Queue.prototype.freshToken = function (url) {
    var self = this;
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (body) { if (body.csrf) { self.token = body.csrf; } });
  };

  Queue.prototype.send = function (item, retried) {
    var self = this;
    var url = item.syncUrl || this.syncUrl;
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": this.token },
      body: JSON.stringify({ key: item.key, row: item.row, revision: item.revision, fields: item.fields }),
    }).then(function (response) {
      if (response.redirected) { throw new Error("signed-out"); }  // to the sign-in page
      var json = (response.headers.get("Content-Type") || "").indexOf("json") >= 0;
      var read = json ? response.json() : Promise.resolve({
        message: text(self.words, "refused-other", { status: response.status }),
      });
      if (response.status === 403 && !retried) {  // a page kept from an earlier session
        return self.freshToken(url).then(function () { return self.send(item, true); });
      }
      if ([200, 201, 400, 403, 409, 422].indexOf(response.status) < 0) {
        throw new Error("busy");  // 5xx, 429, a gateway: the row keeps waiting
      }
      return read.then(function (body) {
        if (response.status === 200 || response.status === 201) {
          // The page's form now edits the row as saved: a next edit builds on this one.
          if (self.form && item.row && String(item.row) === self.form.dataset.row) {
            self.form.dataset.revision = String(body.revision);
          }
          return drop(item.key).then(function () { return 1; });
        }
        item.status = response.status === 409 ? "conflict" : "refused";
        item.errors = body.errors || null;
        item.message = body.message || null;
        item.current = body.current || null;
        item.currentRevision = body.revision;
        item.reason = body.reason || null;
        return put(item).then(function () { return 0; });
      });
    }, function () { throw new Error("no-signal"); });
  };

  Queue.prototype.flush = function () {
    var self = this;
    if (this.sending || !navigator.onLine) { return this.say(); }
    this.sending = true;
    var sent = 0;
    return this.mine().then(function (items) {
      var waiting = items.filter(function (i) { return i.status === "waiting"; });
      return waiting.reduce(function (chain, item) {
        return chain.then(function () { return self.send(item).then(function (n) { sent += n; }); });
      }, Promise.resolve());
    }).then(function () {
      self.sending = false;
      return self.say(sent ? plural(self.words, "sent", sent) : "");
    }, function (error) {
      self.sending = false;
      var said = { "signed-out": "signed-out", busy: "busy" }[error.message] || "no-signal";
      return self.say(text(self.words, said));
    });
  };

  Queue.prototype.start = function () {
    var self = this;
    if (this.form) {
      this.form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (self.keeping) { return; }  // a second tap while the first is being kept
        self.keeping = true;
        var button = self.form.querySelector("button[type=submit]");
        if (button) { button.disabled = true; }
        self.keepFromForm().then(function (item) {
          self.clearErrors();
          delete self.form.dataset.key;
          return (navigator.onLine ? self.flush() : self.say(text(self.words, "kept")))
            .then(function () { return self.after(item); });
        }).finally(function () {
          self.keeping = false;
          if (button) { button.disabled = false; }
        });
      });
      this.loadFromAddress();
    }
    // Without signal a kept page's other forms (submit, upload, delete) cannot work: said here
    // instead of the browser's error page.
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (navigator.onLine || form === self.form || form.method.toLowerCase() !== "post") { return; }
      event.preventDefault();
      // Said where the person looks: the status sits at the top, the button may be far below.
      self.say(text(self.words, "needs-signal")).then(function () {
        self.status.scrollIntoView({ block: "nearest" });
      });
    }, true);
    window.addEventListener("online", function () { self.flush(); });
    window.addEventListener("offline", function () { self.say(); });
    var said = sessionStorage.getItem("puente-5w-said");
    sessionStorage.removeItem("puente-5w-said");
    this.flush().then(function () { if (said) { self.status.textContent = said; } });
  };

  // What follows a save: a refused row comes straight back into the form with its errors; an
  // edit that landed returns to its report; a new row that landed or waits leaves the form
  // empty for the next one.
  Queue.prototype.after = function (item) {
    var self = this;
    return all().then(function (items) {
      var still = items.find(function (i) { return i.key === item.key; });
      if (still && still.status === "refused") { return self.load(still); }
      if (still && still.status === "conflict") { return; }  // settled from the list above
      if (!still && item.row && self.reportUrl) {
        sessionStorage.setItem("puente-5w-said", text(self.words, "saved"));
        window.location.assign(self.reportUrl);
        return;
      }
      if (!item.row) { self.form.reset(); }
      self.firstField().focus();
    });
  };

  // Signing out clears this device's data (the answer says Clear-Site-Data): rows still
  // waiting would go with it, so the person is asked first.
  function guardSignOut() {
    var form = document.querySelector("form[data-sign-out]");
    if (!form) { return; }
    form.addEventListener("submit", function (event) {
      if (!navigator.onLine) {  // the sign-out could not reach Puente: nothing would be cleared
        event.preventDefault();
        window.alert(form.dataset.offlineWarning);
        return;
      }
      var waiting = Number(localStorage.getItem(COUNT) || 0);
      if (waiting && !window.confirm(form.dataset.queueWarning.replace("%(n)s", String(waiting)))) {
        event.preventDefault();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    guardSignOut();
    var box = document.querySelector("[data-queue]");
    if (!box || !window.indexedDB) { return; }
    if ("serviceWorker" in navigator && box.dataset.worker) {
      navigator.serviceWorker.register(box.dataset.worker, { scope: box.dataset.scope });
      // This page and its files, kept even though the worker was not there when it loaded.
      navigator.serviceWorker.ready.then(function (registration) {
        var files = Array.prototype.map.call(
          document.querySelectorAll("link[rel=stylesheet], script[src]"),
          function (tag) { return tag.href || tag.src; });
        var form = document.querySelector("form[data-sign-out]");
        registration.active.postMessage({
          user: form && form.dataset.user, at: form && Number(form.dataset.rendered),
          keep: [window.location.pathname].concat(files),
        });
      });
    }
    new Queue(box).start();
  });
})();
