"""Every endpoint refuses query parameters it does not know with a 400 that names them, instead
of silently ignoring a filter the client believes applied."""

import pytest
from django.urls import reverse

from summits.api.urls import router
from tests.api.utils import results

pytestmark = pytest.mark.django_db

LISTS = [basename for _, _, basename in router.registry]
DETAILS = {
    "summit": {"slug": "sochi-2017"},
    "participant": {"slug": "vladimir-putin"},
    "statement": None,  # the archive's quotation, by id
    "agreement": None,
    "country": {"code": "tr"},
}


def detail_kwargs(archive, basename):
    if basename == "statement":
        return {"pk": archive.quote.pk}
    if basename == "agreement":
        return {"pk": archive.trade.pk}
    return DETAILS[basename]


def test_unknown_parameter_on_agreements_is_named_with_the_allowed_ones(api, archive):
    response = api.get(reverse("api:agreement-list"), {"search": "tomatoes"})  # was every agreement
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "Unknown query parameters: search",
        "allowed": [
            "format",
            "ordering",
            "page",
            "page_size",
            "party",
            "review_status",
            "status",
            "summit",
            "topic",
        ],
    }


@pytest.mark.parametrize("basename", LISTS)
def test_every_list_refuses_unknown_parameters_also_as_csv(api, archive, basename):
    url = reverse(f"api:{basename}-list")
    response = api.get(url, {"format": "csv", "colour": "red", "Page": "1"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["detail"] == "Unknown query parameters: Page, colour"
    assert {"format", "ordering", "page", "page_size"} <= set(body["allowed"])
    assert api.get(url, {"format": "csv", "page": "1", "ordering": "-created_at"}).status_code == 200


@pytest.mark.parametrize("basename", LISTS)
def test_every_detail_takes_only_format(api, archive, basename):
    url = reverse(f"api:{basename}-detail", kwargs=detail_kwargs(archive, basename))
    assert api.get(url, {"format": "json"}).status_code == 200
    response = api.get(url, {"page": "1"})
    assert response.status_code == 400
    assert response.json() == {"detail": "Unknown query parameters: page", "allowed": ["format"]}


def test_filterset_parameters_are_allowed_under_their_query_names(api, archive):
    """A date range filter is queried as start_date_after / start_date_before, not start_date."""
    url = reverse("api:summit-list")
    response = api.get(url, {"start_date_after": "2018-01-01", "start_date_before": "2018-12-31"})
    assert results(response, "slug") == ["ankara-2018"]
    refused = api.get(url, {"start_date": "2018-01-01"})
    assert refused.json()["detail"] == "Unknown query parameters: start_date"


def test_search_is_allowed_where_it_is_a_filter(api, archive):
    response = api.get(reverse("api:statement-list"), {"search": "intelligence"})
    assert response.status_code == 200


def test_writes_refuse_unknown_parameters_too(staff_api, archive):
    response = staff_api.post(reverse("api:summit-list") + "?dry_run=1", {"title": "x"}, format="json")
    assert response.status_code == 400
    assert response.json()["detail"] == "Unknown query parameters: dry_run"


def test_a_method_the_route_lacks_is_still_405_whatever_the_parameters(api, archive):
    response = api.generic("TRACE", reverse("api:summit-list") + "?colour=red")
    assert response.status_code == 405


def test_schema_documents_the_400_of_detail_endpoints(api):
    schema = api.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    detail = schema["paths"]["/api/summits/{slug}/"]["get"]["responses"]
    assert "400" in detail and "Unknown query parameters" in detail["400"]["description"]
