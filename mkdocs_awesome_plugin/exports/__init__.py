"""Citation exports of catalogue entries: BibTeX, CSL-JSON, RIS and HTML citation metadata.

Pure Python (no MkDocs). The format modules are `bibtex`, `csl`, `ris`, `meta` and `feed`. The
rules they share live in one place each and are re-exported here for them: people's names in
`catalog.names`, flattening text in `catalog.text`, the kind of venue in `venue`.
"""

from ..catalog.names import PersonName, display_name, split_name
from ..catalog.text import one_line
from .venue import venue_kind

__all__ = [
    "PersonName",
    "display_name",
    "one_line",
    "split_name",
    "venue_kind",
]
