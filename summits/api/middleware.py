"""Every API error is JSON, the 500 included.

DRF answers its own exceptions (400, 401, 403, 404, 405, 429) in JSON; anything else a view
raises under the ``api`` namespace would reach Django's HTML error page. Here it is logged and
signalled as Django does for any server error, then answered like the API's other errors.
"""

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.core.signals import got_request_exception
from django.http import Http404, JsonResponse
from django.utils.log import log_response

# What Django itself answers with a client error, should a view outside DRF raise it.
CLIENT_ERRORS = [
    (Http404, 404, "Not found."),
    (PermissionDenied, 403, "You do not have permission to perform this action."),
    ((BadRequest, SuspiciousOperation), 400, "Bad request."),
]


class JSONServerErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = getattr(request, "resolver_match", None)
        if match is None or "api" not in match.namespaces:
            return None
        for kind, status, detail in CLIENT_ERRORS:
            if isinstance(exception, kind):
                return JsonResponse({"detail": detail}, status=status)
        got_request_exception.send(sender=None, request=request)
        response = JsonResponse({"detail": "Server error."}, status=500)
        # Django's own record of a server error, with the traceback (and logged once only).
        log_response(
            "%s: %s",
            response.reason_phrase,
            request.path,
            response=response,
            request=request,
            exception=exception,
        )
        return response
