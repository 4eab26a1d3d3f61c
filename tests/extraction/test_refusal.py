"""Is the article a meeting report at all? ``Extraction.refusal`` (``meeting_report``).

An article that reports no meeting between two or more parties (a domestic speech, a factory or
disaster-site visit, a policy story at home) is refused with that reason; one that reports a
meeting, held, planned, announced or called off, never is. Invented sentences, one phenomenon
each; then the real development set (none refused) and real reports of no meeting (each refused).
"""

from pathlib import Path

import pytest

from summits.extraction import extract, meeting_report, pipeline
from summits.extraction.meeting_report import REFUSAL
from summits.extraction.nlp import get_nlp
from summits.extraction.result import ParticipantFound
from summits.reading import read_bytes

GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"


def story(*paragraphs: str) -> str:
    """An article: a headline that says nothing of a meeting, then the paragraphs."""
    return "News from Lima\n\n" + "\n\n".join(paragraphs) + "\n"


def refusal(*paragraphs: str) -> str | None:
    return extract(story(*paragraphs)).refusal


# --- no meeting: refused ----------------------------------------------------------------------------
def test_a_domestic_speech_is_refused_with_the_reason():
    assert refusal("President Ana Torres addressed the nation from Lima, promising new roads.") == REFUSAL


def test_a_factory_visit_is_refused():
    assert refusal("President Ana Torres toured a factory in Arequipa and spoke to workers.") == REFUSAL


def test_a_visit_to_a_province_of_ones_own_country_is_refused():
    assert refusal("President Ana Torres visited the flooded province of Piura on Monday.") == REFUSAL


def test_meeting_people_who_are_no_party_is_refused():
    assert refusal("President Ana Torres met families who lost their homes in the floods.") == REFUSAL


def test_a_meeting_word_without_a_second_party_is_refused():
    assert refusal("President Ana Torres holds cabinet meetings in Lima every week.") == REFUSAL


def test_a_press_conference_of_ones_own_is_refused():
    assert refusal("President Ana Torres told a press conference in Lima that taxes would fall.") == REFUSAL


def test_a_meeting_long_past_is_no_meeting_report():
    assert refusal("President Ana Torres, who met Luis Vega in 1994, opened a school in Lima.") == REFUSAL


def test_a_meeting_that_did_not_happen_is_no_meeting_report():
    assert refusal("President Ana Torres did not meet Luis Vega. She opened a school in Lima.") == REFUSAL


def test_both_sides_of_a_riot_are_no_parties_meeting():
    assert refusal("Rioters clashed with the police in Lima. Both sides resorted to shooting.") == REFUSAL


# --- a meeting between two parties: not refused -----------------------------------------------------
def test_met_with_a_party():
    assert refusal("Chilean President Ana Torres met Peruvian President Luis Vega in Lima on Monday.") is None


def test_a_planned_meeting_is_a_meeting_report():
    assert refusal("Chilean President Ana Torres will meet Peruvian President Luis Vega next week.") is None


def test_a_meeting_called_off_is_a_meeting_report():
    assert refusal("Chilean President Ana Torres cancelled her meeting with Luis Vega on Monday.") is None


def test_talks_between_two_states():
    assert refusal("Talks between Chile and Peru opened in Lima on Monday.") is None


def test_two_named_parties_hold_talks():
    assert refusal("Ana Torres and Luis Vega held talks in Lima on Monday.") is None


def test_the_two_leaders_met():
    assert refusal("The two leaders met in Lima on Monday.") is None


def test_the_leaders_of_two_states_are_to_meet():
    assert refusal("The leaders of Chile and Peru were to hold a meeting in Lima.") is None


def test_two_parties_named_as_the_subject_through_an_apposition():
    assert refusal("President Ana Torres, Jr. of Chile and President Luis Vega of Peru met in Lima.") is None


def test_the_two_leaders_doing_anything_together():
    assert refusal("In Lima the two leaders exchanged hugs and compliments.") is None


def test_a_host_receives_a_guest():
    assert refusal("President Ana Torres received the Peruvian foreign minister at the palace.") is None


def test_someone_visited_by_a_party_in_the_passive():
    assert (
        refusal("Opposition leader Ana Torres was visited by European diplomats at her home on Monday.")
        is None
    )


def test_a_place_visited_by_a_party_in_the_passive_is_refused():
    assert refusal("The flooded town of Piura was visited by President Ana Torres on Monday.") == REFUSAL


def test_a_host_receives_diplomats():
    assert refusal("The writer Ana Torres received European diplomats at her home on Monday.") is None


def test_a_visit_to_another_state():
    assert refusal("President Ana Torres visited Peru on Monday.") is None


def test_an_official_visit():
    assert refusal("President Ana Torres is on an official visit to Lima.") is None


def test_a_courtesy_call():
    assert refusal("The ambassador paid a courtesy call on Ana Torres in Santiago.") is None


def test_a_joint_statement():
    assert refusal("A joint statement issued in Lima said trade would grow.") is None


def test_two_parties_sign_a_treaty():
    assert refusal("Chile and Peru signed a fisheries treaty in Lima on Monday.") is None


def test_standing_beside_another_party():
    assert refusal('"We are friends," said Ana Torres, standing beside Luis Vega in Lima.') is None


def test_greeting_each_other():
    assert refusal("The old rivals greeted each other warmly in Lima on Monday.") is None


def test_a_summit_is_a_meeting_of_sides_by_its_name():
    assert (
        refusal("Opposition spokesman Luis Soto said the Lima summit had failed to deliver for farmers.")
        is None
    )


def test_two_parties_arrive_for_talks():
    assert (
        refusal("US and Peruvian officials arrived in Lima on Monday for talks on the border dispute.")
        is None
    )


def test_a_telephone_call_between_two_parties():
    assert refusal("President Ana Torres telephoned President Luis Vega of Peru on Monday.") is None


def test_a_meal_given_for_a_guest():
    assert refusal("Ana Torres hosted a dinner for Luis Vega at the palace in Lima.") is None
    assert refusal("Luis Vega was granted an audience with Ana Torres in Lima.") is None


def test_a_partner_named_in_apposition():
    assert refusal("Ana Torres meets her predecessor, Luis Vega, for lunch in Lima.") is None


def test_the_two_as_the_subject_of_a_meeting():
    assert refusal("Ana Torres flew to Lima. The two met at the palace on Monday.") is None


def test_a_document_signed_with_another_party():
    assert refusal("The council of Lima signed a memorandum with the Government of Peru.") is None


def test_a_meeting_told_only_in_the_title_the_files_header_gives():
    text = "The talks lasted two hours in the study room of the palace.\n"

    assert extract(text).refusal == REFUSAL
    assert extract(text, title="Meeting with Luis Vega").refusal is None


def test_a_markdown_headings_marks_do_not_hide_the_meeting_in_the_title():
    text = "# 103 Record of Conversation Between Vega and Torres\n\nThe weather was discussed at length.\n"
    assert extract(text).refusal is None


def test_a_meeting_told_only_in_a_summary_bullet():
    text = "Torres spoke of the economy in Lima.\n\n@highlight\n\nAna Torres and Luis Vega meet in Lima\n"
    assert extract(text).refusal is None


def test_two_people_the_finder_of_participants_saw_meet_are_a_meeting(nlp):
    # whatever words told it: the participants' finder has its own, wider evidence
    doc = nlp("Torres spoke of the economy in Lima.")
    two = [ParticipantFound("Ana Torres", None, None), ParticipantFound("Luis Vega", None, None)]

    assert meeting_report.refusal(doc, participants=two) is None
    assert meeting_report.refusal(doc, participants=two[:1]) == REFUSAL


def test_nobody_has_taken_part_in_a_meeting_only_planned_or_called_off():
    planned = extract(story("President Ana Torres will meet President Luis Vega of Peru in Lima on Monday."))
    called_off = extract(story("President Ana Torres called off her talks with President Luis Vega of Peru."))
    held = extract(
        story("President Ana Torres met President Luis Vega of Peru in Lima. They will meet again in May.")
    )

    assert (planned.refusal, planned.participants) == (None, [])
    assert (called_off.refusal, called_off.participants) == (None, [])
    assert [p.name for p in held.participants] == ["Ana Torres", "Luis Vega"]


# --- the decision's plumbing ----------------------------------------------------------------------
def test_the_refusal_is_a_key_of_the_json_contract():
    assert extract(story("Ana Torres met Luis Vega in Lima.")).to_dict()["refusal"] is None
    assert extract(story("Ana Torres opened a school in Lima.")).to_dict()["refusal"] == REFUSAL


def test_a_failing_decision_refuses_nothing_and_says_so(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug on an odd sentence")

    monkeypatch.setattr(meeting_report, "refusal", broken)
    result = extract(story("Ana Torres opened a school in Lima."))

    assert result.refusal is None and "meeting" in result.incomplete


def test_an_article_read_in_pieces_is_a_meeting_report_when_one_piece_reports_one(monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 120)
    text = story(
        "Ana Torres opened a school in Lima on Monday and spoke about the teachers there.",
        "Later on Monday, Ana Torres met Peruvian President Luis Vega at the palace in Lima.",
    )

    assert extract(text).refusal is None


# --- real reports -----------------------------------------------------------------------------------
def _read_all(folder: Path) -> dict[str, object]:
    """Every article of ``folder`` read as the import reads it, with what its file's header says."""
    found = {}
    for path in sorted(folder.glob("*.txt")):
        source = read_bytes(path.read_bytes())
        found[path.stem] = extract(
            source.text, published=source.published, byline=source.byline, title=source.title
        )
    return found


@pytest.fixture(scope="module")
def development_set():
    return _read_all(GOLD / "articles")


@pytest.fixture(scope="module")
def no_meeting():
    return _read_all(GOLD / "no_meeting")


def test_no_article_of_the_development_set_is_refused(development_set):
    assert len(development_set) >= 96
    assert [name for name, result in development_set.items() if result.refusal] == []


def test_every_real_report_of_no_meeting_is_refused(no_meeting):
    assert len(no_meeting) >= 3
    assert {name: result.refusal for name, result in no_meeting.items()} == dict.fromkeys(no_meeting, REFUSAL)


def test_two_leaders_pledging_together_after_a_meeting_is_a_meeting_report():
    # a headline's verb that the tagger takes for a noun ("pledge") is read as the verb it is
    headline = (
        "# The Presidents of Chile and Peru, Ana Torres and Luis Vega, pledge to boost economic "
        "and security ties after a rare meeting.\n"
    )
    assert meeting_report.refusal(get_nlp()(headline)) is None
    assert refusal("Chile and Peru pledged to boost trade after talks in Lima.") is None


def test_a_welcome_given_to_a_guest_by_a_host_is_a_meeting_report():
    assert refusal("A civic welcome was extended to the Governor in the Town Hall by the Mayor.") is None
    assert refusal("The Mayor extended a warm welcome to President Ana Torres at the airport.") is None


def test_a_welcome_without_a_guest_is_no_meeting_report():
    assert refusal("President Ana Torres extended a warm welcome to the new school year.") == REFUSAL


def test_a_markdown_headline_is_read_without_its_mark():
    text = "# President Ana Torres telephones President Luis Vega to discuss the border.\n\nMore soon.\n"
    assert extract(text).refusal is None
