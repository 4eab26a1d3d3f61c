"""The layout: bylines, datelines, captions, headers, headings and highlights are not the story."""

import datetime as dt

from summits.extraction import extract
from summits.extraction.boilerplate import (
    CAPTION,
    DATELINE,
    HEADER,
    HEADING,
    HIGHLIGHT,
    read_layout,
    split_blocks,
)

DAILY = """By\x20
Jane Doe

PUBLISHED:

15:12 EST, 17 June 2013

Russian President Vladimir Putin met U.S. President Barack Obama at the summit in Geneva today.

Tense: Barack Obama and Vladimir Putin at the summit in Geneva

Mr Putin said: 'We agreed to push the peace talks forward.'

@highlight

Putin says 'both sides want peace now' after talks
"""


# Bylines, captions, highlights and the publication line


def test_byline_dateline_caption_and_highlights_are_not_story():
    layout = read_layout(DAILY)
    kinds = {b.text.split()[0]: b.kind for b in layout.blocks}
    assert kinds["PUBLISHED:"] == HEADER
    assert kinds["15:12"] == DATELINE
    assert kinds["Tense:"] == CAPTION
    assert kinds["@highlight"] == HIGHLIGHT
    assert layout.meta.byline == "Jane Doe"
    assert "Tense" not in layout.story_text and "both sides" not in layout.story_text
    assert len(layout.story_text) == len(DAILY)


def test_published_dateline_dates_the_summit_when_no_date_is_given():
    result = extract(DAILY)
    assert result.article.published == dt.date(2013, 6, 17)
    assert result.summit.date == dt.date(2013, 6, 17)
    assert result.summit.date_text == "today"
    # the bullet's quotation is attributed there, so it is a statement too (docs/ANNOTATION.md)
    assert [(s.speaker, s.text) for s in result.statements if s.kind == "direct"] == [
        ("Vladimir Putin", "We agreed to push the peace talks forward."),
        ("Vladimir Putin", "both sides want peace now"),
    ]


# Headers and HTML


def test_key_value_header_and_html_tags():
    text = (
        "Title: Leaders meet\nDate: 2015-05-15 09:55\nAuthor: someone\n\n"
        "<p>President Barack Obama hosted the summit at Camp David on Thursday.</p>\n"
    )
    layout = read_layout(text)
    assert [b.kind for b in layout.blocks[:3]] == [HEADER, HEADER, HEADER]
    assert layout.meta.title == "Leaders meet"
    assert layout.meta.published == dt.date(2015, 5, 15)
    assert "<p>" not in layout.story_text and "Obama hosted" in layout.story_text


def test_publication_date_header_keys_read_alike():
    for key in ("publish date", "Publication date", "published_time", "date-published"):
        text = f"{key}: 2020-09-14 10:00:00\n\nPrime Minister Helen Clark met Chancellor Olaf Berg.\n"
        assert read_layout(text).meta.published == dt.date(2020, 9, 14), key


def test_a_magazine_dateline_with_the_place_run_into_the_year():
    text = (
        "# The leaders meet\n\n> Jan 23rd 2020BEIRUT\n\n"
        "On January 19th Prime Minister Helen Clark met Chancellor Olaf Berg in Berlin.\n"
    )
    layout = read_layout(text)
    assert layout.meta.published == dt.date(2020, 1, 23)
    assert layout.blocks[1].kind == DATELINE
    assert extract(text).summit.date == dt.date(2020, 1, 19)


# Headings


def test_subheadings_are_headings_not_statements():
    text = (
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.\n"
        'Russia, Turkey agree on "safe zones for all of Syria"\n'
        "Putin said the talks went well.\n"
    )
    layout = read_layout(text)
    assert layout.blocks[1].kind == HEADING
    result = extract(text)
    assert not any("safe zones" in s.text for s in result.statements)
    assert not any("safe zones" in a.text for a in result.agreements)


# Datelines


def test_tass_and_titled_datelines():
    tass = read_layout("Putin meets\n\nMOSCOW, June 13. /TASS/. Russian President Vladimir Putin met.\n")
    assert (tass.meta.dateline, tass.dateline_day) == ("Moscow", (6, 13))
    titled = read_layout("Talks resume\n\nAddis Ababa, Ethiopia – The leaders met on Saturday.\n")
    assert (titled.meta.dateline, titled.meta.dateline_country) == ("Addis Ababa", "Ethiopia")
    result = extract(
        "Putin meets guest\n\nMOSCOW, June 13. /TASS/. Russian President Vladimir Putin held talks "
        "here on Thursday with Lao President Thongloun Sisoulith.\n",
        published=dt.date(2024, 6, 14),
    )
    assert (result.summit.location, result.summit.date) == ("Moscow", dt.date(2024, 6, 13))


def test_a_dateline_signed_by_an_agency_without_a_dash():
    signed = read_layout("Talks\n\nLima (CNN) President Ana Torres met her Chilean counterpart.\n")
    assert signed.meta.dateline == "Lima"
    assert signed.story_text.strip().startswith("President Ana Torres")
    not_signed = read_layout("Talks\n\nAna Torres (PM) met her Chilean counterpart.\n")
    assert not_signed.meta.dateline is None


def test_a_press_release_posted_date_run_into_the_first_paragraph_is_the_publication_date():
    text = (
        "7 Sep 2010 Posted in [Press releases](/news/press-releases) 1. Minister Ana Torres will "
        "visit Lima from 8 to 9 September 2010.\n\nLast updated on 25 Nov 2012\n"
    )
    layout = read_layout(text)
    assert layout.meta.published == dt.date(2010, 9, 7)
    assert "Posted" not in layout.story_text and "Minister Ana Torres" in layout.story_text


def test_a_last_updated_line_is_not_the_publication_date():
    layout = read_layout("Leaders meet\n\nLast updated on 25 Nov 2012\n\nTorres met Vega in Lima.\n")
    assert layout.meta.published is None


def test_a_story_run_into_its_posted_date_is_story_whatever_its_last_line():
    text = (
        "29 Aug 2019 Posted in [Press releases](/news/press-releases) 1. Minister Ana Torres is on "
        "an official visit to Peru. 2. She will meet Luis Vega\n"
    )
    layout = read_layout(text)
    assert layout.blocks[0].kind == "story"
    assert "official visit to Peru" in layout.story_text


def test_an_image_line_before_the_wire_dateline_does_not_hide_it():
    text = (
        "## Leaders meet\n\n![](https://example.org/photo.jpg)\n\n"
        "ABU DHABI (REUTERS) – Chilean and Peruvian officials landed in the city on Monday.\n"
    )
    assert read_layout(text).meta.dateline == "Abu Dhabi"


# Paragraphs of sentences are story, whatever they mention or whatever mark ends them


def test_a_paragraph_naming_someone_pictured_is_story_not_a_caption():
    text = (
        "Leaders meet in Lima\n\n"
        "The talks went on late into the night. The president of Peru, Luis Vega (pictured), looked "
        "tired when the ministers came out. “We have a deal on the border and on trade,” said Ana "
        "Torres, the foreign minister of Chile, to the waiting reporters.\n\n"
        "Luis Vega (pictured) in Lima on Monday\n"
    )
    layout = read_layout(text)
    assert [b.kind for b in layout.blocks[1:]] == ["story", CAPTION]
    quotes = [s.text for s in extract(text).statements if s.kind == "direct"]
    assert quotes == ["We have a deal on the border and on trade,"]


def test_a_long_caption_with_a_photo_credit_is_still_a_caption():
    text = (
        "Leaders meet in Lima\n\n"
        "Peruvian President Luis Vega, left, greets Chilean Foreign Minister Ana Torres in Lima, "
        "Monday, March 14, 2010. The two sides met to settle a dispute over their sea border that "
        "has lasted for decades. (AP Photo/Jane Roe)\n"
    )
    assert read_layout(text).blocks[1].kind == CAPTION


def test_a_paragraph_ending_in_a_link_teaser_is_story_without_the_teaser():
    text = (
        "Leaders meet in Lima\n\n"
        "The talks went on late into the night in the presidential palace. Instead, the two sides "
        "agreed to meet again in May, Ana Torres said.  Watch the leaders arrive in Lima »\n\n"
        "Watch the leaders arrive in Lima »\n"
    )
    layout = read_layout(text)
    assert [b.kind for b in layout.blocks[1:]] == ["story", HEADING]
    assert "agreed to meet again in May" in layout.story_text
    assert "Watch" not in layout.story_text


def test_a_paragraph_ending_in_an_end_mark_is_story():
    text = (
        "Leaders meet in Lima\n\n"
        "In the end, both presidents face the same dilemma. They want a deal on the sea border, "
        "but neither can be seen to give way to the other before the elections next year. ■\n"
    )
    layout = read_layout(text)
    assert layout.blocks[1].kind == "story"
    assert "■" not in layout.story_text


def test_a_long_paragraph_cut_mid_sentence_is_story_a_short_line_a_heading():
    text = (
        "Leaders meet in Lima\n\n"
        "President Luis Vega met today with Foreign Minister Ana Torres of Chile in Lima. The "
        "leaders underscored their shared commitment to a peaceful border and to the trade "
        "agreement they signed last year, and discussed the challenges posed by the\n"
        "Pacific Ocean fisheries dispute\n"
    )
    layout = read_layout(text)
    assert [b.kind for b in layout.blocks] == [HEADING, "story", HEADING]


def test_a_caption_or_copyright_label_marks_a_caption():
    text = (
        "Leaders meet in Lima\n\n"
        "image copyright Reuters image caption Ana Torres arrives at the palace for the talks\n\n"
        'media caption Luis Vega: "A new page for our two countries"\n\n'
        "Luis Vega met Ana Torres in Lima on Monday.\n"
    )
    assert [b.kind for b in read_layout(text).blocks[1:]] == [CAPTION, CAPTION, "story"]


def test_a_bullet_reporting_without_quotation_marks_gives_no_statement():
    result = extract(
        "Russian President Vladimir Putin met U.S. President Barack Obama in Geneva on Monday.\n\n"
        "@highlight\n\nPutin says the talks were useful and frank\n"
    )
    assert not [s for s in result.statements if "useful" in s.text]


# The author of a first-person release (ArticleMeta.authors)


def test_release_label_line_names_the_author_of_a_first_person_story():
    text = (
        "Media release — Ana Vega, Minister for Trade\n\n"
        "I met the Chilean Minister of Economy, Luis Soto, in Lima today to discuss copper exports.\n"
    )
    layout = read_layout(text)
    assert layout.meta.authors == ["Ana Vega"]
    assert layout.author_lines[0].title == "Minister for Trade"


def test_release_label_in_capitals_with_title_before_the_name():
    text = (
        "MEDIA RELEASE MINISTER FOR TRADE ANA VEGA\n\n"
        "I held talks with the Chilean Minister of Economy, Luis Soto, in Lima today.\n"
    )
    layout = read_layout(text)
    assert layout.meta.authors == ["Ana Vega"]
    assert layout.author_lines[0].title == "Minister for Trade"


def test_parliamentary_style_line_names_the_author():
    text = "The Hon. Ana Vega MP\n\nToday my counterpart Luis Soto and I signed a fisheries accord in Lima.\n"
    assert read_layout(text).meta.authors == ["Ana Vega"]


def test_front_matter_author_with_a_title_is_the_author_of_a_first_person_story():
    text = "author: Ana Vega, Minister for Trade\n\nI met the Chilean Minister of Economy in Lima today.\n"
    assert read_layout(text).meta.authors == ["Ana Vega"]


def test_front_matter_author_without_a_title_is_no_author_even_in_the_first_person():
    text = "author: Jane Doe\n\nI met the Chilean Minister of Economy in Lima today.\n"
    assert read_layout(text).meta.authors == []


def test_sign_off_below_the_story_names_the_author():
    text = (
        "I met the Chilean Minister of Economy, Luis Soto, in Lima today to discuss copper exports.\n\n"
        "Ana Vega\n\nMinister for Trade\n"
    )
    assert read_layout(text).meta.authors == ["Ana Vega"]


def test_journalists_story_in_the_third_person_has_no_author():
    text = (
        "Media release — Ana Vega, Minister for Trade\n\n"
        "The minister met the Chilean Minister of Economy, Luis Soto, in Lima today.\n"
    )
    assert read_layout(text).meta.authors == []


def test_first_person_only_inside_quotation_marks_makes_no_author():
    text = (
        "By Ana Vega, Minister for Trade\n\n"
        'Luis Soto met the trade minister in Lima. "I am pleased with our talks," Soto said.\n'
    )
    assert read_layout(text).meta.authors == []


def test_a_list_of_those_present_gives_each_name_title_and_side():
    text = (
        "Record of a meeting between the presidents of Peru and Chile in Lima on 3 May.\n\n"
        "Also present:\n\n### Peru\n\n"
        "Sir Luis Soto - Secretary, Department of Trade  \nHE Mr J. K. Ruiz - Ambassador to Chile\n\n"
        "The meeting began at noon.\n"
    )
    listed = [(a.name, a.title, a.side) for a in read_layout(text).author_lines if a.present]
    assert listed == [
        ("Luis Soto", "Secretary, Department of Trade", "Peru"),
        ("J. K. Ruiz", "Ambassador to Chile", "Peru"),
    ]


def test_a_list_item_that_is_a_link_is_no_story_however_long():
    related = (
        "5. [Foreign Minister Luis Soto and President Ines Ruiz agree on a draft resolution that would "
        "expand sanctions following the latest nuclear test. President Carlos Diaz also took part in the "
        "meeting. The draft now goes to the full council. ](/news/2016/02/24/soto-and-ruiz-agree.md) "
        "_Context: Luis Soto_"
    )
    text = (
        "President Ana Vega met Prime Minister Lars Berg in Lima on Sunday to discuss trade.\n\n"
        f"### Related:\n\n{related}\n"
    )
    assert "Ruiz" not in read_layout(text).story_text
    assert {p.name for p in extract(text).participants} == {"Ana Vega", "Lars Berg"}


def test_what_a_related_items_link_quotes_is_still_a_statement_of_the_article():
    related = (
        '4. [In Lima, Foreign Minister Luis Soto said, "We will not accept new tariffs on copper." '
        "](/news/2016/02/25/soto-forum.md) _Context: Luis Soto_"
    )
    text = (
        f"President Ana Vega met Prime Minister Lars Berg in Lima on Sunday.\n\n### Related:\n\n{related}\n"
    )
    quoted = [(s.speaker, s.text) for s in extract(text).statements if s.kind == "direct"]
    assert quoted == [("Luis Soto", "We will not accept new tariffs on copper.")]


def test_the_metadata_author_writes_a_first_person_story_whose_lines_name_none():
    first_person = "Talks in Lima\n\nI met Foreign Minister Luis Duarte in Lima today.\n"
    assert read_layout(first_person, byline="Ana Vega").meta.authors == ["Ana Vega"]
    assert read_layout("Talks\n\nTorres met Duarte in Lima today.\n", byline="Ana Vega").meta.authors == []
    assert read_layout(first_person, byline="MINISTER FOR TRADE").meta.authors == []
    assert read_layout(first_person, byline="Minister for Trade").meta.authors == []


def test_the_metadata_author_of_a_first_person_release_takes_part_and_speaks():
    text = (
        "Talks in Lima\n\nI met Peruvian Foreign Minister Luis Duarte in Lima today.\n\n"
        "I told Mr Duarte that Chile would open a consulate in Cusco.\n"
    )
    result = extract(text, byline="Ana Vega")
    author = next(p for p in result.participants if p.name == "Ana Vega")
    assert (author.start, author.end) == (None, None)  # named by the metadata, not in the text
    assert "Luis Duarte" in {p.name for p in result.participants}
    assert [s.speaker for s in result.statements if s.kind == "indirect"] == ["Ana Vega"]


def test_a_weekday_over_a_date_is_no_place_line():
    layout = read_layout("Talks in Lima\n\nMon, September 3, 2018\n\nTorres met Vega in Lima on Monday.\n")
    assert layout.meta.dateline is None


def test_a_one_sentence_caption_marks_its_people_left_or_right_with_a_letter():
    text = (
        "Leaders meet\n\n"
        "Peru's President Luis Vega (L) shakes hands with Chile's Premier Ana Torres at the state "
        "guesthouse in Lima on September 2, 2018.\n\n"
        "Torres hosts regional leaders on Monday for a summit.\n"
    )
    kinds = {text[b.start : b.end][:5]: b.kind for b in read_layout(text).blocks}
    assert kinds["Peru'"] == CAPTION


def test_a_feed_items_listed_header_lines_give_the_publication_date():
    layout = read_layout(
        "## Torres, Vega discuss trade\n"
        " - [https://example.org/2024/06/10/torres-vega](https://example.org/2024/06/10/torres-vega)\n"
        " - RSS feed: https://example.org/feed\n"
        " - date published: 2024-06-10T20:48:14+00:00\n\n"
        "President Ana Torres hosted Luis Vega in Lima on Monday.\n"
    )
    assert layout.meta.published == dt.date(2024, 6, 10)


def test_a_place_and_country_line_above_the_story_is_its_dateline():
    layout = read_layout(
        "China hosts African leaders\n\nNews Desk\n\n(Agence France-Presse)\n\nBeijing, China\n\n"
        "Mon, September 3, 2018\n\nChina hosts African leaders on Monday for a summit.\n"
    )
    assert (layout.meta.dateline, layout.meta.dateline_country) == ("Beijing", "China")


def test_a_hard_wrapped_paragraph_is_one_story_block_however_its_lines_begin():
    text = (
        "LIMA, Peru, May 16. President of the\n"
        "Republic of Chile, Ana Torres, met with President of Peru\n"
        "Luis Vega in Lima as part of the 6th summit of the\n"
        "Pacific Alliance, agencies report.\n"
    )
    layout = read_layout(text)
    assert [b.kind for b in layout.blocks] == ["story"]


def test_short_lines_of_a_menu_stay_apart_however_they_end():
    blocks = split_blocks("Share this article\nLog in\nSubscribe\nA\nA\nGift Full Article\n")
    assert [b.text for b in blocks] == [
        "Share this article",
        "Log in",
        "Subscribe",
        "A",
        "A",
        "Gift Full Article",
    ]
