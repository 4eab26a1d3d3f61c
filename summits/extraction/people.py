"""People: the facade the other finders ask about the people of the story.

The work is done by the stages (see ``pipeline.read_people``): ``names`` (who is named where,
with title and country), ``participation`` (who took part), ``descriptions`` ("the Turkish
president" linked to its person) and ``speakers`` (a mention in, a speaker out). ``People``
holds their result, a ``Cast``, and offers it under the names the statements, agreements and
place finders call: ``persons``, ``participants()``, ``person_at``, ``person_before``,
``resolve``, ``described``, ``state_run``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from . import speakers
from .names import Person, PersonIndex, short_form
from .participation import Pictured, joint_subject
from .speakers import Cast
from .titles import state_run

__all__ = ["Cast", "People", "Person", "PersonIndex", "joint_subject", "short_form"]


class People:
    """Every person named in the story, and how to turn a noun phrase into a speaker's name."""

    def __init__(self, cast: Cast, pictured: tuple[Pictured, ...] = ()):
        self._hold(cast, pictured)

    def _hold(self, cast: Cast, pictured: tuple[Pictured, ...] = ()) -> None:
        self.cast = cast
        # participants only a caption or bullet names: no mention in the story, offsets in the article
        self.pictured = pictured
        self.doc = cast.doc
        self.text = cast.doc.text
        self.in_quote = cast.in_quote  # token -> bool
        self.persons: list[Person] = list(cast.index.persons)

    @classmethod
    def empty(cls, doc: Doc, in_quote) -> People:
        """Nobody: what the other finders work with when finding people failed."""
        people = cls.__new__(cls)
        people._hold(Cast(doc, in_quote=in_quote))
        return people

    def participants(self) -> list[Person]:
        """Those the story shows taking part, then those only a caption or bullet names."""
        return self.cast.participants + [p.person for p in self.pictured]

    def first_named(self, person: Person) -> tuple[int, int] | None:
        """Where a participant named only in a caption is named there (offsets in the article)."""
        return next(((p.start, p.end) for p in self.pictured if p.person is person), None)

    def person_at(self, token: Token) -> Person | None:
        return self.cast.index.at(token.i)

    def antecedent(self, token: Token) -> Person | None:
        """The most recent person written as a subject before ``token`` (any mention if none)."""
        return speakers.antecedent(self.cast, token)

    def person_before(self, verb: Token) -> Person | None:
        """The nearest person named before a verb that has no subject of its own."""
        return speakers.person_before(self.cast, verb)

    def described(self, phrase: Span) -> Person | None:
        """ "the Turkish president", "the Russian President", "the president"."""
        return speakers.described(self.cast, phrase)

    def resolve(self, head: Token) -> str | None:
        """The speaker named by the noun phrase headed by ``head``."""
        return speakers.speaker(self.cast, head)

    def state_run(self, sent: Span, size: int) -> list[str] | None:
        """``size`` different states written one after another in ``sent``: "the UK-France summit"."""
        return state_run(self.doc, sent, size)
