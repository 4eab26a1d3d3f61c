from summits.extraction import extract
from summits.extraction.nlp import get_nlp

SOCHI = (
    "Russian President Vladimir Putin said at a joint news conference with his Turkish counterpart "
    "Recep Tayyip Erdogan in the Black Sea resort of Sochi on Wednesday that the two countries were "
    "boosting cooperation.\n"
    'Moscow had already conducted "preliminary consultations" with Damascus and US President Donald Trump, '
    "Putin added.\n"
)


def test_participants_with_role_and_country():
    people = {p.name: (p.role, p.country) for p in extract(SOCHI).participants}
    assert people == {"Vladimir Putin": ("President", "RU"), "Recep Tayyip Erdogan": ("President", "TR")}


def test_mentioned_people_are_not_participants():
    assert "Donald Trump" not in {p.name for p in extract(SOCHI).participants}


def test_mr_surname_and_aliases():
    text = (
        "British Prime Minister Tony Blair held talks with French President Jacques Chirac in Paris.\n"
        "Mr Blair said the meeting had been useful.\n"
    )
    result = extract(text)
    blair = next(p for p in result.participants if p.name == "Tony Blair")
    assert blair.country == "GB"
    assert any(s.speaker == "Tony Blair" for s in result.statements)


def test_entity_ruler_knows_armed_groups(nlp):
    doc = get_nlp()("Daesh, YPG and Jabhat Fateh al-Sham are all the same for us.")
    assert {"Daesh", "YPG", "Jabhat Fateh al-Sham"} <= {e.text for e in doc.ents if e.label_ == "ORG"}
