from summits.extraction import extract

TEXT = (
    "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin for talks in Sochi.\n"
    "Erdogan, for his part, said Turkey would continue to take measures against threats from its borders, "
    "adding that he believed Putin would play a major role.\n"
    "A White House spokesman said the United States welcomed the talks.\n"
    "Regardless of the safe zones, the fight against terrorist groups should go on, "
    "the Russian president pointed out.\n"
)


def reported():
    return [(s.speaker, s.text) for s in extract(TEXT).statements if s.kind == "indirect"]


def test_indirect_speech_text_is_the_content_clause():
    assert (
        "Recep Tayyip Erdogan",
        "Turkey would continue to take measures against threats from its borders",
    ) in reported()


def test_adding_gives_its_own_statement():
    assert ("Recep Tayyip Erdogan", "he believed Putin would play a major role") in reported()


def test_unnamed_speaker_kept_as_written():
    assert ("A White House spokesman", "the United States welcomed the talks") in reported()


def test_description_resolved_to_the_person():
    speakers = {speaker for speaker, text in reported() if text.startswith("Regardless")}
    assert speakers == {"Vladimir Putin"}


def test_speakers_are_never_pronouns():
    assert all(s.speaker and s.speaker.lower() not in {"he", "she"} for s in extract(TEXT).statements)
