/* Load the explorer's pure parts the way the page does: in order, each adding to
 * globalThis.awesomeExplore. Not a test file (Node's runner only picks *.test.js here). */
"use strict";
const path = require("node:path");

const ASSETS = path.join(__dirname, "..", "..", "mkdocs_awesome_plugin", "assets", "explore");
// the order of features/explore.py's `js` list
const PURE = ["text", "data", "state", "match", "export", "coins"];

for (const part of PURE) require(path.join(ASSETS, part + ".js"));

module.exports = { explore: globalThis.awesomeExplore, ASSETS, PURE };
