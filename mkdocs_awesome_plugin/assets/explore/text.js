/* mkdocs-awesome-plugin explorer: text folding for search, and the words and numbers the reader
 * sees (counts, author lists, export notes).
 *
 * Pure: no document, no window. Every explorer script adds its part to one namespace object,
 * globalThis.awesomeExplore, in the order the feature lists them (features/explore.py); Node's
 * tests load the same files the same way (tests/js/load.js).
 */
(function (explore) {
  "use strict";

  /* Lower case without accents, so "Pérez" is found by "perez". */
  function fold(text) {
    text = String(text == null ? "" : text);
    if (text.normalize) text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return text.toLowerCase();
  }

  function number(n) {
    return n.toLocaleString("en-US");
  }

  function plural(n, word) {
    return number(n) + " " + (n === 1 ? word : word + "s");
  }

  /* "A, B and C" up to `limit` names, else the first `limit` and "et al."; `etAl` says the
     entry's own list is incomplete. */
  function shortAuthors(authors, limit, etAl) {
    if (etAl && authors.length <= limit) return authors.join(", ") + " et al.";
    if (authors.length <= limit) {
      if (authors.length === 1) return authors[0];
      return authors.slice(0, -1).join(", ") + " and " + authors[authors.length - 1];
    }
    return authors.slice(0, limit).join(", ") + " et al.";
  }

  /* The line above the list: how many rows are drawn, found, and in the whole catalogue. */
  function countText(shown, found, total) {
    if (found === total) {
      return shown < total ? "Showing " + number(shown) + " of all " + plural(total, "paper")
        : "All " + plural(total, "paper");
    }
    return (shown < found ? "Showing " + number(shown) + " of " + plural(found, "paper") + " found"
      : plural(found, "paper") + " found") + " (of " + number(total) + ")";
  }

  /* The "Show more" button's label; `left` rows are not drawn yet. */
  function moreText(windowSize, left) {
    return "Show " + number(Math.min(windowSize, left)) + " more (" + number(left) + " not shown)";
  }

  function activeText(n) {
    return n ? "(" + n + " active)" : "";
  }

  /* The note after an export: `verb` is "Copied" or "Downloaded". */
  function exportText(verb, found, missing) {
    var note = missing ? " (" + number(missing) + " not found)" : "";
    var what = found === 1 ? "1 BibTeX entry" : number(found) + " BibTeX entries";
    return verb + " " + what + (verb === "Copied" ? " to the clipboard" : "") + note + ".";
  }

  /* The URL if it is http(s), else null: only such links are ever put into an href. */
  function httpUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  explore.text = {
    fold: fold, number: number, plural: plural, shortAuthors: shortAuthors,
    countText: countText, moreText: moreText, activeText: activeText, exportText: exportText,
    httpUrl: httpUrl,
  };
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
