"""The source span shown to editors: the sentence around it, escaped, the span in <mark>."""

from summits.admin import highlight_span

TEXT = 'Leaders met in Sochi. "We agreed to work together," Putin said. Talks went on.'


def span(text, part):
    start = text.index(part)
    return start, start + len(part)


def test_marks_the_span_within_its_sentence():
    html = highlight_span(TEXT, *span(TEXT, "We agreed to work together,"))
    assert html == (
        '<div class="source-excerpt">… &quot;<mark>We agreed to work together,</mark>'
        "&quot; Putin said. …</div>"
    )


def test_first_and_last_sentences_have_no_ellipsis():
    assert highlight_span(TEXT, *span(TEXT, "Leaders")).startswith(
        '<div class="source-excerpt"><mark>Leaders'
    )
    assert highlight_span(TEXT, *span(TEXT, "Talks went on")).endswith("<mark>Talks went on</mark>.</div>")


def test_long_sentences_are_cut_at_a_word_to_the_window():
    text = "word " * 100 + "SPAN" + " more" * 100
    html = highlight_span(text, *span(text, "SPAN"), window=20)
    assert html == '<div class="source-excerpt">… word word word <mark>SPAN</mark> more more more …</div>'


def test_escapes_html_in_the_article_and_the_span():
    text = '<img src=x onerror="alert(1)"> said <b>no</b>.'
    html = highlight_span(text, *span(text, "<b>no</b>"))
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; said <mark>&lt;b&gt;no&lt;/b&gt;</mark>." in html


def test_offsets_past_the_end_are_clamped():
    assert highlight_span("short", 3, 99) == '<div class="source-excerpt">sho<mark>rt</mark></div>'
