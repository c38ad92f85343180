"""mkdocs-awesome-plugin: publish, browse and cite a curated list of research papers."""

__version__ = "0.1.0"
