"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { explore } = require("./fixture.js");

const T = explore.text;

test("folding drops case and accents", () => {
  assert.equal(T.fold("José PÉREZ, Ångström"), "jose perez, angstrom");
  assert.equal(T.fold(null), "");
  assert.equal(T.fold(2024), "2024");
});

test("the count line", () => {
  assert.equal(T.countText(5, 5, 5), "All 5 papers");
  assert.equal(T.countText(1, 1, 1), "All 1 paper");
  assert.equal(T.countText(200, 1200, 1200), "Showing 200 of all 1,200 papers");
  assert.equal(T.countText(2, 2, 5), "2 papers found (of 5)");
  assert.equal(T.countText(1, 1, 5), "1 paper found (of 5)");
  assert.equal(T.countText(0, 0, 5), "0 papers found (of 5)");
  assert.equal(T.countText(200, 350, 1200), "Showing 200 of 350 papers found (of 1,200)");
});

test("the show-more label", () => {
  assert.equal(T.moreText(200, 150), "Show 150 more (150 not shown)");
  assert.equal(T.moreText(200, 1500), "Show 200 more (1,500 not shown)");
});

test("active filters and export notes", () => {
  assert.equal(T.activeText(0), "");
  assert.equal(T.activeText(3), "(3 active)");
  assert.equal(T.exportText("Copied", 2, 1), "Copied 2 BibTeX entries to the clipboard (1 not found).");
  assert.equal(T.exportText("Copied", 1, 0), "Copied 1 BibTeX entry to the clipboard.");
  assert.equal(T.exportText("Downloaded", 1234, 2000), "Downloaded 1,234 BibTeX entries (2,000 not found).");
});

test("short author lists", () => {
  assert.equal(T.shortAuthors(["Ann"], 3, false), "Ann");
  assert.equal(T.shortAuthors(["Ann", "Bo"], 3, false), "Ann and Bo");
  assert.equal(T.shortAuthors(["Ann", "Bo", "Cy"], 3, false), "Ann, Bo and Cy");
  assert.equal(T.shortAuthors(["Ann", "Bo", "Cy", "Di"], 3, false), "Ann, Bo, Cy et al.");
  assert.equal(T.shortAuthors(["Ann", "Bo"], 3, true), "Ann, Bo et al.");
  assert.equal(T.shortAuthors(["Ann", "Bo", "Cy", "Di"], 2, true), "Ann, Bo et al.");
});

test("only http(s) links pass", () => {
  assert.equal(T.httpUrl("https://github.com/x"), "https://github.com/x");
  assert.equal(T.httpUrl("HTTP://example.org"), "HTTP://example.org");
  assert.equal(T.httpUrl("javascript:alert(1)"), null);
  assert.equal(T.httpUrl(" https://x"), null);
  assert.equal(T.httpUrl(undefined), null);
});
