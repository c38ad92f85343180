"""The explorer's pure JavaScript (assets/explore/*.js), unit-tested by Node's own runner.

The tests themselves are in tests/js/*.test.js (`node --test tests/js/` runs them by hand); this
module runs them as part of the one test command, so a failing JS test fails the suite. Under
CI=true a missing `node` fails instead of skipping (scripts/dev.sh and .ci/run install it).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from citation_helpers import require_tool

from mkdocs_awesome_plugin.features.explore import ExploreFeature

JS_TESTS = Path(__file__).parent / "js"
ASSETS = Path(__file__).parents[1] / "mkdocs_awesome_plugin" / "assets"


def run_node_tests(node: str, files: list[Path]) -> subprocess.CompletedProcess:
    # files, not the folder: Node 21+ reads `--test` arguments as globs, 18 and 20 as paths
    return subprocess.run(
        [node, "--test", "--test-reporter=tap", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )


def test_node_unit_tests_pass():
    node = require_tool("node")
    files = sorted(JS_TESTS.glob("*.test.js"))
    assert {f.name for f in files} >= {
        "state.test.js", "match.test.js", "export.test.js", "text.test.js", "data.test.js",
    }
    result = run_node_tests(node, files)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = dict(re.findall(r"^# (pass|fail) (\d+)$", result.stdout, re.M))
    assert summary.get("fail") == "0", result.stdout
    assert int(summary.get("pass", "0")) >= 40, result.stdout  # the runner found the tests


def test_a_failing_node_test_fails_the_run(tmp_path):
    node = require_tool("node")
    failing = tmp_path / "fails.test.js"
    failing.write_text(
        'require("node:test")("two", () => require("node:assert/strict").equal(1 + 1, 3));\n',
        encoding="utf-8",
    )
    result = run_node_tests(node, [failing])
    assert result.returncode != 0
    assert re.search(r"^# fail 1$", result.stdout, re.M), result.stdout


def test_the_site_loads_every_explorer_part_in_the_order_the_node_tests_do():
    load = (JS_TESTS / "load.js").read_text(encoding="utf-8")
    pure = re.search(r"const PURE = \[(.*?)\];", load).group(1)
    pure_parts = [f"explore/{name}.js" for name in re.findall(r'"(\w+)"', pure)]
    js = list(ExploreFeature.js)
    assert js[: len(pure_parts)] == pure_parts
    assert js[-1] == "explore.js"  # the entry, once its parts are there
    shipped = {f"explore/{p.name}" for p in (ASSETS / "explore").glob("*.js")}
    assert set(js[:-1]) == shipped
