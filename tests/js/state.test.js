"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { explore, prepared } = require("./fixture.js");

const S = explore.state;

const DEFAULTS = {
  q: "", tag: [], any: false, not: [], cat: "", venue: "", year: "", from: "", to: "",
  code: false, sort: "date-desc",
};

test("an empty query string gives the defaults, and the defaults give an empty query string", () => {
  assert.deepEqual(S.readState(prepared(), ""), DEFAULTS);
  assert.deepEqual(S.readState(prepared(), "?"), DEFAULTS);
  assert.deepEqual(S.emptyState(), DEFAULTS);
  assert.equal(S.queryString(S.emptyState()), "");
});

test("every field is read from the query string", () => {
  const search = "?q=zebra+wild&tag=video&not=zero-shot&cat=image&venue=CVPR+2024&year=2024" +
    "&from=2024-02&to=2024-11&code=1&sort=title-asc";
  assert.deepEqual(S.readState(prepared(), search), {
    q: "zebra wild", tag: ["video"], any: false, not: ["zero-shot"], cat: "image",
    venue: "CVPR 2024",
    year: "2024", from: "2024-02", to: "2024-11", code: true, sort: "title-asc",
  });
});

test("values the catalogue does not know are dropped", () => {
  const search = "?tag=nope&not=nothing&cat=astronomy&venue=ICML+2020&year=1999&from=2024-13" +
    "&to=24-01&code=yes&sort=random";
  assert.deepEqual(S.readState(prepared(), search), DEFAULTS);
  assert.equal(S.readState(prepared(), "?year=20x4").year, "");
  assert.equal(S.readState(prepared(), "?sort=title-desc").sort, "title-desc");
  assert.equal(S.readState(prepared(), "?sort=date-asc").sort, "date-asc");
});

test("a tag asked for twice is kept once, and a required tag cannot also be excluded", () => {
  const s = S.readState(prepared(), "?tag=video&tag=video&not=video&not=zero-shot&not=zero-shot");
  assert.deepEqual(s.tag, ["video"]);
  assert.deepEqual(s.not, ["zero-shot"]);
});

test("a bare year is read as its first month in `from` and its last in `to`", () => {
  const s = S.readState(prepared(), "?from=2023&to=2024");
  assert.equal(s.from, "2023-01");
  assert.equal(s.to, "2024-12");
  assert.equal(S.monthBound(" 2024-05 ", false), "2024-05");
  assert.equal(S.monthBound("2024-00", false), "");
  assert.equal(S.monthBound("", true), "");
  assert.equal(S.monthBound(null, true), "");
});

test("the search words are cut at 300 characters", () => {
  const s = S.readState(prepared(), "?q=" + "a".repeat(310));
  assert.equal(s.q, "a".repeat(300));
});

test("a state is written with defaults left out, search words trimmed, tags repeated", () => {
  const s = {
    q: "  zebra & wild ", tag: ["video", "tracking"], not: ["zero-shot"], cat: "image",
    venue: "CVPR 2024", year: "2024", from: "2024-02", to: "2024-11", code: true,
    sort: "title-asc",
  };
  assert.equal(
    S.queryString(s),
    "q=zebra+%26+wild&tag=video&tag=tracking&not=zero-shot&cat=image&venue=CVPR+2024" +
      "&year=2024&from=2024-02&to=2024-11&code=1&sort=title-asc",
  );
  assert.equal(S.queryString({ ...DEFAULTS, q: "   ", sort: "date-asc" }), "sort=date-asc");
  assert.equal(S.queryString({ ...DEFAULTS, code: true }), "code=1");
});

test("a state survives the round trip through its query string", () => {
  const s = {
    q: "pérez segmentation", tag: ["zero-shot"], any: true, not: ["tracking", "video"],
    cat: "segmentation",
    venue: "NeurIPS 2024", year: "2024", from: "2024-01", to: "2024-12", code: false,
    sort: "title-desc",
  };
  assert.deepEqual(S.readState(prepared(), "?" + S.queryString(s)), s);
});

test("active filters count tags, category, venue, year, each date bound and code; not words or sort", () => {
  assert.equal(S.activeCount(DEFAULTS), 0);
  assert.equal(S.activeCount({ ...DEFAULTS, q: "zebra", sort: "title-asc" }), 0);
  assert.equal(S.activeCount({
    q: "x", tag: ["video", "tracking"], not: ["zero-shot"], cat: "image", venue: "CVPR 2024",
    year: "2024", from: "2024-01", to: "2024-12", code: true, sort: "date-asc",
  }), 9);
});

test("requiring a tag takes it off the excluded list, and the other way round", () => {
  const data = prepared();
  const start = { ...DEFAULTS, not: ["video", "tracking"] };
  const withVideo = S.addTag(start, data, "tag", "video");
  assert.deepEqual(withVideo.tag, ["video"]);
  assert.deepEqual(withVideo.not, ["tracking"]);
  assert.deepEqual(start.not, ["video", "tracking"], "the given state is left alone");
  const again = S.addTag(withVideo, data, "tag", "video");
  assert.deepEqual(again.tag, ["video"]);
  const without = S.addTag(again, data, "not", "video");
  assert.deepEqual(without.tag, []);
  assert.deepEqual(without.not, ["tracking", "video"]);
});

test("an unknown tag changes nothing", () => {
  const start = { ...DEFAULTS };
  assert.equal(S.addTag(start, prepared(), "tag", "nope"), start);
});

test("removing a tag filter, and clearing all filters but the sort", () => {
  const s = { ...DEFAULTS, tag: ["video", "zero-shot"], not: ["tracking"], q: "a", code: true,
    sort: "title-asc" };
  assert.deepEqual(S.removeTag(s, "tag", "video").tag, ["zero-shot"]);
  assert.deepEqual(S.removeTag(s, "not", "tracking").not, []);
  assert.deepEqual(s.tag, ["video", "zero-shot"]);
  assert.deepEqual(S.cleared(s), { ...DEFAULTS, sort: "title-asc" });
});

test("a sort the explorer does not offer falls back to newest first", () => {
  assert.equal(S.sortOf("title-asc"), "title-asc");
  assert.equal(S.sortOf("title"), "date-desc");
  assert.equal(S.sortOf(""), "date-desc");
});
