/* mkdocs-awesome-plugin explorer: the filter state, and its place in the page's query string.
 *
 * A state is a plain object: {q, tag: [], any, not: [], cat, venue, year, from, to, code, sort};
 * `any` true means a paper needs one of the `tag` list rather than all of them.
 * Reading a query string keeps only values the catalogue knows, so a stale or hand-edited link
 * shows papers rather than nothing. Pure: no document, no window.
 */
(function (explore) {
  "use strict";

  var SORTS = ["date-desc", "date-asc", "title-asc", "title-desc"];
  var DEFAULT_SORT = "date-desc";
  var MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  var YEAR = /^\d{4}$/;

  function emptyState() {
    return {
      q: "", tag: [], any: false, not: [], cat: "", venue: "", year: "", from: "", to: "",
      code: false, sort: DEFAULT_SORT,
    };
  }

  function sortOf(value) {
    return SORTS.indexOf(value) >= 0 ? value : DEFAULT_SORT;
  }

  /* A month range bound as YYYY-MM: a bare year means its January (`end` false) or December;
     anything else gives "". */
  function monthBound(value, end) {
    value = (value || "").trim();
    if (YEAR.test(value)) return value + (end ? "-12" : "-01");
    return MONTH.test(value) ? value : "";
  }

  function unique(list) {
    var seen = Object.create(null);
    return list.filter(function (x) {
      if (seen[x]) return false;
      seen[x] = true;
      return true;
    });
  }

  /* The state a query string ("?q=…&tag=…") asks for, against the prepared data. */
  function readState(data, search) {
    var params = new URLSearchParams(search);
    var s = emptyState();
    s.q = (params.get("q") || "").slice(0, 300);
    s.tag = unique(params.getAll("tag").filter(function (t) { return data.tagSet[t]; }));
    s.any = params.get("any") === "1";
    s.not = unique(params.getAll("not").filter(function (t) {
      return data.tagSet[t] && s.tag.indexOf(t) < 0;
    }));
    var cat = params.get("cat") || "";
    s.cat = data.catBySlug[cat] ? cat : "";
    var venue = params.get("venue") || "";
    s.venue = data.venueSet[venue] ? venue : "";
    var year = params.get("year") || "";
    s.year = YEAR.test(year) && data.yearSet[year] ? year : "";
    s.from = monthBound(params.get("from"), false);
    s.to = monthBound(params.get("to"), true);
    s.code = params.get("code") === "1";
    s.sort = sortOf(params.get("sort") || "");
    return s;
  }

  /* The query string (without "?") for a state; defaults are left out, so no filter gives "". */
  function queryString(s) {
    var params = new URLSearchParams();
    if (s.q.trim()) params.set("q", s.q.trim());
    s.tag.forEach(function (t) { params.append("tag", t); });
    if (s.any) params.set("any", "1");
    s.not.forEach(function (t) { params.append("not", t); });
    if (s.cat) params.set("cat", s.cat);
    if (s.venue) params.set("venue", s.venue);
    if (s.year) params.set("year", s.year);
    if (s.from) params.set("from", s.from);
    if (s.to) params.set("to", s.to);
    if (s.code) params.set("code", "1");
    if (s.sort !== DEFAULT_SORT) params.set("sort", s.sort);
    return params.toString();
  }

  /* How many filters are on; the search words and the sort are not filters here. */
  function activeCount(s) {
    return s.tag.length + s.not.length + (s.cat ? 1 : 0) + (s.venue ? 1 : 0) + (s.year ? 1 : 0) +
      (s.from ? 1 : 0) + (s.to ? 1 : 0) + (s.code ? 1 : 0);
  }

  function copy(s) {
    var out = {};
    for (var name in s) out[name] = s[name];
    return out;
  }

  /* The state with `tag` required (`kind` "tag") or excluded ("not"); a tag is never both, so
     it leaves the other list. An unknown tag gives the same state object back. */
  function addTag(s, data, kind, tag) {
    if (!data.tagSet[tag]) return s;
    var other = kind === "tag" ? "not" : "tag";
    var out = copy(s);
    out[other] = s[other].filter(function (t) { return t !== tag; });
    if (s[kind].indexOf(tag) < 0) out[kind] = s[kind].concat([tag]);
    return out;
  }

  function removeTag(s, kind, tag) {
    var out = copy(s);
    out[kind] = s[kind].filter(function (t) { return t !== tag; });
    return out;
  }

  /* "Clear all": every filter and the search words back to the defaults; the sort and the
     AND/OR choice for tags stay, as they are ways of looking rather than filters. */
  function cleared(s) {
    var out = emptyState();
    out.sort = s.sort;
    out.any = !!s.any;
    return out;
  }

  /* The state without one filter: `kind` is a chip's kind ("tag", "not", "cat", "venue",
     "year", "from", "to", "code"); `value` names the tag for "tag" and "not". */
  function without(s, kind, value) {
    if (kind === "tag" || kind === "not") return removeTag(s, kind, value);
    var out = copy(s);
    out[kind] = emptyState()[kind];
    return out;
  }

  /* The removable chips of a state (its filters; the search words have their own box), in the
     order the form shows them:
     [{kind, value, label}]. `catTitle` gives a category's title from its slug. */
  function chipList(s, catTitle) {
    var out = [];
    s.tag.forEach(function (t) { out.push({ kind: "tag", value: t, label: "with " + t }); });
    s.not.forEach(function (t) { out.push({ kind: "not", value: t, label: "without " + t }); });
    if (s.cat) out.push({ kind: "cat", value: s.cat, label: "in " + catTitle(s.cat) });
    if (s.venue) out.push({ kind: "venue", value: s.venue, label: "at " + s.venue });
    if (s.year) out.push({ kind: "year", value: s.year, label: "in " + s.year });
    if (s.from) out.push({ kind: "from", value: s.from, label: "from " + s.from });
    if (s.to) out.push({ kind: "to", value: s.to, label: "until " + s.to });
    if (s.code) out.push({ kind: "code", value: "", label: "with code" });
    return out;
  }

  explore.state = {
    SORTS: SORTS, emptyState: emptyState, sortOf: sortOf, monthBound: monthBound,
    readState: readState, queryString: queryString, activeCount: activeCount,
    addTag: addTag, removeTag: removeTag, cleared: cleared, without: without, chipList: chipList,
  };
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
