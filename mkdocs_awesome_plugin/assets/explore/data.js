/* mkdocs-awesome-plugin explorer: the indexes built once over explore/papers.json.
 *
 * Pure: no document, no window. Needs text.js.
 */
(function (explore) {
  "use strict";
  var fold = explore.text.fold;

  function byCountThenName(a, b) {
    return b.n - a.n || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  }

  /* Fill in what the build leaves out to keep the file small, and add the indexes the filters
     and the option lists use. Changes `data` in place and returns it. */
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
      .sort(byCountThenName);
    data.venueSet = venues;
    data.years = Object.keys(years).sort().reverse()
      .map(function (y) { return { year: y, n: years[y] }; });
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
    // each paper's categories with every category above them, for the category counts
    for (i = 0; i < papers.length; i++) {
      var up = [], seen = Object.create(null);
      for (var j = 0; j < papers[i].cat.length; j++) {
        var c = data.catBySlug[papers[i].cat[j]];
        while (c && !seen[c.slug]) {
          seen[c.slug] = true;
          up.push(c.slug);
          c = c.parent ? data.catBySlug[c.parent] : null;
        }
      }
      papers[i].up = up;
    }
    data.orders = Object.create(null);
    data.orders["date-desc"] = papers; // the build writes them newest first
    return data;
  }

  explore.data = { prepare: prepare };
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
