"""The catalogue's vocabulary: `categories.yaml` (the category tree) and `tags.yaml`."""

from __future__ import annotations

from .model import Category
from .problems import Problem, ProblemCollector
from .validators import SLUG_RE, TAG_RE, item_line, text_problem, type_name
from .yaml_source import LineDict, YamlProblem, load_yaml_bytes


def parse_tags(data_bytes: bytes, path: str) -> tuple[dict[str, str], list[Problem]]:
    """Read `tags.yaml`: a mapping `tag: one-line description`."""
    col = ProblemCollector(path)
    try:
        data = load_yaml_bytes(data_bytes)
    except YamlProblem as exc:
        return {}, [Problem(path, exc.line, exc.field, exc.message, "error", exc.col)]
    if data is None:
        return {}, []
    if not isinstance(data, LineDict):
        col.error(1, "", f"tags.yaml must be a mapping of tag: description, got {type_name(data)}")
        return {}, col.problems
    tags: dict[str, str] = {}
    for tag, desc in data.items():
        line = data.lines[tag]
        if not TAG_RE.match(tag):
            col.error(line, tag, "a tag is lowercase letters, digits and single hyphens")
            continue
        problem = text_problem(desc, limit=300)
        if problem:
            col.error(line, tag, f"description {problem}")
            continue
        tags[tag] = desc.strip()
    return tags, col.problems


_CATEGORY_FIELDS = ("slug", "title", "description", "children")


def parse_categories(data_bytes: bytes, path: str) -> tuple[list[Category], list[Problem]]:
    """Read `categories.yaml`: a list of {slug, title, description?, children?}."""
    col = ProblemCollector(path)
    try:
        data = load_yaml_bytes(data_bytes)
    except YamlProblem as exc:
        return [], [Problem(path, exc.line, exc.field, exc.message, "error", exc.col)]
    if data is None:
        return [], []
    seen: dict[str, int] = {}

    def build(items, parent: Category | None, where: str, line: int) -> list[Category]:
        if not isinstance(items, list):
            col.error(line, where, f"expected a list of categories, got {type_name(items)}")
            return []
        out = []
        for i, item in enumerate(items):
            iline = item_line(items, i, line)
            field = f"{where}[{i}]"
            if not isinstance(item, LineDict):
                col.error(iline, field, f"expected a mapping, got {type_name(item)}")
                continue
            bad = False
            for name in item:
                if name not in _CATEGORY_FIELDS:
                    col.error(item.lines[name], f"{field}.{name}", "unknown field")
                    bad = True
            slug = item.get("slug")
            if not isinstance(slug, str) or not SLUG_RE.match(slug):
                col.error(
                    item.lines.get("slug", iline), f"{field}.slug",
                    f"{slug!r} is not a slug (lowercase letters, digits, single hyphens)",
                )
                continue
            if slug in seen:
                col.error(
                    item.lines["slug"], f"{field}.slug",
                    f"slug {slug!r} is used twice (first on line {seen[slug]})",
                )
                continue
            seen[slug] = item.lines["slug"]
            title = item.get("title")
            problem = text_problem(title, limit=200) if "title" in item else "required field is missing"
            if problem:
                col.error(item.lines.get("title", iline), f"{field}.title", problem)
                bad = True
            desc = item.get("description")
            if desc is not None:
                problem = text_problem(desc, limit=500)
                if problem:
                    col.error(item.lines["description"], f"{field}.description", problem)
                    bad = True
            if bad:
                continue
            cat = Category(slug=slug, title=title.strip(), description=desc, parent=parent)
            if "children" in item and item["children"] is not None:
                cat.children = build(
                    item["children"], cat, f"{field}.children", item.lines["children"]
                )
            out.append(cat)
        return out

    return build(data, None, "categories", 1), col.problems
