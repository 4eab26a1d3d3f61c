"""The project's own scorer (summits.evaluation) and the evaluate_extraction command."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from summits.evaluation import (
    PHENOMENA,
    Figures,
    Total,
    same_person,
    same_quotation,
    same_span,
    score_article,
)

GOLD = {
    "article": "a.txt",
    "summit": {"location": "Sochi", "country": "RU", "date": None, "date_text": "Wednesday"},
    "participants": [
        {"name": "Vladimir Putin", "country": "RU", "role": "President"},
        {"name": "Recep Tayyip Erdogan", "country": "TR", "role": "President"},
    ],
    "mentioned_not_participants": ["Donald Trump"],
    "statements": [
        {"speaker": "Vladimir Putin", "quote": "We agreed to intensify the fight against terrorism,"}
    ],
    "reported_statements": [
        {
            "speaker": "Recep Tayyip Erdogan",
            "evidence": "Turkey would continue to take measures against threats",
        }
    ],
    "agreements": [
        {"parties": ["RU", "TR"], "topic": "trade", "evidence": "agreed to lift all trade restrictions"}
    ],
    "agreements_optional": [{"parties": ["RU"], "topic": "gas", "evidence": "Russia will keep gas flowing"}],
}


def test_names_match_with_titles_aside_and_a_surname_alone():
    assert same_person("President Putin", "Vladimir Putin")
    assert same_person("Erdoğan", "Recep Tayyip Erdogan")
    assert not same_person("Vladimir Putin", "Recep Tayyip Erdogan")
    assert not same_person("", "Putin")


def test_quotations_match_without_the_markup_a_stored_web_page_keeps_in_them():
    stored = 'I declare: <a href="http://example.com/x?id=1">I will not pay</a> for that wall.'
    assert same_quotation("I declare: I will not pay for that wall.", stored)
    assert same_span(
        "his support for a closer relationship", "his&nbsp;support for&nbsp;a closer relationship"
    )


def test_quotations_match_across_quotation_marks_and_small_cuts():
    assert same_quotation(
        "“We agreed to intensify the fight”", '"We agreed to intensify the fight against terrorism,"'
    )
    assert not same_quotation("We disagreed", "We agreed to intensify the fight against terrorism")
    assert same_span(
        "they agreed to lift all trade restrictions at once", "agreed to lift all trade restrictions"
    )


def test_precision_recall_and_f1_from_counts():
    assert Figures(1, 2, 1, 1).f1 == pytest.approx(2 / 3)
    assert Figures(0, 0, 0, 0).f1 == 1.0  # nothing to find, nothing claimed
    assert Figures(0, 1, 0, 0).precision == 0.0
    assert (Figures(1, 1, 1, 1) + Figures(0, 1, 0, 1)).counts == (1, 2, 1, 2)


def test_a_perfect_extraction_scores_one_and_misses_nothing():
    predicted = {
        "summit": {"location": "Sochi", "country": "RU", "date": None},
        "participants": [{"name": "Vladimir Putin"}, {"name": "Recep Tayyip Erdogan"}],
        "statements": [
            {
                "speaker": "Putin",
                "text": "We agreed to intensify the fight against terrorism,",
                "kind": "direct",
            },
            {
                "speaker": "Erdogan",
                "text": "Turkey would continue to take measures against threats",
                "kind": "indirect",
            },
        ],
        "agreements": [{"text": "Ankara and Moscow agreed to lift all trade restrictions"}],
    }
    score = score_article("a", predicted, GOLD)
    assert {name: f.f1 for name, f in score.figures.items()} == dict.fromkeys(score.figures, 1.0)
    assert score.summit == 1.0 and score.misses == []


def test_every_miss_is_named_by_its_kind():
    predicted = {
        "summit": {"location": "Moscow", "country": "RU", "date": None},
        "participants": [{"name": "Vladimir Putin"}, {"name": "Donald Trump"}],
        "statements": [
            {
                "speaker": "Erdogan",
                "text": "We agreed to intensify the fight against terrorism,",
                "kind": "direct",
            },
            {"speaker": "Putin", "text": "the weather was fine all week long", "kind": "indirect"},
        ],
        "agreements": [{"text": "Russia will keep gas flowing"}, {"text": "they will meet again next year"}],
    }
    kinds = sorted(m.kind for m in score_article("a", predicted, GOLD).misses)
    assert kinds == [
        "agreement missed",
        "agreement spurious",
        "participant missed",
        "participant only mentioned, taken as present",
        "quotation speaker wrong",
        "reported speech missed",
        "reported speech spurious",
        "summit place wrong",
    ]
    total = Total.of([score_article("a", predicted, GOLD)])
    assert total.line().startswith("TOTAL n=1 failed=0 participants_f1=0.50 ")
    assert {question: count for question, count, _ in total.by_phenomenon()} == {
        "1 about the meeting": 1,
        "2 who took part": 1,
        "3 where": 1,
        "4 what was agreed": 2,
        "5 who said it": 1,
        "6 what counts as speech": 2,
        "7 dates": 0,
    }
    assert sum(count for _, count, _ in total.by_phenomenon()) == sum(total.misses.values())
    assert total.leaked_per_ten == 10.0


def test_a_refused_meeting_report_is_a_failed_article_that_scores_zero():
    # the import writes nothing of a refused article, whatever its extraction held
    predicted = {
        "summit": GOLD["summit"],
        "participants": GOLD["participants"],
        "refusal": "no meeting found: a speech at home",
    }
    score = score_article("a", predicted, GOLD)
    assert score.failed.startswith("refused, no meeting found")
    assert score.summit == 0.0
    total = Total.of([score, score_article("b", {"summit": GOLD["summit"], **GOLD}, GOLD)])
    assert total.failed == 1
    assert total.misses["meeting report refused"] == 1
    assert {q: n for q, n, _ in total.by_phenomenon()}["1 about the meeting"] == 1
    assert total.figures["participants"].recall == 0.5
    assert total.means["participants"] == 0.5
    assert total.summit == 0.5
    assert total.line().startswith("TOTAL n=2 failed=1 ")


def test_every_kind_of_miss_falls_under_one_phenomenon():
    kinds = [kind for _, group in PHENOMENA for kind in group]
    assert len(kinds) == len(set(kinds))
    assert {"participant missed", "summit date wrong", "reported speech speaker wrong"} <= set(kinds)


@pytest.fixture
def gold_folder(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "annotations").mkdir()
    text = (
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Wednesday. "
        '"We agreed to intensify the fight against terrorism," Putin said.'
    )
    (tmp_path / "articles" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "annotations" / "a.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def test_the_command_prints_rows_a_total_and_misses_by_kind(gold_folder):
    out = StringIO()
    call_command("evaluate_extraction", str(gold_folder), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("article") and lines[1].startswith("a ")
    assert "Misses by kind:" in lines
    assert "reported speech missed" in out.getvalue()
    assert "Misses by phenomenon:" in lines
    assert "mentioned people taken as present: 0.0 per ten articles" in out.getvalue()
    assert lines[-1].startswith("TOTAL n=1 failed=0 participants_f1=1.00 quotes_f1=1.00 attributed_f1=1.00")


def test_the_command_refuses_a_folder_without_gold(tmp_path):
    with pytest.raises(CommandError, match="no gold annotations"):
        call_command("evaluate_extraction", str(tmp_path), stdout=StringIO())


def test_the_total_averages_each_articles_f1_and_pools_the_counts_apart():
    # one article with one participant right, one with nine missed of ten
    two = {"participants": GOLD["participants"][:1]}
    ten = {"participants": [{"name": f"Person {n}"} for n in "ABCDEFGHIJ"]}
    scores = [
        score_article("small", {"participants": two["participants"]}, {**GOLD, **two}),
        score_article("large", {"participants": ten["participants"][:1]}, {**GOLD, **ten}),
    ]
    total = Total.of(scores)
    assert round(total.means["participants"], 3) == round((1.0 + 2 * 0.1 / 1.1) / 2, 3)
    assert total.figures["participants"].recall == 2 / 11
    assert total.line().startswith(f"TOTAL n=2 failed=0 participants_f1={total.means['participants']:.2f}")
    assert total.pooled_line().startswith(f"POOLED participants_f1={total.figures['participants'].f1:.2f}")


def test_a_field_the_gold_leaves_out_is_not_scored():
    partial = {key: GOLD[key] for key in ("article", "summit", "participants", "mentioned_not_participants")}
    score = score_article(
        "a", {"statements": [{"text": "a quotation of many words", "kind": "direct"}]}, partial
    )
    assert set(score.figures) == {"participants"}
    total = Total.of([score])
    assert "quotes" not in total.means
    assert " quotes_f1=- " in total.line() and " agreements_f1=- " in total.pooled_line() + " "
