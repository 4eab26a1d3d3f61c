"""Writes the sample article files of this folder, so that their bytes are exactly what the tests expect.

Each file is a short, invented report of a meeting between leaders in one of the shapes real
files arrive in (an encoding, a markup, a wrapper); one is a picture with a .txt name. Run
``python tests/ingest/files/make_files.py`` after changing a sample; ``tests/ingest/test_reading.py``
checks that the files on disk are the ones this script writes.
"""

import codecs
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def png() -> bytes:
    """A real 1x1 PNG picture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def as_cp1252(data: bytes) -> str:
    """Bytes read as Windows-1252, as a careless program does (its 5 undefined bytes read as Latin-1)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


CP1252 = (
    "Macron and Scholz pledge closer defence ties in Berlin\n"
    "\n"
    "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Tuesday, "
    "and the two leaders agreed to deepen cooperation on air defence.\n"
    "\n"
    "\u201cOur friendship is Europe\u2019s engine \u2013 today we proved it again,\u201d Macron said "
    "after the talks at the Chancellery, where a caf\u00e9 reception followed.\n"
    "\n"
    "Scholz said Germany and France would present a joint plan to their partners in June.\n"
)

UTF16_BOM = (
    "Sánchez and Costa agree Iberian energy link in Lisbon\n"
    "\n"
    "Spanish Prime Minister Pedro Sánchez met Portuguese Prime Minister António Costa in Lisbon on "
    "Monday, and the two governments agreed to build a new electricity interconnector.\n"
    "\n"
    "“The peninsula will no longer be an energy island,” Sánchez said at a joint news conference.\n"
)

UTF16_NO_BOM = (
    "Modi and Hasina open rail link in Dhaka\n"
    "\n"
    "Indian Prime Minister Narendra Modi met Bangladeshi Prime Minister Sheikh Hasina in Dhaka on "
    "Saturday, and the two leaders agreed to open a new cross-border rail link.\n"
    "\n"
    "Hasina said the line would cut travel times for traders on both sides of the border.\n"
)

CLEAN_FOR_MOJIBAKE = (
    "Lula and Macron agree Amazon fund in Belém\n"
    "\n"
    "Brazilian President Luiz Inácio Lula da Silva met French President Emmanuel Macron in Belém on "
    "Tuesday, and the two leaders agreed to raise 1 billion euros for the Amazon rainforest.\n"
    "\n"
    "“We will protect the forest together,” Macron said. Lula said Brazil’s plan was ambitious.\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kishida and Yoon vow closer security ties | The Daily Example</title>
<meta property="og:title" content="Kishida and Yoon vow closer security ties">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://news.example.com/2023/03/16/kishida-yoon-tokyo">
<meta property="article:published_time" content="2023-03-16T09:30:00+09:00">
<meta name="author" content="Jane Smith">
<link rel="canonical" href="https://news.example.com/2023/03/16/kishida-yoon-tokyo">
<style>body { font-family: serif; }</style>
<script>window.analytics = {"page": "article"};</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Kishida and Yoon vow closer security ties</h1>
<p class="byline">By Jane Smith</p>
<p>Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on
Thursday, and the two leaders agreed to resume regular visits.</p>
<figure><img src="/photo.jpg" alt="">
<figcaption>Fumio Kishida and Yoon Suk Yeol in Tokyo.</figcaption></figure>
<p>&ldquo;We have opened a new chapter,&rdquo; Kishida said. Yoon said the two countries would share
missile warning data&nbsp;in real time.</p>
<aside>Read more: Tokyo weather this weekend</aside>
</article>
<footer>&copy; The Daily Example</footer>
</body>
</html>
"""

HTML_FRAGMENT = (
    "<p>Indonesian President Joko Widodo met Australian Prime Minister Anthony Albanese in Jakarta on "
    "Monday, and the two leaders agreed to a new climate partnership.</p>\n"
    "<p>&quot;Australia is a true friend,&quot; Widodo said.<br>Albanese said the partnership&rsquo;s "
    "first projects would start this year.</p>\n"
)

ENTITIES = (
    "Ramaphosa and Ruto agree visa-free travel in Nairobi\n"
    "\n"
    "South African President Cyril Ramaphosa met Kenyan President William Ruto in Nairobi on Wednesday, "
    "and the two leaders agreed to scrap visas for each other&rsquo;s citizens.\n"
    "\n"
    "&quot;Trade &amp; tourism will grow,&quot; Ruto said after the talks.\n"
)

NEWSWIRE = """<DOC id="AFP_ENG_20130617.0042" type="story" >
<HEADLINE>
Putin and Cameron discuss Syria in London
</HEADLINE>
<DATELINE>
LONDON, June 16 (AFP)
</DATELINE>
<TEXT>
<P>
Russian President Vladimir Putin met British Prime Minister David
Cameron in London on Sunday, and the two leaders discussed the war in
Syria ahead of the G8 summit.
</P>
<P>
"We agreed that our experts should keep working together," Cameron
said after the talks at Downing Street.
</P>
</TEXT>
</DOC>
"""

REUTERS = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="42">
<DATE>26-FEB-1987 15:01:11.79</DATE>
<TOPICS><D>trade</D></TOPICS>
<PLACES><D>usa</D><D>japan</D></PLACES>
<TEXT>&#2;
<TITLE>REAGAN AND NAKASONE AGREE TRADE TALKS</TITLE>
<DATELINE>    WASHINGTON, Feb 26 - </DATELINE><BODY>U.S. President Ronald Reagan met Japanese
Prime Minister Yasuhiro Nakasone in Washington on Thursday and the two
leaders agreed to open talks on semiconductor trade, officials said.
    Nakasone said Japan would buy more American goods and would report
on progress at the Venice summit in June.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"""

YAML_FRONT = """---
title: "Erdogan and Mitsotakis agree to ease tensions in Athens"
post_date: 2023-12-07
author: Jane Smith
source: https://news.example.org/erdogan-mitsotakis-athens
categories: [world, europe]
---

Turkish President Recep Tayyip Erdogan met Greek Prime Minister Kyriakos Mitsotakis in Athens on
Thursday, and the two leaders agreed to keep channels of communication open.

"There is no problem between us that cannot be solved," Erdogan said after the talks.
"""

TOML_FRONT = """+++
title = "Ruto and Samia pledge to scrap border fees in Dar es Salaam"
date = 2024-10-03T10:00:00Z
authors = ["John Doe"]
url = "https://news.example.net/ruto-samia-border"
+++

Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Dar es Salaam on
Thursday, and the two leaders pledged to abolish road tolls on cargo crossing their border.

Samia said the queues of trucks at the border had to end.
"""

HEADERS = (
    "Title: Xi and Tokayev agree to deepen energy cooperation\n"
    "Date: 2024-07-03\n"
    "Src: https://news.example.com/xi-tokayev-astana\n"
    "\n"
    "Chinese President Xi Jinping met Kazakh President Kassym-Jomart Tokayev in Astana on Wednesday, "
    "and the two leaders agreed to deepen cooperation in energy and transport.\n"
    "\n"
    "Tokayev said Kazakhstan would expand rail links to China.\n"
)

HIGHLIGHTS = (
    "Merkel and Macron met in Berlin on Monday and pledged to rebuild Europe together.\n"
    "\n"
    "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday, "
    "and the two leaders agreed to draw up a common road map for the eurozone.\n"
    "\n"
    "Macron said France would reform its labour market first.\n"
    "\n"
    "@highlight\n"
    "\n"
    "Merkel and Macron meet in Berlin\n"
    "\n"
    "@highlight\n"
    "\n"
    "They agree to draw up a road map for the eurozone\n"
)

USENET = """Path: news.example.com!not-for-mail
From: Jane Smith <jane@example.org>
Newsgroups: clari.world.europe
Subject: Re: Chirac and Schroeder meet in Paris
Date: Tue, 12 Nov 2002 14:03:00 +0100
Organization: Example Wire Service
Message-ID: <summit-42@example.org>

In article <summit-41@example.org>, John Doe <john@example.org> wrote:
> French President Jacques Chirac met German Chancellor Gerhard
> Schroeder in Paris on Monday, and the two leaders agreed on a
> common position on farm subsidies.
>
>> "We have found a compromise," Chirac said after the talks at
>> the Elysee Palace.

Schroeder said Germany would back the plan at the Brussels summit
later this month.

--\x20
Jane Smith, Paris bureau
"""

HARD_WRAPPED = """Obama and Putin discuss Syria at G8 summit

U.S. President Barack Obama met Russian President Vladimir Putin in
Enniskillen on Monday, on the sidelines of the G8 summit in Northern
Ireland, and the two leaders discussed the war in Syria.

"We share an interest in reducing the violence," Obama said after the
talks, which lasted two hours. Putin said the two countries would
support peace talks in Geneva.
"""

CRLF = (
    "Biden and Lopez Obrador discuss migration in Mexico City\r\n"
    "\r\n"
    "U.S. President Joe Biden met Mexican President Andres Manuel Lopez Obrador in Mexico City on "
    "Monday, and the two leaders agreed to expand legal routes for migrants.\r\n"
    "\r\n"
    '"We are partners," Biden said at the National Palace.\r\n'
)

CONCESSIVE = (
    "Starmer and Macron discuss security in London\n"
    "\n"
    "British Prime Minister Keir Starmer met French President Emmanuel Macron in London on Thursday, "
    "and the two leaders agreed to coordinate their intelligence services.\n"
    "\n"
    "Director Jane Smith announced in July that while the minister had been careless, no charges were "
    "appropriate.\n"
    "\n"
    'Starmer said: "Our countries are safer when we work together."\n'
)

SAMPLES: dict[str, bytes] = {
    "cp1252_curly_quotes.txt": CP1252.encode("cp1252"),
    "utf16le_bom.txt": codecs.BOM_UTF16_LE + UTF16_BOM.encode("utf-16-le"),
    "utf16be_no_bom.txt": UTF16_NO_BOM.encode("utf-16-be"),
    # UTF-8 bytes read as cp1252 and saved again as UTF-8: "’" became "â€™", "é" "Ã©"
    "mojibake_utf8.txt": as_cp1252(CLEAN_FOR_MOJIBAKE.encode("utf-8")).encode("utf-8"),
    "html_page.txt": HTML_PAGE.encode("utf-8"),
    "html_fragment.txt": HTML_FRAGMENT.encode("utf-8"),
    "html_entities.txt": ENTITIES.encode("utf-8"),
    "newswire_sgml.txt": NEWSWIRE.encode("ascii"),
    "reuters_sgml.txt": REUTERS.encode("ascii"),
    "front_matter_yaml.txt": YAML_FRONT.encode("utf-8"),
    "front_matter_toml.txt": TOML_FRONT.encode("utf-8"),
    "headers_title_date_src.txt": HEADERS.encode("utf-8"),
    "cnn_highlights.txt": HIGHLIGHTS.encode("utf-8"),
    "usenet_post.txt": USENET.encode("utf-8"),
    "hard_wrapped.txt": HARD_WRAPPED.encode("utf-8"),
    "crlf.txt": CRLF.encode("utf-8"),
    "crash_concessive.txt": CONCESSIVE.encode("utf-8"),
    "binary_picture.txt": png(),
}


def main() -> None:
    for name, data in SAMPLES.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
