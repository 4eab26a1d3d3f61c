from django.http import JsonResponse
from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

# No format-suffix routes: ?format=csv (or Accept: text/csv) chooses CSV.
router = DefaultRouter()
router.include_format_suffixes = False
router.register("summits", views.SummitViewSet, basename="summit")
router.register("participants", views.ParticipantViewSet, basename="participant")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("countries", views.CountryViewSet, basename="country")


def not_found(request, *args, **kwargs):
    """Any other /api/.../ address: a JSON 404 like the API's own, not the site's HTML page."""
    return JsonResponse({"detail": "Not found."}, status=404)


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: the CSP allows no inline script.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
    path("redoc/", views.LocalRedocView.as_view(url_name="api:schema"), name="redoc"),
    *router.urls,
    # Last, and only for paths ending in "/", so APPEND_SLASH still redirects /api/summits.
    re_path(r"^[\s\S]*/$", not_found),
]
