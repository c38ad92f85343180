"""What kind of publication an entry is, which decides its BibTeX, CSL and RIS types."""

from __future__ import annotations

import re

from ..catalog.model import Entry

# Venue classification when `venue_type` is not given. Strong journal words win over
# conference words ("Transactions of the ACL" is a journal); conference words win over
# journal titles that are also part of conference names ("... Pattern Recognition").
_JOURNAL_STRONG = re.compile(r"\b(journal|transactions|letters)\b", re.IGNORECASE)
_CONFERENCE = re.compile(
    r"\b(conference|conf\.|proceedings|proc\.|workshops?|symposium|congress|"
    r"cvpr|iccv|eccv|accv|wacv|bmvc|neurips|nips|iclr|icml|aaai|ijcai|aistats|uai|colt|corl|"
    r"miccai|ipmi|isbi|midl|iros|icra|rss|acm\s*mm|acm\s+multimedia|siggraph|3dv|icpr|icip|"
    r"icassp|interspeech|acl|emnlp|naacl|eacl|coling|kdd|www|sigir|chi|uist)\b",
    re.IGNORECASE,
)
_JOURNAL_KNOWN = re.compile(
    r"\b(ijcv|tpami|t-pami|tmi|tip|tmlr|jmlr|medical image analysis|scientific reports|"
    r"applied sciences|frontiers in|nature|science robotics|science advances|sensors|"
    r"remote sensing|plos|ieee access|neurocomputing|pattern recognition|neural networks|"
    r"bioinformatics|radiology|the lancet|magazine|review)\b",
    re.IGNORECASE,
)
_PREPRINT = re.compile(r"\b(arxiv|biorxiv|medrxiv|chemrxiv|preprint|ssrn)\b", re.IGNORECASE)


def venue_kind(entry: Entry) -> str:
    """What kind of publication `entry` is: "proceedings", "journal", "preprint" or "other".

    `venue_type` decides when given (workshops count as proceedings). Without it, the venue
    text is classified by keywords; without a venue, an arXiv paper is a preprint and anything
    else is "other".
    """
    vt = entry.venue_type
    if vt in ("conference", "workshop"):
        return "proceedings"
    if vt in ("journal", "preprint", "other"):
        return vt
    venue = entry.venue
    if not venue:
        return "preprint" if entry.arxiv else "other"
    if _JOURNAL_STRONG.search(venue):
        return "journal"
    if _CONFERENCE.search(venue):
        return "proceedings"
    if _JOURNAL_KNOWN.search(venue):
        return "journal"
    if _PREPRINT.search(venue):
        return "preprint"
    return "other"
