"""The Jinja environment every generated page, chart and `<head>` tag is rendered with.

Autoescape is on for every template, so entry text meets one escaping context: HTML. A site can
replace any packaged template: a file of the same name in the override folder (the plugin passes
`<theme custom_dir>/awesome/`) is found first. The packaged one stays reachable as
`packaged/<name>`, so an override can include or extend it. See docs/templates.md.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jinja2
import jinja2.bccache
from markupsafe import Markup

TEMPLATES = Path(__file__).parent / "templates"
OVERRIDE_FOLDER = "awesome"  # inside the theme's custom_dir
PACKAGED_PREFIX = "packaged"


def script_json(data) -> str:
    """JSON safe to place inside a <script> element: no `</script>`, no HTML comment openers."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _script_json_filter(data) -> Markup:
    return Markup(script_json(data))


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process. Each build makes its own
    environment, and compiling our templates again cost ~0.25 s of every `mkdocs serve`
    rebuild. Jinja checks a template's source against its checksum before using the stored
    code, so an edited override is compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()
_THEMES: dict[tuple, _CompiledTemplates] = {}


def compiled_templates_for(env: jinja2.Environment) -> jinja2.BytecodeCache:
    """A store of compiled templates for environments configured like `env`, kept for the
    life of the process. MkDocs makes a new theme environment on every `mkdocs serve`
    rebuild and compiled Material's templates again each time: about a third of a rebuild
    at 87 papers. Code compiled under other settings (extensions, delimiters, autoescape) is
    never shared, and Jinja recompiles a template whose source changed."""
    signature = (
        tuple(sorted(env.extensions)), repr(env.autoescape), env.undefined.__name__,
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
        env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
    )
    return _THEMES.setdefault(signature, _CompiledTemplates())


def template_env(overrides: str | Path | None = None) -> jinja2.Environment:
    """An environment over the packaged templates, with `overrides` (a folder) searched first."""
    packaged = jinja2.FileSystemLoader(str(TEMPLATES))
    loaders: list[jinja2.BaseLoader] = []
    if overrides is not None:
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders += [packaged, jinja2.PrefixLoader({PACKAGED_PREFIX: packaged})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=_COMPILED,
        # an environment lives for one build: without this, every `get_template` (one per page
        # and listing row) asked the file system whether the template had changed
        auto_reload=False,
    )
    env.filters["script_json"] = _script_json_filter
    return env


@lru_cache(maxsize=1)
def packaged_env() -> jinja2.Environment:
    """The environment without overrides, for callers that render outside a build."""
    return template_env()
