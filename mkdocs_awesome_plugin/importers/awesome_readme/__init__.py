"""Import an "awesome list" README into entry files, `categories.yaml` and `tags.yaml`.

Three steps, each in its own module and all free of MkDocs:

- `parse`: `parse_readme(text, path)` reads the section tree and every paper row, each with its
  line number (`inline` cleans the text and finds the links). Pure.
- `plan`: `plan_entries(parsed)` merges the rows into one entry per paper, finds duplicates and
  conflicts and gives each entry a key. Pure.
- `write`: `write_plan(parsed, plan, entries_dir)` writes `entries_dir/papers/<key>.yaml`,
  merges `categories.yaml` and `tags.yaml` and returns the `ImportReport`.

`import_readme(text, path, entries_dir)` runs the three.
"""

from .parse import ParsedList, Row, Section, parse_readme
from .plan import IMPORT_TAG, Plan, PlannedEntry, plan_entries
from .write import ImportReport, dump_entry, import_readme, write_plan

__all__ = [
    "IMPORT_TAG", "ImportReport", "ParsedList", "Plan", "PlannedEntry", "Row", "Section",
    "dump_entry", "import_readme", "parse_readme", "plan_entries", "write_plan",
]
