/* mkdocs-awesome-plugin: the paper explorer (/explore/).
 *
 * Loaded on every page through extra_javascript; it only acts where the page holds an element
 * with [data-aw-explore], and runs again after each of Material's instant navigations
 * (document$). No framework. Entry text is data: it is only ever placed with textContent or
 * attribute setters, never parsed as HTML.
 */
(function () {
  "use strict";

  var WINDOW = 200; // rows drawn at once, unless [data-aw-window] says; "Show more" adds as many
  var SORTS = ["date-desc", "date-asc", "title-asc", "title-desc"];
  var MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  var YEAR = /^\d{4}$/;
  var loads = Object.create(null); // data URL -> Promise of prepared data (kept across pages)
  var bibs = Object.create(null); // BibTeX URL -> Promise of {key: entry text}

  // --- helpers -----------------------------------------------------------------------------
  function fold(text) {
    text = String(text == null ? "" : text);
    if (text.normalize) text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return text.toLowerCase();
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function httpUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function number(n) {
    return n.toLocaleString("en-US");
  }

  function plural(n, word) {
    return number(n) + " " + (n === 1 ? word : word + "s");
  }

  function shortAuthors(authors, limit, etAl) {
    if (etAl && authors.length <= limit) return authors.join(", ") + " et al.";
    if (authors.length <= limit) {
      if (authors.length === 1) return authors[0];
      return authors.slice(0, -1).join(", ") + " and " + authors[authors.length - 1];
    }
    return authors.slice(0, limit).join(", ") + " et al.";
  }

  function unique(list) {
    var seen = Object.create(null);
    return list.filter(function (x) {
      if (seen[x]) return false;
      seen[x] = true;
      return true;
    });
  }

  // --- data ----------------------------------------------------------------------------------
  function load(url) {
    if (!loads[url]) {
      loads[url] = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(prepare);
      loads[url].catch(function () {
        delete loads[url];
      });
    }
    return loads[url];
  }

  function prepare(data) {
    var papers = data.papers || [];
    var venues = Object.create(null);
    var years = Object.create(null);
    data.byKey = Object.create(null);
    for (var i = 0; i < papers.length; i++) {
      var p = papers[i];
      p.a = p.a || [];
      p.tg = p.tg || [];
      p.cat = p.cat || [];
      p.hay = fold([p.t, p.a.join(", "), p.v || "", p.s || ""].join("\n"));
      data.byKey[p.k] = p;
      if (p.v) venues[p.v] = (venues[p.v] || 0) + 1;
      var year = p.d.slice(0, 4);
      years[year] = (years[year] || 0) + 1;
    }
    data.venues = Object.keys(venues)
      .map(function (v) { return { name: v, n: venues[v] }; })
      .sort(function (a, b) { return b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
    data.venueSet = venues;
    data.years = Object.keys(years).sort().reverse().map(function (y) { return { year: y, n: years[y] }; });
    data.yearSet = years;
    data.catBySlug = Object.create(null);
    data.tagSet = Object.create(null);
    data.categories.forEach(function (c) {
      c.children = [];
      data.catBySlug[c.slug] = c;
    });
    data.categories.forEach(function (c) {
      if (c.parent && data.catBySlug[c.parent]) data.catBySlug[c.parent].children.push(c.slug);
    });
    data.tags.forEach(function (t) {
      data.tagSet[t.tag] = t;
    });
    data.orders = Object.create(null);
    data.orders["date-desc"] = papers; // the build writes them newest first
    return data;
  }

  function ordered(data, sort) {
    if (data.orders[sort]) return data.orders[sort];
    var collator = window.Intl ? new Intl.Collator("en", { sensitivity: "base", numeric: true }) : null;
    function byTitle(a, b) {
      var c = collator ? collator.compare(a.t, b.t) : a.t.toLowerCase() < b.t.toLowerCase() ? -1 : 1;
      return c || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0);
    }
    var list = data.papers.slice();
    if (sort === "date-asc") {
      list.sort(function (a, b) { return a.d < b.d ? -1 : a.d > b.d ? 1 : byTitle(a, b); });
    } else if (sort === "title-asc") {
      list.sort(byTitle);
    } else if (sort === "title-desc") {
      list = ordered(data, "title-asc").slice().reverse();
    }
    data.orders[sort] = list;
    return list;
  }

  function subtree(data, slug) {
    var out = Object.create(null);
    var stack = [slug];
    while (stack.length) {
      var s = stack.pop();
      if (out[s] || !data.catBySlug[s]) continue;
      out[s] = true;
      stack.push.apply(stack, data.catBySlug[s].children);
    }
    return out;
  }

  // --- filter state <-> URL --------------------------------------------------------------------
  function emptyState() {
    return { q: "", tag: [], not: [], cat: "", venue: "", year: "", from: "", to: "", code: false, sort: "date-desc" };
  }

  function monthBound(value, end) {
    value = (value || "").trim();
    if (YEAR.test(value)) return value + (end ? "-12" : "-01");
    return MONTH.test(value) ? value : "";
  }

  function readState(data, search) {
    var params = new URLSearchParams(search);
    var s = emptyState();
    s.q = (params.get("q") || "").slice(0, 300);
    s.tag = unique(params.getAll("tag").filter(function (t) { return data.tagSet[t]; }));
    s.not = unique(params.getAll("not").filter(function (t) { return data.tagSet[t] && s.tag.indexOf(t) < 0; }));
    var cat = params.get("cat") || "";
    s.cat = data.catBySlug[cat] ? cat : "";
    var venue = params.get("venue") || "";
    s.venue = data.venueSet[venue] ? venue : "";
    var year = params.get("year") || "";
    s.year = YEAR.test(year) && data.yearSet[year] ? year : "";
    s.from = monthBound(params.get("from"), false);
    s.to = monthBound(params.get("to"), true);
    s.code = params.get("code") === "1";
    var sort = params.get("sort") || "";
    s.sort = SORTS.indexOf(sort) >= 0 ? sort : "date-desc";
    return s;
  }

  function queryString(s) {
    var params = new URLSearchParams();
    if (s.q.trim()) params.set("q", s.q.trim());
    s.tag.forEach(function (t) { params.append("tag", t); });
    s.not.forEach(function (t) { params.append("not", t); });
    if (s.cat) params.set("cat", s.cat);
    if (s.venue) params.set("venue", s.venue);
    if (s.year) params.set("year", s.year);
    if (s.from) params.set("from", s.from);
    if (s.to) params.set("to", s.to);
    if (s.code) params.set("code", "1");
    if (s.sort !== "date-desc") params.set("sort", s.sort);
    return params.toString();
  }

  function activeCount(s) {
    return s.tag.length + s.not.length + (s.cat ? 1 : 0) + (s.venue ? 1 : 0) + (s.year ? 1 : 0) +
      (s.from ? 1 : 0) + (s.to ? 1 : 0) + (s.code ? 1 : 0);
  }

  function matcher(s, data) {
    var terms = fold(s.q).split(/\s+/).filter(Boolean);
    var cats = s.cat ? subtree(data, s.cat) : null;
    var tags = s.tag, not = s.not, venue = s.venue, year = s.year, from = s.from, to = s.to, code = s.code;
    return function (p) {
      var i;
      if (code && !p.c) return false;
      if (venue && p.v !== venue) return false;
      if (year && p.d.slice(0, 4) !== year) return false;
      if (from && p.d.slice(0, 7) < from) return false;
      if (to && p.d.slice(0, 7) > to) return false;
      for (i = 0; i < tags.length; i++) if (p.tg.indexOf(tags[i]) < 0) return false;
      for (i = 0; i < not.length; i++) if (p.tg.indexOf(not[i]) >= 0) return false;
      if (cats) {
        var inside = false;
        for (i = 0; i < p.cat.length && !inside; i++) inside = cats[p.cat[i]] === true;
        if (!inside) return false;
      }
      for (i = 0; i < terms.length; i++) if (p.hay.indexOf(terms[i]) < 0) return false;
      return true;
    };
  }

  // --- BibTeX ----------------------------------------------------------------------------------
  /* Split a .bib file into entries by citation key. An entry starts at a line `@type{key,` whose
     key is one of the catalogue's, and runs to the next such line. */
  function splitBib(text, known) {
    var out = Object.create(null);
    var start = /^\s*@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]+)\s*,/;
    var lines = text.split(/\r?\n/);
    var key = null, buffer = [];
    function flush() {
      if (key) out[key] = buffer.join("\n").replace(/\s+$/, "") + "\n";
    }
    for (var i = 0; i < lines.length; i++) {
      var m = start.exec(lines[i]);
      if (m && known[m[2]] && !/^(comment|string|preamble)$/i.test(m[1])) {
        flush();
        key = m[2];
        buffer = [lines[i]];
      } else if (key) {
        buffer.push(lines[i]);
      }
    }
    flush();
    return out;
  }

  function loadBib(url, data) {
    if (!bibs[url]) {
      bibs[url] = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.text();
        })
        .then(function (text) { return splitBib(text, data.byKey); });
      bibs[url].catch(function () {
        delete bibs[url];
      });
    }
    return bibs[url];
  }

  /* Copy the text a promise gives. Safari only lets a page write to the clipboard during the
     click, so the promise goes into a ClipboardItem at once; elsewhere writeText follows. */
  function copyLater(textPromise) {
    if (navigator.clipboard && navigator.clipboard.write && window.ClipboardItem && window.isSecureContext) {
      try {
        var item = new window.ClipboardItem({
          "text/plain": textPromise.then(function (text) { return new Blob([text], { type: "text/plain" }); }),
        });
        return navigator.clipboard.write([item]).catch(function () {
          return textPromise.then(copyText);
        });
      } catch (e) {
        // a ClipboardItem that takes no promise: fall through
      }
    }
    return textPromise.then(copyText);
  }

  function copyText(text) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "0";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (e) {
        ok = false;
      }
      document.body.removeChild(area);
      if (!ok) throw new Error("the browser refused");
    }
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(fallback);
    }
    return new Promise(function (resolve) {
      fallback();
      resolve();
    });
  }

  function download(text, name) {
    var blob = new Blob([text], { type: "application/x-bibtex;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // --- the explorer on one page ------------------------------------------------------------------
  function start(root, data) {
    function $(selector) {
      return root.querySelector(selector);
    }
    var ui = $("[data-aw-ui]"), notice = $("[data-aw-notice]"), form = $("[data-aw-form]");
    var q = $("[data-aw-q]"), sort = $("[data-aw-sort]"), cat = $("[data-aw-cat]");
    var venue = $("[data-aw-venue]"), year = $("[data-aw-year]"), from = $("[data-aw-from]");
    var to = $("[data-aw-to]"), code = $("[data-aw-code]"), chips = $("[data-aw-chips]");
    var filters = $("[data-aw-filters]"), active = $("[data-aw-active]"), count = $("[data-aw-count]");
    var status = $("[data-aw-status]"), results = $("[data-aw-results]"), more = $("[data-aw-more]");
    var tagAdd = root.querySelectorAll("[data-aw-tag-add]");
    var siteRoot = root.getAttribute("data-aw-root") || "";
    var bibUrl = new URL(root.getAttribute("data-aw-bib"), location.href).href;
    var total = data.papers.length;
    var windowSize = parseInt(root.getAttribute("data-aw-window"), 10) || WINDOW;
    var state = readState(data, location.search);
    var current = [], shown = 0, urlTimer = null;
    var rows = Object.create(null); // key -> row element, reused between redraws

    // options
    tagAdd.forEach(function (select) {
      data.tags.forEach(function (t) {
        var option = el("option", null, t.tag + " (" + number(t.n) + ")");
        option.value = t.tag;
        select.appendChild(option);
      });
    });
    data.categories.forEach(function (c) {
      var indent = new Array(c.depth + 1).join("\u00a0\u00a0\u00a0");
      var option = el("option", null, indent + c.title + " (" + number(c.n) + ")");
      option.value = c.slug;
      cat.appendChild(option);
    });
    data.venues.forEach(function (v) {
      var option = el("option", null, v.name + " (" + number(v.n) + ")");
      option.value = v.name;
      venue.appendChild(option);
    });
    data.years.forEach(function (y) {
      var option = el("option", null, y.year + " (" + number(y.n) + ")");
      option.value = y.year;
      year.appendChild(option);
    });

    function row(p) {
      var article = el("article", "aw-paper");
      article.setAttribute("data-key", p.k);
      var head = el("div", "aw-paper__head");
      var time = el("time", "aw-date", p.d);
      time.setAttribute("datetime", p.d);
      var title = el("a", "aw-paper__title", p.t);
      title.href = siteRoot + data.paper_url[0] + encodeURIComponent(p.k) + data.paper_url[1];
      head.appendChild(time);
      head.appendChild(document.createTextNode(" "));
      head.appendChild(title);
      article.appendChild(head);
      if (p.a.length) {
        var authors = el("div", "aw-authors", shortAuthors(p.a, data.authors_shown || 3, p.e === 1));
        authors.title = p.a.join(", ");
        article.appendChild(authors);
      }
      var meta = el("div", "aw-paper__meta");
      var badges = el("span", "aw-badges");
      if (p.v) {
        var v = el("span", "aw-badge aw-badge--venue", p.v);
        v.title = "Venue";
        badges.appendChild(v);
      }
      if (httpUrl(p.c)) {
        var c = el("a", "aw-badge aw-badge--code", "code");
        c.href = p.c;
        c.rel = "noopener nofollow";
        badges.appendChild(c);
      }
      if (p.x) {
        var x = el("a", "aw-badge aw-badge--arxiv", "arXiv:" + p.x);
        x.href = data.arxiv_url + p.x;
        x.rel = "noopener nofollow";
        badges.appendChild(x);
      }
      meta.appendChild(badges);
      meta.appendChild(document.createTextNode(" "));
      var tags = el("span", "aw-tags");
      p.tg.forEach(function (t) {
        var button = el("button", "aw-tag aw-tag--filter", t);
        button.type = "button";
        button.setAttribute("data-aw-add-tag", t);
        button.title = "Show only papers tagged " + t;
        tags.appendChild(button);
      });
      meta.appendChild(tags);
      article.appendChild(meta);
      return article;
    }

    function showMore(event) {
      var end = shown && !event ? shown : Math.min(current.length, shown + windowSize);
      var fragment = document.createDocumentFragment();
      for (var i = shown; i < end; i++) {
        var p = current[i];
        fragment.appendChild(rows[p.k] || (rows[p.k] = row(p)));
      }
      results.appendChild(fragment);
      shown = end;
      var left = current.length - shown;
      more.hidden = left <= 0;
      more.textContent = "Show " + number(Math.min(windowSize, left)) + " more (" + number(left) + " not shown)";
      count.textContent = current.length === total
        ? (shown < total ? "Showing " + number(shown) + " of all " + plural(total, "paper") : "All " + plural(total, "paper"))
        : (shown < current.length ? "Showing " + number(shown) + " of " + plural(current.length, "paper") + " found"
          : plural(current.length, "paper") + " found") + " (of " + number(total) + ")";
    }

    function drawChips() {
      chips.textContent = "";
      function chip(kind, tag) {
        var item = el("li");
        var button = el("button", "aw-chip aw-chip--" + kind, (kind === "not" ? "without " : "with ") + tag + " ");
        button.type = "button";
        button.setAttribute("data-aw-remove", kind);
        button.setAttribute("data-aw-value", tag);
        button.setAttribute("aria-label", "Remove the filter " + (kind === "not" ? "without" : "with") + " tag " + tag);
        button.appendChild(el("span", "aw-chip__x", "×")).setAttribute("aria-hidden", "true");
        item.appendChild(button);
        chips.appendChild(item);
      }
      state.tag.forEach(function (t) { chip("tag", t); });
      state.not.forEach(function (t) { chip("not", t); });
      chips.hidden = !state.tag.length && !state.not.length;
    }

    function toControls() {
      q.value = state.q;
      sort.value = state.sort;
      cat.value = state.cat;
      venue.value = state.venue;
      year.value = state.year;
      from.value = state.from;
      to.value = state.to;
      code.checked = state.code;
      from.removeAttribute("aria-invalid");
      to.removeAttribute("aria-invalid");
      drawChips();
    }

    function syncUrl() {
      clearTimeout(urlTimer);
      urlTimer = null;
      if (!root.isConnected) return; // the reader has navigated away meanwhile
      var qs = queryString(state);
      var url = location.pathname + (qs ? "?" + qs : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) {
        history.replaceState(history.state, "", url);
      }
    }

    function update(lazyUrl) {
      var list = ordered(data, state.sort);
      var test = matcher(state, data);
      var hits = [];
      for (var i = 0; i < list.length; i++) if (test(list[i])) hits.push(list[i]);
      var unchanged = hits.length === current.length && shown > 0;
      for (i = 0; unchanged && i < shown; i++) unchanged = hits[i] === current[i];
      current = hits;
      if (!unchanged) {
        // (an unchanged list, e.g. after typing a space, keeps its rows and "Show more" state)
        shown = 0;
        results.textContent = "";
        if (!hits.length) {
          results.appendChild(el("p", "aw-empty", "No papers match these filters."));
        }
      }
      showMore();
      var n = activeCount(state);
      active.textContent = n ? "(" + n + " active)" : "";
      status.textContent = "";
      if (lazyUrl) {
        clearTimeout(urlTimer);
        urlTimer = setTimeout(syncUrl, 300);
      } else {
        syncUrl();
      }
    }

    function addTag(kind, tag) {
      if (!data.tagSet[tag]) return;
      var other = kind === "tag" ? "not" : "tag";
      state[other] = state[other].filter(function (t) { return t !== tag; });
      if (state[kind].indexOf(tag) < 0) state[kind] = state[kind].concat([tag]);
      drawChips();
      update(false);
    }

    function exportBib(action) {
      var keys = current.map(function (p) { return p.k; });
      if (!keys.length) {
        status.textContent = "No papers to export.";
        return;
      }
      status.textContent = "Preparing BibTeX…";
      var found = [];
      var text = loadBib(bibUrl, data).then(function (map) {
        found = keys.filter(function (k) { return map[k]; });
        return found.map(function (k) { return map[k]; }).join("\n");
      });
      function done(verb) {
        var missing = keys.length - found.length;
        var note = missing ? " (" + number(missing) + " not found)" : "";
        var what = found.length === 1 ? "1 BibTeX entry" : number(found.length) + " BibTeX entries";
        status.textContent = verb + " " + what + (verb === "Copied" ? " to the clipboard" : "") + note + ".";
      }
      var job = action === "download"
        ? text.then(function (bib) {
          download(bib, "papers.bib");
          done("Downloaded");
        })
        : copyLater(text).then(function () {
          done("Copied");
        });
      job.catch(function (error) {
        status.textContent = "Could not export the BibTeX: " + (error && error.message ? error.message : error) + ".";
      });
    }

    // events
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    q.addEventListener("input", function () {
      state.q = q.value;
      update(true);
    });
    q.addEventListener("change", syncUrl);
    sort.addEventListener("change", function () {
      state.sort = SORTS.indexOf(sort.value) >= 0 ? sort.value : "date-desc";
      update(false);
    });
    [[cat, "cat"], [venue, "venue"], [year, "year"]].forEach(function (pair) {
      pair[0].addEventListener("change", function () {
        state[pair[1]] = pair[0].value;
        update(false);
      });
    });
    [[from, "from", false], [to, "to", true]].forEach(function (item) {
      function read() {
        var raw = item[0].value.trim();
        var value = monthBound(raw, item[2]);
        if (raw && !value) {
          item[0].setAttribute("aria-invalid", "true");
          return;
        }
        item[0].removeAttribute("aria-invalid");
        if (value !== state[item[1]]) {
          state[item[1]] = value;
          update(false);
        }
      }
      item[0].addEventListener("input", read);
      item[0].addEventListener("change", read);
    });
    code.addEventListener("change", function () {
      state.code = code.checked;
      update(false);
    });
    tagAdd.forEach(function (select) {
      select.addEventListener("change", function () {
        var tag = select.value;
        select.value = "";
        if (tag) addTag(select.getAttribute("data-aw-tag-add"), tag);
      });
    });
    chips.addEventListener("click", function (event) {
      var button = event.target.closest("[data-aw-remove]");
      if (!button) return;
      var kind = button.getAttribute("data-aw-remove"), tag = button.getAttribute("data-aw-value");
      state[kind] = state[kind].filter(function (t) { return t !== tag; });
      drawChips();
      update(false);
      q.focus();
    });
    results.addEventListener("click", function (event) {
      var button = event.target.closest("[data-aw-add-tag]");
      if (button) addTag("tag", button.getAttribute("data-aw-add-tag"));
    });
    more.addEventListener("click", showMore);
    // fetch the BibTeX as soon as an export looks likely, so the click itself is quick
    $(".aw-explore__actions").addEventListener("pointerenter", function () {
      loadBib(bibUrl, data).catch(function () {});
    });
    $(".aw-explore__actions").addEventListener("focusin", function () {
      loadBib(bibUrl, data).catch(function () {});
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-aw-action]");
      if (!button || !root.contains(button)) return;
      var action = button.getAttribute("data-aw-action");
      if (action === "reset") {
        var keepSort = state.sort;
        state = emptyState();
        state.sort = keepSort;
        toControls();
        update(false);
      } else {
        exportBib(action);
      }
    });

    toControls();
    filters.open = activeCount(state) > 0 ||
      !!(window.matchMedia && window.matchMedia("(min-width: 60em)").matches);
    notice.hidden = true;
    ui.hidden = false;
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
        var message = el("p", "aw-explore__error", "The list of papers could not be loaded (" +
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
})();
