/* The pure parts must not reach for the page: Node has no document or window, and a part that
 * names one would only fail here once that line runs. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ASSETS, PURE } = require("./load.js");

const PAGE_GLOBALS = /\b(document|window|navigator|location|history|fetch)\b/;

for (const part of PURE) {
  test(`${part}.js names no browser global`, () => {
    const code = fs.readFileSync(path.join(ASSETS, part + ".js"), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, PAGE_GLOBALS);
  });
}
