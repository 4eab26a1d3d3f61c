"""The extraction scored against gold annotations (format: docs/ANNOTATION.md).

Pure Python, no Django: ``score_article`` compares one extraction (the JSON shape of the
extraction contract, ``Extraction.to_dict()``) with one gold file and returns precision, recall
and F1 per field, plus every miss labelled with what kind of miss it is, so that a total can be
broken down by phenomenon ("participant missed", "speaker wrong", "agreement spurious"...).
``python manage.py evaluate_extraction`` (or ``make eval``) runs it over a folder.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

FIELDS = ("participants", "quotes", "attributed", "reported", "agreements")
STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
# Words that are not part of whom a name names ("President Putin" is Putin).
NAME_NOISE = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "the",
        "his",
        "her",
        "president",
        "prime",
        "minister",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "crown",
        "secretary",
        "foreign",
        "general",
        "pope",
        "emir",
        "sheikh",
    ]
)
QUOTE_OVERLAP = 0.6  # share of words two quotations must have in common to be the same quotation
SPAN_COVER = 0.5  # share of the gold span's words a predicted span must contain...
SPAN_WITHIN = 0.3  # ...while this share of its own words at least come from the gold span
REPORTED_COVER, REPORTED_WITHIN = 0.6, 0.2
MIN_QUOTE_WORDS = 3  # shorter quotations are scare quotes, not statements


def normalise(text: str | None) -> str:
    """Lower case, no accents, straight quotes, single spaces, no surrounding punctuation."""
    text = unicodedata.normalize("NFKD", text or "").translate(STRAIGHT)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip(" \t\n\"'.,;:!?-")


def content_words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z0-9]{3,}", normalise(text)))


def name_words(name: str | None) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", normalise(name)) if w not in NAME_NOISE]


def same_person(predicted: str | None, gold: str | None) -> bool:
    """One name's words all stand in the other ("Putin" and "Vladimir Putin"), titles aside."""
    mine, theirs = name_words(predicted), name_words(gold)
    if not mine or not theirs:
        return False
    shorter, longer = sorted((mine, theirs), key=len)
    return all(word in longer for word in shorter) and any(len(word) >= 2 for word in shorter)


def same_quotation(predicted: str | None, gold: str | None) -> bool:
    mine, theirs = normalise(predicted), normalise(gold)
    if not mine or not theirs:
        return False
    if theirs in mine or (mine in theirs and len(mine) >= QUOTE_OVERLAP * len(theirs)):
        return True
    a, b = content_words(mine), content_words(theirs)
    return bool(a and b) and len(a & b) / len(a | b) >= QUOTE_OVERLAP


def same_span(predicted: str | None, gold: str | None, *, cover=SPAN_COVER, within=SPAN_WITHIN) -> bool:
    """Most of the gold span's words are in the prediction, which is not much longer than it."""
    a, b = content_words(predicted), content_words(gold)
    if not a or not b:
        return False
    common = len(a & b)
    return common / len(b) >= cover and common / len(a) >= within


@dataclass(frozen=True)
class Figures:
    """Counts behind precision and recall: predictions right of all made, gold found of all."""

    right: int = 0
    predicted: int = 0
    found: int = 0
    gold: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(a + b for a, b in zip(self.counts, other.counts, strict=True)))

    @property
    def counts(self) -> tuple[int, int, int, int]:
        return self.right, self.predicted, self.found, self.gold

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else float(not self.gold)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    """One thing the extraction got wrong: its kind ("participant missed") and what it concerns."""

    kind: str
    what: str


@dataclass
class ArticleScore:
    name: str
    figures: dict[str, Figures] = field(default_factory=dict)
    summit: float = 0.0  # share of place, country and date right
    misses: list[Miss] = field(default_factory=list)
    failed: str = ""  # why the article could not be scored at all

    def miss(self, kind: str, what: str) -> None:
        self.misses.append(Miss(kind, (what or "")[:90]))


def _participants(score: ArticleScore, predicted: dict, gold: dict) -> None:
    names = [p.get("name") or "" for p in predicted.get("participants") or []]
    wanted = [p["name"] for p in gold.get("participants", [])]
    not_there = gold.get("mentioned_not_participants", [])
    right = [n for n in names if any(same_person(n, g) for g in wanted)]
    for name in names:
        if name in right:
            continue
        if any(same_person(name, other) for other in not_there):
            score.miss("participant only mentioned, taken as present", name)
        else:
            score.miss("participant spurious", name)
    found = [g for g in wanted if any(same_person(n, g) for n in names)]
    for name in wanted:
        if name not in found:
            score.miss("participant missed", name)
    score.figures["participants"] = Figures(len(right), len(names), len(found), len(wanted))


def _quotes(score: ArticleScore, predicted: dict, gold: dict) -> None:
    quotes = [
        s
        for s in predicted.get("statements") or []
        if (s.get("kind") or "direct") == "direct"
        and len(normalise(s.get("text")).split()) >= MIN_QUOTE_WORDS
    ]
    wanted = gold.get("statements", [])
    matching = [[q for q in quotes if same_quotation(q.get("text"), g["quote"])] for g in wanted]
    right = sum(any(same_quotation(q.get("text"), g["quote"]) for g in wanted) for q in quotes)
    attributed = sum(
        any(
            same_quotation(q.get("text"), g["quote"]) and same_person(q.get("speaker"), g["speaker"])
            for g in wanted
        )
        for q in quotes
    )
    found_with_speaker = 0
    for g, hits in zip(wanted, matching, strict=True):
        if not hits:
            score.miss("quotation missed", g["quote"])
        elif any(same_person(q.get("speaker"), g["speaker"]) for q in hits):
            found_with_speaker += 1
        else:
            score.miss("quotation speaker wrong", f"{hits[0].get('speaker')} for {g['speaker']}")
    for q in quotes:
        if not any(same_quotation(q.get("text"), g["quote"]) for g in wanted):
            score.miss("quotation spurious", q.get("text"))
    found = sum(bool(hits) for hits in matching)
    score.figures["quotes"] = Figures(right, len(quotes), found, len(wanted))
    score.figures["attributed"] = Figures(attributed, len(quotes), found_with_speaker, len(wanted))


def _reported(score: ArticleScore, predicted: dict, gold: dict) -> None:
    if "reported_statements" not in gold:
        return
    said = [s for s in predicted.get("statements") or [] if s.get("kind") == "indirect"]
    wanted = gold["reported_statements"]

    def same(s: dict, g: dict) -> bool:
        return same_span(
            s.get("text"), g["evidence"], cover=REPORTED_COVER, within=REPORTED_WITHIN
        ) and same_person(s.get("speaker"), g["speaker"])

    right = [s for s in said if any(same(s, g) for g in wanted)]
    found = [g for g in wanted if any(same(s, g) for s in said)]
    for g in wanted:
        if g in found:
            continue
        near = [s for s in said if same_span(s.get("text"), g["evidence"], cover=REPORTED_COVER, within=0.2)]
        if near:
            score.miss("reported speech speaker wrong", f"{near[0].get('speaker')} for {g['speaker']}")
        else:
            score.miss("reported speech missed", g["evidence"])
    for s in said:
        if s not in right:
            score.miss("reported speech spurious", s.get("text"))
    score.figures["reported"] = Figures(len(right), len(said), len(found), len(wanted))


def _agreements(score: ArticleScore, predicted: dict, gold: dict) -> None:
    texts = [a.get("text") or "" for a in predicted.get("agreements") or []]
    wanted = [a["evidence"] for a in gold.get("agreements", [])]
    optional = [a["evidence"] for a in gold.get("agreements_optional", [])]
    counted = [
        t for t in texts if any(same_span(t, g) for g in wanted) or not any(same_span(t, o) for o in optional)
    ]
    right = [t for t in counted if any(same_span(t, g) for g in wanted)]
    found = [g for g in wanted if any(same_span(t, g) for t in texts)]
    for g in wanted:
        if g not in found:
            score.miss("agreement missed", g)
    for t in counted:
        if t not in right:
            score.miss("agreement spurious", t)
    score.figures["agreements"] = Figures(len(right), len(counted), len(found), len(wanted))


def _summit(score: ArticleScore, predicted: dict, gold: dict) -> None:
    found, wanted = predicted.get("summit") or {}, gold["summit"]
    place = normalise(found.get("location"))
    names = [normalise(n) for n in [wanted.get("location"), *wanted.get("location_also", [])] if n]
    right_place = (not names and not place) or bool(place and any(n in place or place in n for n in names))
    right_country = (found.get("country") or "").upper() == (wanted.get("country") or "").upper()
    right_date = (found.get("date") or None) == wanted.get("date")
    for right, kind, what in [
        (right_place, "summit place wrong", f"{found.get('location')} for {wanted.get('location')}"),
        (right_country, "summit country wrong", f"{found.get('country')} for {wanted.get('country')}"),
        (right_date, "summit date wrong", f"{found.get('date')} for {wanted.get('date')}"),
    ]:
        if not right:
            score.miss(kind, what)
    score.summit = (right_place + right_country + right_date) / 3


SCORERS = (_participants, _quotes, _reported, _agreements, _summit)


def score_article(name: str, predicted: dict, gold: dict) -> ArticleScore:
    """How ``predicted`` (the extraction contract's JSON) fares against ``gold``."""
    score = ArticleScore(name)
    for scorer in SCORERS:
        scorer(score, predicted, gold)
    return score


@dataclass
class Total:
    """The sum over articles: F1 from the pooled counts, the mean summit share, misses by kind."""

    articles: int = 0
    failed: int = 0
    figures: dict[str, Figures] = field(default_factory=dict)
    summit: float = 0.0
    misses: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, scores: list[ArticleScore]) -> Total:
        total = cls(articles=len(scores), failed=sum(bool(s.failed) for s in scores))
        scored = [s for s in scores if not s.failed]
        for name in FIELDS:
            parts = [s.figures[name] for s in scored if name in s.figures]
            total.figures[name] = sum(parts, Figures())
        total.summit = sum(s.summit for s in scored) / len(scored) if scored else 0.0
        total.misses = Counter(m.kind for s in scored for m in s.misses)
        return total

    def line(self) -> str:
        figures = " ".join(f"{name}_f1={self.figures[name].f1:.2f}" for name in FIELDS)
        return f"TOTAL n={self.articles} failed={self.failed} {figures} summit={self.summit:.2f}"
