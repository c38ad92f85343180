/* mkdocs-awesome-plugin explorer: which papers a state matches, in which order.
 *
 * Pure: no document, no window. Needs text.js; works on data from data.js's prepare().
 */
(function (explore) {
  "use strict";
  var fold = explore.text.fold;

  /* The papers in the order `sort` names, worked out once per order and kept on `data`. */
  function ordered(data, sort) {
    if (data.orders[sort]) return data.orders[sort];
    var collator = typeof Intl !== "undefined"
      ? new Intl.Collator("en", { sensitivity: "base", numeric: true }) : null;
    function byTitle(a, b) {
      var c = collator ? collator.compare(a.t, b.t)
        : a.t.toLowerCase() < b.t.toLowerCase() ? -1 : 1;
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

  /* The set {slug: true} of a category and every category below it. */
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

  /* A test paper -> boolean for the state. Every filter must hold; every search word must occur
     (folded) in the title, authors, venue or summary. */
  function matcher(s, data) {
    var terms = fold(s.q).split(/\s+/).filter(Boolean);
    var cats = s.cat ? subtree(data, s.cat) : null;
    var tags = s.tag, not = s.not, venue = s.venue, year = s.year, from = s.from, to = s.to;
    var code = s.code;
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

  /* The papers the state matches, in its sort order. */
  function select(data, s) {
    var list = ordered(data, s.sort);
    var test = matcher(s, data);
    var hits = [];
    for (var i = 0; i < list.length; i++) if (test(list[i])) hits.push(list[i]);
    return hits;
  }

  explore.match = { ordered: ordered, subtree: subtree, matcher: matcher, select: select };
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
