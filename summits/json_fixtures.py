"""Django's JSON serialization format, with times kept to the microsecond.

Django's JSON encoder cuts datetimes and times to milliseconds (as ECMAScript dates have them),
so a ``dumpdata``/``loaddata`` round trip would alter every timestamp of the archive and its
history. Registered as the "json" format in settings.SERIALIZATION_MODULES; reading is unchanged
(``parse_datetime`` reads either form).
"""

import datetime as dt

from django.core.serializers import json as django_json
from django.core.serializers.json import Deserializer, DjangoJSONEncoder

__all__ = ["Deserializer", "Serializer"]


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, dt.datetime | dt.time) and o.microsecond:
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        super()._init_options()
