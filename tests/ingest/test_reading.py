"""summits/reading.py: files read as a person would, one test per format and phenomenon (no database)."""

import codecs
import datetime as dt
import hashlib
import io
import runpy
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summits.reading import (
    ArticleFile,
    Unreadable,
    decode_entities,
    fix_mojibake,
    normalise_newlines,
    parse_date,
    read_bytes,
    read_text,
    unwrap_lines,
)

FILES = Path(__file__).resolve().parent / "files"
ROOT = Path(__file__).resolve().parents[2]


def sample(name: str) -> ArticleFile:
    return read_bytes((FILES / name).read_bytes())


def sample_names() -> list[str]:
    return sorted(path.name for path in FILES.glob("*.txt") if path.name != "binary_picture.txt")


# --- The sample files -----------------------------------------------------------------------------


def test_the_sample_files_are_the_bytes_their_script_writes():
    written = runpy.run_path(str(FILES / "make_files.py"))["SAMPLES"]
    assert sorted(written) == sorted(path.name for path in FILES.glob("*.txt"))
    for name, data in written.items():
        assert (FILES / name).read_bytes() == data, f"{name}: run tests/ingest/files/make_files.py"


@pytest.mark.parametrize("name", sample_names())
def test_every_sample_is_a_meeting_report_read_to_clean_text(name):
    article = sample(name)
    assert " met " in article.text
    assert "\r" not in article.text
    assert "<" not in article.text and "&quot;" not in article.text and "â€" not in article.text


@pytest.mark.parametrize("name", sample_names())
def test_reading_a_sample_twice_changes_nothing(name):
    once = sample(name)
    twice = read_text(once.text)
    assert twice.text == once.text
    assert twice.format == "text"


def test_the_concessive_sample_keeps_the_sentence_that_used_to_crash_the_extraction():
    article = sample("crash_concessive.txt")
    assert (
        "Director Jane Smith announced in July that while the minister had been careless, "
        "no charges were appropriate." in article.text
    )
    assert article.text == (FILES / "crash_concessive.txt").read_text(encoding="utf-8")


# --- Encodings ------------------------------------------------------------------------------------


def test_cp1252_with_curly_quotes_is_detected():
    data = (FILES / "cp1252_curly_quotes.txt").read_bytes()
    assert b"\x93" in data and b"\x92" in data  # cp1252's curly quotes, invalid as UTF-8
    article = read_bytes(data)
    assert article.encoding == "cp1252"
    assert "\u201cOur friendship is Europe\u2019s engine \u2013 today" in article.text
    assert "café" in article.text


def test_latin1_french_is_decoded():
    text = "Le président français a rencontré le chancelier allemand à Berlin. Macron met Scholz.\n"
    assert read_bytes(text.encode("latin-1")).text == text


def test_utf16_le_with_a_bom():
    data = (FILES / "utf16le_bom.txt").read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE)
    article = read_bytes(data)
    assert article.encoding == "utf-16"
    assert article.text.startswith("Sánchez and Costa agree")
    assert "\ufeff" not in article.text and "\x00" not in article.text


def test_utf16_without_a_bom():
    data = (FILES / "utf16be_no_bom.txt").read_bytes()
    assert data[:2] == b"\x00M"
    article = read_bytes(data)
    assert article.encoding == "utf-16-be"
    assert article.text.startswith("Modi and Hasina open rail link in Dhaka\n")
    little = read_bytes(article.text.encode("utf-16-le"))
    assert (little.encoding, little.text) == ("utf-16-le", article.text)


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32", "utf-32-le"])
def test_every_unicode_encoding_gives_the_same_text(codec):
    text = "Égypte: Sisi met Abiy in Cairo, «Nile talks» on Monday – 会谈.\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert read_bytes(data).text == text


def test_a_bom_that_lies_is_refused():
    with pytest.raises(Unreadable, match="utf-16"):
        read_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


# --- Mojibake -------------------------------------------------------------------------------------


def test_mojibake_is_repaired():
    data = (FILES / "mojibake_utf8.txt").read_bytes()
    assert "Ã©".encode() in data and "â€™".encode() in data
    article = read_bytes(data)
    assert article.repaired == ("mojibake",)
    assert "Lula and Macron agree Amazon fund in Belém\n" in article.text
    assert (
        "\u201cWe will protect the forest together,\u201d Macron said. Lula said Brazil\u2019s plan"
        in article.text
    )


def test_mojibake_of_a_no_break_space_is_repaired():
    assert fix_mojibake("Camp David, saidÂ\xa0Saudi Arabia") == "Camp David, said\xa0Saudi Arabia"


@pytest.mark.parametrize(
    "clean",
    [
        "\u201cCurly\u201d quotes and \u2018single\u2019 ones stay curly.",
        "The \ufb01nal of\ufb03cial text keeps its ligatures.",
        "Ｆｕｌｌｗｉｄｔｈ letters and ｶﾀｶﾅ keep their width.",
        "Cafe\u0301 in NFD stays NFD; Å (U+212B) stays.",
        "Euro € and pound £ signs, Ñandú, Straße, Œuvre, İstanbul.",
        "Ellipsis… en dash – em dash — no-break\xa0space.",
    ],
)
def test_clean_text_is_never_changed(clean):
    assert fix_mojibake(clean) == clean
    assert read_text(clean).text == clean
    assert read_text(clean).repaired == ()


# --- HTML -----------------------------------------------------------------------------------------


def test_an_html_page_is_reduced_to_its_article_with_metadata():
    article = sample("html_page.txt")
    assert article.format == "html"
    assert article.title == "Kishida and Yoon vow closer security ties"
    assert article.published == dt.date(2023, 3, 16)
    assert article.url == "https://news.example.com/2023/03/16/kishida-yoon-tokyo"
    assert article.outlet == "The Daily Example"
    assert article.byline == "Jane Smith"
    assert article.text.startswith("Kishida and Yoon vow closer security ties\n\nBy Jane Smith\n\n")
    paragraphs = article.text.split("\n\n")
    assert (
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on "
        "Thursday, and the two leaders agreed to resume regular visits." in paragraphs
    )
    assert "Fumio Kishida and Yoon Suk Yeol in Tokyo." in paragraphs  # the caption, its own paragraph
    assert "\u201cWe have opened a new chapter,\u201d Kishida said." in article.text
    assert "data in real time" in article.text  # &nbsp; is a space
    for noise in ("analytics", "font-family", "Home", "Read more", "©"):
        assert noise not in article.text


def test_an_html_fragment_keeps_its_paragraphs_and_decodes_entities():
    article = sample("html_fragment.txt")
    assert article.format == "html"
    assert article.text == (
        "Indonesian President Joko Widodo met Australian Prime Minister Anthony Albanese in Jakarta on "
        "Monday, and the two leaders agreed to a new climate partnership.\n\n"
        '"Australia is a true friend," Widodo said.\n'
        "Albanese said the partnership\u2019s first projects would start this year.\n"
    )


def test_plain_lines_over_a_feed_items_markup_keep_their_line_breaks():
    item = (
        "## Milei meets with Trump at CPAC\n"
        " - RSS feed: https://example.org/feed\n"
        " - date published: 2024-02-24T22:42:50+00:00\n\n"
        '<p><img alt="" src="x.jpg" /></p>President Javier Milei spoke in Washington.\n'
    )
    assert read_text(item).text == (
        "## Milei meets with Trump at CPAC\n"
        " - RSS feed: https://example.org/feed\n"
        " - date published: 2024-02-24T22:42:50+00:00\n\n"
        "President Javier Milei spoke in Washington.\n"
    )
    in_one_paragraph = "Macron met\nScholz <br><br>\nThey <b>agreed</b>."  # text and tags: all markup
    assert read_text(in_one_paragraph).text == "Macron met Scholz\nThey agreed.\n"


def test_a_page_title_without_open_graph_loses_the_outlets_name():
    page = (
        '<html><head><title>Talks in Rome - The Example Post</title><meta property="og:site_name" '
        'content="The Example Post"></head><body><p>Meloni met Macron in Rome.</p></body></html>'
    )
    assert read_text(page).title == "Talks in Rome"


def test_html_entities_in_plain_text_are_decoded():
    article = sample("html_entities.txt")
    assert article.format == "text"
    assert article.repaired == ("html-entities",)
    assert "each other\u2019s citizens" in article.text
    assert '"Trade & tourism will grow," Ruto said' in article.text


def test_text_without_entities_keeps_its_ampersands():
    text = "AT&T and R&D; Procter & Gamble; Q&A &c. Modi met Sharif in Lahore &mdash (no semicolon).\n"
    assert read_text(text).text == text


def test_twice_escaped_entities_are_decoded_once_and_for_all():
    assert decode_entities("Biden &amp;amp; Xi: &amp;quot;candid&amp;quot;") == 'Biden & Xi: "candid"'


# --- SGML -----------------------------------------------------------------------------------------


def test_a_newswire_sgml_document():
    article = sample("newswire_sgml.txt")
    assert article.format == "newswire-sgml"
    assert article.title == "Putin and Cameron discuss Syria in London"
    assert article.published == dt.date(2013, 6, 17)
    assert article.outlet == "AFP"
    assert article.text == (
        "Putin and Cameron discuss Syria in London\n\n"
        "LONDON, June 16 (AFP) - Russian President Vladimir Putin met British Prime Minister David Cameron "
        "in London on Sunday, and the two leaders discussed the war in Syria ahead of the G8 summit.\n\n"
        '"We agreed that our experts should keep working together," Cameron said after the talks at '
        "Downing Street.\n"
    )


def test_a_tdt_style_document_with_date_time():
    doc = (
        "<DOC>\n<DOCNO> NYT20030410.0042 </DOCNO>\n<DATE_TIME> 2003-04-10T05:42:00 </DATE_TIME>\n<BODY>\n"
        "<HEADLINE> Blair and Bush meet in Belfast </HEADLINE>\n<TEXT>\nBritish Prime Minister Tony Blair "
        "met\nU.S. President George W. Bush in Belfast on Tuesday.\n\nThey discussed Iraq.\n</TEXT>\n"
        "</BODY>\n</DOC>\n"
    )
    article = read_text(doc)
    assert (article.format, article.title, article.published) == (
        "newswire-sgml",
        "Blair and Bush meet in Belfast",
        dt.date(2003, 4, 10),
    )
    assert article.text == (
        "Blair and Bush meet in Belfast\n\nBritish Prime Minister Tony Blair met U.S. President George W. "
        "Bush in Belfast on Tuesday.\n\nThey discussed Iraq.\n"
    )


def test_a_reuters_sgml_document():
    article = sample("reuters_sgml.txt")
    assert article.format == "reuters-sgml"
    assert article.title == "REAGAN AND NAKASONE AGREE TRADE TALKS"
    assert article.published == dt.date(1987, 2, 26)
    assert article.outlet == "Reuters"
    assert article.text.startswith(
        "REAGAN AND NAKASONE AGREE TRADE TALKS\n\nWASHINGTON, Feb 26 - U.S. President Ronald Reagan met "
        "Japanese Prime Minister Yasuhiro Nakasone in Washington on Thursday"
    )
    assert article.text.endswith("report on progress at the Venice summit in June.\n")
    assert "Reuter" not in article.text and "cocoa" not in article.text


# --- Headers --------------------------------------------------------------------------------------


def test_yaml_front_matter_is_read_and_stripped():
    article = sample("front_matter_yaml.txt")
    assert article.format == "front-matter"
    assert article.title == "Erdogan and Mitsotakis agree to ease tensions in Athens"
    assert article.published == dt.date(2023, 12, 7)
    assert article.url == "https://news.example.org/erdogan-mitsotakis-athens"
    assert article.byline == "Jane Smith"
    assert article.text.startswith("Turkish President Recep Tayyip Erdogan met Greek Prime Minister")
    assert "---" not in article.text and "categories" not in article.text
    assert "Mitsotakis in Athens on Thursday" in article.text  # its hard-wrapped lines joined


def test_a_catalogues_creators_give_the_byline_in_reading_order():
    page = '---\ncreators:\n  - "Vega, Ana Maria"\n  - "Party of Labour"\n---\n\nI met Duarte.\n'
    assert read_text(page).byline == "Ana Maria Vega"
    assert read_text("---\ncreator: Reuters\n---\n\nTorres met Duarte.\n").byline == "Reuters"
    assert (
        read_text("---\nauthor: Jane Roe\ncreator: Vega, Ana\n---\n\nTorres met Duarte.\n").byline
        == "Jane Roe"
    )


def test_toml_front_matter_is_read_and_stripped():
    article = sample("front_matter_toml.txt")
    assert article.format == "front-matter"
    assert article.title == "Ruto and Samia pledge to scrap border fees in Dar es Salaam"
    assert article.published == dt.date(2024, 10, 3)
    assert article.url == "https://news.example.net/ruto-samia-border"
    assert article.byline == "John Doe"
    assert article.text.startswith("Kenyan President William Ruto met")


def test_front_matter_values_over_several_lines_and_json_front_matter():
    yaml = (
        '---\ntitle: "Readout of President Joe\\_Biden\\u2019s Meeting with Prime Minister Rishi Sunak\\\n'
        "  \\ of the United\\_Kingdom\"\ndate: '2023-03-13'\n---\nBiden met Sunak in San Diego.\n"
    )
    article = read_text(yaml)
    readout = "Readout of President Joe Biden\u2019s Meeting with Prime Minister Rishi Sunak"
    assert article.title == readout + " of the United Kingdom"
    assert article.published == dt.date(2023, 3, 13)
    page = '---json\n{"title": "Najib meets Binh", "date": "2017-07-26", "tag": []}\n---\nNajib met Binh.\n'
    article = read_text(page)
    assert (article.format, article.title, article.published, article.text) == (
        "front-matter",
        "Najib meets Binh",
        dt.date(2017, 7, 26),
        "Najib met Binh.\n",
    )


def test_key_value_headers_fill_the_metadata_and_stay_in_the_text():
    article = sample("headers_title_date_src.txt")
    assert article.format == "text"
    assert article.title == "Xi and Tokayev agree to deepen energy cooperation"
    assert article.published == dt.date(2024, 7, 3)
    assert article.url == "https://news.example.com/xi-tokayev-astana"
    assert article.text == (FILES / "headers_title_date_src.txt").read_text(encoding="utf-8")


def test_a_source_that_is_not_a_url_is_the_outlet():
    article = read_text("Title: Talks in Bangkok\nSource: Xinhua\n\nLeaders met in Bangkok.\n")
    assert (article.outlet, article.url) == ("Xinhua", None)


def test_cnn_highlights_are_left_as_they_are():
    article = sample("cnn_highlights.txt")
    assert article.text == (FILES / "cnn_highlights.txt").read_text(encoding="utf-8")
    assert article.text.count("@highlight\n") == 2


def test_a_usenet_post_loses_its_header_quoting_marks_and_signature():
    article = sample("usenet_post.txt")
    assert article.format == "email"
    assert article.title == "Chirac and Schroeder meet in Paris"  # without "Re:"
    assert article.published == dt.date(2002, 11, 12)
    assert article.byline == "Jane Smith"
    assert article.outlet == "Example Wire Service"
    assert article.text == (
        "French President Jacques Chirac met German Chancellor Gerhard Schroeder in Paris on Monday, and "
        "the two leaders agreed on a common position on farm subsidies.\n\n"
        '"We have found a compromise," Chirac said after the talks at the Elysee Palace.\n\n'
        "Schroeder said Germany would back the plan at the Brussels summit later this month.\n"
    )


def test_an_encoded_mail_body_is_decoded():
    mail = (
        "From: desk@example.org\nSubject: =?utf-8?q?Mitsotakis_meets_Erdo=C4=9Fan?=\nMIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        "Greek Prime Minister Kyriakos Mitsotakis met Recep Tayyip Erdo=C4=9Fan in Athens.\n"
    )
    article = read_text(mail)
    assert article.title == "Mitsotakis meets Erdoğan"
    assert article.text == "Greek Prime Minister Kyriakos Mitsotakis met Recep Tayyip Erdoğan in Athens.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Title: By Jane Smith\n\nMacron met Scholz in Berlin.\n",
        "<html><body><h1>By Jane Smith</h1><p>Macron met Scholz in Berlin.</p></body></html>",
        '<meta property="og:title" content="By"><p>Macron met Scholz in Berlin.</p>',
        "---\ntitle: 'PUBLISHED: 11:02 EST, 15 May 2017'\n---\nMacron met Scholz in Berlin.\n",
    ],
)
def test_a_byline_is_never_a_title(text):
    assert read_text(text).title is None


@pytest.mark.parametrize(
    "text",
    [
        "Title: Talks\nURL: javascript:alert(1)\n\nMacron met Scholz.\n",
        "Src: data:text/html,<script>alert(1)</script>\n\nMacron met Scholz.\n",
        '<link rel="canonical" href="javascript:alert(1)"><p>Macron met Scholz.</p>',
        "---\nurl: ftp://example.org/talks\n---\nMacron met Scholz.\n",
        "---\nurl: /news/relative\n---\nMacron met Scholz.\n",
    ],
)
def test_only_http_urls_are_kept(text):
    assert read_text(text).url is None


# --- Lines ----------------------------------------------------------------------------------------


def test_crlf_and_lone_cr_give_the_same_text_and_hash_as_lf():
    crlf = (FILES / "crlf.txt").read_bytes()
    article = read_bytes(crlf)
    assert article.repaired == ("line-endings",)
    assert "\r\n" in article.original and "\r" not in article.text
    lf, cr = crlf.replace(b"\r\n", b"\n"), crlf.replace(b"\r\n", b"\r")
    texts = {read_bytes(lf).text, read_bytes(cr).text, read_text(crlf.decode()).text, article.text}
    assert len(texts) == 1
    assert len({hashlib.sha256(text.encode()).hexdigest() for text in texts}) == 1


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb\r", "a\nb\n"),
        ("a\r\r\nb", "a\n\nb"),
        ("a\u2028b", "a\nb"),
        ("a\u2029b", "a\n\nb"),
        ("a\nb", "a\nb"),
        ("a\x85b\x0cc", "a\x85b\x0cc"),  # NEL and form feed are left alone
    ],
)
def test_normalise_newlines(raw, normal):
    assert normalise_newlines(raw) == normal


def test_a_hard_wrapped_plain_text_keeps_its_lines_so_offsets_stay_the_files():
    article = sample("hard_wrapped.txt")
    assert article.text == (FILES / "hard_wrapped.txt").read_text(encoding="utf-8")
    assert article.repaired == ()


def test_unwrap_lines_joins_a_wrapped_paragraph_but_not_headlines_or_lists():
    text = (FILES / "hard_wrapped.txt").read_text(encoding="utf-8")
    unwrapped = unwrap_lines(text)
    assert unwrapped.split("\n\n") == [
        "Obama and Putin discuss Syria at G8 summit",
        "U.S. President Barack Obama met Russian President Vladimir Putin in Enniskillen on Monday, on the "
        "sidelines of the G8 summit in Northern Ireland, and the two leaders discussed the war in Syria.",
        '"We share an interest in reducing the violence," Obama said after the talks, which lasted two '
        "hours. Putin said the two countries would support peace talks in Geneva.\n",
    ]
    listing = "Agreed in Geneva by the two foreign ministers on Saturday:\n- a ceasefire\n- talks in May\n"
    assert unwrap_lines(listing) == listing


def test_unwrap_lines_joins_a_year_that_ends_a_wrapped_sentence_but_keeps_numbered_items():
    text = (
        "The prime minister hosted the president for talks in the capital, following up on\n"
        "their recent meetings on the sidelines of the summits in Lima and Tokyo in September\n"
        "2022.\n"
    )
    assert unwrap_lines(text).endswith("in Lima and Tokyo in September 2022.\n")
    numbered = (
        "The two ministers agreed on the following steps, to be taken by the year's end:\n1. a ceasefire\n"
    )
    assert unwrap_lines(numbered) == numbered


# --- Refusals -------------------------------------------------------------------------------------


def zip_file() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "Macron met Scholz in Berlin.")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param((FILES / "binary_picture.txt").read_bytes(), id="png-named-txt"),
        pytest.param(zip_file(), id="zip"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", id="pdf"),
        pytest.param(b"Macron met Scholz\x00\x01\x02\x03 in Berlin" * 3, id="nul-bytes"),
        pytest.param(bytes(range(256)) * 4, id="every-byte"),
    ],
)
def test_binary_files_are_refused(data):
    with pytest.raises(Unreadable, match="^binary file, not text$"):
        read_bytes(data)


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n", codecs.BOM_UTF8, "  \n ".encode("utf-16"), b"<html><script>x=1</script></html>"],
)
def test_empty_files_are_refused(data):
    with pytest.raises(Unreadable, match="^empty: there is no text$"):
        read_bytes(data)


def test_empty_and_nul_text_is_refused():
    with pytest.raises(Unreadable, match="^empty"):
        read_text(" \r\n ")
    with pytest.raises(Unreadable, match="binary"):
        read_text("Macron\x00met Scholz")
    with pytest.raises(Unreadable, match="surrogate"):
        read_text("Macron met Scholz \ud800")


# --- Dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2015-05-15", dt.date(2015, 5, 15)),
        ("2015-05-15 09:55", dt.date(2015, 5, 15)),
        ("2016-08-12T16:28:57UTC", dt.date(2016, 8, 12)),
        ("2015/05/15", dt.date(2015, 5, 15)),
        ("Tue, 12 Nov 2002 14:03:00 +0100", dt.date(2002, 11, 12)),
        ("17 June 2013", dt.date(2013, 6, 17)),
        ("15:12 EST, 17 June 2013", dt.date(2013, 6, 17)),
        ("Published On 9 Feb 2025", dt.date(2025, 2, 9)),
        ("June 17, 2013", dt.date(2013, 6, 17)),
        ("Sept. 9, 2023", dt.date(2023, 9, 9)),
        ("26-FEB-1987 15:01:11.79", dt.date(1987, 2, 26)),
        ("Wednesday", None),
        ("2015-13-45", None),
        ("31 February 2020", None),
        ("", None),
        ("Junk 12, 2013", None),
    ],
)
def test_parse_date(value, date):
    assert parse_date(value) == date


# --- No harm, and never anything but Unreadable ----------------------------------------------------


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda path: path.name)
def test_the_seed_articles_are_read_exactly_as_they_are(path):
    text = path.read_text(encoding="utf-8")
    article = read_text(text)
    assert (article.text, article.format, article.repaired) == (text, "text", ())
    assert read_bytes(path.read_bytes()).text == text


def test_plain_text_articles_of_the_gold_set_change_only_where_they_are_broken():
    """Real reports as they were stored: plain text comes back as it is, but for line endings,
    mojibake and HTML entities left in it (a digest's "&quot;"); the others are web pages, front
    matter and the like, and are cleaned."""
    plain = 0
    for path in sorted((ROOT / "tests" / "gold" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = read_text(text)
        if article.format != "text":
            continue
        plain += 1
        expected = fix_mojibake(normalise_newlines(text))
        if "html-entities" in article.repaired:
            expected = decode_entities(expected)  # "&nbsp;" a plain space, as in a typed text
        assert article.text == expected, path.name
        assert set(article.repaired) <= {"line-endings", "mojibake", "html-entities"}, path.name
    assert plain >= 10


def test_every_real_article_of_the_gold_set_reads_and_reads_again_the_same():
    for path in sorted((ROOT / "tests" / "gold" / "articles").glob("*.txt")):
        article = read_bytes(path.read_bytes())
        assert read_text(article.text).text == article.text, path.name


MARKUP = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<br>",
        "<DOC>",
        "<TEXT>",
        "<P>",
        "</DOC>",
        "<REUTERS>",
        "<BODY>",
        "&#3;",
        "&amp;",
        "&quot;",
        "&#x110000;",
        "&#0;",
        "---\n",
        "+++\n",
        "title: ",
        'title = "',
        "From: a@b.c\n",
        "Subject: x\n",
        "Newsgroups: w\n",
        "> ",
        "-- \n",
        "\n\n",
        "\r\n",
        "\r",
        "\u2029",
        "Â\xa0",
        "â€™",
        "@highlight\n",
        "Title: By\n",
        "Date: 2023-02-30\n",
        "<figure><figcaption>",
        "<script>",
        '<meta property="og:url" content="javascript:x">',
        "Macron met Scholz in Berlin on Tuesday. ",
    ]
)


def check(read, value) -> None:
    try:
        article = read(value)
    except Unreadable as exc:
        assert not str(exc).startswith("unexpected"), str(exc)
        assert "\n" not in str(exc)
        return
    assert isinstance(article, ArticleFile)
    assert article.text.strip() and "\r" not in article.text and "\x00" not in article.text
    assert article.url is None or article.url.startswith(("http://", "https://"))


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_are_read_or_refused(data):
    check(read_bytes, data)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=2000))
def test_random_text_is_read_or_refused(text):
    check(read_text, text)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.one_of(MARKUP, st.text(max_size=20)), max_size=40).map("".join))
def test_random_markup_is_read_or_refused(text):
    check(read_text, text)
    check(read_bytes, text.encode("utf-8", errors="replace"))
