"""The import files the kind of meeting and the venue apart from the city, once: an editor's
correction stands whatever later imports find."""

import pytest

from summits import ingest
from summits.extraction import ParticipantFound, SummitFound
from summits.models import Summit

from .conftest import ARTICLE, SECOND_ARTICLE, first_extraction, second_extraction

pytestmark = pytest.mark.django_db


def test_the_import_derives_the_kind_of_a_new_summit():
    result = ingest.import_article(text=ARTICLE, extraction=first_extraction())

    assert result.summit.kind == Summit.Kind.BILATERAL
    assert Summit.objects.get().kind == "bilateral"


def test_a_state_visit_is_read_from_the_text():
    text = ARTICLE.replace("in Sochi on Wednesday", "in Sochi on Wednesday, on a state visit")
    result = ingest.import_article(text=text, extraction=first_extraction(text))

    assert result.summit.kind == Summit.Kind.STATE_VISIT


def test_an_editors_kind_stands_on_reimport_and_when_another_article_joins():
    result = ingest.import_article(text=ARTICLE, extraction=first_extraction())
    Summit.objects.filter(pk=result.summit.pk).update(kind=Summit.Kind.STATE_VISIT)

    ingest.import_article(text=ARTICLE, update=True, extraction=first_extraction())
    joined = ingest.import_article(text=SECOND_ARTICLE, extraction=second_extraction())

    assert joined.summit.pk == result.summit.pk
    assert Summit.objects.get().kind == Summit.Kind.STATE_VISIT


def test_a_landmark_is_filed_as_the_venue_in_its_city():
    extraction = first_extraction()
    extraction.summit = SummitFound(
        location="Bocharov Ruchei, Sochi", venue="Bocharov Ruchei", country="RU", date_text="Wednesday"
    )
    result = ingest.import_article(text=ARTICLE, extraction=extraction)

    summit = Summit.objects.get(pk=result.summit.pk)
    assert (summit.venue, summit.city, summit.country_id) == ("Bocharov Ruchei", "Sochi", "RU")


def test_an_article_naming_only_the_city_joins_the_summit_at_a_venue_there():
    extraction = first_extraction()
    extraction.summit = SummitFound(
        location="Bocharov Ruchei, Sochi", venue="Bocharov Ruchei", country="RU", date_text="Wednesday"
    )
    first = ingest.import_article(text=ARTICLE, extraction=extraction)

    second = ingest.import_article(text=SECOND_ARTICLE, extraction=second_extraction())

    assert second.summit.pk == first.summit.pk


def test_a_summit_filed_before_venues_were_kept_is_found_again():
    older = ingest.import_article(text=ARTICLE, extraction=first_extraction())
    Summit.objects.filter(pk=older.summit.pk).update(city="Bocharov Ruchei, Sochi")
    extraction = second_extraction()
    extraction.summit = SummitFound(
        location="Bocharov Ruchei, Sochi", venue="Bocharov Ruchei", country="RU", date_text="Wednesday"
    )
    extraction.participants.append(ParticipantFound("Hassan Rouhani", "President", "IR"))

    result = ingest.import_article(text=SECOND_ARTICLE, extraction=extraction)

    assert result.summit.pk == older.summit.pk
