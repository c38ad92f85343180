/* mkdocs-awesome-plugin explorer: the BibTeX of the papers found.
 *
 * The page does not carry BibTeX: the script fetches the whole list's .bib when an export is
 * asked for (see features/explore.py), splits it by citation key here, and joins the entries of
 * the papers found in their shown order. Pure: no document, no window.
 */
(function (explore) {
  "use strict";

  var START = /^\s*@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]+)\s*,/;
  var NOT_ENTRIES = /^(comment|string|preamble)$/i;

  /* {key: entry text} of a .bib file. An entry starts at a line `@type{key,` whose key is one of
     `known`'s, and runs to the next such line. */
  function splitBib(text, known) {
    var out = Object.create(null);
    var lines = text.split(/\r?\n/);
    var key = null, buffer = [];
    function flush() {
      if (key) out[key] = buffer.join("\n").replace(/\s+$/, "") + "\n";
    }
    for (var i = 0; i < lines.length; i++) {
      var m = START.exec(lines[i]);
      if (m && known[m[2]] && !NOT_ENTRIES.test(m[1])) {
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

  /* The selection's BibTeX: {text, found: keys that had an entry, missing: how many had none}. */
  function selection(entries, keys) {
    var found = keys.filter(function (k) { return entries[k]; });
    return {
      text: found.map(function (k) { return entries[k]; }).join("\n"),
      found: found,
      missing: keys.length - found.length,
    };
  }

  explore.export = { splitBib: splitBib, selection: selection };
})(globalThis.awesomeExplore = globalThis.awesomeExplore || {});
