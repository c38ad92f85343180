"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { explore, prepared, keys } = require("./fixture.js");

const S = explore.state;
const M = explore.match;

function found(changes) {
  return keys(M.select(prepared(), { ...S.emptyState(), ...changes }));
}

const ALL = ["ortiz2025", "perez2024", "kim2024", "brown2023", "adams2023"];

test("no filter finds every paper, newest first", () => {
  assert.deepEqual(found({}), ALL);
});

test("sorting by date both ways; a tie on the date goes by title", () => {
  assert.deepEqual(found({ sort: "date-desc" }), ALL);
  assert.deepEqual(found({ sort: "date-asc" }),
    ["adams2023", "brown2023", "kim2024", "perez2024", "ortiz2025"]);
});

test("sorting by title both ways ignores case and accents and reads numbers as numbers", () => {
  assert.deepEqual(found({ sort: "title-asc" }),
    ["kim2024", "perez2024", "adams2023", "brown2023", "ortiz2025"]);
  assert.deepEqual(found({ sort: "title-desc" }),
    ["ortiz2025", "brown2023", "adams2023", "perez2024", "kim2024"]);
});

test("each order is worked out once and kept", () => {
  const data = prepared();
  assert.equal(M.ordered(data, "title-asc"), M.ordered(data, "title-asc"));
  assert.equal(M.ordered(data, "date-desc"), data.papers);
});

test("search words match title, authors, venue and summary, without case or accents", () => {
  assert.deepEqual(found({ q: "zebra" }), ["ortiz2025"]);
  assert.deepEqual(found({ q: "PEREZ" }), ["perez2024"]); // author José Pérez
  assert.deepEqual(found({ q: "arbol" }), ["perez2024"]); // title Árbol
  assert.deepEqual(found({ q: "savanna" }), ["ortiz2025"]); // summary
  assert.deepEqual(found({ q: "cvpr" }), ["ortiz2025", "kim2024", "brown2023"]); // venue
  assert.deepEqual(found({ q: "model" }), ["brown2023", "adams2023"]);
});

test("every search word must occur; extra spaces do not matter", () => {
  assert.deepEqual(found({ q: "  model   baseline " }), ["adams2023"]);
  assert.deepEqual(found({ q: "zebra apple" }), []);
  assert.deepEqual(found({ q: "   " }), ALL);
});

test("required tags must all be there", () => {
  assert.deepEqual(found({ tag: ["zero-shot"] }), ["perez2024", "kim2024"]);
  assert.deepEqual(found({ tag: ["video", "zero-shot"] }), ["kim2024"]);
});

test("excluded tags keep out every paper carrying one of them", () => {
  assert.deepEqual(found({ not: ["video"] }), ["perez2024", "brown2023", "adams2023"]);
  assert.deepEqual(found({ not: ["video", "tracking"] }), ["perez2024", "brown2023"]);
  assert.deepEqual(found({ tag: ["zero-shot"], not: ["video"] }), ["perez2024"]);
});

test("a category takes in the categories below it", () => {
  assert.deepEqual(found({ cat: "segmentation" }), ["ortiz2025", "perez2024", "kim2024"]);
  assert.deepEqual(found({ cat: "video" }), ["ortiz2025"]);
  assert.deepEqual(found({ cat: "medical" }), ["brown2023", "adams2023"]);
  const data = prepared();
  assert.deepEqual(Object.keys(M.subtree(data, "segmentation")).sort(),
    ["image", "segmentation", "video"]);
  assert.deepEqual(Object.keys(M.subtree(data, "image")), ["image"]);
});

test("venue, year and has-code filters", () => {
  assert.deepEqual(found({ venue: "CVPR 2024" }), ["kim2024", "brown2023"]);
  assert.deepEqual(found({ year: "2024" }), ["perez2024", "kim2024"]);
  assert.deepEqual(found({ year: "2023" }), ["brown2023", "adams2023"]);
  assert.deepEqual(found({ code: true }), ["ortiz2025", "kim2024"]);
});

test("a date range includes both bounding months", () => {
  assert.deepEqual(found({ from: "2024-02", to: "2024-11" }), ["perez2024", "kim2024"]);
  assert.deepEqual(found({ from: "2024-03" }), ["ortiz2025", "perez2024"]);
  assert.deepEqual(found({ to: "2023-06" }), ["brown2023", "adams2023"]);
  assert.deepEqual(found({ from: "2023-07", to: "2024-01" }), []);
});

test("filters combine, and the result keeps the chosen order", () => {
  assert.deepEqual(found({ code: true, cat: "segmentation", sort: "title-asc" }),
    ["kim2024", "ortiz2025"]);
  assert.deepEqual(found({ q: "cvpr", not: ["zero-shot"], sort: "date-asc" }),
    ["brown2023", "ortiz2025"]);
});
