from django.contrib.sitemaps.views import sitemap
from django.urls import path, re_path

from . import chronology_views, citation_views, data_views, views
from .feeds import LatestSummitsFeed
from .sitemaps import SITEMAPS

app_name = "summits"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("summits/", views.SummitListView.as_view(), name="summit-list"),
    path("summits/<slug:slug>/", views.SummitDetailView.as_view(), name="summit-detail"),
    path("summits/<slug:slug>/preview/", views.SummitPreviewView.as_view(), name="summit-preview"),
    path("participants/<slug:slug>/", views.ParticipantDetailView.as_view(), name="participant-detail"),
    path("countries/<str:code>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("statements/<int:pk>/", citation_views.StatementDetailView.as_view(), name="statement-detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("feed/", LatestSummitsFeed(), name="feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("countries/<str:a>/<str:b>/", chronology_views.CountryPairView.as_view(), name="country-pair"),
    path(
        "participants/<slug:a>/<slug:b>/",
        chronology_views.ParticipantPairView.as_view(),
        name="participant-pair",
    ),
]

# Taking the data away (summits/data_views.py)
urlpatterns += [
    re_path(
        r"^data/(?P<kind>summits|statements|agreements)\.(?P<format>csv|json)$",
        data_views.DataExportView.as_view(),
        name="data-export",
    ),
    path("about/data/", data_views.AboutDataView.as_view(), name="about-data"),
]
