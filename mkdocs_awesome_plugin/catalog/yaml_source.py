"""Safe YAML loading that remembers line numbers and refuses what entries never need.

Entries arrive in strangers' pull requests, so loading is strict:
- only plain YAML types (the safe loader: a `!!python/...` tag is an error);
- a key given twice in one mapping is an error (PyYAML would keep the last one silently);
- anchors and aliases are refused, which also stops alias bombs before any expansion;
- files over `MAX_BYTES` and files that are not UTF-8 are refused before parsing.
"""

from __future__ import annotations

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

MAX_BYTES = 256 * 1024


class YamlProblem(Exception):
    """A file could not be read as YAML; carries the 1-based line and column."""

    def __init__(self, message: str, line: int = 1, col: int = 1, field: str = ""):
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.field = field


class LineDict(dict):
    """A dict that knows the source line of each key."""

    lines: dict

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = {}
        self.start_line = 1


class LineList(list):
    """A list that knows the source line of each item."""

    lines: list

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = []
        self.start_line = 1


class _StrictLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlProblem(
                "YAML aliases (*name) are not allowed in entry files",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(
                "YAML anchors (&name) are not allowed in entry files",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        return super().compose_node(parent, index)


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _construct(loader: _StrictLoader, node):
    """Build plain Python values, keeping line numbers and refusing duplicate keys."""
    if isinstance(node, (MappingNode, SequenceNode)) and node.tag not in _PLAIN_TAGS:
        raise YamlProblem(
            f"unsupported YAML tag {node.tag!r}",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
        )
    if isinstance(node, MappingNode):
        result = LineDict()
        result.start_line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(
                    "YAML merge keys (<<) are not allowed in entry files",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            key = _construct(loader, key_node)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise YamlProblem(
                    f"mapping keys must be text, got {type(key).__name__}", line,
                    key_node.start_mark.column + 1,
                )
            if key in result:
                raise YamlProblem(
                    f"duplicate key {key!r} (first given on line {result.lines[key]})",
                    line,
                    key_node.start_mark.column + 1,
                    field=key,
                )
            result[key] = _construct(loader, value_node)
            result.lines[key] = line
        return result
    if isinstance(node, SequenceNode):
        result = LineList()
        result.start_line = node.start_mark.line + 1
        for item in node.value:
            result.append(_construct(loader, item))
            result.lines.append(item.start_mark.line + 1)
        return result
    if isinstance(node, ScalarNode):
        try:
            return loader.construct_object(node, deep=True)
        except ValueError:
            if node.tag == "tag:yaml.org,2002:timestamp":
                # an impossible day written unquoted (2024-02-30): keep the text, so that the
                # field's own check names the field instead of a traceback
                return node.value
            raise YamlProblem(
                f"cannot read {node.value!r}", node.start_mark.line + 1,
                node.start_mark.column + 1,
            ) from None
        except ConstructorError:
            raise YamlProblem(
                f"unsupported YAML tag {node.tag!r}",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            ) from None
    raise YamlProblem("unsupported YAML node", node.start_mark.line + 1)  # pragma: no cover


def decode_utf8(data: bytes) -> str:
    """Decode strictly, naming the line of the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", line
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def load_yaml_bytes(data: bytes, max_bytes: int = MAX_BYTES):
    """Parse one YAML document from bytes. Raises `YamlProblem` on any failure."""
    if len(data) > max_bytes:
        raise YamlProblem(f"file is {len(data)} bytes; the limit is {max_bytes}")
    text = decode_utf8(data)
    return load_yaml_text(text)


# libyaml parses about six times faster than PyYAML's pure-Python parser; it cannot refuse anchors
# while composing, so its events are scanned for them first (also in C, and cheap).
_FastLoader = getattr(yaml, "CSafeLoader", None)


def _refuse_anchors(text: str) -> None:
    scanner = _FastLoader(text)
    try:
        while scanner.check_event():
            event = scanner.get_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                kind = "aliases (*name)" if isinstance(event, yaml.AliasEvent) else "anchors (&name)"
                raise YamlProblem(
                    f"YAML {kind} are not allowed in entry files",
                    event.start_mark.line + 1,
                    event.start_mark.column + 1,
                )
    finally:
        scanner.dispose()


def load_yaml_text(text: str):
    """Parse one YAML document from text. Raises `YamlProblem` on any failure."""
    if _FastLoader is not None:
        # an anchor is written `&name` and an alias `*name`: without either character there is
        # nothing to scan for
        if "&" in text or "*" in text:
            try:
                _refuse_anchors(text)
            except yaml.YAMLError:
                pass  # a syntax error: let the composer below report it with its marks
        loader = _FastLoader(text)
    else:
        loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _construct(loader, node)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        what = exc.problem or exc.context or "cannot parse"
        ctx = exc.context_mark
        if exc.context and ctx is not None and mark is not None and ctx.line != mark.line:
            what += f" ({exc.context.replace('while ', '')} started on line {ctx.line + 1})"
        raise YamlProblem(f"YAML syntax error: {what}", line, col) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML error: {exc}") from None
    except RecursionError:
        raise YamlProblem("YAML nesting is too deep") from None
    finally:
        loader.dispose()
