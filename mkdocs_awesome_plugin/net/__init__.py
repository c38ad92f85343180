"""The network side of `mkdocs-awesome`: arXiv and Crossref clients, their on-disk cache, rate
limits and retries, and link checking. Only the `add`, `enrich`, `refresh` and `links` commands
use it; the catalogue, the exports, the renderer, `mkdocs build` and `lint` never import it, so
they never reach the network.

This package imports from `catalog` and `fileio` only.

Libraries, and why:

- **httpx** for HTTP. One client gives timeouts per phase, HEAD and GET, redirect following
  with the chain kept (`response.history`, which `links` needs to tell a permanent move from a
  temporary one), and it is thread-safe, so `links` can check hosts concurrently from a thread
  pool without an event loop. `requests` would do most of this but has no default timeout.
- **xml.etree** (standard library) for arXiv's Atom feed: the feed is small and namespaced;
  element lookups by namespace are all we need, so `feedparser` (which flattens the `arxiv:`
  elements into guessed keys) or the `arxiv` package (its own HTTP stack, no cache, no way to
  count or batch requests the way we do) would add a dependency without removing code.
- **Our own cache**, one JSON file per paper (`.cache/mkdocs-awesome/arxiv/2408.00714.json`,
  `crossref/<doi>.json`), written atomically with `fileio.write_atomic`. HTTP caches
  (`hishel`, `requests-cache`) key on the request URL; a batched arXiv request names many ids,
  and the batch a run sends depends on what is already known, so a URL cache would miss on the
  second run of a grown list and on a resumed run. Caching per paper makes "a second run sends
  no request" and "an interrupted run resumes" both true by construction.

Settings from the environment (for mirrors and for tests):

    AWESOME_ARXIV_API        https://export.arxiv.org/api/query
    AWESOME_CROSSREF_API     https://api.crossref.org
    AWESOME_MAILTO           address sent to Crossref's "polite" pool (also --mailto)
    AWESOME_ARXIV_INTERVAL   seconds between arXiv requests (3, arXiv's published limit)
    AWESOME_CROSSREF_INTERVAL seconds between Crossref requests (0.2)
    AWESOME_ARXIV_BATCH      ids per arXiv request (50)
    AWESOME_NET_TIMEOUT      seconds before a request is given up (20)
    AWESOME_NET_RETRIES      further tries after a 429, 5xx, time-out or refused connection (3)
    AWESOME_NET_BACKOFF      seconds before the first retry, doubled for each next one (2)
    AWESOME_CACHE_DIR        the cache folder (.cache/mkdocs-awesome)
"""

from .http import NetError

__all__ = ["NetError"]
