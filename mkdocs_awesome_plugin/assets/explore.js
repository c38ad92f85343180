/* mkdocs-awesome-plugin: the paper explorer (/explore/), the entry that wires its parts.
 *
 * The parts load before this file, each as a classic script adding to globalThis.awesomeExplore
 * (features/explore.py lists them in order): text, data, state, match and export are pure and
 * tested with Node (tests/js/); render and clipboard touch the page. Classic scripts rather than
 * ES modules because the plugin and `mkdocs-awesome generate` list plain script URLs, and they
 * run once per visit whatever Material's instant navigation does.
 *
 * Loaded on every page; it only acts where the page holds an element with [data-aw-explore], and
 * runs again after each of Material's instant navigations (document$). No framework.
 */
(function (explore) {
  "use strict";
  var S = explore.state, M = explore.match, X = explore.export, R = explore.render;
  var T = explore.text, C = explore.clipboard;

  var WINDOW = 200; // rows drawn at once, unless [data-aw-window] says; "Show more" adds as many
  var loads = Object.create(null); // data URL -> Promise of prepared data (kept across pages)
  var bibs = Object.create(null); // BibTeX URL -> Promise of {key: entry text}

  /* GET `url` once per visit; a failure is forgotten so that a later page may try again. */
  function cached(cache, url, read, then) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return read(response);
        })
        .then(then);
      cache[url].catch(function () {
        delete cache[url];
      });
    }
    return cache[url];
  }

  function load(url) {
    return cached(loads, url, function (r) { return r.json(); }, explore.data.prepare);
  }

  function loadBib(url, data) {
    return cached(bibs, url, function (r) { return r.text(); }, function (text) {
      return X.splitBib(text, data.byKey);
    });
  }

  // --- the explorer on one page ------------------------------------------------------------
  function start(root, data) {
    function $(selector) {
      return root.querySelector(selector);
    }
    var parts = {
      ui: $("[data-aw-ui]"), notice: $("[data-aw-notice]"), form: $("[data-aw-form]"),
      q: $("[data-aw-q]"), sort: $("[data-aw-sort]"), cat: $("[data-aw-cat]"),
      venue: $("[data-aw-venue]"), year: $("[data-aw-year]"), from: $("[data-aw-from]"),
      to: $("[data-aw-to]"), code: $("[data-aw-code]"), chips: $("[data-aw-chips]"),
      filters: $("[data-aw-filters]"), active: $("[data-aw-active]"), count: $("[data-aw-count]"),
      status: $("[data-aw-status]"), results: $("[data-aw-results]"), more: $("[data-aw-more]"),
      tagAdd: root.querySelectorAll("[data-aw-tag-add]"), any: root.querySelectorAll("[data-aw-any]"),
      clearAll: $("[data-aw-clear-all]"), feeds: $("[data-aw-feeds]"),
      codeCount: $("[data-aw-code-count]"),
    };
    var siteRoot = root.getAttribute("data-aw-root") || "";
    var bibUrl = new URL(root.getAttribute("data-aw-bib"), location.href).href;
    var windowSize = parseInt(root.getAttribute("data-aw-window"), 10) || WINDOW;
    var list = R.resultList(parts, data, siteRoot, windowSize);
    var state = S.readState(data, location.search);
    var urlTimer = null;

    var made = R.options(parts, data);
    function catTitle(slug) {
      return data.catBySlug[slug] ? data.catBySlug[slug].title : slug;
    }
    function drawChips() {
      R.chips(parts.chips, parts.clearAll, state, catTitle);
      R.feeds(parts.feeds, data, state, siteRoot);
    }

    function toControls() {
      parts.q.value = state.q;
      parts.sort.value = state.sort;
      parts.cat.value = state.cat;
      parts.venue.value = state.venue;
      parts.year.value = state.year;
      parts.from.value = state.from;
      parts.to.value = state.to;
      parts.code.checked = state.code;
      parts.any.forEach(function (radio) { radio.checked = (radio.value === "1") === state.any; });
      parts.from.removeAttribute("aria-invalid");
      parts.to.removeAttribute("aria-invalid");
      drawChips();
    }

    function syncUrl() {
      clearTimeout(urlTimer);
      urlTimer = null;
      if (!root.isConnected) return; // the reader has navigated away meanwhile
      var qs = S.queryString(state);
      var url = location.pathname + (qs ? "?" + qs : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) {
        history.replaceState(history.state, "", url);
      }
    }

    function update(lazyUrl) {
      var found = M.facets(data, state);
      list.show(found.hits);
      R.counts(made, parts, found.counts);
      parts.active.textContent = T.activeText(S.activeCount(state));
      parts.status.textContent = "";
      if (!lazyUrl) drawChips();
      if (lazyUrl) {
        clearTimeout(urlTimer);
        urlTimer = setTimeout(syncUrl, 300);
      } else {
        syncUrl();
      }
    }

    function setState(next) {
      if (next === state) return;
      state = next;
      toControls();
      update(false);
    }

    function exportBib(action) {
      var status = parts.status;
      var keys = list.current().map(function (p) { return p.k; });
      if (!keys.length) {
        status.textContent = "No papers to export.";
        return;
      }
      status.textContent = "Preparing BibTeX…";
      var picked = null;
      var text = loadBib(bibUrl, data).then(function (entries) {
        picked = X.selection(entries, keys);
        return picked.text;
      });
      function done(verb) {
        status.textContent = T.exportText(verb, picked.found.length, picked.missing);
      }
      var job = action === "download"
        ? text.then(function (bib) {
          C.download(bib, "papers.bib");
          done("Downloaded");
        })
        : C.copyLater(text).then(function () {
          done("Copied");
        });
      job.catch(function (error) {
        status.textContent = "Could not export the BibTeX: " +
          (error && error.message ? error.message : error) + ".";
      });
    }

    // events
    parts.form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    parts.q.addEventListener("input", function () {
      state.q = parts.q.value;
      update(true);
    });
    parts.q.addEventListener("change", syncUrl);
    parts.q.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && parts.q.value) {
        // Escape empties the search box (and only that: a second Escape goes to the page)
        event.preventDefault();
        event.stopPropagation();
        parts.q.value = "";
        state.q = "";
        update(false);
      } else if (event.key === "Enter") {
        event.preventDefault();
        syncUrl();
      }
    });
    parts.filters.addEventListener("keydown", function (event) {
      // Escape inside the filters closes them and leaves the focus on their summary; not
      // when an open select list takes the key itself
      if (event.key !== "Escape" || !parts.filters.open) return;
      if (event.target.tagName === "SELECT" && event.defaultPrevented) return;
      parts.filters.open = false;
      parts.filters.querySelector("summary").focus();
    });
    parts.any.forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (!radio.checked) return;
        state.any = radio.value === "1";
        update(false);
      });
    });
    parts.sort.addEventListener("change", function () {
      state.sort = S.sortOf(parts.sort.value);
      update(false);
    });
    ["cat", "venue", "year"].forEach(function (name) {
      parts[name].addEventListener("change", function () {
        state[name] = parts[name].value;
        update(false);
      });
    });
    [["from", false], ["to", true]].forEach(function (item) {
      var name = item[0], input = parts[name];
      function read() {
        var raw = input.value.trim();
        var value = S.monthBound(raw, item[1]);
        if (raw && !value) {
          input.setAttribute("aria-invalid", "true");
          return;
        }
        input.removeAttribute("aria-invalid");
        if (value !== state[name]) {
          state[name] = value;
          update(false);
        }
      }
      input.addEventListener("input", read);
      input.addEventListener("change", read);
    });
    parts.code.addEventListener("change", function () {
      state.code = parts.code.checked;
      update(false);
    });
    parts.tagAdd.forEach(function (select) {
      select.addEventListener("change", function () {
        var tag = select.value;
        select.value = "";
        if (tag) setState(S.addTag(state, data, select.getAttribute("data-aw-tag-add"), tag));
      });
    });
    parts.chips.addEventListener("click", function (event) {
      var button = event.target.closest("[data-aw-remove]");
      if (!button) return;
      var kind = button.getAttribute("data-aw-remove"), value = button.getAttribute("data-aw-value");
      var buttons = Array.prototype.slice.call(parts.chips.querySelectorAll("[data-aw-remove]"));
      var at = buttons.indexOf(button);
      setState(S.without(state, kind, value));
      // the focus goes to the chip now in its place, else the one before, else the search box
      var left = parts.chips.querySelectorAll("[data-aw-remove]");
      var next = left[Math.min(at, left.length - 1)];
      (next || parts.q).focus();
    });
    parts.clearAll.addEventListener("click", function () {
      setState(S.cleared(state));
      parts.q.focus();
    });
    parts.results.addEventListener("click", function (event) {
      var button = event.target.closest("[data-aw-add-tag]");
      if (button) setState(S.addTag(state, data, "tag", button.getAttribute("data-aw-add-tag")));
    });
    parts.more.addEventListener("click", list.more);
    // fetch the BibTeX as soon as an export looks likely, so the click itself is quick
    ["pointerenter", "focusin"].forEach(function (type) {
      $(".aw-explore__actions").addEventListener(type, function () {
        loadBib(bibUrl, data).catch(function () {});
      });
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-aw-action]");
      if (!button || !root.contains(button)) return;
      var action = button.getAttribute("data-aw-action");
      if (action === "reset") {
        setState(S.cleared(state));
      } else {
        exportBib(action);
      }
    });

    toControls();
    parts.filters.open = S.activeCount(state) > 0 ||
      !!(window.matchMedia && window.matchMedia("(min-width: 60em)").matches);
    parts.notice.hidden = true;
    parts.ui.hidden = false;
    update(false);
    root.setAttribute("data-aw-ready", "yes");
  }

  function init() {
    var root = document.querySelector("[data-aw-explore]");
    if (!root || root.hasAttribute("data-aw-ready")) return;
    root.setAttribute("data-aw-ready", "loading");
    var url = new URL(root.getAttribute("data-aw-data"), location.href).href;
    load(url).then(
      function (data) {
        if (root.isConnected) start(root, data);
      },
      function (error) {
        root.setAttribute("data-aw-ready", "failed");
        var notice = root.querySelector("[data-aw-notice]");
        var message = R.el("p", "aw-explore__error", "The list of papers could not be loaded (" +
          (error && error.message ? error.message : "network error") + ").");
        if (notice) notice.insertBefore(message, notice.firstChild);
      }
    );
  }

  function boot() {
    try {
      init();
    } catch (error) {
      // report it without breaking Material's document$ subscription
      setTimeout(function () { throw error; });
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(boot);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
