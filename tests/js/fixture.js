/* A five-paper catalogue shaped like explore/papers.json, newest first as the build writes it.
 * A fresh copy per call: prepare() changes the data in place. Expected values in the tests are
 * worked out by hand from this list:
 *
 *   key        date        title                        categories    tags               venue         code
 *   ortiz2025  2025-03-01  Zebra Tracking in the Wild   video         tracking, video    CVPR 2025     yes
 *   perez2024  2024-11-15  Árbol Segmentation           image         zero-shot          NeurIPS 2024  no
 *   kim2024    2024-02-01  apple detection              segmentation  video, zero-shot   CVPR 2024     yes
 *   brown2023  2023-06-01  Model 10 beats Model 9       medical       -                  CVPR 2024     no
 *   adams2023  2023-06-01  Model 9 Baseline             medical       tracking           -             no
 *
 * Categories: segmentation > image, segmentation > video; medical.
 */
"use strict";
const { explore } = require("./load.js");

function rawData() {
  return {
    version: 1,
    authors_shown: 3,
    paper_url: ["papers/", "/"],
    arxiv_url: "https://arxiv.org/abs/",
    categories: [
      { slug: "segmentation", title: "Segmentation", parent: "", depth: 0, url: "s/", n: 3 },
      { slug: "image", title: "Image", parent: "segmentation", depth: 1, url: "i/", n: 1 },
      { slug: "video", title: "Video", parent: "segmentation", depth: 1, url: "v/", n: 1 },
      { slug: "medical", title: "Medical", parent: "", depth: 0, url: "m/", n: 2 },
    ],
    tags: [
      { tag: "tracking", url: "t/", n: 2 },
      { tag: "video", url: "v/", n: 2 },
      { tag: "zero-shot", url: "z/", n: 2 },
    ],
    papers: [
      {
        k: "ortiz2025", t: "Zebra Tracking in the Wild", a: ["Ana Ortiz"], d: "2025-03-01",
        cat: ["video"], tg: ["tracking", "video"], v: "CVPR 2025",
        c: "https://github.com/example/zebra", s: "Follows zebras across the savanna.",
      },
      {
        k: "perez2024", t: "Árbol Segmentation", a: ["José Pérez", "Li Wei"], d: "2024-11-15",
        cat: ["image"], tg: ["zero-shot"], v: "NeurIPS 2024", x: "2411.00001",
      },
      {
        k: "kim2024", t: "apple detection", a: ["Min Kim"], d: "2024-02-01",
        cat: ["segmentation"], tg: ["video", "zero-shot"], v: "CVPR 2024",
        c: "https://github.com/example/apple",
      },
      {
        k: "brown2023", t: "Model 10 beats Model 9", a: ["Bo Brown", "Cy Chan"], d: "2023-06-01",
        cat: ["medical"], v: "CVPR 2024", e: 1,
      },
      {
        k: "adams2023", t: "Model 9 Baseline", d: "2023-06-01", cat: ["medical"], tg: ["tracking"],
      },
    ],
  };
}

function prepared() {
  return explore.data.prepare(rawData());
}

function keys(papers) {
  return papers.map((p) => p.k);
}

module.exports = { explore, rawData, prepared, keys };
