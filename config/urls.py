from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Summit Archive — editors"
admin.site.site_title = "Summit Archive admin"
admin.site.index_title = "Curate the archive"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("summits.api.urls")),
    path("", include("summits.urls")),
]
