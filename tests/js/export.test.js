"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { explore, prepared, keys } = require("./fixture.js");

const X = explore.export;

// shaped like cite/all.bib, with the things the splitter must step over
const BIB = [
  "% written by mkdocs-awesome",
  "@comment{kim2024, a comment that names a key is not an entry}",
  '@string{cvpr = "CVPR"}',
  "@inproceedings{ortiz2025,",
  "  title = {Zebra Tracking in the Wild},",
  "  author = {Ortiz, Ana},",
  "}",
  "",
  "@Article ( kim2024 ,",
  "  title = {apple detection},",
  "}",
  "",
  "",
  "@misc{brown2023,",
  "  title = {Model 10 beats Model 9},",
  "}",
  "",
].join("\n");

const ORTIZ = "@inproceedings{ortiz2025,\n  title = {Zebra Tracking in the Wild},\n" +
  "  author = {Ortiz, Ana},\n}\n";
const KIM = "@Article ( kim2024 ,\n  title = {apple detection},\n}\n";
const BROWN = "@misc{brown2023,\n  title = {Model 10 beats Model 9},\n}\n";

test("a .bib file is split into the catalogue's entries by key", () => {
  const entries = X.splitBib(BIB, prepared().byKey);
  assert.deepEqual({ ...entries }, { ortiz2025: ORTIZ, kim2024: KIM, brown2023: BROWN });
});

test("Windows line ends are read too", () => {
  const entries = X.splitBib("@misc{adams2023,\r\n  title = {Model 9 Baseline},\r\n}\r\n",
    prepared().byKey);
  assert.deepEqual({ ...entries }, { adams2023: "@misc{adams2023,\n  title = {Model 9 Baseline},\n}\n" });
});

test("the BibTeX of a selection follows its order and counts the papers it has no entry for", () => {
  const entries = X.splitBib(BIB, prepared().byKey);
  assert.deepEqual(X.selection(entries, ["kim2024", "perez2024", "ortiz2025"]), {
    text: KIM + "\n" + ORTIZ, found: ["kim2024", "ortiz2025"], missing: 1,
  });
  assert.deepEqual(X.selection(entries, []), { text: "", found: [], missing: 0 });
});

test("exporting what a filter found: papers with code, oldest first", () => {
  const data = prepared();
  const state = { ...explore.state.emptyState(), code: true, sort: "date-asc" };
  const picked = X.selection(X.splitBib(BIB, data.byKey), keys(explore.match.select(data, state)));
  assert.equal(picked.text, KIM + "\n" + ORTIZ);
  assert.equal(picked.missing, 0);
  assert.equal(explore.text.exportText("Downloaded", picked.found.length, picked.missing),
    "Downloaded 2 BibTeX entries.");
});
