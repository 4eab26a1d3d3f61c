"""Template helpers for citations and machine-readable metadata."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# As Django's json_script: no "<", ">" or "&" survive, so the data cannot close its <script>.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(value) -> SafeString:
    """``value`` as a ``<script type="application/ld+json">`` block, escaped as ``json_script``
    escapes. A data block, never run, so a Content-Security-Policy has nothing to allow for it;
    ``json_script`` itself cannot be used because it always writes type="application/json",
    which search engines do not read as JSON-LD."""
    data = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))  # noqa: S308
