from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
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

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    *router.urls,
]
