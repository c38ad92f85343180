"""The parts of `generate --project` that need no site build: reading mkdocs.yml with its tags,
expanding markers, refusing a folder that holds the user's project."""

from __future__ import annotations

import pytest
import yaml
from sitebuild import FIXTURES, make_project
from zensical_helpers import generate_project

from mkdocs_awesome_plugin import project
from mkdocs_awesome_plugin.build import CatalogBuild
from mkdocs_awesome_plugin.catalog import load_catalog
from mkdocs_awesome_plugin.config import AwesomeConfig
from mkdocs_awesome_plugin.features import FEATURES
from mkdocs_awesome_plugin.render.site import layout_for


def test_plugin_defaults_match_the_plugin_config():
    declared = {name: option.default for name, option in AwesomeConfig._schema}
    assert project.PLUGIN_DEFAULTS == declared


def test_config_tags_survive_the_round_trip(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        "site_url: !ENV [SITE_URL, 'http://x.example/']\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
        encoding="utf-8",
    )
    data = project.read_config(path)
    text = yaml.dump(data, Dumper=project._Dumper)
    assert "!ENV" in text and "!!python/name:material.extensions.emoji.to_svg" in text
    assert project._resolve_env(data["site_url"]) == "http://x.example/"


def test_markers_outside_code_are_expanded_and_inside_code_are_not():
    catalog = load_catalog(FIXTURES / "minimal")
    build = CatalogBuild(catalog, layout_for(catalog), features=FEATURES)
    text = (
        "# Home\n\n<!-- awesome:summary -->\n\n```\n<!-- awesome:summary -->\n```\n\n"
        "    <!-- awesome:summary -->\n\n<!-- awesome:unknown -->\n"
    )
    out = project.expand_markers(text, build, "index.md", "")
    assert out.count('<div class="aw-summary-block">') == 1
    assert "```\n<!-- awesome:summary -->\n```" in out
    assert "    <!-- awesome:summary -->" in out and "<!-- awesome:unknown -->" in out


def test_front_matter_gets_the_head_key():
    assert project.with_front_matter("# T\n", "k", 'a "b"') == '---\nk: "a \\"b\\""\n---\n\n# T\n'
    out = project.with_front_matter("---\ntitle: T\n---\n# T\n", "k", "<x>")
    assert yaml.safe_load(out.split("---\n")[1]) == {"k": "<x>", "title": "T"}


def test_nest_pages_puts_index_first_and_folders_as_sections():
    assert project.nest_pages(["b.md", "guide/x.md", "index.md", "guide/index.md"]) == [
        "index.md", "b.md", {"Guide": ["guide/index.md", "guide/x.md"]}
    ]


@pytest.mark.parametrize("where", ["docs/out", ".", "entries"])
def test_refuses_an_outdir_that_holds_the_project(tmp_path, where):
    root = make_project(tmp_path, FIXTURES / "minimal")
    proc = generate_project(root, root / where)
    assert proc.returncode == 1
    assert "choose another folder" in proc.stderr
    assert not (root / "docs" / "out").exists()


def test_refuses_a_folder_it_did_not_write_and_rewrites_one_it_did(tmp_path):
    root = make_project(tmp_path, FIXTURES / "minimal")
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    proc = generate_project(root, other)
    assert proc.returncode == 1 and "was not written by generate --project" in proc.stderr
    assert (other / "keep.txt").read_text(encoding="utf-8") == "mine"
    out = tmp_path / "out"
    assert generate_project(root, out).returncode == 0
    (root / "entries" / "papers" / "zhu2024medical.yaml").unlink()
    assert generate_project(root, out).returncode == 0
    assert not (out / "docs" / "papers" / "zhu2024medical.md").exists()
    assert (out / "docs" / "papers" / "ravi2024sam.md").exists()
