"""Held-out styles, round 3: each phenomenon of the lead's third check in its own small example."""

from summits.extraction import extract


def story(*paragraphs: str) -> str:
    return "Leaders meet\n\n" + "\n\n".join(paragraphs) + "\n"


def test_a_place_where_a_non_participant_spoke_never_places_the_meeting():
    result = extract(
        story(
            "OSLO, Norway, March 3, 2024 — Nordic prime ministers meeting in the Norwegian capital on "
            "Sunday agreed to share air surveillance data.",
            "Russian Foreign Minister Sergei Lavrov said in Moscow that the move was hostile.",
        )
    )
    assert result.summit.location == "Oslo"
    assert result.summit.country == "NO"


def test_the_demonym_capital_names_the_place():
    result = extract(
        story(
            "Nordic leaders gathered in the Finnish capital on Monday and agreed to build a joint "
            "ammunition factory. Swedish Prime Minister Ulf Kristersson said the plan was urgent."
        )
    )
    assert result.summit.location == "Helsinki"


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


def test_the_pair_of_states_gives_an_untitled_leader_his_country_before_descriptions():
    result = extract(
        story(
            "Luiz Inacio Lula da Silva and German Chancellor Olaf Scholz agreed on Monday to speed up "
            "a trade deal, as Brazil and Germany sought closer ties.",
            "The talks were attended by businessman Carlos Souza, who was greeted by chief Raoni Tapi.",
            "The Brazilian president said the deal would help industry.",
        )
    )
    lula = next(p for p in result.participants if "Lula" in p.name)
    assert lula.country == "BR"
    assert lula.role == "President"
    assert ("Lula" in (s := result.statements[-1]).speaker) and s.text == "the deal would help industry"
