"""Finding names, titles, roles and countries, aliases and short forms (and the summit's title)."""

import datetime as dt

from summits.extraction import extract
from summits.extraction.names import find_names
from summits.extraction.nlp import get_nlp
from tests.extraction.conftest import LEAD, by_name, names, speakers, story

# Recognising names


def test_entity_ruler_knows_armed_groups(nlp):
    doc = get_nlp()("Daesh, YPG and Jabhat Fateh al-Sham are all the same for us.")
    assert {"Daesh", "YPG", "Jabhat Fateh al-Sham"} <= {e.text for e in doc.ents if e.label_ == "ORG"}


def test_names_with_particles_are_kept_whole():
    result = extract(
        story(
            "Ursula von der Leyen met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday.",
            '"Our security depends on diverse supply chains," von der Leyen told reporters.',
        )
    )
    assert "Ursula von der Leyen" in names(result)
    assert result.statements[0].speaker == "Ursula von der Leyen"
    assert result.summit.title.lower().startswith("von der leyen–kishida")


def test_a_name_right_after_a_dateline_dash_is_kept_whole():
    result = extract(
        story(
            "GABORONE, Botswana, May 2 (AP) — Mokgweetsi Eric Masisi and his Namibian counterpart "
            "Nangolo Mbumba pledged on Friday to share a power line."
        )
    )
    assert "Mokgweetsi Eric Masisi" in {p.name for p in result.participants}


# Titles, roles and countries


def test_a_title_of_a_state_and_its_demonym_description():
    result = extract(
        story(
            "Russian President Vladimir Putin held talks with President of Laos Thongloun Sisoulith in "
            "Moscow.",
            "The Lao leader expressed hope that direct flights would resume soon.",
        )
    )
    guest = by_name(result)["Thongloun Sisoulith"]
    assert (guest.role, guest.country) == ("President", "LA")
    assert speakers(result, "indirect") == [("Thongloun Sisoulith", "direct flights would resume soon")]


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


# Short forms and the summit's title


def test_a_name_suffix_is_not_the_family_name():
    result = extract(
        story(
            "Japanese Prime Minister Fumio Kishida met Philippine President Ferdinand Marcos Jr. in Manila.",
            "Marcos said the partnership was not directed against any country.",
        )
    )
    assert result.summit.title.startswith("Kishida–Marcos talks")
    assert speakers(result, "indirect")[0][0] == "Ferdinand Marcos Jr."


def test_titles_use_the_short_form_the_text_uses_else_an_east_asian_family_name():
    result = extract(
        story(
            "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Beijing.",
            "Wang said the two countries would deepen cooperation.",
            "Chinese President Xi Jinping later received Lavrov.",
        )
    )
    assert result.summit.title.startswith("Wang–Lavrov–Xi talks")


def test_title_built_from_what_was_found():
    summit = extract(LEAD, published=dt.date(2017, 5, 4)).summit
    assert "Putin" in summit.title and "Erdogan" in summit.title and "Sochi" in summit.title


# Titles written in other ways: paired, possessive with a comma, lower-case


def _titles(nlp, sentence):
    return {p.name: (p.role, p.country) for p in find_names(nlp(sentence)).persons}


def test_paired_titles_go_to_the_names_in_order(nlp):
    titles = _titles(
        nlp,
        "In the capital, Donald Trump and Narendra Modi, America's president and India's prime minister, "
        "were celebrating.",
    )
    assert titles["Donald Trump"] == ("President", "US")
    assert titles["Narendra Modi"] == ("Prime Minister", "IN")


def test_possessive_title_set_off_by_a_comma(nlp):
    titles = _titles(nlp, "Hard times, said Germany's chancellor, Angela Merkel, call for new measures.")
    assert titles["Angela Merkel"] == ("Chancellor", "DE")


def test_lower_case_titles_before_a_name(nlp):
    titles = _titles(nlp, "Chilean delegation chief Maria Fernanda Rojas said so.")
    assert titles["Maria Fernanda Rojas"] == ("Delegation Chief", "CL")
    titles = _titles(nlp, "Malaysian deputy defence minister Mohd Johari Baharom said so.")
    assert titles["Mohd Johari Baharom"] == ("Deputy Defence Minister", "MY")


def test_pm_is_a_title_and_the_short_form_is_the_same_person(nlp):
    doc = nlp("Yang Jiechi called on PM Lee Hsien Loong on Monday. PM Lee said the talks went well.")
    persons = find_names(doc).persons
    assert [p.name for p in persons] == ["Yang Jiechi", "Lee Hsien Loong"]


# Titles with a portfolio, honorifics, and words that are not people


def test_a_title_with_a_portfolio_of_several_words_before_the_name(nlp):
    titles = _titles(
        nlp,
        "Talks were held with Fiji Minister of Justice and Courts Administration Tevita Lomani Nakau.",
    )
    assert titles["Tevita Lomani Nakau"] == ("Minister of Justice and Courts Administration", "FJ")


def test_a_portfolio_the_tagger_puts_inside_the_name_is_left_out(nlp):
    titles = _titles(nlp, "Lee and Senior Minister of State for Law Marcus Ong Wei also met the delegates.")
    assert titles["Marcus Ong Wei"][0] == "Senior Minister of State for Law"


def test_an_honorific_after_a_portfolio_starts_the_name(nlp):
    titles = _titles(nlp, "Ruiz met Minister of Commerce Dr Than Kyaw Htun on the sidelines.")
    assert titles["Than Kyaw Htun"][0] == "Minister of Commerce"


def test_an_honorific_of_two_words_is_not_part_of_the_name(nlp):
    doc = nlp("Prime Minister Azlan Rahman spoke. The envoy called on Tan Sri Azlan at his office.")
    assert [p.name for p in find_names(doc).persons] == ["Azlan Rahman"]


def test_a_word_alone_in_brackets_is_no_person(nlp):
    doc = nlp("Chile, represented by Mr Pablo Soto, Permanent Secretary (Law), signed the treaty.")
    assert [p.name for p in find_names(doc).persons] == ["Pablo Soto"]


def test_a_city_where_a_place_goes_is_no_person(nlp):
    doc = nlp("President Ana Torres visited Sochi on Monday for talks with President Ivan Petrov.")
    assert "Sochi" not in {p.name for p in find_names(doc).persons}


def test_a_lower_case_office_of_an_organisation_named_before_it(nlp):
    titles = _titles(nlp, "UN envoy Kofi Mensah and EU foreign policy chief Anna Berg joined the talks.")
    assert titles["Kofi Mensah"] == ("Envoy", "UN")
    assert titles["Anna Berg"] == ("Foreign Policy Chief", "EU")


def test_membership_of_a_senior_body_is_the_role_as_written(nlp):
    titles = _titles(nlp, "Nguyen Van Long, a member of the politburo, also attended the talks.")
    assert titles["Nguyen Van Long"][0] == "member of the politburo"


def test_his_excellency_is_not_part_of_the_name(nlp):
    doc = nlp("His Excellency Luis Arce, President of Bolivia, arrived for talks with Ana Ruiz.")
    assert "Luis Arce" in [p.name for p in find_names(doc).persons]


def test_a_name_beside_a_kin_noun_is_another_person_than_the_bare_surname_before_it():
    result = extract(
        story(
            "Former US President Roe met North Korean leader Kim Jong Il in Pyongyang on Tuesday "
            "for talks on the release of two journalists.",
            "The visit by the former president, whose wife, Hillary Roe, is the secretary of state, "
            "came after weeks of talks.",
            "Roe then flew home with the journalists. Bill Roe was greeted by his family.",
        )
    )
    assert names(result) == {"Bill Roe", "Kim Jong Il"}


def test_a_plural_title_before_two_names_is_no_part_of_a_name_and_titles_both():
    result = extract(story("Prime Ministers Fraser and Muldoon met in Wellington for talks on trade."))
    people = by_name(result)
    assert set(people) == {"Fraser", "Muldoon"}
    assert people["Fraser"].role == people["Muldoon"].role == "Prime Minister"


def test_a_title_of_a_state_set_off_by_a_comma_gives_role_and_country():
    result = extract(
        story(
            "The Prime Minister of Norway, Mr Lars Berg, and the president of Peru, Mrs Ana Vega, "
            "held talks in Lima on Monday."
        )
    )
    people = by_name(result)
    assert (people["Lars Berg"].role, people["Lars Berg"].country) == ("Prime Minister", "NO")
    assert (people["Ana Vega"].role, people["Ana Vega"].country) == ("President", "PE")


def test_a_state_of_several_words_before_a_title_is_its_country():
    # the model labels "Saudi" alone; the state is the whole run of capitalised words
    result = extract(
        story(
            "Qatar Emir Tamim bin Hamad telephoned Saudi Arabia Crown Prince Mohammad bin Salman on Friday."
        )
    )
    assert by_name(result)["Mohammad bin Salman"].country == "SA"
    assert by_name(result)["Tamim bin Hamad"].country == "QA"


def test_a_state_after_a_name_is_its_country_and_no_part_of_it():
    result = extract(
        story("The two leaders, Lars Berg of Norway and Ana Vega of Peru, held talks in Lima on Monday.")
    )
    people = by_name(result)
    assert set(people) == {"Lars Berg", "Ana Vega"}
    assert (people["Lars Berg"].country, people["Ana Vega"].country) == ("NO", "PE")


def test_a_parliamentary_style_is_no_part_of_a_name_and_initials_are(nlp):
    doc = nlp("Talks were held between the Prime Minister of Peru, the Rt Hon. A. B. Vega, and Mr Lars Berg.")
    assert "A. B. Vega" in {p.name for p in find_names(doc).persons}


def test_a_dash_set_apart_ends_a_name(nlp):
    from spacy.tokens import Span

    from summits.extraction.names import name_span

    doc = nlp("Mr J. K. Soto - Peruvian High Commissioner to Chile")
    words = [t.text for t in doc]
    entity = Span(
        doc, words.index("J."), words.index("High") + 1, label="PERSON"
    )  # as the model may label it
    assert name_span(entity).text == "J. K. Soto"


def test_a_filipino_particle_and_the_titles_undersecretary_and_professor_are_read():
    doc = get_nlp()(
        "Also present were Trade Secretary Jose dela Cruz, Undersecretary Ana Torres and Professor Luis Vega."
    )
    assert {"Jose dela Cruz", "Ana Torres", "Luis Vega"} <= {p.name for p in find_names(doc).persons}


def test_a_name_in_initials_and_written_out_is_one_person():
    doc = get_nlp()("He brought with him Mr L.H. Berg. Lars H. Berg was the deputy.")
    assert [p.name for p in find_names(doc).persons] == ["Lars H. Berg"]


def test_an_abbreviated_part_of_a_name_ends_no_sentence(nlp):
    doc = nlp("President Ana Torres met Jose Ma. Vega Cruz and Md. Luis Haque in Lima.")
    assert len(list(doc.sents)) == 1
    assert [t.text for t in doc[5:7]] == ["Ma.", "Vega"]


def test_a_people_labelled_as_a_name_is_no_person(nlp):
    doc = nlp(
        "He met former Sri Lankan High Commissioner to India, Milinda Perera, and Sri Lankan Minister "
        "of Trade Wasantha Silva."
    )
    people = {p.name for p in find_names(doc).persons}
    assert not any("Lankan" in name or name == "High" for name in people)


def test_an_unlabelled_subject_of_a_meeting_verb_is_a_name(nlp):
    doc = nlp("Milei meets with Trump at CPAC.")
    assert "Milei" in {p.name for p in find_names(doc).persons}
    statement = nlp("The Joint Statement received wide publicity.")
    assert not find_names(statement).persons


def test_a_name_that_is_also_a_capital_is_a_person_after_a_title():
    people = find_names(get_nlp()("Queen Sofia of Spain received President Ana Ruiz in Madrid on Monday."))
    assert {(p.name, p.role) for p in people.persons} == {("Sofia", "Queen"), ("Ana Ruiz", "President")}


def test_a_capital_without_a_title_is_no_person():
    people = find_names(get_nlp()("President Ana Ruiz visited Sofia on Monday."))
    assert [p.name for p in people.persons] == ["Ana Ruiz"]


def test_the_right_honourable_is_no_part_of_the_name_and_the_title_before_it_is_the_role():
    result = extract(
        story(
            "At the invitation of His Excellency President Luis Vega, the Prime Minister of Chile "
            "the Right Honourable Ana Torres, M.P., visited Peru from 7 to 11 October."
        )
    )
    people = by_name(result)
    assert (people["Ana Torres"].role, people["Ana Torres"].country) == ("Prime Minister", "CL")
    assert people["Luis Vega"].role == "President"


def test_a_definite_title_set_off_by_a_comma_before_the_hon_is_the_role():
    result = extract(
        story(
            "The Prime Minister of Chile, the Rt. Hon. Ana Torres, and the Deputy Prime Minister of "
            "Peru, the Rt. Hon. Luis Vega, held talks in Lima, during which they were accompanied by "
            "the Chilean Foreign Minister, the Hon. Tom Berg."
        )
    )
    people = by_name(result)
    assert (people["Ana Torres"].role, people["Ana Torres"].country) == ("Prime Minister", "CL")
    assert (people["Luis Vega"].role, people["Luis Vega"].country) == ("Deputy Prime Minister", "PE")
    assert (people["Tom Berg"].role, people["Tom Berg"].country) == ("Foreign Minister", "CL")
