/* mkdocs-awesome-plugin explorer: drawing into the page.
 *
 * Entry text is data: it is only ever placed with textContent or attribute setters, never
 * parsed as HTML. Needs text.js.
 */
(function (explore) {
  "use strict";
  var text = explore.text;

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content != null) node.textContent = content;
    return node;
  }

  function option(value, label, n) {
    var node = el("option", null, label + " (" + text.number(n) + ")");
    node.value = value;
    return node;
  }

  /* Fill the option lists of the tag, category, venue and year selects. Returns what
     `counts` needs to relabel them: per select, [option, label] by value. */
  function options(parts, data) {
    var made = { tag: [], cat: [], venue: [], year: [] };
    function add(kind, select, value, label, n) {
      var node = select.appendChild(option(value, label, n));
      made[kind].push([node, label, value, select.getAttribute("data-aw-tag-add") || kind]);
    }
    parts.tagAdd.forEach(function (select) {
      data.tags.forEach(function (t) { add("tag", select, t.tag, t.tag, t.n); });
    });
    data.categories.forEach(function (c) {
      var indent = new Array(c.depth + 1).join("\u00a0\u00a0\u00a0");
      add("cat", parts.cat, c.slug, indent + c.title, c.n);
    });
    data.venues.forEach(function (v) { add("venue", parts.venue, v.name, v.name, v.n); });
    data.years.forEach(function (y) { add("year", parts.year, y.year, y.year, y.n); });
    return made;
  }

  /* Relabel every option with its facet count (match.facets): "video (12)". The "without
     tag" list counts the papers found that carry the tag, which excluding it would remove.
     Only labels that change are written. */
  function counts(made, parts, c) {
    function relabel(list, map) {
      for (var i = 0; i < list.length; i++) {
        var item = list[i];
        var source = item[3] === "not" ? c.found : map;
        var label = item[1] + " (" + text.number(source[item[2]] || 0) + ")";
        if (item[0].textContent !== label) item[0].textContent = label;
      }
    }
    relabel(made.tag, c.tag);
    relabel(made.cat, c.cat);
    relabel(made.venue, c.venue);
    relabel(made.year, c.year);
    var code = "(" + text.number(c.code) + ")";
    if (parts.codeCount.textContent !== code) parts.codeCount.textContent = code;
  }

  /* One paper's row: date, linked title, authors, venue/code/arXiv badges, tag buttons. */
  function row(p, data, siteRoot) {
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
      var authors = el("div", "aw-authors",
        text.shortAuthors(p.a, data.authors_shown || 3, p.e === 1));
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
    if (text.httpUrl(p.c)) {
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
    if (data.coins) {
      // COinS (coins.js) so that the Zotero connector can save the papers found
      var coins = el("span", "Z3988");
      coins.title = explore.coins.title(p, data.coins);
      article.appendChild(coins);
    }
    return article;
  }

  /* The removable chips of a state's filters (state.chipList), and "Clear all" after them. */
  function chips(list, clearAll, s, catTitle) {
    list.textContent = "";
    var items = explore.state.chipList(s, catTitle);
    items.forEach(function (chip) {
      var item = el("li");
      var button = el("button", "aw-chip aw-chip--" + chip.kind, chip.label + " ");
      button.type = "button";
      button.setAttribute("data-aw-remove", chip.kind);
      button.setAttribute("data-aw-value", chip.value);
      button.setAttribute("aria-label", "Remove the filter: " + chip.label);
      button.appendChild(el("span", "aw-chip__x", "\u00d7")).setAttribute("aria-hidden", "true");
      item.appendChild(button);
      list.appendChild(item);
    });
    list.hidden = !items.length;
    clearAll.hidden = !items.length;
  }

  /* Links to the Atom feeds of the chosen tags and category, when the site has them. */
  function feeds(box, data, s, siteRoot) {
    box.textContent = "";
    var f = data.feeds;
    var links = [];
    if (f) {
      s.tag.forEach(function (t) {
        links.push(["tag " + t, f.tag[0] + encodeURIComponent(t) + f.tag[1]]);
      });
      if (s.cat && data.catBySlug[s.cat]) {
        links.push([data.catBySlug[s.cat].title, f.cat[0] + encodeURIComponent(s.cat) + f.cat[1]]);
      }
    }
    box.hidden = !links.length;
    if (!links.length) return;
    box.appendChild(document.createTextNode("Follow in a feed reader: "));
    links.forEach(function (item, i) {
      if (i) box.appendChild(document.createTextNode(" · "));
      var a = el("a", "aw-feed", "Atom feed of " + item[0]);
      a.href = siteRoot + item[1];
      a.type = "application/atom+xml";
      box.appendChild(a);
    });
  }

  /* The result list, drawn `windowSize` rows at a time. show(hits) draws a new result;
     more() draws the next window. Rows are made once per paper and reused between results. */
  function resultList(parts, data, siteRoot, windowSize) {
    var current = [], shown = 0;
    var rows = Object.create(null); // key -> row element
    var total = data.papers.length;

    function draw(extend) {
      var end = shown && !extend ? shown : Math.min(current.length, shown + windowSize);
      var fragment = document.createDocumentFragment();
      for (var i = shown; i < end; i++) {
        var p = current[i];
        fragment.appendChild(rows[p.k] || (rows[p.k] = row(p, data, siteRoot)));
      }
      parts.results.appendChild(fragment);
      shown = end;
      var left = current.length - shown;
      parts.more.hidden = left <= 0;
      parts.more.textContent = text.moreText(windowSize, left);
      parts.count.textContent = text.countText(shown, current.length, total);
    }

    function show(hits) {
      var unchanged = hits.length === current.length && shown > 0;
      for (var i = 0; unchanged && i < shown; i++) unchanged = hits[i] === current[i];
      current = hits;
      if (!unchanged) {
        // (an unchanged list, e.g. after typing a space, keeps its rows and "Show more" state)
        shown = 0;
        parts.results.textContent = "";
        if (!hits.length) {
          parts.results.appendChild(el("p", "aw-empty", "No papers match these filters."));
        }
      }
      draw(false);
    }

    return {
      show: show,
      more: function () { draw(true); },
      current: function () { return current; },
    };
  }

  explore.render = {
    el: el, options: options, counts: counts, row: row, chips: chips, feeds: feeds,
    resultList: resultList,
  };
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
