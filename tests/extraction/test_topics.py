"""An agreement's topic: a short noun phrase naming the subject matter."""

from summits.extraction import extract
from tests.extraction.conftest import story


def test_topics_are_short_noun_phrases():
    result = extract(
        story(
            "Narendra Modi and Sheikh Hasina agreed on Saturday to speed up negotiations on a "
            "comprehensive economic partnership agreement.",
            "The two leaders also agreed to deepen co-operation on nuclear energy.",
        )
    )
    assert [a.topic for a in result.agreements] == [
        "comprehensive economic partnership agreement",
        "nuclear energy",
    ]


def test_topics_name_what_actors_are_to_do_and_a_light_noun_keeps_its_kind():
    result = extract(
        story(
            "Barack Obama met King Salman at Camp David.",
            "The leaders also agreed to press all parties in Libya to reach a political agreement.",
            "The two leaders signed a migration agreement in Washington.",
        )
    )
    assert [a.topic for a in result.agreements] == ["political agreement", "migration agreement"]


def test_a_topic_names_the_subject_matter_not_an_amount_or_a_bare_action():
    result = extract(
        story(
            "Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum agreed to raise "
            "2 billion dollars for the Great Lakes fisheries and to speed up deliveries of electric buses."
        )
    )
    assert [a.topic for a in result.agreements] == ["Great Lakes fisheries", "deliveries of electric buses"]


def test_who_acts_is_never_the_topic():
    result = extract(story("The leaders agreed that both countries would cooperate more closely."))
    assert [a.topic for a in result.agreements] == [""]  # rather no topic than "countries"


def test_a_document_signed_or_a_promise_made_is_named_by_what_it_is_about():
    result = extract(
        story(
            "Chilean President Gabriel Boric met Bolivian President Luis Arce in Arica on Monday.",
            "The talks ended with a joint promise to clear the minefields.",
            "Both countries reaffirmed their commitment to cross-border trade.",
        )
    )
    assert [a.topic for a in result.agreements] == ["minefields", "cross-border trade"]


def test_a_topic_is_what_a_document_or_a_need_is_about_not_who_acts_or_when():
    result = extract(
        story(
            "Chilean President Gabriel Boric met Bolivian President Luis Arce in Arica on Monday.",
            "The two presidents signed an accord on rail transport.",
            "Both sides agreed on the need to protect the Lauca river.",
            "The leaders directed their officials to draft a fisheries code.",
            "Three agreements were signed during the visit, on trade, mining and tourism.",
        )
    )
    assert [a.topic for a in result.agreements] == [
        "rail transport",
        "Lauca river",
        "fisheries code",
        "trade, mining and tourism",
    ]


def test_an_editor_leaves_out_degree_words_and_a_verb_made_noun():
    result = extract(
        story(
            "Chilean President Gabriel Boric met Bolivian President Luis Arce in Arica on Monday.",
            'Both sides agreed that "the new corridor must lead to further reconciliation and '
            'strengthening of the border regime."',
            "The two presidents agreed to lift all trade restrictions.",
        )
    )
    topics = [a.topic for a in result.agreements]
    assert "further reconciliation and strengthening" not in topics
    assert "trade restrictions" in topics
    assert all(len(t.split()) <= 4 for t in topics)


def test_a_vague_noun_is_no_topic():
    result = extract(
        story(
            "Chilean President Gabriel Boric met Bolivian President Luis Arce in Arica on Monday.",
            "The two presidents agreed to work on the situation.",
        )
    )
    assert [a.topic for a in result.agreements] == [""]  # rather no topic than "situation"


def test_a_long_phrase_is_cut_to_what_it_is_about():
    result = extract(
        story(
            "Chilean President Gabriel Boric met Bolivian President Luis Arce in Arica on Monday.",
            "The two presidents agreed to work towards the early conclusion of a comprehensive "
            "free trade agreement.",
        )
    )
    assert [a.topic for a in result.agreements] == ["comprehensive free trade agreement"]
