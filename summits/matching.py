"""What several reports of one meeting have in common: the same quotation in other typography, a
statement told in other words, one person's name written two ways.

Plain functions over strings (no Django), used by the import to merge what a new article repeats
and by the services that let editors merge by hand. The thresholds are named here, once, and
tested against real reports (tests/test_matching.py, tests/data/name_spellings.csv).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq
from spacy.lang.en.stop_words import STOP_WORDS

# --- The same words -------------------------------------------------------------------------------

# A word: letters and digits; apostrophes inside a word ("Russia's", "don't") are dropped, so
# that curly and straight ones read alike.
WORD = re.compile(r"\w+(?:['’]\w+)*")
APOSTROPHES = str.maketrans("", "", "'’")

# Of the shorter quotation's words, the share the longer one must hold in the same order: room for
# an outlet's small cut ("…"), a dropped "and" or a word an editor of the wire changed; from
# ``ONE_WORD_OFF_FROM`` words on, one word may always differ ("The two leaders agreed to resume
# talks", "They agreed to resume talks").
SAME_WORDS_SHARE = 0.9
ONE_WORD_OFF_FROM = 8
# A quotation that is only part of another is the same remark when it is a sentence's worth of
# words, or most of the other; a scrap ("a very good meeting") may be anyone's.
CUT_MIN_WORDS = 6
CUT_MIN_SHARE = 0.6
# Two outlets may cut one remark at different places, each keeping words the other drops: a long
# run of words in common, most of the shorter quotation, is the same remark.
OVERLAP_MIN_WORDS = 12
OVERLAP_SHARE = 0.7


def fold(text: str) -> str:
    """Accents off, case folded: "Erdoğan" and "ERDOGAN" read alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The words of ``text`` as compared across reports: folded, without punctuation, quotation
    marks or ellipses ("We will, … never" is ["we", "will", "never"])."""
    return [word.translate(APOSTROPHES) for word in WORD.findall(fold(text).replace("_", " "))]


def same_words(first: str, second: str) -> bool:
    """Whether two reports quote the same words: equal once typography is set aside, one a cut
    of the other (most of its words, in order, and enough of them to be more than a scrap), or two
    cuts of one remark sharing a long run of its words."""
    a, b = words(first), words(second)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < CUT_MIN_WORDS and len(short) < CUT_MIN_SHARE * len(long):
        return False
    common = LCSseq.similarity(short, long)
    if common >= SAME_WORDS_SHARE * len(short):
        return True
    if len(short) >= ONE_WORD_OFF_FROM and common >= len(short) - 1:
        return True
    return common >= OVERLAP_MIN_WORDS and common >= OVERLAP_SHARE * len(short)


def words_in_common(first: str, second: str) -> int:
    """How many words the two hold in the same order."""
    return LCSseq.similarity(words(first), words(second))


# --- Told in other words --------------------------------------------------------------------------

# Of the fewer content words of two statements, the share both hold for one to be proposed as a
# probable duplicate of the other ("the two sides agreed to boost trade" and "the two leaders
# agreed to boost bilateral trade"), and how many that must be: two words in common ("political
# system") are a topic shared, not a statement repeated.
PARAPHRASE_SHARE = 0.6
PARAPHRASE_MIN_SHARED = 3


def content_words(text: str) -> set[str]:
    """The words that carry a statement's sense: no stop words, no numbers, crude plural folding."""
    found = set()
    for word in words(text):
        if word in STOP_WORDS or word.isdigit() or len(word) < 3:
            continue
        found.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return found


def paraphrase_score(first: str, second: str) -> float:
    """How much of the shorter statement's sense the other holds, 0 to 1: the share of its content
    words the other has too (0 when they have fewer than ``PARAPHRASE_MIN_SHARED`` in common)."""
    a, b = content_words(first), content_words(second)
    shared = len(a & b)
    return shared / min(len(a), len(b)) if shared >= PARAPHRASE_MIN_SHARED else 0.0


def probably_same(first: str, second: str) -> bool:
    return paraphrase_score(first, second) >= PARAPHRASE_SHARE


# --- One person, two spellings --------------------------------------------------------------------


class Likeness(Enum):
    SAME = "same"  # one person: merged by the import
    PROBABLE = "probable"  # perhaps one person: proposed to an editor
    DIFFERENT = "different"


# Each word of one name against the word in the same place of the other (fuzz.ratio, 0–100):
# "Zelenskiy"/"Zelenskyy" 89, "Lukashenko"/"Lukashenka" 90, "Gaddafi"/"Qaddafi" 86.
SAME_PERSON_WORD_RATIO = 88
# Given names are transliterated more freely than surnames ("Sergey"/"Sergei" 83, "Bashar"/"Bachar"
# 83, "Hafez"/"Hafiz" 80): under a surname alike, given names need this much.
SAME_PERSON_GIVEN_NAME_RATIO = 80
PROBABLE_PERSON_WORD_RATIO = 75
# Words this short are compared whole: "Jong Un" is not "Jong Il", "Joe Biden" not "Jill Biden".
SHORT_WORD = 3
# Name particles a report may leave out: "Bashar al-Assad" is "Bashar Assad".
PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "van", "von", "der"})


def name_words(name: str) -> list[str]:
    return [word for word in words(name.replace("-", " ")) if word not in PARTICLES]


@dataclass(frozen=True)
class NameLikeness:
    likeness: Likeness
    score: float  # the least alike pair of words, 0–100

    @property
    def reason(self) -> str:
        return f"names alike word by word (the least alike pair {self.score:.0f}/100)"


DIFFERENT = NameLikeness(Likeness.DIFFERENT, 0.0)


def _word_ratio(first: str, second: str) -> float:
    if first == second:
        return 100.0
    if min(len(first), len(second)) <= SHORT_WORD:
        return 0.0
    return fuzz.ratio(first, second)


def name_likeness(first: str, second: str) -> NameLikeness:
    """Whether two written names are one person (tested on real spellings in
    tests/data/name_spellings.csv).

    SAME: the same words spelled a little differently ("Volodymyr Zelenskiy", "Volodymyr
    Zelenskyy"; "Sergey Lavrov", "Sergei Lavrov"), or in another order ("Kishida Fumio").
    PROBABLE, for an editor to decide: words alike but less so ("Gadhafi", "Qadhafi"), a surname
    alike under given names that only begin alike ("Vladimir"/"Volodymyr Zelensky"), or one name
    holding the other's words and more ("Sheikh Hasina", "Sheikh Hasina Wazed").
    DIFFERENT: anything else. Identical names are not this function's business (they match by key).
    """
    a, b = name_words(first), name_words(second)
    if not a or not b:
        return DIFFERENT
    if "".join(a) == "".join(b) or sorted(a) == sorted(b):  # "Xi Jin Ping", "Kishida Fumio"
        return NameLikeness(Likeness.SAME, 100.0)
    if len(a) != len(b):
        return _likeness_of_unequal(*sorted((a, b), key=len))
    surname = _word_ratio(a[-1], b[-1])
    score = min([surname, *(_word_ratio(x, y) for x, y in zip(a[:-1], b[:-1], strict=True))])
    if score >= SAME_PERSON_WORD_RATIO:
        return NameLikeness(Likeness.SAME, score)
    if surname >= SAME_PERSON_WORD_RATIO and score >= SAME_PERSON_GIVEN_NAME_RATIO:
        return NameLikeness(Likeness.SAME, score)
    if score >= PROBABLE_PERSON_WORD_RATIO or (
        surname >= SAME_PERSON_WORD_RATIO and _given_names_begin_alike(a, b)
    ):
        return NameLikeness(Likeness.PROBABLE, score)
    return DIFFERENT


def _given_names_begin_alike(a: list[str], b: list[str]) -> bool:
    """ "Vladimir"/"Volodymyr", "Alexander"/"Alyaksandr": long given names with one initial."""
    return all(min(len(x), len(y)) > SHORT_WORD and x[0] == y[0] for x, y in zip(a[:-1], b[:-1], strict=True))


def _likeness_of_unequal(short: list[str], long: list[str]) -> NameLikeness:
    """A name with fewer words than the other is at most PROBABLY the same person: each of its words
    alike a word of the other, in order ("George Bush", "George W. Bush"; "Abbas Stanikzai",
    "Sher Muhammad Abbas Stanekzai"), or a surname alone spelled a little differently
    ("Zelenskiy", "Volodymyr Zelenskyy")."""
    if len(short) == 1:
        score = _word_ratio(short[0], long[-1])
        return NameLikeness(Likeness.PROBABLE, score) if score >= PROBABLE_PERSON_WORD_RATIO else DIFFERENT
    scores, rest = [], iter(long)
    for word in short:
        alike = (ratio for other in rest if (ratio := _word_ratio(word, other)) >= SAME_PERSON_WORD_RATIO)
        score = next(alike, None)
        if score is None:
            return DIFFERENT
        scores.append(score)
    return NameLikeness(Likeness.PROBABLE, min(scores) * len(short) / len(long))


def name_shingles(name: str) -> set[str]:
    """Pieces of a name that its other spellings most likely share (the first and last four
    letters of each long word): what the archive is searched for before names are compared."""
    pieces = set()
    for word in name_words(name):
        if len(word) > SHORT_WORD:
            pieces |= {word[:4], word[-4:]}
    return pieces
