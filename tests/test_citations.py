"""Citations (summits.citations): Chicago, APA, BibTeX and RIS from plain values."""

from datetime import date

import pytest

from summits import citations
from summits.citations import Citable, Source

ACCESSED = date(2026, 11, 28)
REPORT = Source(
    title="Putin, Erdogan meet in Sochi",
    outlet="Example News",
    published=date(2017, 5, 3),
    url="https://news.example.org/sochi",
)


def summit(**changes) -> Citable:
    values = {
        "key": "summit-archive:putin-erdogan-sochi-2017",
        "title": "Putin–Erdogan talks in Sochi",
        "url": "https://archive.example.org/summits/putin-erdogan-sochi-2017/",
        "accessed": ACCESSED,
        "kind": "Summit",
        "start": date(2017, 5, 3),
        "end": date(2017, 5, 4),
        "precision": "day",
        "date_text": "Wednesday",
        "place": "Sochi, Russian Federation",
        "sources": (REPORT,),
    }
    return Citable(**(values | changes))


def statement(**changes) -> Citable:
    values = {
        "key": "summit-archive:statement-7",
        "title": "We agreed to intensify the cooperation between the intelligence agencies,",
        "url": "https://archive.example.org/statements/7/",
        "accessed": ACCESSED,
        "kind": "Direct quotation at Putin–Erdogan talks in Sochi",
        "start": date(2017, 5, 3),
        "place": "Sochi, Russian Federation",
        "author": "Vladimir Putin",
        "sources": (REPORT,),
    }
    return Citable(**(values | changes))


UNDATED = {"start": None, "end": None, "precision": ""}
NOT_KNOWN = "date not known — the report says “Wednesday”"


# --- Chicago --------------------------------------------------------------------------------------


def test_chicago_names_title_occasion_archive_source_access_and_address():
    assert citations.chicago(summit()) == (
        "“Putin–Erdogan talks in Sochi.” Summit, Sochi, Russian Federation, 3–4 May 2017. Summit Archive. "
        "Source: Example News, “Putin, Erdogan meet in Sochi”, 3 May 2017, https://news.example.org/sochi. "
        "Accessed 28 November 2026. https://archive.example.org/summits/putin-erdogan-sochi-2017/."
    )


def test_chicago_of_a_statement_starts_with_its_speaker_and_ends_its_title_cleanly():
    text = citations.chicago(statement())
    assert text.startswith(
        "Vladimir Putin. “We agreed to intensify the cooperation between the intelligence agencies.” "
        "Direct quotation at Putin–Erdogan talks in Sochi, Sochi, Russian Federation, 3 May 2017."
    )


# --- APA ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({}, "(2017, May 3–4)"),
        ({"end": date(2017, 5, 3)}, "(2017, May 3)"),
        ({"start": date(2018, 4, 30), "end": date(2018, 5, 2)}, "(2018, April 30 – May 2)"),
        ({"start": date(2016, 12, 31), "end": date(2017, 1, 1)}, "(2016–2017)"),
        ({"start": date(1980, 3, 1), "end": None, "precision": "month"}, "(1980, March)"),
        ({"start": date(1980, 1, 1), "end": None, "precision": "year"}, "(1980)"),
        (UNDATED, "(n.d.)"),
    ],
)
def test_apa_dates_the_meeting(changes, expected):
    assert f"Summit Archive. {expected}. Putin–Erdogan talks in Sochi [" in citations.apa(summit(**changes))


def test_apa_names_the_source_and_the_retrieval_date():
    text = citations.apa(summit())
    assert "[Summit; Sochi, Russian Federation]." in text
    assert "Based on Example News (2017, May 3), Putin, Erdogan meet in Sochi." in text
    assert text.endswith(
        "Retrieved November 28, 2026, from https://archive.example.org/summits/putin-erdogan-sochi-2017/"
    )


def test_apa_of_a_statement_is_by_its_speaker_on_the_archive_site():
    text = citations.apa(statement())
    assert text.startswith("Vladimir Putin. (2017, May 3). We agreed to intensify")
    assert (
        "agencies [Direct quotation at Putin–Erdogan talks in Sochi; Sochi, Russian Federation]. "
        "Summit Archive." in text
    )


# --- BibTeX ---------------------------------------------------------------------------------------


def bibtex_fields(text: str) -> dict[str, str]:
    lines = text.strip().splitlines()
    assert lines[-1] == "}"
    fields = {}
    for line in lines[1:-1]:
        name, value = line.strip().rstrip(",").split(" = ", 1)
        fields[name] = value
    return fields


def test_bibtex_entry_has_every_field():
    text = citations.bibtex(summit())
    assert text.startswith("@online{summit-archive:putin-erdogan-sochi-2017,\n")
    fields = bibtex_fields(text)
    assert fields["author"] == "{{Summit Archive}}"
    assert fields["title"] == "{{Putin–Erdogan talks in Sochi}}"
    assert fields["date"] == "{2017-05-03/2017-05-04}"
    assert (fields["year"], fields["month"]) == ("{2017}", "may")
    assert fields["url"] == "{https://archive.example.org/summits/putin-erdogan-sochi-2017/}"
    assert fields["urldate"] == "{2026-11-28}"
    assert "Example News, “Putin, Erdogan meet in Sochi”, 3 May 2017" in fields["note"]


def test_bibtex_escapes_what_tex_would_read_as_commands():
    text = citations.bibtex(
        summit(title="Talks on 50% of R&D_costs {#1} ~ $5^2 \\ end", key="summit-archive:r&d talks")
    )
    fields = bibtex_fields(text)
    assert fields["title"] == (
        r"{{Talks on 50\% of R\&D\_costs \{\#1\} \textasciitilde{} "
        r"\$5\textasciicircum{}2 \textbackslash{} end}}"
    )
    assert text.startswith("@online{summit-archive:r-d-talks,")  # a key holds no spaces or specials
    # braces stay balanced in every field
    for value in fields.values():
        unescaped = value.replace(r"\{", "").replace(r"\}", "")
        assert unescaped.count("{") == unescaped.count("}"), value


def test_bibtex_url_is_verbatim_with_braces_encoded():
    fields = bibtex_fields(citations.bibtex(summit(url="https://a.example/x?q=a_b%20c&d={e}")))
    assert fields["url"] == "{https://a.example/x?q=a_b%20c&d=%7Be%7D}"


def test_bibtex_undated_has_no_date_and_says_the_date_is_not_known():
    fields = bibtex_fields(citations.bibtex(summit(**UNDATED)))
    assert not {"date", "year", "month"} & set(fields)
    assert NOT_KNOWN in fields["note"]


def test_bibtex_month_precision_and_statement_author():
    fields = bibtex_fields(citations.bibtex(statement(start=date(1980, 3, 1), precision="month")))
    assert (fields["date"], fields["month"]) == ("{1980-03}", "mar")
    assert fields["author"] == "{{Vladimir Putin}}"


# --- RIS ------------------------------------------------------------------------------------------


def ris_tags(text: str) -> list[tuple[str, str]]:
    assert text.endswith("ER  - \r\n")
    lines = text.split("\r\n")[:-1]
    for line in lines:
        assert line[2:6] == "  - ", line  # two letters, two spaces, a hyphen, a space
    return [(line[:2], line[6:]) for line in lines]


def test_ris_record_has_every_tag():
    tags = ris_tags(citations.ris(summit()))
    assert tags[0] == ("TY", "ELEC")
    assert tags[-1] == ("ER", "")
    found = dict(tags)
    assert found["TI"] == "Putin–Erdogan talks in Sochi"
    assert found["AU"] == "Summit Archive"
    assert found["PB"] == "Summit Archive"
    assert found["PY"] == "2017"
    assert found["DA"] == "2017/05/03/"
    assert found["CY"] == "Sochi, Russian Federation"
    assert found["UR"] == "https://archive.example.org/summits/putin-erdogan-sochi-2017/"
    assert found["Y2"] == "2026/11/28/"
    notes = [value for tag, value in tags if tag == "N1"]
    assert notes == [
        "Summit, Sochi, Russian Federation, 3–4 May 2017",
        "Source: Example News, “Putin, Erdogan meet in Sochi”, 3 May 2017, https://news.example.org/sochi",
    ]


def test_ris_dates_to_their_precision_and_undated_says_so():
    assert (
        dict(ris_tags(citations.ris(summit(start=date(1980, 3, 1), precision="month"))))["DA"] == "1980/03//"
    )
    assert dict(ris_tags(citations.ris(summit(start=date(1980, 1, 1), precision="year"))))["DA"] == "1980///"
    undated = ris_tags(citations.ris(summit(**UNDATED)))
    assert "DA" not in dict(undated) and "PY" not in dict(undated)
    assert ("N1", f"Summit, Sochi, Russian Federation, {NOT_KNOWN}") in undated


def test_ris_keeps_each_value_on_its_line():
    tags = ris_tags(citations.ris(statement(title="Line one\r\nER  - injected")))
    assert dict(tags)["TI"] == "Line one ER - injected"
    assert [tag for tag, _ in tags].count("ER") == 1


# --- Every format ---------------------------------------------------------------------------------


def test_every_format_says_the_date_is_not_known():
    for name, text in citations.all_formats(summit(**UNDATED)).items():
        assert NOT_KNOWN in text, name
        assert "Wednesday”" in text and "“Wednesday”" in text, name


def test_a_long_statement_is_shortened_in_its_title():
    text = "word " * 100
    title = citations.shorten(text)
    assert len(title) <= citations.TITLE_LENGTH and title.endswith("word…")
