"""The summit page's presentation rules (summits/summit_page.py): participant order, statements
grouped by speaker in that order, and reported speech that repeats a quotation shown once."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from summits import summit_page
from summits.models import ReviewStatus
from tests import factories


def person(pk, name):
    return SimpleNamespace(pk=pk, name=name)


def attendance(pk, participant, role=""):
    return SimpleNamespace(pk=pk, participant=participant, role=role)


def said(text, speaker=None, label="", kind="direct"):
    return SimpleNamespace(
        text=text,
        kind=kind,
        speaker=speaker,
        speaker_id=speaker.pk if speaker else None,
        speaker_label=label,
        speaker_name=speaker.name if speaker else (label or "Unknown speaker"),
    )


# --- participant order ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "rank"),
    [
        ("President", summit_page.RANK_HEAD),
        ("US President", summit_page.RANK_HEAD),
        ("Prime Minister of Japan", summit_page.RANK_HEAD),
        ("Crown Prince", summit_page.RANK_HEAD),
        ("Vice President", summit_page.RANK_OTHER_ROLE),
        ("Deputy Prime Minister", summit_page.RANK_OTHER_ROLE),
        ("Foreign Minister", summit_page.RANK_OTHER_ROLE),
        ("Secretary of State", summit_page.RANK_OTHER_ROLE),
        ("", summit_page.RANK_NO_ROLE),
    ],
)
def test_role_rank(role, rank):
    assert summit_page.role_rank(role) == rank


def test_heads_of_state_come_first_then_others_in_recorded_order():
    minister = attendance(1, person(1, "Sergei Lavrov"), "Foreign Minister")
    nobody = attendance(2, person(2, "Aide Without Role"))
    president = attendance(3, person(3, "Vladimir Putin"), "President")
    premier = attendance(4, person(4, "Shinzo Abe"), "Prime Minister")
    ordered = summit_page.participant_order([nobody, premier, minister, president])
    assert [a.participant.name for a in ordered] == [
        "Vladimir Putin",
        "Shinzo Abe",
        "Sergei Lavrov",
        "Aide Without Role",
    ]


# --- repeats ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("reported", "quotation"),
    [
        ("the talks were very useful", "“The talks were very useful,” and long."),  # contained
        ("The Talks Were Very Useful.", "the talks were very useful"),  # case and punctuation
        ("we’ll lift all trade restrictions", "We'll lift all trade restrictions"),  # curly quotes
        ("the talks were very useful for both", "The talks were very useful for both."),
        ("the talks were really useful for both sides", "The talks were very useful for both sides"),
    ],
)
def test_a_reported_statement_that_repeats_a_quotation(reported, quotation):
    assert summit_page.repeats_quotation(reported, [quotation])


@pytest.mark.parametrize(
    ("reported", "quotation"),
    [
        ("the talks failed", "The talks were very useful"),
        ("the talks were useful and tariffs will fall next year", "The talks were useful"),
        ("useful", "The talks were useful"),  # too short to tell
        ("talks were use", "The talks were useful"),  # words, not characters
    ],
)
def test_a_reported_statement_that_says_more_or_else(reported, quotation):
    assert not summit_page.repeats_quotation(reported, [quotation])


def test_a_repeat_is_left_out_only_for_the_same_speaker():
    putin, erdogan = person(1, "Vladimir Putin"), person(2, "Recep Tayyip Erdogan")
    quotation = said("We will lift all trade restrictions,", putin)
    repeat = said("we will lift all trade restrictions", putin, kind="indirect")
    other_speaker = said("we will lift all trade restrictions", erdogan, kind="indirect")
    new = said("tomatoes are not included", putin, kind="indirect")
    shown = summit_page.without_repeats([repeat, quotation, other_speaker, new])
    assert shown == [quotation, other_speaker, new]


def test_a_label_repeats_only_its_own_quotation():
    joint = said("both sides will cooperate closely", label="A joint statement")
    repeat = said("both sides will cooperate closely", label="a joint statement", kind="indirect")
    nobody = said("both sides will cooperate closely", kind="indirect")
    assert summit_page.without_repeats([joint, repeat, nobody]) == [joint, nobody]


# --- speaker groups --------------------------------------------------------------------------------
def test_participants_speak_first_in_their_order_then_others_then_nobody():
    putin, erdogan, peskov = (
        person(1, "Vladimir Putin"),
        person(2, "Recep Tayyip Erdogan"),
        person(3, "Peskov"),
    )
    attendances = [attendance(10, erdogan, "President"), attendance(11, putin, "President")]
    statements = [  # as the selector gives them: by name
        said("a joint statement says things", label="A joint statement"),
        said("Peskov says things", peskov),
        said("Erdogan says things", erdogan),
        said("US officials say things", label="US officials"),
        said("Putin says things", putin),
        said("nobody knows who said it"),
        said("Putin says more", putin, kind="indirect"),
    ]
    groups = summit_page.speaker_groups(statements, attendances)
    assert [g.name for g in groups] == [
        "Recep Tayyip Erdogan",
        "Vladimir Putin",
        "Peskov",
        "A joint statement",
        "US officials",
        "Unknown speaker",
    ]
    assert [s.text for s in groups[1].statements] == ["Putin says things", "Putin says more"]
    assert groups[0].participant is erdogan and groups[3].participant is None


def test_a_participant_who_said_nothing_has_no_group():
    putin = person(1, "Vladimir Putin")
    groups = summit_page.speaker_groups([], [attendance(1, putin, "President")])
    assert groups == []


# --- the page --------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_summit_page_lists_heads_first_and_their_statements_before_labels(client, archive):
    lavrov = factories.ParticipantFactory(name="Aaron Lavrov")  # sorts first by name
    factories.AttendanceFactory(summit=archive.summit, participant=lavrov, role="Foreign Minister")
    factories.StatementFactory(
        summit=archive.summit,
        article=archive.article,
        speaker=None,
        speaker_label="A joint statement",
        text="Both sides will fight terrorism together.",
        start=None,
        end=None,
    )
    factories.StatementFactory(
        summit=archive.summit,
        article=archive.article,
        speaker=lavrov,
        text="Talks were frank.",
        start=None,
        end=None,
    )
    html = client.get(archive.summit.get_absolute_url()).content.decode()
    participants = html[html.index('id="participants-heading"') : html.index('id="statements-heading"')]
    assert participants.index("Vladimir Putin") < participants.index("Aaron Lavrov")
    assert participants.index("Recep Tayyip Erdogan") < participants.index("Aaron Lavrov")
    said_part = html[html.index('id="statements-heading"') : html.index('id="agreements-heading"')]
    order = [
        said_part.index(name)
        for name in ("Vladimir Putin", "Recep Tayyip Erdogan", "Aaron Lavrov", "A joint statement")
    ]
    assert order == sorted(order)


@pytest.mark.django_db
def test_summit_page_shows_a_repeated_quotation_once_and_keeps_the_reported_statement(client, archive):
    repeat = factories.StatementFactory(
        summit=archive.summit,
        article=archive.article,
        speaker=archive.putin,
        kind="indirect",
        text="they agreed to intensify the cooperation between the intelligence agencies",
        start=None,
        end=None,
        review_status=ReviewStatus.APPROVED,
    )
    html = client.get(archive.summit.get_absolute_url()).content.decode()
    assert html.count("intensify the cooperation between the intelligence agencies") == 1
    assert f'id="statement-{archive.quotation.pk}"' in html
    assert f'id="statement-{repeat.pk}"' not in html
    api = client.get(reverse("api:summit-detail", kwargs={"slug": archive.summit.slug})).json()
    assert repeat.text in [s["text"] for s in api["statements"]]
