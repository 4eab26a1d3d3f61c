"""Titles and countries written around a name: pure functions over the parsed ``Doc``.

"Kazakh President Kassym-Jomart Tokayev", "Hasina, the Bangladeshi prime minister",
"President of Laos Thongloun Sisoulith": the title, the state (or organisation) and the body a
title belongs to, read from the words before or after a mention.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from . import geo
from .lexicon import (
    HONORIFIC_PAIRS,
    HONORIFICS,
    NOBILITY,
    PORTFOLIO_JOINS,
    PORTFOLIO_WORDS,
    SENIOR_ROLE,
    TITLE_HEADS,
    TITLE_WORDS,
)
from .nlp import entities_in

STATE_LABELS = frozenset({"GPE", "NORP", "ORG"})  # entities a state or organisation is named by
STATE_JOINS = frozenset({"-", "–", "and", ",", "/"})  # "UK-France", "Russia and Turkey"
POSSESSIVE_TITLE_WORDS = TITLE_WORDS | {"chief", "army", "policy"}  # "Sudan's army chief", "EU policy chief"
LOWER_TITLE_WORDS = 3  # "deputy defence minister [X]": at most three lower-case title words
STATE_NAME_WORDS = 3  # "[United Arab Emirates] President": the most words a state is named by before a title
MEMBERSHIP_WORDS = 7  # "a member of the [Communist Party's] politburo": at most this many words
PORTFOLIO_REACH = (
    10  # "Minister of Justice and Courts Administration": at most this many words after the title
)
PORTFOLIO_OPENERS = frozenset({"of", "for"})  # "Minister [of] Justice", "Minister [for] Law"


class Title(NamedTuple):
    role: str | None  # as written, without the country ("President")
    country: str | None  # ISO code, or an organisation's short name ("EU")
    body: str | None  # the organisation the title belongs to ("european council")


NO_TITLE = Title(None, None, None)


def title_word(word: str) -> bool:
    """A title word, or its plural before several names ("Prime [Ministers] Fraser and Muldoon")."""
    word = word.lower()
    return word in TITLE_WORDS or (len(word) > 4 and word.endswith("s") and word[:-1] in TITLE_WORDS)


def _singular(word: str) -> str:
    """ "Prime Ministers Fraser and Muldoon": each of them a Prime Minister."""
    return word if word.lower() in TITLE_WORDS or not title_word(word) else word[:-1]


def is_title(token: Token) -> bool:
    """A capitalised title word, or "of" inside one ("President of Laos")."""
    return title_word(token.text) and (token.is_title or token.is_upper or token.lower_ == "of")


def capitalised(token: Token) -> bool:
    """A capitalised word that is not a title: it can be part of a name."""
    return token.is_alpha and token.text[0].isupper() and not title_word(token.text)


def honorific_at(doc: Doc, i: int) -> int:
    """How many words of an honorific start at token ``i``: "Mr" 1, "Tan Sri" 2, a name 0."""
    if i + 1 < len(doc) and (doc[i].lower_, doc[i + 1].lower_) in HONORIFIC_PAIRS:
        return 2
    return int(0 <= i < len(doc) and doc[i].lower_ in HONORIFICS)


def honorific_before(doc: Doc, i: int) -> int:
    """How many words of an honorific end at token ``i``: "[Tan Sri] Muhyiddin" 2."""
    if i >= 1 and (doc[i - 1].lower_, doc[i].lower_) in HONORIFIC_PAIRS:
        return 2
    return int(0 <= i < len(doc) and doc[i].lower_ in HONORIFICS)


def _portfolio_word(token: Token) -> bool:
    return token.text[:1].isupper() and (token.lower_ in PORTFOLIO_WORDS or token.lower_ in TITLE_WORDS)


def portfolio_end(doc: Doc, head: int) -> int:
    """Where the portfolio written after a title word ends: "Minister [of Justice and Courts
    Administration] Faaolesa", "Minister [for Law] Edwin Tong"; ``head + 1`` where there is none."""
    i = head + 1
    if not (is_title(doc[head]) and i < len(doc) and doc[i].lower_ in PORTFOLIO_OPENERS):
        return head + 1
    end = head + 1
    while i < len(doc) and i <= head + PORTFOLIO_REACH:
        if _portfolio_word(doc[i]):
            end = i + 1
        elif doc[i].lower_ not in PORTFOLIO_JOINS:
            break
        i += 1
    return end


def portfolio_head(doc: Doc, end: int) -> int | None:
    """The title word whose portfolio ends right before token ``end``: "[Minister] of Justice and
    Courts Administration | Faaolesa"."""
    for k in range(end - 1, max(-1, end - 1 - PORTFOLIO_REACH), -1):
        if doc[k].lower_ in TITLE_HEADS and portfolio_end(doc, k) == end and end > k + 2:
            return k
        if not (_portfolio_word(doc[k]) or doc[k].lower_ in PORTFOLIO_JOINS):
            return None
    return None


def only_rank(role: str) -> bool:
    """ "Sheikh", "Prince": a rank that is part of the name, not an office."""
    return all(w in NOBILITY for w in role.lower().split())


def country_at(doc: Doc, i: int, j: int) -> str | None:
    """A state or organisation named by tokens i..j: "Russian", "Bangladeshi", "Turkey's"."""
    text = doc[i : j + 1].text
    if not text[:1].isupper():
        return None
    return geo.demonym_country(text) or geo.state_of(text) or geo.organisation(text)


def country_before(doc: Doc, i: int) -> str | None:
    """The state named by the words ending at token ``i``: "Turkey's [President]"."""
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    if i < 0 or not doc[i].text[:1].isupper():
        return None
    if doc[i].ent_type_ in {"NORP", "GPE", "ORG", "LOC"}:
        j = i
        while j > 0 and doc[j].ent_iob_ == "I":
            j -= 1
        found = country_at(doc, j, i)
        if found:
            return found
    return next(filter(None, (country_at(doc, j, i) for j in _capitalised_starts(doc, i))), None)


def _capitalised_starts(doc: Doc, i: int) -> range:
    """Where a run of capitalised words ending at token ``i`` may start, longest first: a name the
    model labelled only in part ("[Saudi] Arabia Crown Prince")."""
    j = i
    while j > max(0, i - STATE_NAME_WORDS + 1) and doc[j - 1].text[:1].isupper():
        j -= 1
    return range(j, i + 1)


def state_run(doc: Doc, sent: Span, size: int) -> list[str] | None:
    """``size`` different states written one after another: "the UK-France summit"."""
    ents = [e for e in entities_in(sent) if e.label_ in STATE_LABELS]
    for i in range(len(ents) - size + 1):
        run = ents[i : i + size]
        joins = [doc.text[a.end_char : b.start_char].strip() for a, b in zip(run, run[1:], strict=False)]
        codes = [geo.state_of(e.text) or geo.demonym_country(e.text) or geo.organisation(e.text) for e in run]
        if all(j in STATE_JOINS for j in joins) and all(codes) and len(set(codes)) == size:
            return codes
    return None


# --- a title written before the name ----------------------------------------------------------
def title_before(doc: Doc, start: int) -> Title:
    """The title before a name starting at ``start``: "Turkish President [Erdogan]"."""
    i = _before_honorifics(doc, start - 1)
    head = portfolio_head(doc, i + 1)
    portfolio = list(doc[head + 1 : i + 1]) if head is not None else []
    i = head if head is not None else i
    of_country, i = _of_state_before(doc, i)
    words: list[Token] = []
    while i >= 0 and (is_title(doc[i]) or (doc[i].lower_ == "counterpart")):
        words.insert(0, doc[i])
        i -= 1
    if not words:
        readers = (
            _possessive_title,
            _lower_title,
            _possessive_title_with_comma,
            _state_title_with_comma,
            _definite_title_with_comma,
        )
        return _first_title(doc, i, readers)
    if words[0].lower_ == "of":
        words = words[1:]
    words += portfolio
    words, country, body = _organisation_title(words, of_country or country_before(doc, i))
    words = _without_rank(words)
    role = " ".join(_singular(w.text) for w in words) or None
    if role and words[-1].lower_ not in {"of"}:
        return Title(role, country, body)
    return NO_TITLE


def _before_honorifics(doc: Doc, i: int) -> int:
    """Where the words before a name's honorifics end, the honorifics ending at token ``i``: "Prime
    Minister of Chile | the Right Honourable [Ana Torres]"."""
    last = i
    while i >= 0 and (honorific_before(doc, i) or _abbreviation_stop(doc, i)):
        i -= honorific_before(doc, i) or 1
    if i < last and i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i


def _abbreviation_stop(doc: Doc, i: int) -> bool:
    """The full stop of an honorific the tokenizer split off: "the Rt[.] Hon[.] Malcolm Fraser"."""
    return doc[i].text == "." and i > 0 and bool(honorific_before(doc, i - 1))


def _of_state_before(doc: Doc, i: int) -> tuple[str | None, int]:
    """ "President of Laos [Thongloun Sisoulith]": the state, and where the title ends."""
    for size in (1, 2, 3, 4):
        j = i - size + 1
        if j > 1 and doc[j - 1].lower_ == "of" and is_title(doc[j - 2]) and country_at(doc, j, i):
            return country_at(doc, j, i), j - 2
    return None, i


def _without_rank(words: list[Token]) -> list[Token]:
    """ "Foreign Minister [Prince] Faisal": a rank that belongs to the name (not "Crown Prince")."""
    while len(words) > 1 and words[-1].lower_ in NOBILITY and words[-2].lower_ not in {"crown"}:
        words = words[:-1]
    return words


def _possessive_title(doc: Doc, i: int) -> Title:
    """ "Sudan's army chief [Abdel Fattah al-Burhan]": a lower-case title after a possessive."""
    k = i
    while k >= 0 and k > i - 3 and doc[k].is_lower and doc[k].is_alpha:
        k -= 1
    if k < i and k >= 1 and doc[k].tag_ == "POS" and doc[i].lower_ in POSSESSIVE_TITLE_WORDS:
        return Title(doc[k + 1 : i + 1].text.title(), country_before(doc, k), None)
    return NO_TITLE


def _first_title(doc: Doc, i: int, readers) -> Title:
    """The title the first of ``readers`` finds ending at token ``i``."""
    for read in readers:
        title = read(doc, i)
        if title.role:
            return title
    return NO_TITLE


def _possessive_title_with_comma(doc: Doc, i: int) -> Title:
    """ "Germany's chancellor, [Angela Merkel]": a possessive title set off by a comma."""
    if i < 1 or doc[i].text != ",":
        return NO_TITLE
    return _possessive_title(doc, i - 1)


def _definite_title_with_comma(doc: Doc, i: int) -> Title:
    """ "the Australian Foreign Minister, [the Hon. Andrew Peacock]": a capitalised title after
    "the", set off by a comma."""
    if i < 2 or doc[i].text != "," or not is_title(doc[i - 1]):
        return NO_TITLE
    k = i - 1
    while k > 0 and (is_title(doc[k - 1]) or country_at(doc, k - 1, k - 1)):
        k -= 1
    if k == 0 or doc[k - 1].lower_ != "the":
        return NO_TITLE
    return title_before(doc, i)


def _state_title_with_comma(doc: Doc, i: int) -> Title:
    """ "The Prime Minister of Norway, [Mr Lars Berg]", "the president of Serbia, [X]": a title of
    a state set off by a comma, in capitals or not."""
    if i < 3 or doc[i].text != ",":
        return NO_TITLE
    for size in (1, 2, 3, 4):
        j = i - size
        if j < 2 or doc[j - 1].lower_ != "of" or not title_word(doc[j - 2].text):
            continue
        country = country_at(doc, j, i - 1)
        if country:
            k = j - 2
            while k > 0 and title_word(doc[k - 1].text) and doc[k - 1].lower_ != "of":
                k -= 1
            role = " ".join(_singular(w.text) for w in doc[k : j - 1]).title()
            return Title(role, country, None)
    return NO_TITLE


def _lower_title(doc: Doc, i: int) -> Title:
    """ "Chilean delegation chief [Ana Rojas]", "rebel chairman [X]", "UN envoy [X]": lower-case
    title words right before the name, after a state's adjective or name where there is one,
    naming a senior role, or any office of the state or organisation named right before it."""
    k = i
    while (
        k >= 0 and k > i - LOWER_TITLE_WORDS and doc[k].is_lower and doc[k].lower_ in POSSESSIVE_TITLE_WORDS
    ):
        k -= 1
    role = doc[k + 1 : i + 1].text if k < i else ""
    country = country_before(doc, k) if k >= 0 and role else None
    if not role or only_rank(role) or not (SENIOR_ROLE.search(role) or country):
        return NO_TITLE
    return Title(role.title(), country, None)


def _organisation_title(
    words: list[Token], country: str | None
) -> tuple[list[Token], str | None, str | None]:
    """ "European Commission President [von der Leyen]": the organisation, then the title."""
    for cut in range(len(words) - 1, 0, -1):
        named = " ".join(w.text for w in words[:cut])
        org = geo.organisation(named)
        if org:
            return words[cut:], org, named.lower()
    return words, country, None


# --- a title written after the name -----------------------------------------------------------
def title_after(doc: Doc, end: int) -> Title:
    """ "Ben Rhodes, US deputy national security adviser" / "Hasina, the Bangladeshi prime minister"
    / "Michel, the president of the European Council"."""
    if end >= len(doc) or doc[end].text != "," or _inside_opening_clause(doc[end - 1]):
        return NO_TITLE
    return _title_from(doc, end + 1)[0]


def _inside_opening_clause(name: Token) -> bool:
    """ "Addressing [Aliyev], the premier thanked him": a name inside a participle's clause that
    opens the sentence; the words after its comma are the sentence's subject, not the name's title."""
    opening = name.sent[0]
    if not (opening.tag_ == "VBG" and opening.lower_.endswith("ing")) or opening.i == name.i:
        return False
    return not any(t.text == "," for t in name.doc[opening.i : name.i])


def paired_titles_after(doc: Doc, end: int) -> tuple[Title, Title] | None:
    """ "Torres and Vega, Chile's president and Peru's prime minister": two titles in the order
    of the two names before them (``end``: where the second name ends)."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    first, i = _title_from(doc, end + 1)
    if not first.role or i >= len(doc) or doc[i].lower_ != "and":
        return None
    second, _ = _title_from(doc, i + 1)
    return (first, second) if second.role else None


def _title_from(doc: Doc, i: int) -> tuple[Title, int]:
    """The title written from token ``i`` on, and where it ends."""
    if i < len(doc) and doc[i].lower_ in {"the", "a"}:
        i += 1
    state = _state_opening_title(doc, i)
    if state is None:
        return NO_TITLE, i
    country, i = state
    membership = _membership(doc, i)
    if membership is not None:
        return membership
    words = []
    while i < len(doc) and (doc[i].lower_ in TITLE_WORDS) and not doc[i].is_punct:
        words.append(doc[i])
        i += 1
    body = None
    if words and words[-1].lower_ == "of":
        words = words[:-1]
        country, body = _of_organisation_after(doc, i, country)
    role = " ".join(w.text for w in words)
    if not words or not SENIOR_ROLE.search(role):
        return NO_TITLE, i
    if role.islower():
        role = role.title()  # "the prime minister" -> "Prime Minister"
    return Title(role, country, body), i


def _membership(doc: Doc, i: int) -> tuple[Title, int] | None:
    """ "X, a [member of the politburo], ...": membership of a senior body, as written."""
    if i + 1 >= len(doc) or doc[i].lower_ != "member" or doc[i + 1].lower_ != "of":
        return None
    end = i + 2
    while end < len(doc) and end < i + MEMBERSHIP_WORDS and not doc[end].is_punct:
        end += 1
    role = doc[i:end].text
    return (Title(role, None, None), end) if SENIOR_ROLE.search(role) else None


def _state_opening_title(doc: Doc, i: int) -> tuple[str | None, int] | None:
    """ "[Turkey's] president", "[US] deputy adviser": the state and where the title starts;
    "[the Taliban's] chief negotiator": a party that is no state owns the title, and none is
    known; None where capitalised words that name no state come first."""
    j = i
    while j < len(doc) and doc[j].text[:1].isupper() and doc[j].lower_ not in TITLE_WORDS:
        j += 1
    if j == i:
        return None, i
    country = country_at(doc, i, j - 1)
    if country is None:
        return (None, j + 1) if j < len(doc) and doc[j].tag_ == "POS" else None
    if j < len(doc) and doc[j].tag_ == "POS":
        j += 1
    return country, j


def _of_organisation_after(doc: Doc, i: int, country: str | None) -> tuple[str | None, str | None]:
    """ "the president of [the European Council]": its state or organisation, and the body."""
    k = i + (i < len(doc) and doc[i].lower_ == "the")
    m = k
    while m < len(doc) and doc[m].text[:1].isupper():
        m += 1
    body = None
    if m > k and not country:
        country = country_at(doc, k, m - 1)
        if geo.organisation(doc[k:m].text):
            body = doc[k:m].text.lower()
    return country, body
