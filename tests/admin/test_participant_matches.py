"""Proposed participant matches in the admin: the list of proposals (open first), its actions
"Merge (keep the candidate)" and "Two different people", the proposals on a participant's page
and their count on the admin's front page."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from summits.models import Participant, ParticipantMatch
from tests import factories
from tests.admin.conftest import admin_url, result_list
from tests.admin.test_changelists import assert_constant_queries

pytestmark = pytest.mark.django_db

LIST = admin_url(ParticipantMatch)


def proposal(participant=None, candidate=None, **kwargs) -> ParticipantMatch:
    """A proposal as the import makes one: each person attended a summit."""
    participant = participant or factories.AttendanceFactory().participant
    candidate = candidate or factories.AttendanceFactory().participant
    kwargs.setdefault("score", 91.4)
    kwargs.setdefault("reason", "names 91 % alike, same country")
    return ParticipantMatch.objects.create(participant=participant, candidate=candidate, **kwargs)


@pytest.fixture
def zelensky():
    """Zelenskiy (two summits, one statement) proposed as Zelenskyy (one summit, Ukraine)."""
    zelenskyy = factories.ParticipantFactory(name="Volodymyr Zelenskyy", country=factories.country("UA"))
    zelenskiy = factories.ParticipantFactory(name="Volodymyr Zelenskiy", country=None)
    factories.AttendanceFactory(participant=zelenskyy)
    for _ in range(2):
        attendance = factories.AttendanceFactory(participant=zelenskiy)
    factories.StatementFactory(speaker=zelenskiy, summit=attendance.summit)
    return proposal(zelenskiy, zelenskyy), zelenskiy, zelenskyy


def act(client, action: str, *matches, follow=True):
    data = {ACTION_CHECKBOX_NAME: [m.pk for m in matches], "action": action}
    return client.post(LIST, data, follow=follow)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_list_shows_both_people_their_countries_and_summits_open_first(editor_client, zelensky):
    match, zelenskiy, zelenskyy = zelensky
    decided = proposal(status=ParticipantMatch.Status.DISMISSED)

    response = editor_client.get(LIST)

    assert result_list(response) == [match, decided]  # the open one first, although older
    row = response.content.decode().split(f'value="{match.pk}"')[1].split("</tr>")[0]
    for shown in (
        "Volodymyr Zelenskiy",
        "Volodymyr Zelenskyy",
        ">91<",
        "names 91 % alike",
        "Ukraine",
        ">2<",
        ">1<",
    ):
        assert shown in row
    assert editor_client.get(LIST, {"status__exact": "dismissed"}).context["cl"].result_count == 1
    assert "Add proposed participant match" not in response.content.decode()


def test_the_list_costs_the_same_queries_for_one_and_thirty_proposals(
    editor_client, django_assert_num_queries
):
    # session, user; count, filtered count, rows; the status filter's choices take none
    assert_constant_queries(editor_client, LIST, proposal, 5, django_assert_num_queries)


def test_merge_keeps_the_candidate(editor_client, zelensky):
    match, zelenskiy, zelenskyy = zelensky

    response = act(editor_client, "merge_matches", match)

    assert not Participant.objects.filter(pk=zelenskiy.pk).exists()
    zelenskyy.refresh_from_db()
    assert "Volodymyr Zelenskiy" in zelenskyy.aliases
    assert zelenskyy.attendances.count() == 3 and zelenskyy.statements.count() == 1
    assert messages_of(response) == [
        "1 merged into the candidate: Volodymyr Zelenskiy = Volodymyr Zelenskyy."
    ]


def test_two_different_people_closes_the_proposal(editor_client, zelensky):
    match, zelenskiy, zelenskyy = zelensky

    response = act(editor_client, "dismiss_matches", match)

    match.refresh_from_db()
    assert match.status == ParticipantMatch.Status.DISMISSED
    assert Participant.objects.filter(pk__in=[zelenskiy.pk, zelenskyy.pk]).count() == 2
    assert messages_of(response) == ["1 marked as two people: Volodymyr Zelenskiy = Volodymyr Zelenskyy."]


def test_stale_proposals_are_handled_politely(editor_client, zelensky):
    match, zelenskiy, zelenskyy = zelensky
    # a second proposal about the same person, chosen with the first: the first merge takes it away
    other = proposal(zelenskiy, factories.ParticipantFactory(name="V. Zelensky"))

    response = act(editor_client, "merge_matches", match, other)
    assert response.status_code == 200
    changed, merged = messages_of(response)
    assert changed == (
        "The proposal Volodymyr Zelenskiy = V. Zelensky? changed meanwhile "
        "(it is now Volodymyr Zelenskyy = V. Zelensky?): look at it again."
    )
    assert merged.startswith("1 merged into the candidate")
    other.refresh_from_db()  # carried over to the person kept, still to decide
    assert (other.participant, other.status) == (zelenskyy, ParticipantMatch.Status.PROPOSED)

    # the page was stale: both rows are gone by now
    response = act(editor_client, "merge_matches", match)
    assert response.status_code == 200
    assert "None of the chosen proposals is left" in messages_of(response)[0]


def test_a_participants_page_shows_its_open_proposals(editor_client, zelensky):
    match, zelenskiy, zelenskyy = zelensky
    proposal(
        zelenskyy, factories.ParticipantFactory(name="Someone Else"), status=ParticipantMatch.Status.DISMISSED
    )

    for person, other in ((zelenskiy, zelenskyy), (zelenskyy, zelenskiy)):
        html = editor_client.get(
            reverse("admin:summits_participant_change", args=[person.pk])
        ).content.decode()
        link = reverse("admin:summits_participantmatch_change", args=[match.pk])
        assert f'<a href="{link}">{other.name}</a> (names 91 % alike: names 91 % alike, same country)' in html
        assert "Someone Else" not in html


def test_the_front_page_counts_the_open_proposals(editor_client, zelensky):
    proposal(status=ParticipantMatch.Status.MERGED)

    html = editor_client.get(reverse("admin:index")).content.decode()

    assert f'href="{LIST}?status__exact=proposed">1 proposed match to decide</a>' in html


def test_merging_needs_the_right_to_delete_people(client, zelensky):
    from django.contrib.auth.models import Permission

    match, zelenskiy, _ = zelensky
    clerk = factories.UserFactory(is_staff=True)
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_participantmatch", "change_participantmatch"])
    )
    client.force_login(clerk)

    assert act(client, "merge_matches", match, follow=False).status_code == 403
    assert Participant.objects.filter(pk=zelenskiy.pk).exists()
