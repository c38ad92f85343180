/* mkdocs-awesome-plugin explorer: the COinS span of a result row, so that reference managers
 * (the Zotero connector) can save the papers found.
 *
 * The rule is exports/coins.py's: the build puts into explore/papers.json each paper's kind of
 * venue (`f`) and DOI (`i`), and the table of formats (`coins`), and this file puts the pairs
 * together in the same order and encodes them the same way, so a row's title is byte for byte
 * the one a category page carries (tests/test_explore_facets.py compares them). Pure.
 */
(function (explore) {
  "use strict";

  /* Percent-encoding as Python's quote(safe="/:"): letters, digits and -_.~/: stay. */
  function encode(text) {
    return encodeURIComponent(text)
      .replace(/[!'()*]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase(); })
      .replace(/%2F/g, "/").replace(/%3A/g, ":");
  }

  /* [[key, value]] of a paper's ContextObject; `spec` is papers.json's `coins`. */
  function pairs(p, spec) {
    var form = spec.forms[p.f || "o"];
    var out = [["ctx_ver", spec.ctx_ver], ["rft_val_fmt", form[0]], ["rft.genre", form[1]],
      ["rft.atitle", p.zt || p.t]];
    var venue = p.zv || p.v;
    if (venue) out.push([form[2], venue]);
    (p.za || p.a).forEach(function (name) { out.push(["rft.au", name]); });
    out.push(["rft.date", p.d]);
    if (p.i) out.push(["rft_id", "info:doi/" + p.i]);
    if (p.x) out.push(["rft_id", "info:arxiv/" + p.x]);
    return out;
  }

  /* The span's title: the pairs as a query string. */
  function title(p, spec) {
    return pairs(p, spec).map(function (kv) { return encode(kv[0]) + "=" + encode(kv[1]); })
      .join("&");
  }

  explore.coins = { encode: encode, pairs: pairs, title: title };
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
