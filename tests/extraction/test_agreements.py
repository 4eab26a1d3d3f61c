"""Agreements: what counts as one, its status, its parties and where its text stops."""

from summits.extraction import extract
from tests.extraction.conftest import GUARDIAN, indirect, story

SOCHI = (
    "Russian President Vladimir Putin met his Turkish counterpart Recep Tayyip Erdogan in Sochi for talks.\n"
    "The Turkish president said Ankara and Moscow had agreed to lift all trade restrictions, "
    "except those on exports of Turkish tomatoes to Russia.\n"
)


# What is an agreement, and its status


def test_joint_statement_and_signing():
    text = (
        "Thai Prime Minister Prayut Chan-o-cha met Japanese Prime Minister Shinzo Abe for talks in Bangkok.\n"
        "The two leaders signed a joint declaration on maritime cooperation.\n"
        "Abe said Japan would help.\n"
    )
    result = extract(text)
    assert [a.status for a in result.agreements] == ["signed"]
    assert result.agreements[0].parties == ["TH", "JP"]


def test_unilateral_promise_is_not_an_agreement():
    text = "President Barack Obama hosted the summit at Camp David.\nObama promised to send more weapons.\n"
    assert extract(text).agreements == []


def test_a_joint_vow_is_a_commitment_with_parties_from_the_subject():
    result = extract(
        story(
            "Indonesian President Joko Widodo and Australian Prime Minister Anthony Albanese vowed on "
            "Tuesday to expand maritime patrols in the Timor Sea."
        )
    )
    [agreement] = result.agreements
    assert agreement.status == "committed"
    assert set(agreement.parties) == {"ID", "AU"}
    assert {p.name for p in result.participants} == {"Joko Widodo", "Anthony Albanese"}


def test_a_joint_vow_is_an_agreement_not_reported_speech():
    result = extract(
        story(
            "Ghanaian President John Mahama and Ivorian President Alassane Ouattara pledged to build "
            "a new bridge."
        )
    )
    assert [a.status for a in result.agreements] == ["committed"]
    assert indirect(result) == {}


def test_the_terms_under_an_accord_are_agreements():
    result = extract(
        story(
            "Polish President Andrzej Duda and Lithuanian President Gitanas Nauseda signed a defence "
            "accord in Vilnius on Friday.",
            "Under the accord, the two states will hold joint exercises every year.",
            "The deal also commits both sides to buying air defence systems together.",
        )
    )
    texts = [a.text for a in result.agreements]
    assert "the two states will hold joint exercises" in texts
    assert any(t.startswith("The deal also commits both sides to buying") for t in texts)


# Parties


def test_capitals_become_parties_and_the_exception_is_kept():
    (agreement,) = extract(SOCHI).agreements
    assert agreement.parties == ["TR", "RU"]
    assert agreement.text.startswith("Ankara and Moscow had agreed to lift all trade restrictions")
    assert agreement.exceptions == "those on exports of Turkish tomatoes to Russia"
    assert "trade restrictions" in agreement.topic


def test_organisation_is_a_party():
    text = (
        "European Commission President Jean-Claude Juncker met Chinese Premier Li Keqiang "
        "at the summit in Brussels.\n"
        "The European Union and China agreed to work towards an investment treaty.\n"
    )
    (agreement,) = extract(text).agreements
    assert agreement.parties == ["EU", "CN"]


def test_parties_come_from_the_states_in_the_sentence_and_a_place_is_never_a_topic():
    agreement = extract(GUARDIAN).agreements[0]
    assert sorted(agreement.parties) == ["DE", "GB"]
    assert agreement.topic == "landmark defence agreement"


def test_the_bloc_is_the_party_when_its_leaders_agree():
    result = extract(
        story(
            "BRUSSELS, March 21 (Reuters) - European Union leaders agreed on Thursday to buy gas jointly. "
            "French President Emmanuel Macron said the deal was historic.",
            "The 27 leaders also agreed to double aid to Jordan.",
        )
    )
    assert [a.parties for a in result.agreements] == [["EU"], ["EU"]]


# The agreement's text: where it stops, one per infinitive


def test_coordinated_infinitives_of_agree_are_separate_agreements():
    result = extract(
        story(
            "Vietnamese Prime Minister Pham Minh Chinh and Cambodian Prime Minister Hun Manet agreed to "
            "double bilateral trade, to reopen two border gates and to fight cross-border crime."
        )
    )
    texts = [a.text for a in result.agreements]
    assert texts[1:] == ["to reopen two border gates", "to fight cross-border crime"]
    assert texts[0].endswith("agreed to double bilateral trade")


def test_an_agreement_stops_before_a_trailing_clause():
    result = extract(
        story(
            "Argentine President Javier Milei and his Chilean counterpart Gabriel Boric vowed on Monday "
            "to reopen the Andes rail link, as both countries look for cheaper routes to the Pacific."
        )
    )
    (agreement,) = result.agreements
    assert agreement.text.endswith("to reopen the Andes rail link")


def test_an_agreement_leaves_out_its_circumstances_and_its_source():
    result = extract(
        story(
            "Uzbek President Shavkat Mirziyoyev and Kazakh President Kassym-Jomart Tokayev agreed to share "
            "water from the Syr Darya amid a drought, the statement said."
        )
    )
    assert [a.text.split(" agreed ")[-1] for a in result.agreements] == ["to share water from the Syr Darya"]


# Agreements beyond "agree" and "sign"

CHILE_BOLIVIA = (
    "Chilean President Gabriel Boric met Bolivian President Luis Arce in Arica on Monday for talks."
)


def agreement_texts(*sentences: str) -> list[str]:
    return [a.text for a in extract(story(CHILE_BOLIVIA, *sentences)).agreements]


def test_a_deal_reached_or_struck_is_an_agreement():
    assert agreement_texts("Chile and Bolivia reached a deal to reopen the Pacific rail line.") == [
        "Chile and Bolivia reached a deal to reopen the Pacific rail line"
    ]
    assert agreement_texts("The two governments struck an understanding on lithium exports.") == [
        "The two governments struck an understanding on lithium exports"
    ]


def test_what_both_hold_in_common_is_an_agreement():
    [text] = agreement_texts("The two leaders shared the view that the border should stay open.")
    assert text.startswith("The two leaders shared the view that the border should stay open")
    assert agreement_texts("Boric shared his view that the border should stay open.") == []


def test_a_joint_reaffirmation_or_direction_is_an_agreement():
    [reaffirmed] = extract(
        story(CHILE_BOLIVIA, "Both countries reaffirmed their commitment to a free trade zone.")
    ).agreements
    assert reaffirmed.status == "reaffirmed"
    assert set(reaffirmed.parties) == {"CL", "BO"}
    assert agreement_texts("The leaders directed their ministers to draft a water-sharing plan.") == [
        "The leaders directed their ministers to draft a water-sharing plan"
    ]


def test_the_signing_of_a_document_welcomed_is_an_agreement():
    [signing] = extract(
        story(CHILE_BOLIVIA, "The two presidents welcomed the signing of a memorandum on fisheries.")
    ).agreements
    assert signing.text == "The two presidents welcomed the signing of a memorandum on fisheries"
    assert signing.status == "signed"
    assert agreement_texts("The port reopened two years after the signing of the fisheries memorandum.") == []


def test_a_joint_resolve_is_a_decision():
    [resolved] = extract(
        story(CHILE_BOLIVIA, "The two leaders resolved to reopen the border crossing at Tambo Quemado.")
    ).agreements
    assert resolved.text == "The two leaders resolved to reopen the border crossing at Tambo Quemado"
    assert resolved.status == "decided"


def test_principles_endorsed_together_are_an_agreement():
    assert agreement_texts("The two presidents endorsed a set of principles for the shared aquifer.") == [
        "The two presidents endorsed a set of principles for the shared aquifer"
    ]


def test_a_past_verb_after_a_that_clause_continues_the_main_clause():
    texts = agreement_texts(
        "The leaders agreed that river ties form the basis of their friendship and resolved to "
        "build a second bridge."
    )
    assert texts[-1] == "resolved to build a second bridge"


def test_principles_agreed_between_them_are_not_a_new_agreement():
    assert (
        agreement_texts(
            "The two presidents repeated their hope that trade conducted in line with the principles "
            "agreed between them would grow."
        )
        == []
    )


def test_agreements_announced_together_are_a_decision():
    [announced] = extract(
        story(CHILE_BOLIVIA, "The two presidents announced new agreements to cut tariffs on copper.")
    ).agreements
    assert announced.text == "The two presidents announced new agreements to cut tariffs on copper"
    assert announced.status == "decided"


def test_someones_agreement_that_is_an_agreement():
    [agreement] = extract(
        story(
            CHILE_BOLIVIA,
            "At the end, Arce confirmed his agreement that Chilean engineers should inspect the dam.",
        )
    ).agreements
    assert agreement.text == "Arce confirmed his agreement that Chilean engineers should inspect the dam"
    assert set(agreement.parties) == {"CL", "BO"}


def test_an_agreement_reached_in_the_passive_is_an_agreement():
    assert agreement_texts("Agreement was reached on a new rail link between the two countries.") == [
        "Agreement was reached on a new rail link between the two countries"
    ]


def test_a_document_signed_in_the_passive_is_an_agreement():
    [signed] = extract(
        story(CHILE_BOLIVIA, "A memorandum on lithium mining was signed by the two foreign ministers.")
    ).agreements
    assert signed.text == "A memorandum on lithium mining was signed by the two foreign ministers"
    assert signed.status == "signed"
    assert set(signed.parties) == {"CL", "BO"}


def test_each_document_listed_as_signed_is_an_agreement():
    assert agreement_texts(
        "The following agreements were signed: a memorandum on fisheries, an accord on rail transport "
        "and a treaty on water."
    ) == [
        "The following agreements were signed: a memorandum on fisheries",
        "an accord on rail transport",
        "a treaty on water",
    ]


def test_an_impersonal_decision_is_the_meetings():
    [decided] = extract(
        story(CHILE_BOLIVIA, "It was decided that a joint committee would meet twice a year.")
    ).agreements
    assert decided.text == "It was decided that a joint committee would meet twice a year"
    assert decided.status == "decided"
    assert set(decided.parties) == {"CL", "BO"}


def test_a_joint_statement_or_promise_is_an_agreement_of_those_who_made_it():
    assert agreement_texts("Boric and Arce issued a joint declaration on river management.") == [
        "Boric and Arce issued a joint declaration on river management"
    ]
    assert agreement_texts("The talks ended with a joint promise to clear the minefields.") == [
        "The talks ended with a joint promise to clear the minefields"
    ]
    assert agreement_texts("He later posted a copy of a joint statement online.") == []
    assert agreement_texts("The president later posted a copy of a joint statement online.") == []


def test_the_terms_of_a_deal_are_agreements():
    texts = agreement_texts(
        "The two presidents signed a transport accord.",
        "The package includes a new bus route between La Paz and Arica.",
    )
    assert any(t.startswith("The package includes a new bus route") for t in texts)


def test_a_modifier_gives_its_governing_clause():
    texts = agreement_texts("Bolivia was one of six countries which signed the charter.")
    assert texts == ["Bolivia was one of six countries which signed the charter"]
    texts = agreement_texts("A pact sealed on Monday allows Chilean firms to run the ports.")
    assert texts == ["A pact sealed on Monday allows Chilean firms to run the ports"]


def test_a_pact_its_modifier_dates_earlier_is_not_this_meetings():
    assert agreement_texts("A pact sealed last week allows Chilean firms to run the ports.") == []


def test_the_terms_of_arrangements_already_in_force_are_not_agreements():
    assert agreement_texts("The arrangements allow truck drivers to cross the border freely.") == []
    texts = agreement_texts(
        "The two presidents sealed a port pact.", "The pact allows Chilean firms to run the ports."
    )
    assert texts[-1] == "The pact allows Chilean firms to run the ports"


def test_a_view_of_how_things_are_is_not_an_agreement():
    assert (
        agreement_texts("The two leaders shared the view that the Lauca river is the region's lifeline.")
        == []
    )


def test_a_bond_described_is_not_reaffirmed_as_an_agreement():
    assert (
        agreement_texts("The two leaders reaffirmed the strong partnership between Chile and Bolivia.") == []
    )
    assert agreement_texts("Both leaders reaffirmed their close ties under the border programme.") == [
        "Both leaders reaffirmed their close ties under the border programme"
    ]


def test_what_two_named_parties_intend_to_do_together_is_an_undertaking():
    [intended] = extract(
        story(CHILE_BOLIVIA, "Chile and Bolivia intend to cooperate on water management.")
    ).agreements
    assert intended.text == "Chile and Bolivia intend to cooperate on water management"
    assert intended.status == "committed"


def test_an_agreement_ends_before_a_list_of_examples():
    assert agreement_texts(
        "Chile and Bolivia intend to cooperate in a wide range of areas which include mining and tourism."
    ) == ["Chile and Bolivia intend to cooperate in a wide range of areas"]


def test_a_joint_body_set_up_is_an_agreement():
    assert agreement_texts("A joint commission will be established to monitor the border.") == [
        "A joint commission will be established to monitor the border"
    ]


def test_what_both_will_recognise_is_an_undertaking():
    assert agreement_texts("Both countries will recognise each other's university degrees.") == [
        "Both countries will recognise each other's university degrees"
    ]


def test_a_body_set_up_together_is_a_decision():
    [committee] = extract(
        story(CHILE_BOLIVIA, "The two presidents established a standing committee on river pollution.")
    ).agreements
    assert committee.text == "The two presidents established a standing committee on river pollution"
    assert committee.status == "decided"


def test_a_process_set_up_as_the_means_of_a_past_act_is_a_decision():
    assert agreement_texts(
        "Chile and Bolivia revived the border talks by launching a joint survey of the salt flats."
    ) == ["Chile and Bolivia revived the border talks by launching a joint survey of the salt flats"]


def test_steps_set_out_together_are_a_decision():
    [steps] = extract(
        story(CHILE_BOLIVIA, "The two presidents set out a series of steps for reopening the border.")
    ).agreements
    assert steps.text == "The two presidents set out a series of steps for reopening the border"
    assert steps.status == "decided"


def test_a_repeated_preposition_opens_a_further_agreement():
    assert agreement_texts("The two leaders agreed on a new rail link and on lower tariffs for copper.") == [
        "The two leaders agreed on a new rail link",
        "on lower tariffs for copper",
    ]
    assert agreement_texts(
        "The two leaders committed to expanding rail links, as well as to cutting tariffs on copper."
    ) == ["The two leaders committed to expanding rail links", "to cutting tariffs on copper"]


def test_an_aside_inside_the_agreed_clause_is_kept():
    agreed = (
        "It was agreed that the talks, which were held in a friendly spirit, had cleared the way for a bridge"
    )
    assert agreement_texts(agreed + ".") == [agreed]


def test_one_agreement_restated_is_one_agreement():
    texts = agreement_texts(
        "Chile and Bolivia agreed to cut steel tariffs.",
        "Later in the day, Chile and Bolivia again agreed to cut steel tariffs by half.",
    )
    assert len(texts) == 1


# What is not this meeting's agreement


def test_what_belongs_to_another_time_or_is_not_yet_agreed_is_not_an_agreement():
    for sentence in (
        "They signed a border treaty in 1994.",
        "The two sides still need to agree on the price.",
        "Washington urged La Paz to agree to the plan.",
        "Chile and Bolivia could agree on the price next year.",
        "If they agree on the price, trains will run in May.",
        "The two leaders met to agree on a new water plan.",
        "Talks may fail if the two sides are unable to strike a deal.",
        "Arce said Bolivia remained committed to reaching a deal.",
        "Chile will not lower tariffs before Bolivia agrees to the plan.",
        "The withdrawal accord Chile signed in January is in force.",
        "The two sides must agree on the price.",
        "The two sides still have to agree on the price.",
        "The envoy called on both sides to agree on a truce.",
    ):
        assert agreement_texts(sentence) == [], sentence


def test_what_they_failed_or_refused_to_agree_is_not_an_agreement():
    assert agreement_texts("The two sides failed to agree on a ceasefire.") == []
    assert agreement_texts("Bolivia refused to sign the water treaty.") == []


def test_a_verb_joined_to_an_urged_one_is_urged_too():
    assert agreement_texts("The two sides were urged to reach a truce and forge a deal on the border.") == []


def test_a_subject_none_of_whom_agrees_makes_no_agreement():
    assert agreement_texts("Neither side agreed to the new border line.") == []


def test_a_stranded_preposition_is_not_what_was_agreed():
    assert agreement_texts("The press praised the exchanges agreed upon.") == []


def test_a_link_address_is_not_text():
    assert agreement_texts("Related: [Water talks](/news/2020/chile-and-bolivia-agree-on-water.md)") == []


def test_what_two_named_parties_will_do_together_is_an_undertaking():
    [undertaking] = extract(
        story(CHILE_BOLIVIA, "Chile and Bolivia will work together to clean up the Lauca river.")
    ).agreements
    assert undertaking.status == "committed"
    assert undertaking.text == "Chile and Bolivia will work together to clean up the Lauca river"
    assert agreement_texts("The two leaders will take part in a regional summit in May.") == []
    assert agreement_texts("Boric will work with Arce on the river.") == []


def test_then_after_the_verb_is_the_earlier_time_just_named():
    assert (
        agreement_texts(
            "The two countries had no formal ties before a 1994 border crisis.",
            "Bolivia agreed then to cut tariffs on Chilean goods.",
        )
        == []
    )
    assert agreement_texts("The two presidents met and then agreed to cut tariffs on copper.") == [
        "agreed to cut tariffs on copper"
    ]


def test_states_named_in_what_was_agreed_are_not_its_parties():
    [agreement] = extract(
        story(
            CHILE_BOLIVIA,
            "They committed to closer cooperation on migration, including from Peru and Ecuador.",
        )
    ).agreements
    assert set(agreement.parties) == {"CL", "BO"}
