"""The verb table: one row per verb, read by every finder, part of the extractor's version."""

import pytest

from summits.extraction import EXTRACTOR_VERSION, RULES_VERSION, extract, verbs
from summits.extraction.nlp import get_nlp


def test_the_version_is_the_rules_and_the_tables_digest():
    assert f"{RULES_VERSION}+{verbs.table_digest()}" == EXTRACTOR_VERSION


def test_adding_a_verb_changes_the_digest(monkeypatch):
    before = verbs.table_digest()
    monkeypatch.setitem(verbs.VERBS, "opine", verbs.verb(*verbs.SAYING))
    assert verbs.table_digest() != before


def test_roles_are_looked_up_by_lemma():
    assert verbs.plays("say", verbs.REPORTS) and verbs.plays("Say", verbs.QUOTES)
    assert not verbs.plays("agree", verbs.REPORTS)  # names a quotation's speaker only
    assert verbs.particles("call") == ("for", "on")
    assert verbs.agreement_status("pledge") == "committed" and verbs.agreement_status("say") == ""
    assert {"meet", "host", "visit"} <= verbs.lemmas(verbs.MEETS)


def test_a_new_verb_of_saying_is_one_row(monkeypatch):
    """'opine' is in no list: once it is a row, its clause is reported speech."""
    text = "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi. "
    text += "Putin opined that the talks had gone well."
    assert not [s for s in extract(text).statements if "talks had gone well" in s.text]
    monkeypatch.setitem(verbs.VERBS, "opine", verbs.verb(*verbs.SAYING))
    said = [s for s in extract(text).statements if "talks had gone well" in s.text]
    assert [(s.speaker, s.kind) for s in said] == [("Vladimir Putin", "indirect")]


def test_report_relays_another_s_reporting_clause_say_speaks_it():
    assert verbs.plays("report", verbs.RELAYS) and not verbs.plays("say", verbs.RELAYS)


def test_indicated_thought_and_understood_report_a_clause_with_its_own_subject():
    text = (
        "Israeli Prime Minister Ariel Sharon met Palestinian leader Mahmoud Abbas in Jerusalem. "
        "Abbas indicated that talks would resume in May. Sharon thought the problem was manageable. "
        "Abbas understood that the ministers had endorsed the plan. Sharon thought about it for a day."
    )
    said = {s.text: s.speaker for s in extract(text).statements if s.kind == "indirect"}
    assert said == {
        "talks would resume in May": "Mahmoud Abbas",
        "the problem was manageable": "Ariel Sharon",
        "the ministers had endorsed the plan": "Mahmoud Abbas",
    }


def test_a_clause_after_the_object_of_indicated_is_not_what_it_reports():
    text = (
        "Israeli Prime Minister Ariel Sharon met Palestinian leader Mahmoud Abbas in Jerusalem. "
        "Sharon indicated a turnaround after decades of warning that a withdrawal could endanger Israel."
    )
    assert not [s for s in extract(text).statements if s.kind == "indirect"]


def test_spoke_of_reports_what_follows_it_spoke_with_nothing():
    text = (
        "Chilean President Ana Ruiz met Bolivian President Luis Arce in Santiago. "
        "Ruiz spoke of a new era in relations. Arce spoke with Ruiz for an hour."
    )
    said = {s.text: s.speaker for s in extract(text).statements if s.kind == "indirect"}
    assert said == {"a new era in relations": "Ana Ruiz"}


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        ("The talks were co-chaired by Vega.", "co-chaired", "co-chair"),
        ("Lima and Quito co-hosted the summit.", "co-hosted", "co-host"),
        ("Vega, who co-leads the talks, spoke.", "co-leads", "co-lead"),
        ("Co-organised by Chile, the forum opened.", "Co-organised", "co-organise"),
    ],
)
def test_a_verb_with_a_hyphenated_prefix_is_one_word_with_its_own_lemma(sentence, word, lemma):
    token = next(t for t in get_nlp()(sentence) if t.text == word)
    assert (token.pos_, token.lemma_) == ("VERB", lemma)
