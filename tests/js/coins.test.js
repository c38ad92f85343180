"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { explore } = require("./load.js");

const C = explore.coins;
const SPEC = {
  ctx_ver: "Z39.88-2004",
  forms: {
    p: ["info:ofi/fmt:kev:mtx:book", "proceeding", "rft.btitle"],
    j: ["info:ofi/fmt:kev:mtx:journal", "article", "rft.jtitle"],
    x: ["info:ofi/fmt:kev:mtx:journal", "preprint", "rft.jtitle"],
    o: ["info:ofi/fmt:kev:mtx:journal", "unknown", "rft.jtitle"],
  },
};

test("encoding keeps letters, digits, -_.~ and / : and writes everything else as %XX", () => {
  assert.equal(C.encode("a b&c=d/e:f"), "a%20b%26c%3Dd/e:f");
  assert.equal(C.encode("it's (x)*!"), "it%27s%20%28x%29%2A%21");
  assert.equal(C.encode("Pérez"), "P%C3%A9rez");
});

test("a proceedings paper with a DOI and an arXiv id, written out by hand", () => {
  const p = { t: "A & B", a: ["José Pérez", "Li Wei"], d: "2024-11", v: "CVPR 2024", f: "p",
    i: "10.1000/x.y", x: "2411.00001" };
  assert.equal(C.title(p, SPEC),
    "ctx_ver=Z39.88-2004&rft_val_fmt=info:ofi/fmt:kev:mtx:book&rft.genre=proceeding" +
    "&rft.atitle=A%20%26%20B&rft.btitle=CVPR%202024&rft.au=Jos%C3%A9%20P%C3%A9rez" +
    "&rft.au=Li%20Wei&rft.date=2024-11&rft_id=info:doi/10.1000/x.y&rft_id=info:arxiv/2411.00001");
});

test("no kind means 'other'; no venue, no authors; COinS text used where the build gives it", () => {
  assert.deepEqual(C.pairs({ t: "T", a: [], d: "2020-01" }, SPEC), [
    ["ctx_ver", "Z39.88-2004"], ["rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"],
    ["rft.genre", "unknown"], ["rft.atitle", "T"], ["rft.date", "2020-01"],
  ]);
  const p = { t: "T", zt: "T flat", a: ["Doe, Jane"], za: ["Jane Doe"], d: "2020", v: "J",
    f: "j" };
  assert.deepEqual(C.pairs(p, SPEC).slice(2), [
    ["rft.genre", "article"], ["rft.atitle", "T flat"], ["rft.jtitle", "J"],
    ["rft.au", "Jane Doe"], ["rft.date", "2020"],
  ]);
});
