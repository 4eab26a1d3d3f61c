from summits.extraction import extract

SOCHI = (
    "Russian President Vladimir Putin met his Turkish counterpart Recep Tayyip Erdogan in Sochi for talks.\n"
    "The Turkish president said Ankara and Moscow had agreed to lift all trade restrictions, "
    "except those on exports of Turkish tomatoes to Russia.\n"
)


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
