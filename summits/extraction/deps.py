"""spaCy's dependency labels (ClearNLP style, as the English models use them), by name, and the
groups of them that the finders ask about. Every rule says ``token.dep_ in SUBJECTS``, never
``token.dep_ in {"nsubj", "nsubjpass"}``."""

ACL = "acl"
ACOMP = "acomp"
ADVCL = "advcl"
ADVMOD = "advmod"
AGENT = "agent"
AMOD = "amod"
APPOS = "appos"
ATTR = "attr"
AUX = "aux"
AUXPASS = "auxpass"
CASE = "case"
CC = "cc"
CCOMP = "ccomp"
COMPOUND = "compound"
CONJ = "conj"
CSUBJ = "csubj"
DATIVE = "dative"
DEP = "dep"
DET = "det"
DOBJ = "dobj"
FLAT = "flat"
MARK = "mark"
NEG = "neg"
NMOD = "nmod"
NPADVMOD = "npadvmod"
NSUBJ = "nsubj"
NSUBJPASS = "nsubjpass"
NUMMOD = "nummod"
OPRD = "oprd"
PARATAXIS = "parataxis"
PCOMP = "pcomp"
POBJ = "pobj"
POSS = "poss"
PREP = "prep"
PRT = "prt"
PUNCT = "punct"
RELCL = "relcl"
ROOT = "ROOT"
XCOMP = "xcomp"

SUBJECTS = frozenset({NSUBJ, NSUBJPASS})
CLAUSES = frozenset({CCOMP, XCOMP})  # a verb's clausal complement: "said [that ...]", "agreed [to ...]"
PREP_OBJECTS = frozenset({POBJ, PCOMP})
AUXILIARIES = frozenset({AUX, AUXPASS})
NAME_PARTS = frozenset({COMPOUND, FLAT})
MODIFIERS_OF_NAMES = frozenset({COMPOUND, AMOD, POSS})
# what a phrase says in passing: "Putin, [who ...]", "Putin, [the president]"
ASIDES = frozenset({RELCL, APPOS})
