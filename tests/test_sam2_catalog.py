"""The Awesome SAM2 catalogue itself, built from the repo with `mkdocs build --strict`.

Expected sections and papers are written out from the original list
(../shared/data/awesome-sam2-README.md): arXiv ids, or the paper URL for the three papers that are
not on arXiv. The list's Deblur4DGS row links the wrong id (2410.17988, which is the RGB-D pipeline
paper under Robotics); its real id is 2412.06424.

Since issue 17 the catalogue also holds the 214 `include` papers of
../shared/data/awesome-sam2-additions.yaml (301 in all); the 33 `pending` ones stay out. The
counts below were counted by hand from that file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from citation_helpers import check_bib_with_biber, check_bib_with_bibtex
from sitebuild import REPO, paper_keys_listed

SCIENCEDIRECT = "https://www.sciencedirect.com/science/article/pii/S0010482524012642"
IEEE = "https://ieeexplore.ieee.org/abstract/document/10741350"
MDPI = "https://www.mdpi.com/2076-3417/14/20/9246"

# category slug -> the papers the original list put under that section
SECTIONS = {
    "sam2": ["2408.00714", "2304.02643"],
    "surveys": ["2408.08315", "2408.12889", "2410.04960"],
    "image-segmentation": ["2410.06593", "2411.10086"],
    "referring-vos": ["2408.15876", "2411.17646", "2411.11922", "2502.11093"],
    "video-object-segmentation": [
        "2408.10125", "2408.12447", "2408.10469", "2409.14220", "2410.16268", "2411.17576",
        "2411.15288", "2501.00599", "2502.09660",
    ],
    "medical-video-3d": [
        "2408.03322", "2408.04593", "2408.04098", "2408.04762", "2408.03286", "2408.05892",
        "2408.07931", "2409.09286", "2409.09484", "2410.19996", "2410.03143", "2411.16794",
        "2502.09653", "2502.20934",
    ],
    "medical-image": [
        "2408.15224", "2408.03651", "2408.04212", "2408.11210", "2408.02635", "2408.08870",
        "2408.04579", "2408.08813", "2410.21813", SCIENCEDIRECT, "2411.08629", "2411.12755",
        "2408.00874",
    ],
    "video-cod": ["2407.21596", "2409.18653"],
    "image-cod": ["2408.08870", "2408.04579"],
    "audio-visual-segmentation": ["2502.16359"],
    "remote-sensing": [IEEE, "2408.06970"],
    "mesh-point-cloud-segmentation": ["2408.13679", "2411.03555", "2411.16183"],
    "mesh-point-cloud-reconstruction": ["2412.06424", "2411.19162", "2502.14004"],
    "generation-editing": [
        "2410.12696", "2411.17592", "2411.15260", "2411.16683", "2412.11785", "2410.20974",
        "2501.07647", "2502.19454",
    ],
    "slam": ["2411.15043"],
    "light-field-segmentation": ["2411.13840"],
    "robotics": ["2410.17988", "2410.08792", "2502.09886", "2502.20606", "2502.20396", "2502.20900"],
    "datasets": ["2502.11534", "2502.21201", "2502.19917"],
    "performance-evaluations": ["2502.20263"],
    "unique-applications": [
        "2409.13107", "2410.00231", MDPI, "2410.17856", "2410.15536", "2410.07955", "2410.04680",
        "2410.08926", "2502.20511",
    ],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("sam2") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def _listed_papers(html: str) -> list[str]:
    """arXiv id (or paper URL) of each paper row on a category page."""
    found = []
    for row in re.findall(r'<article class="aw-paper".*?</article>', html, flags=re.S):
        arxiv = re.search(r'class="aw-badge aw-badge--arxiv" href="https://arxiv\.org/abs/([\d.]+)"', row)
        if arxiv:
            found.append(arxiv.group(1))
        else:
            found.append(re.search(r'class="aw-link aw-link--paper" href="([^"]+)"', row).group(1))
    return found


def test_all_301_distinct_papers_have_a_page(site):
    every = {p for papers in SECTIONS.values() for p in papers}
    assert len(every) == 87
    pages = sorted(p.parent.name for p in (site / "papers").glob("*/index.html"))
    # the seed's 87 and the 214 `include` records of awesome-sam2-additions.yaml
    assert len(pages) == 301


@pytest.mark.parametrize("slug", sorted(SECTIONS))
def test_each_seed_section_is_a_category_still_holding_all_its_seed_papers(site, slug):
    html = (site / "categories" / slug / "index.html").read_text(encoding="utf-8")
    listed = _listed_papers(html)
    assert set(SECTIONS[slug]) <= set(listed)
    assert len(listed) == len(set(listed))


def test_deblur4dgs_has_its_corrected_arxiv_id(site):
    html = (site / "categories" / "mesh-point-cloud-reconstruction" / "index.html").read_text()
    row = re.search(r'<article class="aw-paper".*?Deblur4DGS.*?</article>', html, flags=re.S).group(0)
    assert "https://arxiv.org/abs/2412.06424" in row
    assert "2410.17988" not in row


def test_tag_index_and_every_tag_page_exist(site):
    index = (site / "tags" / "index.html").read_text(encoding="utf-8")
    tags = re.findall(r'<a class="aw-tag" href="\./([a-z0-9-]+)/">', index) or re.findall(
        r'<a class="aw-tag" href="([a-z0-9-]+)/">', index
    )
    assert 15 <= len(tags) <= 30
    for tag in tags:
        assert (site / "tags" / tag / "index.html").is_file()


def test_sam2_paper_page_metadata_matches_its_entry(site):
    html = (site / "papers" / "ravi2024sam" / "index.html").read_text(encoding="utf-8")
    meta = re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', html)
    assert ("citation_title", "SAM 2: Segment Anything in Images and Videos") in meta
    authors = [v for k, v in meta if k == "citation_author"]
    assert len(authors) == 18
    assert authors[0] == "Nikhila Ravi" and authors[-1] == "Christoph Feichtenhofer"
    assert "Piotr Dollár" in authors
    assert ("citation_publication_date", "2024/08/01") in meta
    assert ("citation_arxiv_id", "2408.00714") in meta
    assert ("citation_pdf_url", "https://arxiv.org/pdf/2408.00714") in meta
    assert ("citation_conference_title", "ICLR 2025") in meta
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1))
    assert ld["@type"] == "ScholarlyArticle"
    assert ld["headline"] == "SAM 2: Segment Anything in Images and Videos"


def test_doi_meta_tag_is_present_where_known(site):
    html = (site / "papers" / "guo2024multi" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="citation_doi" content="10.1016/j.compbiomed.2024.109179">' in html
    assert '<meta name="citation_journal_title"' in html


def test_every_page_links_its_own_citation_files(site):
    for page, scope in (
        ("categories/robotics/index.html", "categories/robotics"),
        ("tags/video/index.html", "tags/video"),
        ("papers/ravi2024sam/index.html", "papers/ravi2024sam"),
    ):
        html = (site / page).read_text(encoding="utf-8")
        for ext in ("bib", "json", "ris"):
            target = f"cite/{scope}.{ext}"
            assert re.search(rf'href="(\.\./)+{re.escape(target)}"', html), (page, target)
            assert (site / target).is_file()


def test_whole_list_bib_passes_bibtex_and_biber_with_zero_warnings(site, tmp_path):
    bib = (site / "cite" / "all.bib").read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([a-z0-9]+),", bib, flags=re.M)
    assert len(keys) == 301
    assert sorted(check_bib_with_bibtex(tmp_path, bib)) == sorted(keys)
    assert sorted(check_bib_with_biber(tmp_path, bib)) == sorted(keys)


def test_truncated_author_list_is_marked_et_al_not_invented(site):
    # the metadata saw only "Guo, Li et al." for this paper
    html = (site / "papers" / "guo2024multi" / "index.html").read_text(encoding="utf-8")
    assert '<p class="aw-authors aw-authors--full">Li Guo et al.' in html
    bib = (site / "cite" / "papers" / "guo2024multi.bib").read_text(encoding="utf-8")
    assert "author = {Guo, Li and others}" in bib


def test_repo_readme_list_is_generated_and_up_to_date():
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs_awesome_plugin.cli", "readme", "--check"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("<!-- awesome:readme:start -->"):]
    rows = [line for line in section.splitlines() if re.match(r"^\| 20\d\d\.\d\d \| \[", line)]
    # the seed: 89 rows (87 papers, two of them in two sections), and 5 seed papers now also
    # filed in one more section each; the 214 new papers: 218 rows (MovSAM and SinkSAM-Net in
    # two sections, SAM2RL in three)
    assert len(rows) == 89 + 5 + 218


def test_repo_lint_is_clean():
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs_awesome_plugin.cli", "lint", "--format", "json"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["entries"] == 301
    assert report["errors"] == 0 and report["warnings"] == 0


def _citation_meta(site, key: str) -> list[tuple[str, str]]:
    html = (site / "papers" / key / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', html)


def test_checked_corrections_are_in_the_catalogue(site):
    # ../shared/data/catalogue-corrections.yaml: the published versions' titles and authors
    echo = _citation_meta(site, "li2024echopulse")
    assert ("citation_title", "ECHOPulse: ECG Controlled Echocardiograms Video Generation") in echo
    authors = [v for k, v in echo if k == "citation_author"]
    assert len(authors) == 13
    assert authors[7:10] == ["Yucheng Shi", "Xiaowei Yu", "Tianze Yang"]

    bio = [v for k, v in _citation_meta(site, "yan2024biomedical") if k == "citation_author"]
    assert len(bio) == 14
    assert bio[5:9] == ["Yiwei Li", "Sekeun Kim", "Sifan Song", "Hui Ren"]

    midl = _citation_meta(site, "magg2024zero")
    assert ("citation_title",
            "Zero-shot capability of 2D SAM-family models for bone segmentation in CT scans") in midl
    assert [v for k, v in midl if k == "citation_author"] == [
        "Caroline Magg", "Clara I. Sánchez", "Hoel Kervadec"]

    sasvi = _citation_meta(site, "sivakumar2025sasvi")
    assert ("citation_journal_title",
            "International Journal of Computer Assisted Radiology and Surgery (IPCAI 2025)") in sasvi
    # volume, issue and pages were not found: nothing is invented for them
    assert not [k for k, _ in sasvi if k in ("citation_volume", "citation_issue", "citation_firstpage")]

    dam = [v for k, v in _citation_meta(site, "videnovic2024distractor") if k == "citation_author"]
    assert dam == ["Jovana Videnović", "Alan Lukežič", "Matej Kristan"]

    # the unverified DED-SAM record changes nothing: still no DOI
    assert not [k for k, _ in _citation_meta(site, "qiu2024ded") if k == "citation_doi"]


def test_arxiv_titles_are_kept_and_shown(site):
    # where the published title differs, the arXiv version's title stays on the paper page
    html = (site / "papers" / "magg2024zero" / "index.html").read_text(encoding="utf-8")
    assert ('<td class="aw-arxiv-title">Zero-shot capability of SAM-family models for bone '
            "segmentation in CT scans</td>") in html
    echo = (site / "papers" / "li2024echopulse" / "index.html").read_text(encoding="utf-8")
    assert "ECHOPulse: ECG controlled echocardio-grams video generation" in echo
    # a paper without one shows no such row
    sam2 = (site / "papers" / "ravi2024sam" / "index.html").read_text(encoding="utf-8")
    assert "aw-arxiv-title" not in sam2


def test_code_links_are_clean_and_paper_lists_are_projects(site):
    sam2 = (site / "papers" / "ravi2024sam" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/facebookresearch/sam2"' in sam2
    for key in ("chen2025inter3d", "zhu2024medical"):
        html = (site / "papers" / key / "index.html").read_text(encoding="utf-8")
        assert "readme-ov-file" not in html and "utm_" not in html
    for key, repo in (("zhang2024segment", "https://github.com/983632847/SAM-for-Videos"),
                      ("zhang2024unleashing", "https://github.com/YichiZhang98/SAM4MIS")):
        html = (site / "papers" / key / "index.html").read_text(encoding="utf-8")
        assert f'class="md-button aw-button aw-link--project" href="{repo}"' in html
        assert "aw-link--code" not in html


def test_every_surgical_paper_is_tagged_medical(site):
    def listed(tag: str) -> set[str]:
        return set(paper_keys_listed((site / "tags" / tag / "index.html").read_text(encoding="utf-8")))

    surgical = listed("surgical")
    assert surgical == {
        # the seed's 9
        "chen2024mfst", "ding2024robust", "liu2024surgical", "ozbulak2025revisiting",
        "sachdeva2024phase", "shen2024performance", "sivakumar2025sasvi", "wu2025surgpose",
        "yu2024sam",
        # the 12 surgical papers among the additions
        "acar2025monocular", "chen2025f2paseg", "kamtam2025fine", "liu2025resurgsam2",
        "oh2025autonomous", "pei2025synergistic", "seenivasan2025beyond", "shen2025operating",
        "sunmola2025surgical", "xu2025tsms", "yang2025instrument", "zhaksylyk2025rp",
    }
    assert surgical <= listed("medical")
    assert listed("gaussian-splatting") <= listed("3d")


def test_dataset_papers_carry_the_dataset_tag(site):
    # SA-V (SAM 2), SA-1B (SAM), COCO-Matting, VideoRefer-700K and the three papers filed under Datasets
    html = (site / "tags" / "dataset" / "index.html").read_text(encoding="utf-8")
    assert {
        "ravi2024sam", "kirillov2023segment", "xia2024natural", "yuan2024videorefer",
        "brookes2025panaf", "liu2025picking", "wu2025surgpose",
    } <= set(paper_keys_listed(html))


def _category_keys(site, slug: str) -> set[str]:
    html = (site / "categories" / slug / "index.html").read_text(encoding="utf-8")
    return set(paper_keys_listed(html))


def test_new_sections_are_categories_with_their_papers(site):
    # hand-counted from awesome-sam2-additions.yaml: its new sections and the papers filed there
    assert _category_keys(site, "graph-learning") == {"wu2025universal"}  # Universal Scene Graph
    assert _category_keys(site, "robustness") == {"long2025robust"}  # Robust SAM (AAAI 2025)
    assert _category_keys(site, "adaptation-compression-edge") == {
        "liu2025lvmscissor", "elsayed2025salt", "long2025parameter", "lin2025deploying",
        "huang2025zlatte",
    }
    for slug, count in (
        ("other-video-tasks", 17), ("other-medical-applications", 10),
        ("other-3d-applications", 19), ("training-helper", 8), ("data-augmentation", 19),
        ("post-processing", 4), ("segmentation-applications", 10),
        ("other-image-tasks", 8 + 2),  # and the seed's SAMURAI and SAMWISE
    ):
        assert len(_category_keys(site, slug)) == count, slug


def test_seed_papers_are_also_where_the_list_files_them_now(site):
    # seed_papers_now: SAMURAI and SAMWISE under Other Image Tasks too, the training-free AVS
    # paper under AVS, TPP under Medical Video & 3D, the 3D-reconstruction pipeline paper there
    assert {"yang2024samurai", "cuttano2024samwise"} <= _category_keys(site, "other-image-tasks")
    assert "huang2024unleashing" in _category_keys(site, "audio-visual-segmentation")
    assert "yuan2025text" in _category_keys(site, "medical-video-3d")
    assert "zheng2024semantic" in _category_keys(site, "mesh-point-cloud-reconstruction")
    # and where the seed put them
    assert "yang2024samurai" in _category_keys(site, "referring-vos")


def test_wrong_list_links_never_reach_the_catalogue(site):
    def page(key: str) -> str:
        return (site / "papers" / key / "index.html").read_text(encoding="utf-8")

    fly = page("su2025flymethrough")  # the list's placeholder id 2508.12345
    assert "https://arxiv.org/abs/2508.20034" in fly and "2508.12345" not in fly
    slerp = page("shan2025slot")  # the list's wrong id 2504.01128
    assert "https://arxiv.org/abs/2504.01959" in slerp and "2504.01128" not in slerp
    assert "LuciBot" not in page("jiang2025referring")  # LuciBot's project page, not this paper's
    assert "GroundLie360" not in page("wang2025spatialvid")  # an unrelated paper's data
    assert 'href="https://github.com/AI-Application-and-Integration-Lab/MaTIR"' in page(
        "shen2025mask")


def test_pending_records_stay_out(site):
    pages = {p.parent.name for p in (site / "papers").glob("*/index.html")}
    bib = (site / "cite" / "all.bib").read_text(encoding="utf-8")
    # PS-ReID (no authors found) and the row that mixed "Train Once, Deploy Anywhere" up
    assert "2503.21595" not in bib and "Train Once, Deploy Anywhere" not in bib
    assert "Single-sided estimates of surface breaking porosity" not in bib
    assert len(pages) == 301


def test_non_arxiv_journal_papers_have_the_right_bibtex_type(site):
    def bib(key: str) -> str:
        return (site / "cite" / "papers" / f"{key}.bib").read_text(encoding="utf-8")

    cell = bib("yilmaz2025transgene")
    assert cell.startswith("@article{yilmaz2025transgene,")
    assert "journal = {Cell Stem Cell}" in cell and "doi = {10.1016/j.stem.2025.07.005}" in cell
    assert "url = {https://doi.org/10.1016/j.stem.2025.07.005}" in cell  # the list's URL is cut
    author = re.search(r"^  author = \{(.*)\},$", cell, flags=re.M).group(1)
    assert author.startswith("Yilmaz, Alperen and") and author.count(" and ") == 34  # 35 authors
    tgrs = bib("qin2025bisam")
    assert tgrs.startswith("@article{") and "doi = {10.1109/TGRS.2025.3605801}" in tgrs
    # a journal paper whose journal was not found: no invented journal, so @misc
    assert bib("gao2025pseudo").startswith("@misc{") and "journal" not in bib("gao2025pseudo")
    # the published SurgiSAM2 title and a journal without the record's remark
    surgi = bib("kamtam2025fine")
    assert "journal = {Scientific Reports (2025)}" in surgi
    assert "title = {A fine-tuned foundational model {SurgiSAM2}" in surgi
    # names given family name first in the record
    assert "author = {Zhang, Jiaxing and Tang, Hao}" in bib("zhang2025sam2")
