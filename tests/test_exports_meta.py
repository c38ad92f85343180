"""Highwire Press meta tags and schema.org JSON-LD for paper pages."""

from __future__ import annotations

import json

from citation_helpers import load_fixture

from mkdocs_awesome_plugin.exports.meta import highwire_meta, scholarly_article_jsonld


def test_highwire_preprint():
    assert highwire_meta(load_fixture("sam2")) == [
        ("citation_title", "SAM 2: Segment Anything in Images and Videos"),
        ("citation_author", "Nikhila Ravi"),
        ("citation_author", "Valentin Gabeur"),
        ("citation_author", "Yuan-Ting Hu"),
        ("citation_publication_date", "2024/08/01"),
        ("citation_pdf_url", "https://arxiv.org/pdf/2408.00714"),
        ("citation_arxiv_id", "2408.00714"),
    ]


def test_highwire_journal_and_conference():
    assert highwire_meta(load_fixture("unet")) == [
        ("citation_title",
         "SAM2-UNet: Segment Anything 2 Makes Strong Encoder for 3D Segmentation"),
        ("citation_author", "Xinyu Xiong"),
        ("citation_author", "Zihuang Wu"),
        ("citation_publication_date", "2024/08"),
        ("citation_journal_title", "IEEE Transactions on Medical Imaging"),
        ("citation_pdf_url", "https://arxiv.org/pdf/2408.08870"),
        ("citation_doi", "10.1109/TMI.2024.1234567"),
        ("citation_arxiv_id", "2408.08870"),
    ]
    clip = dict(highwire_meta(load_fixture("clip")))
    assert clip["citation_conference_title"] == "International Conference on Machine Learning (ICML)"
    assert "citation_journal_title" not in clip


def test_highwire_pdf_link_and_names():
    doionly = highwire_meta(load_fixture("doionly"))
    assert ("citation_pdf_url", "https://example.org/files/a_b%20c.pdf?x=1&y=2#page=3") in doionly
    assert ("citation_publication_date", "2020/01/15") in doionly
    assert ("citation_doi", "10.5281/zenodo.123_456") in doionly
    accents = highwire_meta(load_fixture("accents"))
    authors = [value for name, value in accents if name == "citation_author"]
    # reading order, corporate braces dropped
    assert authors == [
        "Aleksandar Videnović", "José Sánchez", "Jürgen Müller", "Patrick O'Brien Jr.",
        "Laurens van der Maaten", "Meta AI", 'Linxi "Jim" Fan', "Jean-Baptiste Tristan",
        "Ronaldo", "Leonardo Di Caprio", "O'Brien Jr.",
    ]
    # a landing page that is not a PDF is not offered as one
    assert not any(name == "citation_pdf_url" for name, _ in accents)
    # plain data: escaping is the template's job
    title = dict(highwire_meta(load_fixture("inject")))["citation_title"]
    assert title.startswith("Closing } early @misc{evil, title={pwned}}")


def test_jsonld_preprint_with_page_url():
    data = scholarly_article_jsonld(load_fixture("sam2"), "https://example.org/papers/sam2/")
    assert data == {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": "SAM 2: Segment Anything in Images and Videos",
        "name": "SAM 2: Segment Anything in Images and Videos",
        "author": [
            {"@type": "Person", "name": "Nikhila Ravi"},
            {"@type": "Person", "name": "Valentin Gabeur"},
            {"@type": "Person", "name": "Yuan-Ting Hu"},
        ],
        "datePublished": "2024-08-01",
        "url": "https://example.org/papers/sam2/",
        "sameAs": ["https://arxiv.org/abs/2408.00714"],
        "identifier": [{"@type": "PropertyValue", "propertyID": "arXiv", "value": "2408.00714"}],
        "abstract": "Extends SAM to video with a streaming memory.",
        "description": "Extends SAM to video with a streaming memory.",
    }


def test_jsonld_journal_without_page_url():
    data = scholarly_article_jsonld(load_fixture("unet"), None)
    assert data["url"] == "https://arxiv.org/abs/2408.08870"
    assert data["sameAs"] == ["https://doi.org/10.1109/TMI.2024.1234567"]
    assert data["isPartOf"] == {"@type": "Periodical", "name": "IEEE Transactions on Medical Imaging"}
    assert data["datePublished"] == "2024-08"
    assert [i["propertyID"] for i in data["identifier"]] == ["DOI", "arXiv"]


def test_jsonld_corporate_author_and_serializable():
    data = scholarly_article_jsonld(load_fixture("accents"), "https://example.org/p/accents/")
    assert {"@type": "Organization", "name": "Meta AI"} in data["author"]
    assert data["author"][0] == {"@type": "Person", "name": "Aleksandar Videnović"}
    assert data["sameAs"] == [
        "https://www.sciencedirect.com/science/article/pii/S1361841521003443",
        "https://doi.org/10.1016/j.media.2021.102299",
    ]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
