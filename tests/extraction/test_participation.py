"""Who took part in the meeting, decided apart from who is only named or mentioned."""

import pytest

from summits.extraction import extract, occasion
from summits.extraction.names import find_names
from summits.extraction.participation import from_captions
from tests.extraction.conftest import GUARDIAN, by_name, names, story

SOCHI = (
    "Russian President Vladimir Putin said at a joint news conference with his Turkish counterpart "
    "Recep Tayyip Erdogan in the Black Sea resort of Sochi on Wednesday that the two countries were "
    "boosting cooperation.\n"
    'Moscow had already conducted "preliminary consultations" with Damascus and US President Donald Trump, '
    "Putin added.\n"
)


# Participants with their role and country


def test_participants_with_role_and_country():
    people = {p.name: (p.role, p.country) for p in extract(SOCHI).participants}
    assert people == {"Vladimir Putin": ("President", "RU"), "Recep Tayyip Erdogan": ("President", "TR")}


def test_people_named_without_titles_take_part_and_get_role_and_country_from_descriptions():
    result = extract(
        story(
            "Narendra Modi and Sheikh Hasina agreed on Saturday to speed up trade talks after meeting "
            "on the sidelines of the G20 summit in New Delhi.",
            "Hasina, the Bangladeshi prime minister, told reporters that Dhaka wanted more water.",
            '"Bangladesh is our closest partner," the Indian prime minister said.',
        )
    )
    by_name = {p.name: p for p in result.participants}
    assert set(by_name) == {"Narendra Modi", "Hasina"}
    assert (by_name["Narendra Modi"].role, by_name["Narendra Modi"].country) == ("Prime Minister", "IN")
    assert by_name["Hasina"].country == "BD"
    assert result.statements[-1].speaker == "Narendra Modi"  # by demonym, not the nearest
    assert sorted(result.agreements[0].parties) == ["BD", "IN"]


def test_coordinated_signers_are_participants_and_descriptions_go_to_the_compatible_one():
    result = extract(GUARDIAN)
    people = by_name(result)
    assert set(people) == {"Keir Starmer", "Olaf Scholz"}  # the model calls "Olaf Scholz" an ORG
    assert (people["Olaf Scholz"].role, people["Olaf Scholz"].country) == ("Chancellor", "DE")
    assert (people["Keir Starmer"].role, people["Keir Starmer"].country) == ("Prime Minister", "GB")
    assert [s.speaker for s in result.statements] == ["Keir Starmer", "Olaf Scholz", "Olaf Scholz"]


# Meeting verbs and chairs make participants


def test_meeting_verbs_make_participants_and_mentioned_people_do_not_leak():
    result = extract(
        story(
            "Saudi Crown Prince Mohammed bin Salman received Ukrainian President Volodymyr Zelenskiy "
            "in Jeddah on Wednesday.",
            "Russian President Vladimir Putin, who was not invited, rejected the plan.",
            "Zelenskiy will meet French President Emmanuel Macron in Paris on Friday.",
        )
    )
    assert names(result) == {"Mohammed bin Salman", "Volodymyr Zelenskiy"}
    assert result.summit.location == "Jeddah"


def test_a_truncated_name_and_the_chair_of_a_session_take_part():
    result = extract(
        story(
            "Egyptian President Abdel Fattah el-Sisi and Sudan's army chief Abdel Fattah al-Burhan met on "
            "Saturday, with African Union Commission Chairperson Moussa Faki Mahamat chairing the session.",
        )
    )
    people = by_name(result)
    assert set(people) == {"Abdel Fattah el-Sisi", "Abdel Fattah al-Burhan", "Moussa Faki Mahamat"}
    assert (people["Abdel Fattah al-Burhan"].role, people["Abdel Fattah al-Burhan"].country) == (
        "Army Chief",
        "SD",
    )
    assert people["Moussa Faki Mahamat"].country == "AU"


@pytest.mark.parametrize("verb", ["chaired", "co-chaired"])
def test_the_chairs_of_the_talks_named_with_their_countries_take_part(verb):
    result = extract(story(f"The talks were {verb} by Luis Ortega of Peru and Maria Vela of Ecuador."))
    people = by_name(result)
    assert set(people) == {"Luis Ortega", "Maria Vela"}
    assert (people["Luis Ortega"].country, people["Maria Vela"].country) == ("PE", "EC")


def test_co_hosts_take_part():
    result = extract(
        story("Peru's Luis Ortega and Ecuador's Maria Vela co-hosted the talks in Quito on Monday.")
    )
    assert names(result) == {"Luis Ortega", "Maria Vela"}


@pytest.mark.parametrize(
    "listed",
    [
        "Mr Paulo Mendes of Brazil and Ms Ana Ruiz of Chile",
        "Mr Paulo Mendes and Ms Ana Ruiz",
        "Paulo Mendes, Brazil's minister, and Ana Ruiz, Chile's minister",
    ],
)
def test_names_after_a_colon_take_the_part_of_the_office_they_spell_out(listed):
    result = extract(
        story(
            "Held on Tuesday, the meeting of the joint commission was co-chaired by the foreign ministers "
            f"of the two countries: {listed}."
        )
    )
    assert names(result) == {"Paulo Mendes", "Ana Ruiz"}


def test_names_after_a_colon_away_from_the_meeting_do_not_take_part():
    assert names(extract(story("Two ministers spoke at a rally: Paulo Mendes and Ana Ruiz."))) == set()


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "Chilean President Ana Ruiz held talks in Lima with Peruvian President Luis Vega, during which "
            "they were accompanied by the Chilean Foreign Minister, Paulo Mendes.",
        ),
        (
            "Chilean President Ana Ruiz held talks in Lima with Peruvian President Luis Vega.",
            "The Minister for Foreign Affairs, Mr Paulo Mendes, also accompanied the President.",
        ),
        (
            "Chilean President Ana Ruiz, accompanied by Foreign Minister Paulo Mendes, held talks in Lima "
            "with Peruvian President Luis Vega.",
        ),
    ],
)
def test_one_who_accompanies_a_participant_takes_part(paragraphs):
    assert names(extract(story(*paragraphs))) == {"Ana Ruiz", "Luis Vega", "Paulo Mendes"}


def test_family_accompanying_a_participant_does_not_take_part():
    result = extract(
        story("Prime Minister Ana Ruiz, accompanied by her husband, Carlos Ruiz, met President Luis Vega.")
    )
    assert names(result) == {"Ana Ruiz", "Luis Vega"}


def test_the_visitor_a_host_invited_takes_part_with_the_host():
    result = extract(
        story("At the invitation of President Luis Vega, Prime Minister Ana Ruiz visited Peru on Monday.")
    )
    assert names(result) == {"Ana Ruiz", "Luis Vega"}


def test_a_headline_verb_the_tagger_took_for_a_plural_noun_makes_participants():
    result = extract(
        "Qatar Emir Sheikh Tamim bin Hamad telephones Saudi Crown Prince Mohammed bin Salman to discuss "
        "the crisis.\n"
    )
    assert names(result) == {"Tamim bin Hamad", "Mohammed bin Salman"}


# Mentioned people do not take part


def test_mentioned_people_are_not_participants():
    assert "Donald Trump" not in {p.name for p in extract(SOCHI).participants}


# --- occasion: does a clause belong to the meeting the article reports? ---------------------------
OCCASIONS = [
    ("Torres was due to meet Norway's Kari Lunde later on Sunday.", "meet", "ahead"),
    ("The two sides still need to agree on the price.", "agree", "ahead"),
    ("Macron is expected to sign the deal.", "sign", "ahead"),
    ("Macron plans to visit Oslo.", "visit", "ahead"),
    ("Macron is to visit Oslo.", "visit", "ahead"),
    ("Rome urged Tehran to agree to the deal.", "agree", "directive"),
    ("They met to agree on a truce.", "agree", "purpose"),
    ("If they agree on the price, the deal will go ahead.", "agree", "condition"),
    ("Lunde did not meet Torres.", "meet", "negated"),
    ("They signed a border treaty in 1994.", "signed", "earlier"),
    ("The two leaders have met twice since 2020.", "met", "earlier"),
    ("The treaty was signed last December.", "signed", "earlier"),
    ("Rome had already held consultations with Oslo.", "held", "earlier"),
    ("Lunde visited Lima in October.", "visited", "earlier"),
    ("Mr Vega is due to host a ceremony in Lima.", "is", "ahead"),
    ("Vega will be treated to a dinner in meeting Lunde.", "meeting", "ahead"),
    ("A summit between the two is planned for next week.", "planned", "ahead"),
    ("They plan to meet again next month.", "plan", "ahead"),
    ("The first treaty since 1950, when Lima and Quito signed a pact.", "signed", "earlier"),
    ("She then met separately with her deputy.", "met", "separate"),
    ("He told a rally at home that the talks went well.", "told", "elsewhere"),
    ("Torres met Kari Lunde on Sunday.", "met", None),
    ("The two leaders agreed to build a pipeline.", "agreed", None),
    ("Merkel and Macron held talks in Berlin.", "talks", None),
]


@pytest.mark.parametrize(("sentence", "word", "reason"), OCCASIONS)
def test_occasion_reason(nlp, sentence, word, reason):
    token = next(t for t in nlp(sentence) if t.text == word)
    assert occasion.why_not(token) == reason
    assert occasion.belongs_to_meeting(token) is (reason is None)


# --- who took part: the meeting's own clause, not one ahead, earlier or elsewhere -----------------


def test_person_only_due_to_meet_is_not_a_participant():
    result = extract(
        story(
            "Chilean President Ana Torres met Peruvian President Luis Vega in Lima on Saturday.",
            "Torres was due to meet Norwegian Prime Minister Kari Lunde later on Sunday.",
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_person_of_an_earlier_signing_is_not_a_participant():
    result = extract(
        story(
            "Chilean President Ana Torres met Peruvian President Luis Vega in Lima on Saturday.",
            "Former President Jorge Soto, who in 1994 signed a border treaty with Peru, praised the talks.",
            "The talks were the first under President Marta Ruiz, Vega's predecessor.",
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_person_under_a_then_title_is_not_a_participant():
    result = extract(
        story(
            "Chilean President Ana Torres met Peruvian President Luis Vega in Lima on Saturday.",
            "Then-president Jorge Soto sent troops to the border after the 1995 war, and the summit "
            "was the first since then.",
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_person_who_was_the_topic_at_the_meeting_is_not_a_participant():
    result = extract(
        story(
            "Chilean President Ana Torres met Peruvian President Luis Vega in Lima on Saturday.",
            "During the press conference, Jorge Soto was the topic of the day.",
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_visit_to_another_place_with_no_one_met_is_not_attendance():
    result = extract(
        story(
            "Chilean President Ana Torres met Peruvian President Luis Vega in Lima on Saturday.",
            "On Friday, opposition leader Jorge Soto visited the Bolivian capital La Paz where he "
            "delivered a speech at a university.",
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_visit_to_a_place_for_talks_is_attendance():
    result = extract(story("Chilean President Ana Torres visited Lima for talks on Saturday."))
    assert names(result) == {"Ana Torres"}


def test_speaking_to_the_gathering_is_attendance():
    result = extract(
        story(
            "Peace talks between the government and the rebels opened in Lima on Saturday.",
            "Chilean Foreign Minister Jorge Soto told the opening ceremony that the region backed the talks.",
        )
    )
    assert "Jorge Soto" in names(result)


def test_speaking_to_a_news_conference_is_no_attendance():
    result = extract(
        story(
            "Chilean President Ana Torres will meet Peruvian President Luis Vega in Lima next week.",
            "Spokesman Jorge Soto told a news conference that the two would discuss trade.",
        )
    )
    assert "Jorge Soto" not in names(result)


def test_meeting_word_of_another_clause_is_no_attendance():
    result = extract(
        story(
            "Chilean President Ana Torres met Peruvian President Luis Vega in Lima on Saturday.",
            "The clash took place a day after Bolivian President Jorge Soto declared an emergency.",
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_object_of_talks_with_takes_part():
    result = extract(story("Chilean Foreign Minister Ana Torres visited Lima for talks with Luis Vega."))
    assert "Luis Vega" in names(result)


def test_agent_representing_a_signing_party_takes_part():
    result = extract(
        story(
            "Chile, represented by Mr Carlos Mendoza, was one of eight countries which signed the treaty "
            "in Lima."
        )
    )
    assert "Carlos Mendoza" in names(result)


def test_speaker_at_the_event_takes_part():
    result = extract(
        story(
            "Chile and Peru opened peace talks in Lima on Saturday.",
            "Speaking at the ceremony on Saturday, Chilean delegation chief Maria Fernanda Rojas said "
            "the talks had begun well.",
        )
    )
    assert "Maria Fernanda Rojas" in names(result)


def test_negotiating_with_someone_is_taking_part():
    result = extract(
        story("Former President Bill Hanson negotiates a pardon with leader Kim Sung-ho in Lima.")
    )
    assert names(result) == {"Bill Hanson", "Kim Sung-ho"}


def test_a_pronoun_in_a_later_sentence_takes_part():
    result = extract(
        story(
            "Chilean Foreign Minister Ana Torres flew to Lima on Friday.",
            "On Saturday she met Peruvian President Luis Vega at the presidential palace.",
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_speaker_as_the_talks_ended_takes_part():
    result = extract(
        story(
            "Chile and Peru held a new round of border talks in Lima this week.",
            'Chilean chief negotiator Maria Fernanda Rojas said "trust is key", after the latest round of '
            "talks wrapped up in Lima on Thursday.",
        )
    )
    assert "Maria Fernanda Rojas" in names(result)


def test_a_caption_or_bullet_is_evidence_of_taking_part(nlp):
    story_doc = nlp(
        "Former President Bill Hanson flew to Pyongyang on Tuesday. Leader Kim Sung-ho hosted a dinner. "
        "His wife, Mary Hanson, stayed in Washington, and Tom Hanson spoke there."
    )
    index = find_names(story_doc)
    caption = nlp("Bill Hanson negotiates a pardon with leader Kim Sung-ho")
    taking_part = {index.persons[n].name for n in from_captions([caption], index)}
    assert taking_part == {"Bill Hanson", "Kim Sung-ho"}
    ambiguous = nlp("Hanson negotiates a pardon with leader Kim Sung-ho")
    assert {index.persons[n].name for n in from_captions([ambiguous], index)} == {"Kim Sung-ho"}


def test_a_summary_bullet_showing_a_person_taking_part_makes_a_participant():
    text = (
        "Former President Bill Hanson left the capital on Wednesday with the two freed journalists.\n\n"
        "Leader Kim Sung-ho issued a special pardon, state media said.\n\n"
        "@highlight\n\nBill Hanson negotiates a pardon with leader Kim Sung-ho\n"
    )
    assert {"Bill Hanson", "Kim Sung-ho"} <= set(names(extract(text)))


def test_a_portfolio_word_in_a_title_is_no_event_elsewhere():
    result = extract(
        story(
            "Minister Ana Torres met with Peru Vice Minister of Justice and Home Affairs Luis Vega "
            "to discuss legal cooperation."
        )
    )
    assert {"Ana Torres", "Luis Vega"} <= names(result)


def test_ministers_listed_with_their_portfolios_take_part():
    result = extract(
        story(
            "Bilateral meetings were also held with Fiji Minister of Justice and Courts Administration "
            "Tevita Lomani Nakau and Tonga Minister for Legal Affairs Mrs Ana Pulu."
        )
    )
    assert {"Tevita Lomani Nakau", "Ana Pulu"} <= names(result)


def test_an_exchange_at_another_event_is_no_part_in_this_meeting():
    result = extract(
        story(
            "Premier Li Wei will visit Japan at the end of May, officials said.",
            "In another recent quarrel, Foreign Minister Kenji Sato last weekend told his Chinese "
            "counterpart Zhou Ming that Beijing should cut its arsenal.",
        )
    )
    assert not {"Kenji Sato", "Zhou Ming"} & names(result)


def test_an_actor_of_the_sentence_is_no_meeting_word_for_someone_in_its_object():
    result = extract(
        story(
            "Prime Minister Ana Torres held talks with visiting Deputy Prime Minister Luis Vega on Monday.",
            "The host pledged to ensure a fair trial for Chairman Pedro Lima, who was arrested last year.",
        )
    )
    assert "Pedro Lima" not in names(result)


def test_the_agent_of_what_the_meeting_agreed_takes_part():
    result = extract(
        story(
            "European leaders agreed on a recovery fund in Brussels on Tuesday.",
            "The agreement was shepherded by Council President Ana Ruiz, backed by Luis Vega, head of "
            "the Commission.",
            "The 1992 treaty, which led to the euro, was masterminded by Pierre Blanc.",
        )
    )
    assert {"Ana Ruiz", "Luis Vega"} <= names(result)
    assert "Pierre Blanc" not in names(result)


def test_a_negotiator_named_about_the_talks_is_at_the_table():
    result = extract(
        story(
            "EU chief negotiator Ana Ruiz said trust was key, after the latest round of talks wrapped up "
            "in London on Thursday.",
            "His UK counterpart Tom Hale said differences remained over a free trade deal.",
            "Sher Ali Khan, the Taliban's deputy chief negotiator, hails from the same province.",
        )
    )
    people = by_name(result)
    assert people["Tom Hale"].role == "Chief Negotiator"
    assert {"Ana Ruiz", "Tom Hale", "Sher Ali Khan"} <= set(people)


def test_a_caption_gives_the_fuller_name_of_someone_the_story_calls_by_one_word(nlp):
    story_doc = nlp(
        "Former President Bill Hanson flew to Pyongyang. Albright had gone there in 2000 to meet Kim."
    )
    index = find_names(story_doc)
    caption = nlp("Bill Hanson negotiates pardon with leader Kim Jong Sun")  # a noun read as a verb
    assert "Kim" in {index.persons[n].name for n in from_captions([caption], index)}


def test_a_pronoun_entering_the_talks_takes_part():
    result = extract(
        story(
            "Foreign Minister Ana Torres arrived in Geneva on Thursday.",
            "Secretary Tom Hale told opposition leaders that he entered the talks with Torres from a "
            "position of skepticism, an official said.",
        )
    )
    assert "Tom Hale" in names(result)


def test_a_speaker_telling_what_they_talked_about_takes_part():
    result = extract(
        story(
            "High Commissioner Ana Torres paid a courtesy call on Prime Minister Luis Vega on Thursday.",
            "Mr Vega said they had also talked about the border crossings.",
        )
    )
    assert "Luis Vega" in names(result)


def test_a_minister_flanking_a_participant_takes_part():
    result = extract(
        story(
            "Chilean President Ana Torres met Peruvian President Luis Vega in Lima on Monday.",
            "Flanked by Defence Minister Jorge Paz, Vega told reporters the talks went well.",
        )
    )
    assert "Jorge Paz" in names(result)


def test_one_of_those_drafting_the_text_takes_part():
    result = extract(
        story(
            "Negotiators finalised a nuclear accord in Vienna on Tuesday.",
            "Iranian Foreign Minister Ali Karimi was among those in Vienna hammering out the text.",
            "Analyst Rosa Diaz was among those who doubted the accord would hold.",
        )
    )
    assert "Ali Karimi" in names(result)
    assert "Rosa Diaz" not in names(result)


# Captions and summary bullets name participants the story does not


def _only_caption(*captions: str) -> str:
    """An article whose story names nobody; the people are named only in its captions or bullets."""
    return (
        "Leaders meet\n\nThe two governments held talks in Lima on Monday, officials said.\n\n"
        + "\n\n".join(captions)
        + "\n"
    )


def test_a_caption_meeting_verb_names_participants_the_story_never_names():
    text = _only_caption(
        "@highlight", "Chilean President Sergei Petrov meets Prime Minister Wang Lei in Lima"
    )
    people = by_name(extract(text))
    assert set(people) == {"Sergei Petrov", "Wang Lei"}
    petrov = people["Sergei Petrov"]
    assert (petrov.role, petrov.country) == ("President", "CL")
    assert text[petrov.start : petrov.end] == "Sergei Petrov"  # offsets into the article, in the caption


def test_a_handshake_in_a_caption_shows_both_at_the_meeting():
    text = _only_caption(
        "President Sergei Petrov and Prime Minister Wang Lei shake hands in Lima. Photo: Jane Roe"
    )
    assert names(extract(text)) == {"Sergei Petrov", "Wang Lei"}


def test_people_with_each_other_at_the_talks_in_a_caption_take_part():
    text = _only_caption(
        "Foreign Minister Sergei Petrov with Wang Lei at the talks in Lima on Monday. Photo: Jane Roe"
    )
    assert names(extract(text)) == {"Sergei Petrov", "Wang Lei"}


def test_a_caption_listing_who_stands_left_and_right_names_participants():
    text = _only_caption(
        "President Sergei Petrov, left, and Prime Minister Wang Lei in Lima on Monday (AP Photo/Mark Lennon)"
    )
    assert names(extract(text)) == {"Sergei Petrov", "Wang Lei"}


def test_a_summary_bullet_marked_new_names_participants():
    text = _only_caption("@highlight", "NEW: President Sergei Petrov met Prime Minister Wang Lei in Lima")
    result = extract(text)
    assert names(result) == {"Sergei Petrov", "Wang Lei"}
    wang = by_name(result)["Wang Lei"]
    assert text[wang.start : wang.end] == "Wang Lei"


def test_a_photo_credit_names_no_participant():
    text = _only_caption(
        "President Sergei Petrov, left, and Prime Minister Wang Lei shake hands (AP Photo/Mark Lennon)",
        "Petrov and Wang at the talks in Lima. Jane Roe/Getty Images",
    )
    assert not {"Mark Lennon", "Jane Roe"} & names(extract(text))


def test_a_caption_of_a_planned_or_past_meeting_names_nobody():
    planned = _only_caption(
        "@highlight", "President Sergei Petrov will meet Prime Minister Wang Lei in Lima next week"
    )
    past = _only_caption(
        "President Sergei Petrov and Prime Minister Wang Lei shake hands in Lima in 1994. Photo: Jane Roe"
    )
    assert names(extract(planned)) == set()
    assert names(extract(past)) == set()


def test_a_caption_gives_the_fuller_name_of_the_storys_participant(nlp):
    text = (
        "Leaders meet\n\nFormer President Bill Hanson met Kim in Pyongyang on Tuesday.\n\n"
        "@highlight\n\nHanson negotiates a pardon with leader Kim Jong Sun\n"
    )
    people = by_name(extract(text))
    assert "Kim Jong Sun" in people and "Kim" in people["Kim Jong Sun"].aliases
    kim = people["Kim Jong Sun"]
    assert text[kim.start : kim.end] == "Kim"  # the first mention is still the story's


def test_a_quotation_in_a_bullet_attributed_to_nobody_is_no_statement():
    text = _only_caption("@highlight", '"We will open the border"')
    result = extract(text)
    assert not [s for s in result.statements if "open the border" in s.text]


def test_an_agreement_stated_only_in_a_bullet_is_an_agreement_of_the_meeting():
    text = (
        "Leaders meet\n\nChilean President Sergei Petrov met Peruvian President Wang Lei in Lima.\n\n"
        "@highlight\n\nPetrov and Wang sign a treaty on fishing rights\n\n"
        "@highlight\n\nPetrov and Wang will sign a trade deal next year\n"
    )
    [agreement] = extract(text).agreements
    assert text[agreement.start : agreement.end] == "Petrov and Wang sign a treaty on fishing rights"
    assert agreement.parties  # the participants' states


def test_a_courtesy_call_by_a_titled_name_set_off_by_commas_whatever_the_parse():
    result = extract(
        story(
            "Trade was among the issues discussed during a courtesy call by Norway's Ambassador to "
            "Chile, Mr Lars Berg, on Minister Ana Diaz at her office in Santiago on Thursday."
        )
    )
    assert names(result) == {"Lars Berg", "Ana Diaz"}


def test_a_senior_office_holder_answering_for_his_part_is_a_side():
    result = extract(
        story(
            "Philippine officials and rebels met in Kuala Lumpur on Saturday.",
            "For his part, rebel chairman Ali Musa said the peace process remained the only way.",
        )
    )
    assert names(result) == {"Ali Musa"}


def test_for_his_part_of_someone_holding_no_office_is_no_side():
    result = extract(
        story(
            "Philippine officials and rebels met in Kuala Lumpur on Saturday.",
            "For his part, analyst Ali Musa said the peace process remained the only way.",
        )
    )
    assert "Ali Musa" not in names(result)


def test_the_one_who_pays_a_courtesy_call_takes_part():
    result = extract(
        story("Prime Minister Lars Berg paid a courtesy call on President Ana Vega in Lima on Monday.")
    )
    assert names(result) == {"Lars Berg", "Ana Vega"}


def test_someone_the_writer_of_a_release_did_something_with_takes_part():
    result = extract(
        "Media release\n\nDr Ana Vega and I discussed trade and regional security in Lima today.\n"
    )
    assert names(result) == {"Ana Vega"}


def test_the_office_holder_on_a_line_above_a_first_person_meeting_is_its_author(nlp):
    from summits.extraction.participation import decide

    doc = nlp(
        "Minister for Foreign Affairs Lars Berg\n\n"
        "I visited Peru from 20 to 22 May for talks with the Peruvian Minister of Foreign Affairs, Ana Vega."
    )
    index = find_names(doc)
    taking_part = {index.persons[n].name for n in decide(doc, index, lambda token: False)}
    assert taking_part == {"Lars Berg", "Ana Vega"}


def test_the_host_who_invited_a_visit_that_took_place_takes_part():
    result = extract(
        story(
            "At the invitation of the President of Peru, Mrs Ana Vega, the Prime Minister of Norway, "
            "Mr Lars Berg, visited Lima on 20 May for consultations on trade."
        )
    )
    assert names(result) == {"Ana Vega", "Lars Berg"}


def test_an_invitation_to_a_visit_still_to_come_is_no_participation():
    result = extract(
        story("At the invitation of President Ana Vega, Prime Minister Lars Berg will visit Lima next month.")
    )
    assert "Ana Vega" not in names(result)


# The author of a first-person release (issue 11.2)


def test_the_author_of_a_release_who_writes_i_met_takes_part_with_the_title_of_the_author_line():
    text = (
        "Media release — Ana Vega, Minister for Trade\n\n"
        "I met Luis Soto in Lima today to discuss copper exports.\n"
    )
    result = extract(text)
    vega = by_name(result)["Ana Vega"]
    assert names(result) == {"Ana Vega", "Luis Soto"}
    assert vega.role == "Minister for Trade"
    assert text[vega.start : vega.end] == "Ana Vega"


def test_the_author_line_in_a_release_told_in_the_third_person_makes_no_participant():
    result = extract(
        "Media release — Ana Vega, Minister for Trade\n\n"
        "The minister met Luis Soto in Lima today to discuss copper exports.\n"
    )
    assert "Ana Vega" not in names(result)


def test_the_author_of_a_first_person_story_who_meets_nobody_takes_no_part():
    result = extract(
        "Media release — Ana Vega, Minister for Trade\n\n"
        "Luis Soto met President Ines Ruiz in Lima today. I welcome their agreement on copper exports.\n"
    )
    assert "Ana Vega" not in names(result)


def test_i_joined_to_a_named_subject_makes_the_author_take_part():
    result = extract(
        "The Hon. Ana Vega MP\n\nPeruvian Minister for Trade\n\n"
        "Luis Soto and I signed a fisheries accord in Lima on Monday.\n"
    )
    vega = by_name(result)["Ana Vega"]
    assert (vega.role, vega.country) == ("Minister for Trade", "PE")


def test_my_talks_with_someone_make_the_author_take_part():
    result = extract(
        "By Ana Vega, Prime Minister of Peru\n\n"
        "During my talks with Luis Soto in Lima, I raised copper exports.\n"
    )
    vega = by_name(result)["Ana Vega"]
    assert (vega.role, vega.country) == ("Prime Minister", "PE")


def test_calling_on_someone_without_a_to_clause_is_a_visit():
    result = extract(
        story("Prime Minister Lars Berg called on President Ana Vega at the palace in Lima on Monday.")
    )
    assert names(result) == {"Lars Berg", "Ana Vega"}


def test_calling_on_someone_to_do_something_is_an_appeal_not_a_visit():
    result = extract(
        story(
            "Prime Minister Lars Berg met Foreign Minister Luis Soto in Lima on Monday.",
            "Berg called on President Ana Vega to release the prisoners.",
        )
    )
    assert "Ana Vega" not in names(result)


def test_the_author_who_had_the_pleasure_of_meeting_someone_takes_part():
    result = extract(
        "Media release — Ana Vega, Minister for Trade\n\n"
        "Yesterday I had the opportunity to hold talks with Luis Soto in Lima.\n"
    )
    assert names(result) == {"Ana Vega", "Luis Soto"}


def test_a_name_set_beside_a_title_with_a_phrase_of_its_own_takes_the_titles_part():
    result = extract(
        story(
            "President Ana Vega held talks in Lima with the Minister for Mines in the new Chilean "
            "government, Dr Luis Soto."
        )
    )
    assert names(result) == {"Ana Vega", "Luis Soto"}


def test_the_people_of_a_list_of_those_present_take_part_with_the_side_they_stand_under():
    result = extract(
        "Record of a meeting between President Ana Vega and President Ines Ruiz in Lima on 3 May.\n\n"
        "Also present:\n\n### Chile\n\n"
        "Mr Luis Soto - Secretary, Department of Trade\n\n"
        "The meeting began at noon. President Vega said trade had grown.\n"
    )
    soto = by_name(result)["Luis Soto"]
    assert (soto.role, soto.country) == ("Secretary, Department of Trade", "CL")


def test_those_who_were_invited_to_the_meeting_reported_took_part():
    result = extract(
        story(
            "Foreign ministers met in Lima on Sunday to discuss the war.",
            "Lars Berg and Ana Vega, the two rival leaders, were invited only at the last minute.",
        )
    )
    assert {"Lars Berg", "Ana Vega"} <= names(result)


def test_one_invited_who_did_not_attend_took_no_part():
    result = extract(
        story(
            "Foreign ministers met in Lima on Sunday to discuss the war.",
            "President Ana Vega was invited but did not attend.",
        )
    )
    assert "Ana Vega" not in names(result)


# Lists of those present, seeing someone, a guest honoured, a joint announcement


def test_a_list_of_those_also_present_after_were_takes_part():
    result = extract(
        story(
            "President Ana Torres met Prime Minister Luis Vega in Lima on Monday.",
            "Also present at the meeting were Mr. Jon Berg and Finance Secretary Eva Holm.",
        )
    )
    assert {"Jon Berg", "Eva Holm"} <= names(result)


def test_those_joining_a_participant_take_part():
    result = extract(
        story(
            "President Ana Torres met Prime Minister Luis Vega in Lima on Monday.",
            "Joining the President were Ola Dahl and Ivar Moen.",
        )
    )
    assert {"Ola Dahl", "Ivar Moen"} <= names(result)


def test_one_who_will_be_present_later_takes_no_part():
    result = extract(
        story(
            "President Ana Torres met Prime Minister Luis Vega in Lima on Monday.",
            "Mr. Lars Eide will also be present at the summit in Oslo next month.",
        )
    )
    assert "Lars Eide" not in names(result)


def test_a_person_seen_in_a_record_takes_part():
    result = extract(story("The Secretary this morning saw Mr. Kari Lunde in Lima."))
    assert "Kari Lunde" in names(result)


def test_seeing_a_thing_as_something_is_no_meeting():
    result = extract(
        story(
            "President Ana Torres met Prime Minister Luis Vega in Lima on Monday.",
            "Mr. Jon Lie saw the plan as a threat.",
        )
    )
    assert "Jon Lie" not in names(result)


def test_one_who_called_to_see_the_writer_takes_part():
    result = extract(story("Sir Luis Vega called to see me by arrangement to discuss the transfer."))
    assert "Luis Vega" in names(result)


def test_one_brought_along_to_the_meeting_takes_part():
    result = extract(
        story(
            "President Ana Torres met Prime Minister Luis Vega in Lima on Monday.",
            "He brought along his adviser Jon Berg.",
        )
    )
    assert "Jon Berg" in names(result)


def test_the_guest_a_lunch_was_hosted_to_thank_takes_part():
    result = extract(
        story(
            "The University of Lima hosted a farewell lunch to acknowledge and thank the outgoing "
            "Chilean ambassador, Dr Kari Lunde, on 8 January."
        )
    )
    assert "Kari Lunde" in names(result)


def test_two_who_announced_the_agreement_together_take_part():
    result = extract(
        story(
            "Foreign Minister Ana Torres and her Peruvian counterpart, Luis Vega, announced the "
            "agreement in Lima after weeks of negotiations."
        )
    )
    assert {"Ana Torres", "Luis Vega"} <= names(result)


def test_speakers_listed_after_included_take_part():
    result = extract(
        story(
            "President Ana Torres met Prime Minister Luis Vega in Lima on Monday.",
            "Speakers at the dinner included Mr Jon Berg and Ms Eva Holm.",
        )
    )
    assert {"Jon Berg", "Eva Holm"} <= names(result)


def test_a_body_in_a_list_of_speakers_is_no_participant():
    result = extract(
        story(
            "Delegates of Chile and Peru met in Lima on Monday.",
            "Among the speakers were Kari Lunde, Director at Lima University, and Jon Berg.",
        )
    )
    assert "Lima University" not in names(result)


def test_one_speaking_as_the_leaders_met_takes_part():
    result = extract(
        story(
            "Chilean President Ana Torres was speaking as the leaders of South America met in Lima on Sunday."
        )
    )
    assert "Ana Torres" in names(result)


def test_signers_after_a_by_the_parse_hangs_on_a_noun_take_part():
    result = extract(
        story(
            "The treaty was signed before members of the local press and representatives of the "
            "Lima Trust by Mr Jon Berg, Head of Trade, and Luis Vega, Minister of Finance of Peru."
        )
    )
    assert {"Jon Berg", "Luis Vega"} <= names(result)


def test_one_who_met_and_then_withdrew_took_part():
    result = extract(
        story(
            "President Ana Torres met Prime Minister Luis Vega in Lima on Monday.",
            "Mr Lars Eide met Vega on Monday. Eide then withdrew.",
        )
    )
    assert "Lars Eide" in names(result)


def test_the_subject_of_a_meeting_verb_joined_by_and_takes_part():
    result = extract(
        story(
            "Former Senator Luis Vega arrives in Lima and holds an immediate meeting with "
            "President Ana Torres."
        )
    )
    assert names(result) == {"Luis Vega", "Ana Torres"}


def test_a_subject_the_parse_hangs_on_an_auxiliary_takes_part():
    result = extract(
        story(
            "The Prime Minister of Chile, Mr. Luis Vega, and other Chilean Ministers have during the last "
            "few days had discussions with the Peruvian Secretary of State, Mr. Jon Berg."
        )
    )
    assert {"Luis Vega", "Jon Berg"} <= names(result)


def test_one_seen_being_led_away_is_no_participant():
    result = extract(
        story(
            "President Ana Torres met Prime Minister Luis Vega in Lima on Monday.",
            "On Wednesday witnesses saw Mr Jon Berg being led down a street by masked men.",
        )
    )
    assert "Jon Berg" not in names(result)


def test_one_who_speaks_to_a_participant_takes_part():
    result = extract(
        story(
            "The Secretary this morning saw Mr. Jim Lunde in Lima.",
            "Mr. Jon Berg explained to Mr. Lunde that the board had its own lines of communication.",
        )
    )
    assert {"Jim Lunde", "Jon Berg"} <= names(result)


def test_one_who_speaks_to_reporters_is_no_participant():
    result = extract(
        story(
            "The Secretary this morning saw Mr. Jim Lunde in Lima.",
            "Mr. Lars Eide told reporters the plan was sound.",
        )
    )
    assert "Lars Eide" not in names(result)


def test_one_looking_forward_to_meeting_them_later_has_not_taken_part():
    result = extract(
        story(
            "President Ana Torres met President Luis Vega of Peru in Lima on Monday.",
            "Norwegian Prime Minister Kari Lunde tweeted that she was looking forward to meeting them "
            "in Oslo next year.",
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_a_title_naming_the_meeting_gives_its_people_when_the_story_names_none_at_it():
    text = (
        "# Record of Conversation Between Vega and Lunde\n\n"
        "Mr Vega opened on the theme of trade. Mr Lunde said the border was quiet.\n"
    )
    letter = text.replace("Conversation Between", "Letter From").replace(" and ", " to ")
    assert names(extract(text)) == {"Vega", "Lunde"}
    assert names(extract(letter)) == set()


def test_a_headline_names_participants_the_story_does_not():
    text = (
        "## Milei meets with Trump at CPAC\n\n"
        "President Javier Milei spoke for forty minutes to Republican voters in Washington.\n"
    )
    result = extract(text)
    assert names(result) == {"Javier Milei", "Trump"}
    trump = by_name(result)["Trump"]
    assert text[trump.start : trump.end] == "Trump"  # named in the headline, where the article writes it


def test_a_meeting_told_as_held_outweighs_a_welcome_still_to_come():
    result = extract(
        story(
            "The meeting held in the Malaysian capital on Saturday was the first under the new president.",
            "Speaking at the meeting, Malaysian Deputy Defence Minister Ahmad Johari said the process "
            "was on track.",
            "He said the front would welcome other factions to take part in the process.",
        )
    )
    assert names(result) == {"Ahmad Johari"}


def test_a_meeting_still_to_be_held_has_nobody_at_it_yet():
    result = extract(
        story(
            "President Ana Torres will meet President Luis Vega of Peru in Lima on Monday.",
            "The meeting will be held at the presidential palace.",
        )
    )
    assert names(result) == set()


def test_a_long_list_after_met_with_is_everyone_in_it():
    result = extract(
        story(
            "President Ana Torres met with her special envoy, former President Luis Vega, Executive "
            "Secretary Carlos Medina, National Security Adviser Jorge Ruiz Jr., Mr. Pablo Sta. Cruz and "
            "Undersecretary Elena Soto in Lima."
        )
    )
    assert {"Carlos Medina", "Jorge Ruiz Jr.", "Pablo Sta. Cruz", "Elena Soto"} <= names(result)


def test_a_name_after_its_title_for_a_portfolio_has_the_titles_role():
    result = extract(
        story(
            "Senior Minister for National Security Tan Wei Ming, Minister for Foreign Affairs Dr Lim "
            "Boon Keng, and Minister for the Environment Grace Ong met European Commission "
            "Vice-President Frans Dekker, who is visiting Singapore."
        )
    )
    assert {"Tan Wei Ming", "Lim Boon Keng", "Grace Ong", "Frans Dekker"} <= names(result)


def test_a_state_of_the_title_is_no_person():
    result = extract(
        story(
            "Minister for Law Lim Boon Keng and the Minister of Justice of the Socialist Republic of "
            "Vietnam Mr Ha Van Cuong signed a memorandum of understanding on 12 March."
        )
    )
    assert "Socialist Republic" not in names(result)


def test_the_leaders_and_members_of_delegations_take_part():
    result = extract(
        story(
            "The annual exchange of visits was held on 4 August.",
            "The Bruneian delegation was led by Minister of Development Ahmad Rashid, and comprised "
            "Permanent Secretary Nora Razak and other senior officials.",
            "Ms Grace Ong, Minister for the Environment, led the Singapore delegation comprising "
            "Mr Stanley Tan, Permanent Secretary, and other officials.",
        )
    )
    assert {"Ahmad Rashid", "Nora Razak", "Grace Ong", "Stanley Tan"} <= names(result)


def test_a_delegation_led_long_ago_is_not_this_meeting():
    result = extract(
        story(
            "Foreign Minister Ana Vega led a delegation to Lima in 1994.",
            "President Ana Torres met President Luis Vega of Peru in Lima on Monday.",
        )
    )
    assert "Ana Vega" not in names(result)


def test_a_president_elect_is_a_named_person():
    result = extract(
        "Chinese President Xi Jinping and President-elect Budi Santoso shake hands at the Great Hall "
        "of the People in Beijing. (Reuters/China Daily)\n\n"
        "Budi Santoso visited Beijing on Monday on his first foreign trip since his election.\n"
    )
    assert names(result) == {"Xi Jinping", "Budi Santoso"}


def test_one_who_told_their_counterparts_met_them():
    result = extract(
        story(
            "Leaders of the region gathered in Lima on Monday for a two-day summit.",
            "Chilean Foreign Minister Ana Torres told her counterparts on Sunday that the summit would "
            "agree on trade.",
            "Peruvian Foreign Minister Luis Vega will tell his counterparts about the plan next week.",
        )
    )
    assert "Ana Torres" in names(result)
    assert "Luis Vega" not in names(result)


def test_a_lower_case_president_elect_before_a_name_is_a_title():
    result = extract(
        "Chinese President Xi Jinping and president-elect Budi Santoso shake hands at the Great Hall "
        "of the People in Beijing. (Reuters/China Daily)\n\n"
        "Santoso later held talks with Premier Li Qiang.\n"
    )
    assert {"Xi Jinping", "Budi Santoso"} <= names(result)


def test_those_among_the_officials_accompanying_a_participant_take_part():
    result = extract(
        story(
            "President Luis Vega of Peru met Prime Minister Ana Torres in Wellington on Tuesday.",
            "Among officials accompanying the President on his visit was Peru's Minister of "
            "Agriculture, Jose Molina.",
        )
    )
    assert "Jose Molina" in names(result)


def test_a_leaders_spouse_is_no_party_to_the_meeting():
    result = extract(
        story(
            "President Luis Vega and first lady Ana Vega greeted Prime Minister Jon Berg and his wife, "
            "Kari Berg, at the palace on Monday for a state dinner.",
            "Vega and Berg held talks on trade.",
        )
    )
    assert names(result) == {"Luis Vega", "Jon Berg"}


def test_those_a_partner_noun_includes_take_part():
    result = extract(
        story(
            "National Security Adviser Kumar Rao visited Colombo on Friday.",
            "Rao also held talks with key opposition leaders, including Ana Torres and Luis Vega.",
        )
    )
    assert names(result) == {"Kumar Rao", "Ana Torres", "Luis Vega"}


def test_the_host_and_guest_of_a_welcome_given_take_part():
    result = extract(
        story("On Thursday a civic welcome was extended to President Ana Torres by Mayor Luis Vega in Lima.")
    )
    assert {"Ana Torres", "Luis Vega"} <= names(result)


def test_who_extends_a_welcome_to_a_guest_takes_part():
    result = extract(
        story("Mayor Luis Vega extended a warm welcome to President Ana Torres in Lima on Monday.")
    )
    assert {"Ana Torres", "Luis Vega"} <= names(result)


def test_a_name_the_parse_joins_to_a_thing_takes_no_role_from_it():
    # "welcomed the trade mission ..., the Honourable X": X is not what was welcomed
    result = extract(
        story(
            "President Ana Torres met President Luis Vega in Lima on Monday. They welcomed the trade "
            "mission led by the Chilean Minister for Trade, the Honourable Kari Lunde, MP, to Peru in "
            "February 2001."
        )
    )
    assert names(result) == {"Ana Torres", "Luis Vega"}


def test_a_titled_name_the_model_did_not_label_is_present_on_the_occasion():
    result = extract(
        story(
            "Prime Minister Ana Torres held a bilateral meeting with President Luis Vega. "
            "Field Marshal Syed Asim Munir was also present on the occasion."
        )
    )
    assert by_name(result)["Syed Asim Munir"].role == "Field Marshal"


def test_a_one_word_name_after_a_title_in_a_list_of_speakers_is_no_participant():
    result = extract(
        story(
            "Ana Torres met Luis Vega at the forum in Lima. Among the speakers were Kari Lunde, "
            "Director Sustainability at the university, and Tom Berg."
        )
    )
    assert "Sustainability" not in names(result)


def test_a_name_listed_after_anothers_aside_is_called_on_too():
    # the parse joins the second name to the organisation in the first name's aside
    result = extract(
        story(
            "President Ana Torres met President Luis Vega in Lima. Torres called on H.E. Prof. Tom Berg, "
            "the Chairman of the People's Consultative Assembly and H.E. Kari Lunde, the Speaker of the "
            "House of Representatives."
        )
    )
    assert {"Tom Berg", "Kari Lunde"} <= names(result)
