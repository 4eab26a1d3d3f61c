"""The trivial view every page is compared with: no query, no template, the same middleware."""

from django.http import HttpResponse


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")
