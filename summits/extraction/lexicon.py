"""Word lists of news English: titles, names, nouns of meeting and agreeing (the verbs are in verbs.py)."""

import re

HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "madam",
    "u",  # Burmese: "U Tun Tun Oo"
    "datuk",  # Malaysian: "Datuk Seri Anwar"
    "dato",
    "datin",
    "excellency",  # "His Excellency Rodrigo Roa Duterte"
    "h.e.",  # "H.E. Dr Hamzah Haz"
    "prof",
    "prof.",
    "hon",  # "the Hon. Ana Vega", "the Rt Hon. R. D. Muldoon"
    "hon.",
    "rt",  # "the Rt. Hon. Malcolm Fraser", "Rt" and "." split by the tokenizer
    "rt.",
    "honourable",  # "the Honourable Ana Vega", "the Right Honourable Luis Soto"
    "honorable",
}
# honorifics of two words ("Tan Sri Muhyiddin", "Datuk Seri Anwar"): not part of the name
HONORIFIC_PAIRS = {
    ("tan", "sri"),
    ("puan", "sri"),
    ("datuk", "seri"),
    ("dato", "sri"),
    ("dato'", "sri"),
    ("rt", "hon"),
    ("rt.", "hon"),
    ("rt", "hon."),
    ("rt.", "hon."),
    ("right", "honourable"),
    ("right", "honorable"),
    ("his", "excellency"),
    ("her", "excellency"),
}
# words of a minister's portfolio after "of" / "for": "Minister of Justice and Courts Administration"
_PORTFOLIO_WORDS = """
justice law laws commerce trade industry industries health medical services community communities
courts administration legal affairs constitutional prisons prison reforms reform home foreign
finance defence defense interior economy economic energy education transport transportation
agriculture culture development labour labor environment tourism fisheries fishery planning
information communications science technology security public works social welfare state national
international cooperation relations immigration women youth sports sport resources mines mining oil
gas petroleum water land lands housing infrastructure investment investments budget treasury
veterans family children employment digital innovation research heritage arts religious regional
local government presidency human rights food forestry climate maritime aviation railways roads
commonwealth integration unification reconciliation peace planning enterprise enterprises external
internal
"""
PORTFOLIO_WORDS = frozenset(_PORTFOLIO_WORDS.split())
PORTFOLIO_JOINS = {
    "and",
    "&",
    "of",
    "for",
    "the",
}  # "Justice [and] Home Affairs", "Secretary [of the] Presidency"
# words that make up a title written before a name ("Deputy Crown Prince", "Foreign Minister")
TITLE_WORDS = {
    "president",
    "prime",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "crown",
    "emir",
    "amir",
    "sheikh",
    "sultan",
    "secretary",
    "general",
    "secretary-general",
    # military ranks: "Field Marshal X", "Admiral X", "Army chief General X"
    "field",
    "marshal",
    "admiral",
    "colonel",
    "brigadier",
    "lieutenant",
    "commander",
    "foreign",
    "defence",
    "defense",
    "deputy",
    "vice",
    "state",
    "finance",
    "trade",
    "interior",
    "economy",
    "affairs",
    "parliamentary",
    "leader",
    "supreme",
    "chief",
    "executive",
    "envoy",
    "ambassador",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "national",
    "security",
    "first",
    "head",
    "commissioner",
    "governor",
    "mayor",
    "senator",
    "pope",
    "ayatollah",
    "chairman",
    "chairwoman",
    "counterpart",
    "foreign-minister",
    "of",
    "european",
    "council",
    "commission",
    "external",
    "energy",
    "crown-prince",
    "taoiseach",
    "vice-president",
    "co-chair",
    "former",
    "ex-president",
    "outgoing",
    "home",
    "justice",
    "health",
    "environment",
    "education",
    "transport",
    "agriculture",
    "culture",
    "development",
    "cabinet",
    "opposition",
    "chairperson",
    "negotiator",
    "delegation",
    "senior",
    "attorney-general",
    "pm",  # "PM Lee": the abbreviation of prime minister
    "undersecretary",
    "under-secretary",
    "director",
    "secretaries",  # plurals ending in "-ies" before several names: "DTI [Undersecretaries] A and B"
    "undersecretaries",
    "professor",
    "associate",
    "dpm",
}
# the head word of a title: what a description such as "the Indian prime minister" ends on
# The titles of a head of state or government, as a role writes them ("President", "Prime
# Minister of Japan"): what ranks a participant first and keeps a meeting from being ministerial.
HEAD_OF_STATE_TITLES = (
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "emir",
    "amir",
    "sultan",
    "crown prince",
    "supreme leader",
    "taoiseach",
    "head of state",
    "head of government",
    "pope",
)
TITLE_HEADS = {
    "president",
    "minister",
    "premier",
    "chancellor",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "amir",
    "sultan",
    "secretary",
    "secretary-general",
    "commissioner",
    "taoiseach",
    "pope",
    "chairman",
    "chairwoman",
    "chairperson",
    "counterpart",
    "marshal",  # "Field Marshal X"
    "admiral",
}
# words of a title that are ranks of nobility rather than offices ("Sheikh Hasina", "Prince Faisal")
NOBILITY = {"sheikh", "sheikha", "prince", "princess"}
# particles inside names: "Ursula von der Leyen", "Mohammed bin Salman"
NAME_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "da",
    "di",
    "du",
    "la",
    "le",
    "al",
    "el",
    "bin",
    "ibn",
    "bint",
    "ben",
    "dos",
    "das",
    "del",
    "dela",  # Filipino: "Fortunato dela Peña"
    "ter",
    "ten",
    "zu",
}
# family names written first ("Wang Yi", "Xi Jinping", "Moon Jae-in"): a two-word name
# starting with one is called by it when the text never uses a short form alone
_FAMILY_NAMES = """
wang li zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang
song zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng su lu
jiang cai jia ding wei xue ye yan pan du dai xia zhong tian ren fan fang shi yao tan liao
zou xiong jin hao kong bai cui kang mao qiu qin gu hou shao meng long wan duan lei qian
yin xi kim lee park choi jung cho yoon jang lim moon shin
"""
EAST_ASIAN_FAMILY_NAMES = frozenset(_FAMILY_NAMES.split())
# what may close a name without being its family name: "Ferdinand Marcos Jr."
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# "whose [wife], Hillary Roe", "his [son] Jon": a name set beside a kin noun is another person
_KIN_NOUNS = """wife husband son daughter brother sister father mother spouse widow widower nephew niece
cousin uncle aunt grandson granddaughter"""
KIN_NOUNS = frozenset(_KIN_NOUNS.split())
# "the Peruvian [ministry] said": a body a story names in full once and then by its last word
BODY_NOUNS = frozenset({"ministry", "department", "office", "agency", "embassy", "commission", "secretariat"})
# last words of organisations the model may join to a person by "and" ("Macron and Deutsche Bank")
ORGANISATION_HEADS = {
    "bank",
    "party",
    "union",
    "council",
    "ministry",
    "commission",
    "committee",
    "group",
    "company",
    "corporation",
    "agency",
    "office",
    "foundation",
    "institute",
    "university",
    "army",
    "forces",
    "government",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "court",
    "league",
    "organisation",
    "organization",
    "fund",
}
# a subject that stands for more than one party ("the two sides", "both governments")
JOINT_SUBJECT = re.compile(
    r"\b(we|they|both|two|leaders|sides|countries|nations|parties|governments|delegations|ministers)\b"
    r"|\bjoint (statement|declaration|communiqu[eé])\b|\b(statement|declaration|communiqu[eé])\b",
    re.IGNORECASE,
)
# what an agreement is called when its terms follow: "Under the accord, ...", "The deal commits ..."
TERMS_NOUNS = {
    "agreement",
    "accord",
    "deal",
    "pact",
    "treaty",
    "plan",
    "arrangement",
    "memorandum",
    "roadmap",
    "package",
    "understanding",
    "framework",
    "compromise",
    "settlement",
    "consensus",
}
# what two parties hold in common once they agree: "the two leaders shared the [view] that ..."
# the act of agreeing, an agreement where it is someone's and says what: "[his] agreement that ...",
# "[our] agreement on ...", "Mr Fraser's acceptance that ..."
AGREEING_NOUNS = frozenset({"agreement", "acceptance", "consent"})
SHARED_NOUNS = {"view", "intention", "assessment", "position", "vision", "goal", "commitment"}
# a document or promise made together, an agreement of those who made it: "a [joint] promise to ..."
JOINT_NOUNS = {"statement", "declaration", "communique", "communiqué", "promise", "pledge", "commitment"}
JOINT_MARKS = {"joint", "shared"}  # "a [joint] statement", "a [shared] assessment"
# what two parties reaffirm or renew as an agreement ("reaffirmed their [commitment] to ..."), not
# a bond they only praise ("reaffirmed the strong partnership")
PLEDGE_NOUNS = {
    "commitment",
    "pledge",
    "promise",
    "resolve",
    "determination",
    "intention",
    "support",
    "respect",
    "adherence",
    "readiness",
    "willingness",
    "agreement",
    "obligation",
    "opposition",
}
# nouns that make "hold X" / "have X" a meeting
MEETING_NOUNS = {
    "talk",
    "talks",
    "meeting",
    "summit",
    "consultation",
    "consultations",
    "discussion",
    "discussions",
    "negotiation",
    "negotiations",
    "conversation",
    "call",
    "session",
    # a meal or a reception given for a guest: "hosted a dinner for X", "an audience with the Pope"
    "lunch",
    "luncheon",
    "dinner",
    "breakfast",
    "banquet",
    "audience",
    # a welcome given to a guest: "a civic welcome was extended to the Governor by the Mayor"
    "welcome",
    "reception",
}
# what a meeting noun's verb is given with: "a welcome was extended [to] X", "a dinner given [for] X"
CARRIED_MEETING_PREPOSITIONS = {"to", "for", "with"}
# auxiliaries of what has not happened (yet): "will meet", "would attend", "must agree"
NOT_YET = {"will", "'ll", "shall", "would", "could", "may", "might", "should", "must"}
# adjectives whose to-clause is still ahead: "is due to meet", "is likely to sign"
AHEAD_ADJECTIVES = {
    "due",
    "likely",
    "poised",
    "set",
    "slated",
    "scheduled",
    "ready",
    "unlikely",
    "keen",
    "eager",
}
# adjectives of a visit or meeting that came before the one reported: "on a [recent] trip to Iowa"
EARLIER_ADJECTIVES = frozenset({"recent", "previous", "earlier", "prior", "past"})
# conjunctions of a clause that may not happen: "if they agree", "unless both sign"
CONDITIONS = {"if", "unless", "whether"}
# words of a meeting apart from the one reported: "then met separately with her deputy"
SEPARATE_WORDS = {"separately", "separate", "afterwards", "onward", "onwards"}
# where people gather for the meeting: "speaking [at] the ceremony", "[during] the talks"
GATHERING_NOUNS = MEETING_NOUNS | {
    "conference",
    "ceremony",
    "event",
    "forum",
    "retreat",
    "dinner",
    "banquet",
    "signing",
}
# a person as the era of something, not present at it: "the first talks under President X"
ERA_PREPOSITIONS = {"under"}
# words of an event held elsewhere: "told a rally at home"
ELSEWHERE_NOUNS = {"rally", "rallies", "supporters", "home", "parliament", "campaign", "constituents"}
# a role of someone who takes part in a summit (not a briefer, adviser or reporter)
SENIOR_ROLE = re.compile(
    r"\b(president|prime minister|premier|chancellor|king|queen|prince|emir|amir|sultan|sheikh|"
    r"minister|secretary of state|secretary-general|secretary general|pope|supreme leader|taoiseach|"
    r"head of state|head of government|counterpart|"
    r"negotiator|delegation|chairman|chairwoman|chairperson|foreign secretary|high commissioner|politburo|"
    r"pm|dpm)\b",
    re.IGNORECASE,
)
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué"}
# a role that only exists at the table: a negotiator or a delegation's member is at the talks
NEGOTIATING_ROLE = re.compile(r"\b(negotiator|negotiating|delegation)\b", re.IGNORECASE)
# sources of figures, not of speech: "according to a U.N. estimate"
DATA_NOUNS = {
    "estimate",
    "figure",
    "data",
    "count",
    "tally",
    "statistic",
    "survey",
    "poll",
    "census",
    "study",
}
# "expressed hope that ...", "voiced concern over ..."
# words that open a phrase narrowing what was said, after a comma: "stressed the need to invest,
# [especially] in energy"
FOCUS_WORDS = frozenset({"especially", "particularly", "notably", "including", "mainly", "chiefly"})
STANCE_NOUNS = {
    "hope",
    "optimism",
    "concern",
    "confidence",
    "regret",
    "support",
    "satisfaction",
    "readiness",
    "view",  # "shared the view that ..."
    "recognition",
    "assurance",  # "extended assurances of ..."
}
MEETING_WORDS = {
    "summit",
    "talks",
    "meeting",
    "meetings",
    "met",
    "meet",
    "meets",
    "conference",
    "visit",
    "visiting",
    "host",
    "hosted",
    "hosting",
    "hosts",
    "retreat",
    "gathering",
    "counterpart",
    "attend",
    "attended",
    "attending",
    "joined",
    "delegation",
    "signed",
    "talked",
    "held",
    "welcomed",
    "greeted",
    "shook",
    "sat",
    "dinner",
    "lunch",
    "summitry",
    "forum",
    "session",
    "negotiations",
    "received",
    "receives",
    "receiving",
    "sidelines",
}
# meeting words that name people, not the meeting: a place qualifying one is that person's state
# ("my New Zealand counterpart", "the Chinese delegation"), not where they met
MEETING_PEOPLE = frozenset({"counterpart", "counterparts", "delegation", "delegations", "host", "hosts"})
# a photo caption's gesture of two people meeting: "X and Y [shake hands]", "X and Y [embrace]"
PICTURED_MEETING_WORDS = {"hands", "handshake", "embrace", "embraces", "hug", "hugs", "toast"}
# where a caption shows who stands where: "X, left, and Y", "X (right) with Y"
PICTURE_POSITIONS = {"left", "right", "centre", "center"}
# news agencies and broadcasters that sign a dateline in parentheses: "Ottawa (CNN) President ..."
NEWS_AGENCIES = (
    "CNN",
    "AP",
    "AFP",
    "Reuters",
    "REUTERS",
    "Xinhua",
    "XINHUA",
    "TASS",
    "Kyodo",
    "Yonhap",
    "Bernama",
    "ANI",
    "PTI",
    "IANS",
    "UPI",
    "dpa",
    "EFE",
    "ANSA",
    "Anadolu",
    "IRNA",
    "WAM",
    "SPA",
    "KUNA",
    "CNA",
    "AA",
    "RIA Novosti",
    "Interfax",
    "VNA",
    "PNA",
    "Antara",
)
# a photo's credit names the photographer, not anyone at the meeting: "(AP Photo/Jane Roe)",
# "Jane Roe/Getty Images", "Photo: Jane Roe", "REUTERS/Jane Roe"
PHOTO_CREDIT = re.compile(
    r"\([^()]*\b(?:photo|photograph|pool|file|images?|credit)\b[^()]*\)"
    r"|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\s*/\s*(?:Getty Images|AFP|AP|Reuters|EPA|Pool)\b"
    r"|\b(?:AFP|AP|REUTERS|Reuters|EPA|Getty Images|Pool)\s*/\s*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}"
    r"|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\s+(?:via|for|\|)\s+Getty Images\b"
    r"|\b(?:photo|photograph|image|credit|picture)s?\s*:.*$",
    re.IGNORECASE,
)
# words that put a person at the meeting, besides the meeting words themselves
ATTENDANCE_WORDS = MEETING_WORDS | {"sending", "sent", "accompanied", "flanked", "place", "led", "leading"}
GROUP_SPEAKERS = re.compile(
    r"^(?:the |both |all )?(?:two |three |four |)(?:\w+ )?"
    r"(?:leaders|sides|countries|nations|presidents|heads of (?:state|government|state and government))$"
    r"|(?:'s|’s) leaders$",
    re.IGNORECASE,
)
PRONOUNS = {"he", "she", "him", "her"}
# a pronoun that stands for someone not named, the speaker as written: "Another said", "one of its
# candidates led chants of ...", "Others warned"
INDEFINITE_SPEAKERS = frozenset(
    {"another", "one", "others", "some", "someone", "somebody", "many", "several"}
)
# the words a title leaves in lower case: "Deal of the Century", "Turning Vision into Reality"
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "into", "on", "onto", "to", "for", "with", "by"}
    | {"at", "from", "as", "vs", "via", "per", "upon"}
)
# nouns for one person not named, that "he" or "she" can stand for ("Germany's ambassador said ... He added")
# written after a title with a hyphen: "President[-elect] X", "Prime Minister[-designate] X"
TITLE_SUFFIXES = frozenset({"elect", "designate"})
PERSON_NOUNS = TITLE_HEADS | {
    "ambassador",
    "envoy",
    "diplomat",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "official",
    "negotiator",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "commander",
}
# nouns that only carry the real subject of an agreement after them: "cooperation in energy",
# "negotiations on a trade deal", "the use of the rupee", "a deal to tackle crossings"
LIGHT_NOUNS = {
    "cooperation",
    "co-operation",
    "negotiation",
    "negotiations",
    "talks",
    "use",
    "work",
    "efforts",
    "effort",
    "step",
    "steps",
    "series",
    "number",
    "way",
    "ways",
    "plan",
    "deal",
    "agreement",
    "agreements",
    "memorandum",
    "framework",
    "roadmap",
    "road",
    "measures",
    "engagement",
    "partnership",
    "dialogue",
    "ties",
    "relations",
    "supplies",
    "issue",
    "question",
    "matter",
    "process",
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "signing",
    "promise",
    "pledge",
    "commitment",
    "view",
    "intention",
    # documents and what an agreement is on: "an accord on rail transport", "the need to protect X"
    "accord",
    "accords",
    "treaty",
    "treaties",
    "pact",
    "understanding",
    "need",
    "importance",
}
# nouns that name no subject on their own: looked through, like light nouns, to what they are
# about ("the desirability of [consultation]"), else an agreement has no topic rather than "term"
VAGUE_TOPIC_NOUNS = {
    "area",
    "areas",
    "aspect",
    "aspects",
    "attempt",
    "benefits",
    "bonds",
    "date",
    "decisions",
    "desirability",
    "efficiency",
    "effectiveness",
    "idea",
    "issues",
    "manner",
    "matters",
    "period",
    "problem",
    "problems",
    "range",
    "situation",
    "term",
    "terms",
    "thing",
    "things",
    "views",
}
# words before a topic's noun that an editor leaves out: "[further] conciliation", "[other] areas"
VAGUE_TOPIC_MODIFIERS = {
    "further",
    "other",
    "various",
    "possible",
    "certain",
    "such",
    "more",
    "greater",
    "early",
    "continued",
    "existing",
    "wide",
    "new",
}
# nouns for those who act, never what an agreement is about: "press all parties to ..."
ACTOR_NOUNS = {
    "parties",
    "sides",
    "countries",
    "nations",
    "governments",
    "states",
    "leaders",
    "members",
    "officials",
    "allies",
    "partners",
    "people",
}
# --- is the article a meeting report at all (meeting_report.py) ---
# words that stand for a party without a name: "his counterpart", "the Chilean delegation"
PARTY_NOUNS = {
    "counterpart",
    "counterparts",
    "delegation",
    "delegations",
    "leader",
    "leaders",
    "president",
    "premier",
    "minister",
    "ministers",
    "chancellor",
    "envoy",
    "envoys",
    "ambassador",
    "ambassadors",
    "diplomat",
    "diplomats",
    "king",
    "queen",
    "emir",
    "sultan",
    "monarch",
    "governor",
    "mayor",
    "side",
    "sides",
}
# a subject that is more than one party by itself: "the leaders met", "both agreed"
PLURAL_PARTIES = {
    "leaders",
    "ministers",
    "countries",
    "nations",
    "states",
    "governments",
    "sides",
    "delegations",
    "parties",
    "signatories",
    "counterparts",
    "both",
    "two",  # "the first time [the two] have met"
}
# people who hold an office (not sides of a quarrel): "the two [leaders] exchanged hugs"
OFFICE_HOLDERS = PARTY_NOUNS - {"side", "sides", "delegation", "delegations"}
# a visit, whose partner is where the visitor goes: "a [visit] to Peru"
VISIT_NOUNS = {"visit", "trip", "tour"}
INVITATION_NOUNS = {"invitation", "invite"}  # "[at the invitation of] X, Y visited ...": X hosts
# nouns of a meeting asked for or offered, not yet held: "denied a [request] for an audience"
REQUEST_NOUNS = INVITATION_NOUNS | {"request", "offer", "bid", "plea", "proposal", "appeal"}
# nouns of wanting, planning or asking whose to-clause (or "of") is not yet done: "her
# [willingness] to meet X", "[plans] to meet X were shelved", "[hopes] of meeting X"
WISH_NOUNS = REQUEST_NOUNS | {
    "willingness",
    "readiness",
    "desire",
    "wish",
    "hope",
    "plan",
    "intention",
    "eagerness",
    "attempt",
}
# verbs that call a meeting off with the particle "off": "[called] off the talks", "[put] off the visit"
OFF_VERBS = {"call", "put"}
# words of a further meeting, one after the meeting reported: "agreed to meet [again]", "to hold
# [regular] consultations", "to meet in Lima [next] year"
FURTHER_MEETING_WORDS = {
    "again",
    "regularly",
    "regular",
    "annually",
    "annual",
    "periodically",
    "periodic",
    "frequently",
    "often",
    "next",
    "further",
    "future",
    "another",
}
# "I had the [pleasure] of meeting X": a noun whose "of" or "to" carries the meeting its holder had
OCCASION_NOUNS = {"pleasure", "honour", "honor", "privilege", "opportunity", "chance"}
# a list of those at the meeting told with "be": "Also [present] were A and B", "[Joining] the
# President were A and B", "A and B were also [present]", "In [attendance] were ..."
ACCOMPANYING_VERBS = {"accompany", "escort"}  # "Mr Berg accompanied the Prime Minister"
PRESENCE_WORDS = {"present", "attendance", "attending", "joining", "accompanying"}
# a leader's spouse, along on a visit but no party to it: "his [wife], Sophie Roe"
SPOUSE_NOUNS = frozenset({"wife", "husband", "spouse"})
# one's opposite number at a meeting: "told his [counterparts] that ..."
COUNTERPART_NOUNS = {"counterpart"}
# a delegation, its leader and its members: "[led] the delegation", "the delegation [comprised] X"
DELEGATION_NOUNS = {"delegation"}
LEADING_VERBS = {"lead", "head"}
MEMBERSHIP_VERBS = {"comprise", "include"}
# verbs a list of those present follows: "Also present [were] ...", "the speakers [included] ..."
LISTING_VERBS = {"be", "include"}
# people taking part, whose list follows "be" or "include": "were [speakers] A and B"
ATTENDEE_NOUNS = {"speaker", "participant", "attendee", "delegate", "guest", "panellist", "panelist"}
# verbs of seeing someone, a meeting in records and reports: "I [saw] the Ambassador as arranged"
SEEING_VERBS = {"see"}
# personal pronouns that are a person as object: "called to see [me]"
PERSON_PRONOUNS = {"me", "him", "her", "us", "them", "you"}
# verbs of coming to someone, whose to-clause meets: "Vega [called] to see me", "[came] to meet"
COMING_VERBS = {"call", "come", "go"}
# verbs of bringing someone along to a meeting: "He [brought] with him Mr Berg"
BRINGING_VERBS = {"bring"}
# verbs of honouring a guest, the purpose of a meal or reception hosted: "hosted a lunch to
# [thank] the outgoing ambassador"
HONOURING_VERBS = {"thank", "honour", "honor", "farewell", "welcome", "acknowledge", "celebrate", "fete"}
# a meeting of two sides by its kind: "[bilateral] talks", "a [state] visit", "a [courtesy] call"
TWO_SIDED_MARKS = {"bilateral", "trilateral", "multilateral", "state", "official", "summit", "courtesy"}
# what two parties hold together besides a statement: "a joint press [conference]"
JOINT_APPEARANCES = {"conference", "appearance"}
# a document that is joint by its name: "the [communique]"
JOINT_BY_NAME = {"communique", "communiqué"}
# what a person is made when talked about, not acting: "X was the [topic] of the day"
DISCUSSED_NOUNS = {"topic", "subject", "focus", "theme", "talk", "question", "issue"}
