"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { explore, rawData } = require("./fixture.js");

test("missing lists are filled in and each paper gets its folded search text", () => {
  const data = explore.data.prepare(rawData());
  const adams = data.byKey.adams2023;
  assert.deepEqual(adams.a, []);
  assert.deepEqual(data.byKey.brown2023.tg, []);
  assert.equal(data.byKey.perez2024.hay, "arbol segmentation\njose perez, li wei\nneurips 2024\n");
  assert.equal(data.byKey.ortiz2025.hay,
    "zebra tracking in the wild\nana ortiz\ncvpr 2025\nfollows zebras across the savanna.");
});

test("venues by count then name, years newest first", () => {
  const data = explore.data.prepare(rawData());
  assert.deepEqual(data.venues, [
    { name: "CVPR 2024", n: 2 }, { name: "CVPR 2025", n: 1 }, { name: "NeurIPS 2024", n: 1 },
  ]);
  assert.deepEqual(data.years, [
    { year: "2025", n: 1 }, { year: "2024", n: 2 }, { year: "2023", n: 2 },
  ]);
});

test("the category tree and the tag set", () => {
  const data = explore.data.prepare(rawData());
  assert.deepEqual(data.catBySlug.segmentation.children, ["image", "video"]);
  assert.deepEqual(data.catBySlug.medical.children, []);
  assert.deepEqual(Object.keys(data.tagSet), ["tracking", "video", "zero-shot"]);
});
