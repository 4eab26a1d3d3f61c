"""Held-out styles, round 4: each phenomenon of the lead's fourth check in its own small example."""

from summits.extraction import extract


def story(*paragraphs: str) -> str:
    return "Leaders meet\n\n" + "\n\n".join(paragraphs) + "\n"


def indirect(result) -> dict[str, str]:
    return {s.text: s.speaker for s in result.statements if s.kind == "indirect"}


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


def test_a_joint_vow_is_an_agreement_not_reported_speech():
    result = extract(
        story(
            "Ghanaian President John Mahama and Ivorian President Alassane Ouattara pledged to build "
            "a new bridge."
        )
    )
    assert [a.status for a in result.agreements] == ["committed"]
    assert indirect(result) == {}


def test_who_clause_speaker_before_an_according_to_source():
    result = extract(
        story(
            'The delegation was received by Indonesian President Joko Widodo, who hailed the "deep '
            'and lasting friendship" between the two peoples, according to the state news agency Antara.'
        )
    )
    assert {s.speaker for s in result.statements} == {"Joko Widodo"}


def test_a_name_right_after_a_dateline_dash_is_kept_whole():
    result = extract(
        story(
            "GABORONE, Botswana, May 2 (AP) — Mokgweetsi Eric Masisi and his Namibian counterpart "
            "Nangolo Mbumba pledged on Friday to share a power line."
        )
    )
    assert "Mokgweetsi Eric Masisi" in {p.name for p in result.participants}


def test_the_bloc_is_the_party_when_its_leaders_agree():
    result = extract(
        story(
            "BRUSSELS, March 21 (Reuters) - European Union leaders agreed on Thursday to buy gas jointly. "
            "French President Emmanuel Macron said the deal was historic.",
            "The 27 leaders also agreed to double aid to Jordan.",
        )
    )
    assert [a.parties for a in result.agreements] == [["EU"], ["EU"]]


def test_a_capital_standing_for_its_state_does_not_place_the_meeting():
    result = extract(
        story(
            "VIENNA, May 4 (Reuters) - Austrian Chancellor Karl Nehammer met Swiss President Viola Amherd "
            "on Friday to discuss energy supplies threatened by Moscow."
        )
    )
    assert result.summit.location == "Vienna"


def test_the_object_of_praise_keeps_its_following_phrase():
    result = extract(
        story(
            "German Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Warsaw. Tusk thanked "
            "Scholz for the help with flood repairs, according to his office."
        )
    )
    assert indirect(result) == {"Scholz for the help with flood repairs": "Donald Tusk"}


def test_a_contrasting_clause_and_a_figure_source_are_not_what_was_said():
    result = extract(
        story(
            "U.S. President Joe Biden met Mexican President Andres Manuel Lopez Obrador in Mexico City.",
            "Biden said the U.S. would send more border agents, while Mexico remained wary of the plan.",
            "More than 2,000 people crossed each day, according to a government estimate.",
        )
    )
    assert indirect(result) == {"the U.S. would send more border agents": "Joe Biden"}


def test_a_present_tense_but_clause_stays_in_what_was_said():
    result = extract(
        story(
            "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Seoul.",
            "Kishida acknowledged he has a different view on the history, but they share a duty to move on.",
        )
    )
    (text,) = indirect(result)
    assert text.endswith("but they share a duty to move on")


def test_stance_content_keeps_its_time_clause():
    result = extract(
        story(
            "Indian Prime Minister Narendra Modi met Sri Lankan President Anura Kumara Dissanayake in Delhi.",
            "Modi expressed hope about the ferry service after the port was rebuilt last year.",
        )
    )
    assert "the ferry service after the port was rebuilt last year" in indirect(result)


def test_a_topic_names_the_subject_matter_not_an_amount_or_a_bare_action():
    result = extract(
        story(
            "Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum agreed to raise "
            "2 billion dollars for the Great Lakes fisheries and to speed up deliveries of electric buses."
        )
    )
    assert [a.topic for a in result.agreements] == ["Great Lakes fisheries", "deliveries of electric buses"]


def test_a_joint_statement_is_the_speaker_of_what_it_says():
    result = extract(
        story(
            "Peruvian President Dina Boluarte met Ecuadorian President Daniel Noboa in Lima.",
            "In a joint statement, the two governments said they would patrol the river border together.",
        )
    )
    assert indirect(result) == {"they would patrol the river border together": "a joint statement"}


def test_who_acts_is_never_the_topic():
    result = extract(story("The leaders agreed that both countries would cooperate more closely."))
    assert [a.topic for a in result.agreements] == [""]  # rather no topic than "countries"
