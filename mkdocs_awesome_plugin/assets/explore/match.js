/* mkdocs-awesome-plugin explorer: which papers a state matches, in which order, and how many
 * papers each facet value would leave.
 *
 * Pure: no document, no window. Needs text.js; works on data from data.js's prepare().
 */
(function (explore) {
  "use strict";
  var fold = explore.text.fold;
  var WORD_CHAR = /[\p{L}\p{N}]/u;

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

  /* The search terms of a query, folded: words, and "quoted phrases" kept whole (their inner
     spaces as one space). A quote left open runs to the end. */
  function terms(q) {
    var out = [];
    var text = fold(q);
    var re = /"([^"]*)"?|([^\s"]+)/g;
    var m;
    while ((m = re.exec(text)) !== null) {
      var term = (m[1] !== undefined ? m[1] : m[2]).replace(/\s+/g, " ").trim();
      if (term) out.push(term);
    }
    return out;
  }

  /* Whether `term` starts a word somewhere in `hay` (both folded): "seg" finds "segment"
     and "video-segmentation" but not "offseg". A term that starts with a sign ("<script>")
     may start anywhere. */
  function startsWord(hay, term) {
    var free = !WORD_CHAR.test(term.charAt(0));
    var at = hay.indexOf(term);
    while (at >= 0) {
      if (free || at === 0 || !WORD_CHAR.test(hay.charAt(at - 1))) return true;
      at = hay.indexOf(term, at + 1);
    }
    return false;
  }

  /* Whether a paper has tags `tags`: all of them, or one of them when `any`. No tags: true. */
  function hasTags(p, tags, any) {
    if (!tags.length) return true;
    for (var i = 0; i < tags.length; i++) {
      var has = p.tg.indexOf(tags[i]) >= 0;
      if (any && has) return true;
      if (!any && !has) return false;
    }
    return !any;
  }

  /* The tests of a state, in two groups: `hard` ones no facet counts past (search words,
     excluded tags, date range), and one per facet (`tag`, `cat`, `venue`, `year`, `code`).
     Each takes a paper and says whether it passes. */
  function tests(s, data) {
    var words = terms(s.q);
    var cats = s.cat ? subtree(data, s.cat) : null;
    var tags = s.tag, any = !!s.any, not = s.not, venue = s.venue, year = s.year;
    var from = s.from, to = s.to, code = s.code;
    return {
      hard: function (p) {
        var i;
        if (from && p.d.slice(0, 7) < from) return false;
        if (to && p.d.slice(0, 7) > to) return false;
        for (i = 0; i < not.length; i++) if (p.tg.indexOf(not[i]) >= 0) return false;
        for (i = 0; i < words.length; i++) if (!startsWord(p.hay, words[i])) return false;
        return true;
      },
      tag: function (p) { return hasTags(p, tags, any); },
      cat: function (p) {
        if (!cats) return true;
        for (var i = 0; i < p.cat.length; i++) if (cats[p.cat[i]] === true) return true;
        return false;
      },
      venue: function (p) { return !venue || p.v === venue; },
      year: function (p) { return !year || p.d.slice(0, 4) === year; },
      code: function (p) { return !code || !!p.c; },
    };
  }

  var FACETS = ["tag", "cat", "venue", "year", "code"];

  /* A test paper -> boolean for the state: every filter must hold, and every search term must
     start a word of the title, authors, venue or summary. */
  function matcher(s, data) {
    var t = tests(s, data);
    return function (p) {
      return t.tag(p) && t.cat(p) && t.venue(p) && t.year(p) && t.code(p) && t.hard(p);
    };
  }

  /* The papers the state matches, in its sort order. */
  function select(data, s) {
    return facets(data, s).hits;
  }

  /* The papers the state matches, and for each facet value how many papers the OTHER filters
     leave that have it, which is how many a reader gets by choosing it (tags in AND mode:
     the papers found that carry the tag, as adding it narrows them; in OR mode the tag filter
     itself is left out, as adding a tag widens). One pass over the papers: a paper that fails
     no filter counts everywhere; one that fails exactly one facet counts for that facet only.

     Returns {hits, counts: {tag, found, cat, venue, year: {value: n}, code: n}}; `found`
     counts the tags of the papers found (what "without tag" would remove). Categories count
     a paper for its own categories and every category above them. */
  function facets(data, s) {
    var list = ordered(data, s.sort);
    var t = tests(s, data);
    var any = !!s.any && s.tag.length > 0;
    var counts = {
      tag: Object.create(null), found: Object.create(null), cat: Object.create(null),
      venue: Object.create(null), year: Object.create(null), code: 0,
    };
    var hits = [];
    var i, j, p, failed, which, ok;
    function add(map, value) { map[value] = (map[value] || 0) + 1; }
    for (i = 0; i < list.length; i++) {
      p = list[i];
      failed = 0;
      which = null;
      for (j = 0; j < FACETS.length && failed < 2; j++) {
        if (!t[FACETS[j]](p)) {
          failed++;
          which = FACETS[j];
        }
      }
      if (failed > 1) continue;
      ok = t.hard(p);
      if (!ok) continue;
      if (failed === 0) {
        hits.push(p);
        for (j = 0; j < p.tg.length; j++) {
          add(counts.found, p.tg[j]);
          add(counts.tag, p.tg[j]);
        }
        for (j = 0; j < p.up.length; j++) add(counts.cat, p.up[j]);
        if (p.v) add(counts.venue, p.v);
        add(counts.year, p.d.slice(0, 4));
        if (p.c) counts.code++;
      } else if (which === "tag") {
        // only in OR mode do tags count past the tag filter (AND counts the papers found)
        if (any) for (j = 0; j < p.tg.length; j++) add(counts.tag, p.tg[j]);
      } else if (which === "cat") {
        for (j = 0; j < p.up.length; j++) add(counts.cat, p.up[j]);
      } else if (which === "venue") {
        if (p.v) add(counts.venue, p.v);
      } else if (which === "year") {
        add(counts.year, p.d.slice(0, 4));
      } else if (which === "code") {
        if (p.c) counts.code++;
      }
    }
    return { hits: hits, counts: counts };
  }

  explore.match = {
    ordered: ordered, subtree: subtree, terms: terms, startsWord: startsWord, hasTags: hasTags,
    matcher: matcher, select: select, facets: facets,
  };
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
