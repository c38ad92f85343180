"use strict";
/* Facet counts, AND/OR tags, phrases and word prefixes. Every expected value is worked out by
 * hand from the five papers in fixture.js (its table is repeated here for reading):
 *
 *   key        categories (with parents)  tags               venue         year  code
 *   ortiz2025  video (segmentation)       tracking, video    CVPR 2025     2025  yes
 *   perez2024  image (segmentation)       zero-shot          NeurIPS 2024  2024  no
 *   kim2024    segmentation               video, zero-shot   CVPR 2024     2024  yes
 *   brown2023  medical                    -                  CVPR 2024     2023  no
 *   adams2023  medical                    tracking           -             2023  no
 */
const test = require("node:test");
const assert = require("node:assert/strict");
const { explore, prepared, keys } = require("./fixture.js");

const S = explore.state;
const M = explore.match;

function run(changes) {
  const out = M.facets(prepared(), { ...S.emptyState(), ...changes });
  const plain = (map) => Object.fromEntries(Object.entries(map).sort());
  const c = out.counts;
  return {
    hits: keys(out.hits),
    tag: plain(c.tag), found: plain(c.found), cat: plain(c.cat), venue: plain(c.venue),
    year: plain(c.year), code: c.code,
  };
}

test("with no filter every value counts every paper that has it", () => {
  assert.deepEqual(run({}), {
    hits: ["ortiz2025", "perez2024", "kim2024", "brown2023", "adams2023"],
    tag: { tracking: 2, video: 2, "zero-shot": 2 },
    found: { tracking: 2, video: 2, "zero-shot": 2 },
    cat: { image: 1, medical: 2, segmentation: 3, video: 1 },
    venue: { "CVPR 2024": 2, "CVPR 2025": 1, "NeurIPS 2024": 1 },
    year: { 2023: 2, 2024: 2, 2025: 1 },
    code: 2,
  });
});

test("a required tag (AND): tags count the papers found; other facets leave the tag in", () => {
  assert.deepEqual(run({ tag: ["video"] }), {
    hits: ["ortiz2025", "kim2024"],
    tag: { tracking: 1, video: 2, "zero-shot": 1 },
    found: { tracking: 1, video: 2, "zero-shot": 1 },
    cat: { segmentation: 2, video: 1 },
    venue: { "CVPR 2024": 1, "CVPR 2025": 1 },
    year: { 2024: 1, 2025: 1 },
    code: 2,
  });
  assert.deepEqual(run({ tag: ["video", "zero-shot"] }).hits, ["kim2024"]);
});

test("tags with OR: a paper needs one of them, and tags count without the tag filter", () => {
  const r = run({ tag: ["video", "tracking"], any: true });
  assert.deepEqual(r.hits, ["ortiz2025", "kim2024", "adams2023"]);
  assert.deepEqual(r.tag, { tracking: 2, video: 2, "zero-shot": 2 });
  assert.deepEqual(r.found, { tracking: 2, video: 2, "zero-shot": 1 });
  assert.deepEqual(r.cat, { medical: 1, segmentation: 2, video: 1 });
  // with a category as well: the tag counts follow the category, not the tags chosen
  const med = run({ tag: ["video", "tracking"], any: true, cat: "medical" });
  assert.deepEqual(med.hits, ["adams2023"]);
  assert.deepEqual(med.tag, { tracking: 1 });
  assert.deepEqual(med.cat, { medical: 1, segmentation: 2, video: 1 });
});

test("exclusion still holds in OR mode, and for the counts", () => {
  const r = run({ tag: ["video", "zero-shot"], any: true, not: ["tracking"] });
  assert.deepEqual(r.hits, ["perez2024", "kim2024"]);
  assert.deepEqual(r.tag, { video: 1, "zero-shot": 2 });
  assert.deepEqual(r.year, { 2024: 2 });
});

test("a category counts for its parents; the chosen facet counts past its own filter", () => {
  const r = run({ cat: "image" });
  assert.deepEqual(r.hits, ["perez2024"]);
  assert.deepEqual(r.cat, { image: 1, medical: 2, segmentation: 3, video: 1 });
  assert.deepEqual(r.tag, { "zero-shot": 1 });
  const v = run({ q: "cvpr", venue: "CVPR 2024" });
  assert.deepEqual(v.hits, ["kim2024", "brown2023"]);
  assert.deepEqual(v.venue, { "CVPR 2024": 2, "CVPR 2025": 1 });
  assert.deepEqual(v.year, { 2023: 1, 2024: 1 });
});

test("has code counts the papers with code the other filters leave", () => {
  const r = run({ q: "cvpr", code: true });
  assert.deepEqual(r.hits, ["ortiz2025", "kim2024"]);
  assert.equal(r.code, 2);
  assert.deepEqual(r.venue, { "CVPR 2024": 1, "CVPR 2025": 1 });
  assert.equal(run({ year: "2023" }).code, 0);
  assert.deepEqual(run({ code: true, year: "2023" }).year, { 2024: 1, 2025: 1 });
});

test("search terms: words and quoted phrases, folded; an open quote runs to the end", () => {
  assert.deepEqual(M.terms('Zebra "in the   WILD" Seg'), ["zebra", "in the wild", "seg"]);
  assert.deepEqual(M.terms('"open quote'), ["open quote"]);
  assert.deepEqual(M.terms('Pérez ""  '), ["perez"]);
  assert.deepEqual(M.terms(""), []);
});

test("a word finds words that start with it, not words that only contain it", () => {
  assert.equal(M.startsWord("video-segmentation", "seg"), true);
  assert.equal(M.startsWord("offseg", "seg"), false);
  assert.equal(M.startsWord("a <script> b", "<script>"), true);
  assert.deepEqual(run({ q: "seg" }).hits, ["perez2024"]);
  assert.deepEqual(run({ q: "egment" }).hits, []);
  assert.deepEqual(run({ q: "mod" }).hits, ["brown2023", "adams2023"]);
  assert.deepEqual(run({ q: "10" }).hits, ["brown2023"]);
  assert.deepEqual(run({ q: "0" }).hits, []);
});

test("a quoted phrase must appear as written, from the start of a word", () => {
  assert.deepEqual(run({ q: '"model 9"' }).hits, ["brown2023", "adams2023"]);
  assert.deepEqual(run({ q: '"model 9 base"' }).hits, ["adams2023"]);
  assert.deepEqual(run({ q: '"beats model"' }).hits, ["brown2023"]);
  assert.deepEqual(run({ q: '"zebra wild"' }).hits, []);
  assert.deepEqual(run({ q: "zebra wild" }).hits, ["ortiz2025"]);
  assert.deepEqual(run({ q: '"odel 9"' }).hits, []);
});

test("the state keeps the AND/OR choice in the URL and chips name every filter", () => {
  const data = prepared();
  const s = { ...S.emptyState(), tag: ["video"], any: true, not: ["tracking"], cat: "image",
    venue: "CVPR 2024", year: "2024", from: "2024-01", to: "2024-06", code: true };
  assert.equal(S.queryString(s), "tag=video&any=1&not=tracking&cat=image&venue=CVPR+2024" +
    "&year=2024&from=2024-01&to=2024-06&code=1");
  assert.equal(S.readState(data, "?tag=video&any=1").any, true);
  assert.equal(S.readState(data, "?tag=video&any=yes").any, false);
  const title = (slug) => ({ image: "Image" })[slug];
  assert.deepEqual(S.chipList(s, title).map((c) => [c.kind, c.value, c.label]), [
    ["tag", "video", "with video"], ["not", "tracking", "without tracking"],
    ["cat", "image", "in Image"], ["venue", "CVPR 2024", "at CVPR 2024"],
    ["year", "2024", "in 2024"], ["from", "2024-01", "from 2024-01"],
    ["to", "2024-06", "until 2024-06"], ["code", "", "with code"],
  ]);
  const fewer = S.without(S.without(s, "cat", "image"), "not", "tracking");
  assert.equal(fewer.cat, "");
  assert.deepEqual(fewer.not, []);
  assert.equal(s.cat, "image", "the given state is left alone");
  assert.deepEqual(S.without(s, "code", "").code, false);
  assert.deepEqual(S.cleared(s), { ...S.emptyState(), any: true });
});
