"""The OpenAPI schema documents the errors the API really returns, not only the successes."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

from .permissions import IsStaffOrReadOnly


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong.")


VALIDATION_ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Invalid input: a list of messages for each field at fault; or a query parameter the "
    'endpoint does not know: `{"detail": "Unknown query parameters: …", "allowed": [...]}`.',
)
NOT_AUTHENTICATED = OpenApiResponse(ErrorSerializer, description="No or invalid credentials.")
FORBIDDEN = OpenApiResponse(ErrorSerializer, description="Only staff may write.")
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such object, or no such page.")
THROTTLED = OpenApiResponse(ErrorSerializer, description="Too many requests from an anonymous client.")


CSV_BODY = {"type": "string", "description": "The page's results as CSV, a header row first."}


class ArchiveAutoSchema(AutoSchema):
    def get_auth(self):
        auths = super().get_auth()
        perms = [p.__class__ for p in self.view.get_permissions()]
        if IsStaffOrReadOnly in perms and self.method in SAFE_METHODS and {} not in auths:
            auths.append({})  # reading needs no credentials
        return auths

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for response in responses.values():
            if "text/csv" in response.get("content", {}):
                response["content"]["text/csv"] = {"schema": CSV_BODY}
        errors = {"429": THROTTLED}
        is_list = self._is_list_view()
        if self.method not in SAFE_METHODS:
            errors.update({"400": VALIDATION_ERROR, "401": NOT_AUTHENTICATED, "403": FORBIDDEN})
        else:
            errors["400"] = VALIDATION_ERROR  # a filter value that does not validate, or an unknown parameter
        if is_list or "{" in self.path:
            errors["404"] = NOT_FOUND
        for code, response in errors.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    response, code, media_types=["application/json"], direction=direction
                )
        return responses
