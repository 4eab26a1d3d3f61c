"""The verbs the extraction reads, in one table keyed by lemma: which roles each plays.

Adding a verb is one row here (and one test of a sentence using it); every finder asks this
table, never a list of its own. The table's content is part of ``EXTRACTOR_VERSION``.

Roles:
- ``QUOTES``: names who said a quotation next to it ("...," Putin *said*).
- ``REPORTS``: reports speech whose content is its clause (*said that* ...).
- ``REPORTS_OBJECT``: the content may be its object (*hailed* the deal, *urged* restraint).
- ``REPORTS_AFTER``: the content follows its particle (*called for* a ceasefire); see ``particles``.
- ``STANCE``: speech with a stance noun (*expressed* hope that ...).
- ``REPORTS_FINITE``: reports a clause only when it has a subject of its own (officials *hope* the
  deal will ...), never a to-clause (they *hope* to meet).
- ``COMMITS``: a commitment; with a joint subject an agreement (the two *vowed* to ...).
- ``DECIDES_JOINTLY``: with a joint subject an agreement of ``status`` (they *decided* to ...).
- ``AGREES``: its subject (or object) is party to what was agreed or signed (*agreed*, *signed*),
  with the agreement's ``status``.
- ``BINDS``: its subject is an agreement binding its parties (the deal *commits* both sides to ...).
- ``ACCEPTS``: agrees to what its object offers (Putin *accepted* an invitation to visit Tokyo).
- ``REACHES``: agrees when its object is an agreement (*reached* a deal, *struck* an understanding),
  or, with a joint subject, what both hold (the two *shared* the view that ...).
- ``ACTS_TOGETHER``: what two named parties *will* do with it is an undertaking (the two countries
  will *work* together, will *explore* ways to ...).
- ``GIVES_CONTENT``: a document's own words follow it (a joint statement *saying* that ...);
  narrower than ``REPORTS``, which also takes one side's "a statement warning that ...".
- ``MEETS``: its subject and object take part in the meeting (*met*, *hosted*, *visited*).
- ``HOSTS``: its subject receives the others where the meeting is (*hosted*).
- ``CHAIRS``: its subject takes part when its object is a meeting (*held* talks).
- ``STAYS_AWAY``: its subject is not at the meeting (*skipped* the summit).
- ``SPEAKS``: someone *spoke* somewhere (where a statement was made, not where leaders met).
- ``REPRESENTS``: its agent stands for a party at the meeting (Chile, *represented* by Ana Diaz, signed).
- ``ANTICIPATES``: its to-clause has not happened yet (they *plan* to meet, *expect* to sign).
- ``ATTEMPTS``: in the past tense its to-clause was done, if not with success (he *tried* to assure
  Kerry there was no problem: he spoke).
- ``REPORTS_WH``: reports a wh-clause after a preposition (she *spoke* on how both countries ...).
- ``GOES_TO``: its object may be the place its subject goes to (*visited* Peru, *attended* the summit).
- ``TOGETHER``: its subject is with the party after "with" or "beside" (*stood* beside Vega).
- ``LISTS``: a relative clause with it lists examples of the noun before it (areas *which include*
  law and trade); an agreement's text ends before the list.
- ``INTENDS``: what two named parties mean to do with it is an undertaking (the two countries
  *intend* to cooperate).
- ``TRAVELS``: a journey; one onward is a separate occasion (she will *travel* on to Oslo).
- ``ISSUES``: its subject is the issuer of the document it has as object (the EU *issued* a statement).
- ``FAILS``: its to-clause did not happen (they *failed* to agree, Bolivia *refused* to sign).
- ``SETS_UP``: what a joint subject set up at the meeting is a decision (the two *established* a committee).
- ``RELAYS``: after a reporting clause of another's it only relays those words (Ruiz said the talks
  had failed, Reuters *reports*).
- ``VISITS_ON``: with "on" and a person, and no to-clause, a visit: its subject and that person
  take part (Berg *called on* Vega; Berg *called on* Vega *to* free them is an appeal).
- ``SEEKS``: a meeting as its to-clause or object is only asked for, offered, agreed to, accepted,
  looked forward to or refused, not held in it (he *agreed* to meet her, *requested* an audience,
  *was denied* a meeting).
- ``CALLS_OFF``: a meeting as its object (or passive subject) was not held (they *cancelled* the
  talks, the visit *was postponed*).
- ``DEPARTS``: with "for" a departure; the visit it leads to is still ahead (she *left* for Oslo).
- ``INVITES``: who *was invited* to a meeting that took place took part in it (not one who was
  invited to come later, nor one who then stayed away).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import MEETING_NOUNS

QUOTES = "quotes"
REPORTS = "reports"
REPORTS_OBJECT = "reports-object"
REPORTS_AFTER = "reports-after"
STANCE = "stance"
REPORTS_FINITE = "reports-finite"
COMMITS = "commits"
DECIDES_JOINTLY = "decides-jointly"
AGREES = "agrees"
BINDS = "binds"
ACCEPTS = "accepts"
REACHES = "reaches"
ACTS_TOGETHER = "acts-together"
GIVES_CONTENT = "gives-content"
MEETS = "meets"
HOSTS = "hosts"
CHAIRS = "chairs"
STAYS_AWAY = "stays-away"
SPEAKS = "speaks"
ATTEMPTS = "attempts"
REPORTS_WH = "reports-wh"
ANTICIPATES = "anticipates"
GOES_TO = "goes-to"
TOGETHER = "together"
INTENDS = "intends"
LISTS = "lists"
TRAVELS = "travels"
REPRESENTS = "represents"
ISSUES = "issues"
SETS_UP = "sets-up"
FAILS = "fails"
RELAYS = "relays"
VISITS_ON = "visits-on"
INVITES = "invites"
SEEKS = "seeks"
CALLS_OFF = "calls-off"
DEPARTS = "departs"

SAYING = (QUOTES, REPORTS)  # a verb of saying: names the speaker of a quotation and of reported speech


@dataclass(frozen=True)
class Verb:
    roles: frozenset[str]
    particles: tuple[str, ...] = ()  # "point out", "call for": the particle that makes it a verb of saying
    status: str = ""  # an agreement's status where the verb makes one ("committed", "decided")


def verb(*roles: str, particles: tuple[str, ...] = (), status: str = "") -> Verb:
    return Verb(frozenset(roles), particles, status)


VERBS: dict[str, Verb] = {
    # speech whose content is a clause
    "say": verb(*SAYING, GIVES_CONTENT),
    "tell": verb(*SAYING),
    "add": verb(*SAYING),
    "stress": verb(*SAYING, REPORTS_OBJECT),
    "warn": verb(*SAYING, REPORTS_AFTER, particles=("against",)),
    "confirm": verb(*SAYING),
    "insist": verb(*SAYING),
    "deny": verb(*SAYING, SEEKS),  # "was denied an audience"
    "admit": verb(*SAYING),
    "concede": verb(*SAYING),
    "claim": verb(*SAYING),
    "note": verb(*SAYING, REPORTS_OBJECT),  # "noted the UK's role as a key ally"
    "state": verb(*SAYING, GIVES_CONTENT, REPORTS_OBJECT),  # "stated Japan's interest in ..."
    "declare": verb(*SAYING),
    "explain": verb(*SAYING),
    "reiterate": verb(*SAYING, REPORTS_OBJECT),
    "emphasise": verb(*SAYING, REPORTS_OBJECT),
    "emphasize": verb(*SAYING, REPORTS_OBJECT),
    "acknowledge": verb(*SAYING, REPORTS_OBJECT),
    "assert": verb(*SAYING, REPORTS_OBJECT),  # "asserted his support for ..."
    "argue": verb(*SAYING, REPORTS_AFTER, particles=("for",)),  # "argues for targeted strikes"
    "suggest": verb(*SAYING),
    "accuse": verb(*SAYING, REPORTS_OBJECT),
    "reply": verb(*SAYING),
    "respond": verb(*SAYING),
    "remark": verb(*SAYING),
    "interject": verb(*SAYING),  # "Ruiz interjected: '...'"
    "write": verb(*SAYING),
    "read": verb(QUOTES),  # '"...," the statement reads'
    "tweet": verb(*SAYING, REPORTS_OBJECT),  # "tweeted a plea for calm"
    "predict": verb(*SAYING),
    "maintain": verb(*SAYING),
    "affirm": verb(*SAYING, REPORTS_OBJECT),
    "reaffirm": verb(*SAYING, REPORTS_OBJECT, DECIDES_JOINTLY, status="reaffirmed"),
    "signal": verb(*SAYING),
    "recall": verb(*SAYING, REPORTS_OBJECT),
    "underline": verb(*SAYING, REPORTS_OBJECT),
    "underscore": verb(*SAYING, REPORTS_OBJECT),
    "caution": verb(*SAYING),
    "allege": verb(*SAYING),
    "joke": verb(*SAYING),
    "quip": verb(*SAYING),
    "reveal": verb(*SAYING),
    "recount": verb(*SAYING),
    "threaten": verb(*SAYING),
    "demand": verb(*SAYING),
    "charge": verb(*SAYING),
    "mention": verb(*SAYING),
    "assure": verb(*SAYING),  # "assured Kerry there was no problem"
    "reassure": verb(*SAYING),  # "sought to reassure his counterparts that ..."
    "estimate": verb(*SAYING),  # "..., U.S. officials estimate"
    "believe": verb(REPORTS, REPORTS_FINITE),  # stance: "the leaders believed that ..."
    "think": verb(REPORTS, REPORTS_FINITE),  # "he thought the problem was manageable"
    "understand": verb(REPORTS, REPORTS_FINITE),  # "Lind understood that the ministers endorsed ..."
    "indicate": verb(REPORTS, REPORTS_FINITE),  # "Lind indicated that pressure was now on ..."
    # speech whose content may be the object
    "hail": verb(*SAYING, REPORTS_OBJECT),
    "portray": verb(*SAYING, REPORTS_OBJECT),
    "praise": verb(*SAYING, REPORTS_OBJECT),
    "laud": verb(*SAYING, REPORTS_OBJECT),
    "congratulate": verb(*SAYING, REPORTS_OBJECT),  # "congratulated Chile on its election"
    "outline": verb(*SAYING, REPORTS_OBJECT),  # "outlined Chile's views on the issues"
    # with a joint subject a decision: "the leaders announced new agreements"
    "announce": verb(*SAYING, REPORTS_OBJECT, DECIDES_JOINTLY, status="decided"),
    "urge": verb(*SAYING, REPORTS_OBJECT),
    "thank": verb(*SAYING, REPORTS_OBJECT),
    "welcome": verb(*SAYING, REPORTS_OBJECT, MEETS),
    "blame": verb(*SAYING, REPORTS_OBJECT),
    "condemn": verb(*SAYING, REPORTS_OBJECT),
    "denounce": verb(*SAYING, REPORTS_OBJECT),
    "decry": verb(*SAYING, REPORTS_OBJECT),
    "dismiss": verb(*SAYING, REPORTS_OBJECT),  # "dismissed the report as baseless"
    "criticise": verb(*SAYING, REPORTS_OBJECT),
    "criticize": verb(*SAYING, REPORTS_OBJECT),
    "tout": verb(*SAYING, REPORTS_OBJECT),
    "label": verb(*SAYING, REPORTS_OBJECT),
    "cite": verb(*SAYING, REPORTS_OBJECT),
    "applaud": verb(*SAYING, REPORTS_OBJECT),
    "convey": verb(REPORTS, REPORTS_OBJECT),  # "conveyed Malaysia's support for the bid"
    "highlight": verb(*SAYING, REPORTS_OBJECT),  # "highlighted the importance of ..."
    "advocate": verb(*SAYING, REPORTS_OBJECT),
    "lament": verb(*SAYING, REPORTS_OBJECT),
    "recognise": verb(*SAYING, REPORTS_OBJECT, ACTS_TOGETHER),  # both "will recognise" X
    "recognize": verb(*SAYING, REPORTS_OBJECT, ACTS_TOGETHER),
    "describe": verb(*SAYING, REPORTS_OBJECT),
    "reject": verb(*SAYING, REPORTS_OBJECT, SEEKS),  # "rejected the UK's arguments that ..."
    # speech after a particle
    "point": verb(REPORTS, particles=("out",)),
    "make": verb(REPORTS, particles=("clear",)),  # "made clear that ..."
    "call": verb(REPORTS, REPORTS_AFTER, VISITS_ON, particles=("for", "on")),
    "appeal": verb(REPORTS, REPORTS_AFTER, particles=("for",)),
    "hit": verb(REPORTS, REPORTS_AFTER, particles=("out", "at")),  # "hit out at China for ..."
    "lash": verb(REPORTS, REPORTS_AFTER, particles=("out", "at")),  # "lashed out at critics"
    # stance: "expressed hope that ...", "voiced concern over ..."
    "express": verb(STANCE, REPORTS_OBJECT),  # "expressed his appreciation for ..."
    "voice": verb(STANCE),
    "extend": verb(STANCE, CHAIRS),  # "extended assurances of support", "extended a warm welcome to X"
    # a quotation's speaker, and reported speech with a clause
    "ask": verb(*SAYING, SEEKS),  # "asked ministers to think again", "asked for a meeting"
    "report": verb(*SAYING, RELAYS),
    # commitments and joint decisions
    "pledge": verb(*SAYING, REPORTS_OBJECT, COMMITS, DECIDES_JOINTLY, status="committed"),
    "promise": verb(*SAYING, REPORTS_OBJECT, COMMITS),
    "vow": verb(*SAYING, COMMITS),
    "commit": verb(COMMITS, DECIDES_JOINTLY, BINDS, status="committed"),
    "undertake": verb(COMMITS),
    "decide": verb(DECIDES_JOINTLY, status="decided"),
    "resolve": verb(DECIDES_JOINTLY, status="decided"),  # "the two leaders resolved to ..."
    "endorse": verb(DECIDES_JOINTLY, status="agreed"),  # "the ministers endorsed the principles"
    "agree": verb(QUOTES, AGREES, SEEKS, status="agreed"),
    "sign": verb(AGREES, status="signed"),
    "co-sign": verb(AGREES, status="signed"),
    "accept": verb(ACCEPTS, SEEKS),
    "recommit": verb(COMMITS, DECIDES_JOINTLY, status="committed"),
    "renew": verb(DECIDES_JOINTLY, status="reaffirmed"),  # "both renewed their commitment to ..."
    "direct": verb(DECIDES_JOINTLY, status="decided"),  # "the leaders directed their teams to ..."
    "instruct": verb(DECIDES_JOINTLY, status="decided"),
    "task": verb(DECIDES_JOINTLY, status="decided"),
    "set": verb(DECIDES_JOINTLY, status="decided"),  # "they set out steps", "set up a committee"
    "reach": verb(REACHES),
    "strike": verb(REACHES),
    "clinch": verb(REACHES),
    "seal": verb(REACHES),
    "conclude": verb(REACHES),
    "forge": verb(REACHES),
    "share": verb(REACHES, STANCE),  # "shared the view that ..." (a joint subject: what both hold)
    # what an agreement's terms do: "the package includes ...", "the accord allows ..."
    "include": verb(BINDS, LISTS),
    "allow": verb(BINDS),
    "require": verb(BINDS),
    "oblige": verb(BINDS),
    "provide": verb(BINDS),
    "envisage": verb(BINDS),
    # what two parties will do together: "the two countries will work together on ..."
    "work": verb(ACTS_TOGETHER),
    "cooperate": verb(ACTS_TOGETHER),
    "co-operate": verb(ACTS_TOGETHER),
    "collaborate": verb(ACTS_TOGETHER),
    "explore": verb(ACTS_TOGETHER),
    "invest": verb(ACTS_TOGETHER),
    "establish": verb(ACTS_TOGETHER, SETS_UP),
    "launch": verb(ACTS_TOGETHER, SETS_UP),
    "build": verb(ACTS_TOGETHER),
    "expand": verb(ACTS_TOGETHER),
    "strengthen": verb(ACTS_TOGETHER),
    "deepen": verb(ACTS_TOGETHER),
    "enhance": verb(ACTS_TOGETHER),
    "develop": verb(ACTS_TOGETHER),
    "create": verb(ACTS_TOGETHER, SETS_UP),
    "coordinate": verb(ACTS_TOGETHER),
    "co-ordinate": verb(ACTS_TOGETHER),
    "continue": verb(ACTS_TOGETHER),
    "open": verb(ACTS_TOGETHER),  # "the two will open embassies"
    # taking part in the meeting, or not
    "meet": verb(MEETS),
    "host": verb(MEETS, HOSTS),
    "co-host": verb(MEETS),
    "cohost": verb(MEETS),
    "receive": verb(MEETS, HOSTS),  # "Zelensky received Duda": the subject is the host
    "greet": verb(MEETS),
    "telephone": verb(MEETS),  # "Tamim telephoned the crown prince": both are on the call
    "phone": verb(MEETS),
    "visit": verb(MEETS, GOES_TO),
    "attend": verb(MEETS, GOES_TO),
    "enter": verb(CHAIRS),  # "he entered the talks"
    "join": verb(CHAIRS),  # "she joined the talks"
    "address": verb(CHAIRS, REPORTS_FINITE),  # "he addressed the summit", "addressed ... that X will ..."
    "talk": verb(MEETS, REPORTS_WH),  # "talked about how ..."
    "hold": verb(CHAIRS),
    "pay": verb(CHAIRS),  # "paid a courtesy call on X"
    "accord": verb(CHAIRS),  # "accorded X a reception"
    "have": verb(CHAIRS, ANTICIPATES),  # "had talks"; "still have to agree"
    "chair": verb(CHAIRS),
    "co-chair": verb(CHAIRS),
    "lead": verb(CHAIRS),
    "co-lead": verb(CHAIRS),
    "pull": verb(STAYS_AWAY),
    "invite": verb(INVITES, SEEKS),  # "X and Y were invited to the conference", "invited X to visit"
    "skip": verb(STAYS_AWAY),
    "boycott": verb(STAYS_AWAY),
    "snub": verb(STAYS_AWAY),
    "miss": verb(STAYS_AWAY),
    "cancel": verb(STAYS_AWAY, CALLS_OFF),
    "postpone": verb(CALLS_OFF),  # "the visit was postponed"
    "scrap": verb(CALLS_OFF),
    "shelve": verb(CALLS_OFF),
    "defer": verb(CALLS_OFF),
    "decline": verb(STAYS_AWAY, FAILS, SEEKS),
    "stay": verb(STAYS_AWAY),
    "withdraw": verb(STAYS_AWAY),
    "speak": verb(SPEAKS, REPORTS_WH, REPORTS_AFTER, particles=("of",)),  # "spoke on how ...", "spoke of"
    "negotiate": verb(MEETS),
    # being together somewhere: "stood with Vega", "sat down together", "appearing beside him"
    "stand": verb(TOGETHER),
    "sit": verb(TOGETHER),
    "appear": verb(TOGETHER),
    "represent": verb(REPRESENTS),
    # what is still ahead: "plan to meet", "is expected to sign"
    "plan": verb(ANTICIPATES, INTENDS),
    "expect": verb(ANTICIPATES),
    "intend": verb(ANTICIPATES, INTENDS),
    "hope": verb(ANTICIPATES, REPORTS_FINITE),
    "hop": verb(ANTICIPATES, REPORTS_FINITE),  # the model's lemma of "hopes", "hoped", "hoping"
    "aim": verb(ANTICIPATES, INTENDS),
    "seek": verb(ANTICIPATES, ATTEMPTS, SEEKS),  # "sought to reassure them that ...": he spoke
    "want": verb(ANTICIPATES, SEEKS),
    "need": verb(ANTICIPATES),
    "schedule": verb(ANTICIPATES),
    "prepare": verb(ANTICIPATES),
    "propose": verb(ANTICIPATES, SEEKS),
    "wish": verb(ANTICIPATES, SEEKS),
    # a meeting only asked for, offered, agreed to or refused: "requested an audience"
    "request": verb(SEEKS),
    "offer": verb(SEEKS),
    "look": verb(SEEKS),  # "looks forward to meeting her"
    "consent": verb(SEEKS),
    "fail": verb(FAILS),  # "failed to agree": not done
    "refuse": verb(FAILS, SEEKS),
    "try": verb(ANTICIPATES, ATTEMPTS),
    "attempt": verb(ANTICIPATES, ATTEMPTS),
    # a journey: "will travel on to Oslo", "before flying to Oslo"
    "travel": verb(TRAVELS),
    "fly": verb(TRAVELS),
    "head": verb(TRAVELS, DEPARTS),  # "headed for Oslo"
    "leave": verb(TRAVELS, DEPARTS),  # "left for Oslo"
    "depart": verb(TRAVELS, DEPARTS),
    "proceed": verb(TRAVELS),
    # a document's issuer
    "issue": verb(ISSUES),
    "release": verb(ISSUES),
    "publish": verb(ISSUES),
}


def lemmas(role: str) -> frozenset[str]:
    """Every lemma that plays ``role``: ``lemmas(MEETS)`` holds "meet", "host", "visit"..."""
    return frozenset(lemma for lemma, entry in VERBS.items() if role in entry.roles)


def plays(lemma: str, role: str) -> bool:
    """``plays("hail", REPORTS_OBJECT)`` is True."""
    entry = VERBS.get(lemma.lower())
    return entry is not None and role in entry.roles


def meets_with(lemma: str, objects: Iterable[str]) -> bool:
    """A verb of meeting, or one of chairing with a meeting among its ``objects``:
    ``meets_with("meet", [])``, ``meets_with("hold", ["talks"])``."""
    if plays(lemma, MEETS):
        return True
    return plays(lemma, CHAIRS) and any(o.lower() in MEETING_NOUNS for o in objects)


def particles(lemma: str) -> tuple[str, ...]:
    entry = VERBS.get(lemma.lower())
    return entry.particles if entry else ()


def agreement_status(lemma: str) -> str:
    """The status of what a joint subject agrees with this verb ("" where it makes none)."""
    entry = VERBS.get(lemma.lower())
    return entry.status if entry and DECIDES_JOINTLY in entry.roles else ""


def status(lemma: str) -> str:
    """The status of the agreement a verb makes ("signed" for "sign"); "" where its row has none."""
    entry = VERBS.get(lemma.lower())
    return entry.status if entry else ""


def table_digest() -> str:
    """Eight hex digits that change whenever any row of the table changes."""
    rows = {lemma: [sorted(v.roles), list(v.particles), v.status] for lemma, v in sorted(VERBS.items())}
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:8]
