"""The catalogue's vocabulary: `categories.yaml` (the category tree) and `tags.yaml`."""

from __future__ import annotations

from .model import Category
from .problems import Problem, ProblemCollector
from .suggest import did_you_mean
from .validators import SLUG_RE, TAG_RE, item_line, text_problem, type_name
from .yaml_source import LineDict, YamlProblem, load_yaml_bytes

_TAG_FIELDS = ("description", "implies")


def parse_tag_vocabulary(
    data_bytes: bytes, path: str
) -> tuple[dict[str, str], dict[str, tuple[str, ...]], list[Problem]]:
    """Read `tags.yaml`: each tag maps to its one-line description, or to a mapping
    `{description: ..., implies: [other-tag, ...]}`.

    Returns the descriptions, each tag's implied tags with the implications of those followed
    (`surgical -> medical -> ...`; see `implied_tags`), and the problems.
    """
    col = ProblemCollector(path)
    try:
        data = load_yaml_bytes(data_bytes)
    except YamlProblem as exc:
        return {}, {}, [Problem(path, exc.line, exc.field, exc.message, "error", exc.col)]
    if data is None:
        return {}, {}, []
    if not isinstance(data, LineDict):
        col.error(1, "", f"tags.yaml must be a mapping of tag: description, got {type_name(data)}")
        return {}, {}, col.problems
    tags: dict[str, str] = {}
    declared: dict[str, list[tuple[str, int, int]]] = {}  # tag -> (implied, index, line)
    for tag, value in data.items():
        line = data.lines[tag]
        if not TAG_RE.match(tag):
            col.error(line, tag, "a tag is lowercase letters, digits and single hyphens")
            continue
        desc, implies = value, None
        if isinstance(value, LineDict):
            unknown = [name for name in value if name not in _TAG_FIELDS]
            for name in unknown:
                col.error(value.lines[name], f"{tag}.{name}",
                          f"unknown field{did_you_mean(name, _TAG_FIELDS)}")
            if unknown:
                continue
            if "description" not in value:
                col.error(line, f"{tag}.description", "required field is missing")
                continue
            desc, implies = value["description"], value.get("implies")
        problem = text_problem(desc, limit=300)
        if problem:
            col.error(line, tag, f"description {problem}")
            continue
        if implies is not None:
            iline = value.lines["implies"]
            if not isinstance(implies, list) or not implies:
                col.error(iline, f"{tag}.implies", "expected a list of tags")
                continue
            declared[tag] = [
                (other, i, item_line(implies, i, iline)) for i, other in enumerate(implies)
            ]
        tags[tag] = desc.strip()
    implies_ok: dict[str, list[str]] = {}
    for tag, items in declared.items():
        for other, i, line in items:
            field = f"{tag}.implies[{i}]"
            if not isinstance(other, str) or other not in tags:
                hint = did_you_mean(other, tags) if isinstance(other, str) else ""
                col.error(line, field, f"unknown tag {other!r}{hint}")
            elif other == tag:
                col.error(line, field, "a tag cannot imply itself")
            else:
                implies_ok.setdefault(tag, []).append(other)
    return tags, implied_tags(implies_ok), col.problems


def implied_tags(implies: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Each tag's implied tags, following implications of implied tags, in declaration order
    (a cycle is allowed: the tags then imply one another)."""
    closure: dict[str, tuple[str, ...]] = {}
    for tag in implies:
        seen: list[str] = []
        todo = list(implies[tag])
        while todo:
            other = todo.pop(0)
            if other != tag and other not in seen:
                seen.append(other)
                todo += implies.get(other, [])
        closure[tag] = tuple(seen)
    return closure


def parse_tags(data_bytes: bytes, path: str) -> tuple[dict[str, str], list[Problem]]:
    """Read `tags.yaml` for its descriptions only (see `parse_tag_vocabulary`)."""
    tags, _implies, problems = parse_tag_vocabulary(data_bytes, path)
    return tags, problems


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
