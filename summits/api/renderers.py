from rest_framework import serializers
from rest_framework_csv.renderers import PaginatedCSVRenderer


def csv_columns(serializer: serializers.Serializer) -> list[str]:
    """The columns of a serializer's rows: its readable fields in order, nested ones as a.b."""
    columns = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        if isinstance(field, serializers.ListSerializer):
            continue  # a list of objects (an item's sources) has no one cell: the JSON gives it
        if isinstance(field, serializers.Serializer):
            columns += [f"{name}.{column}" for column in csv_columns(field)]
        else:
            columns.append(name)
    return columns


class FlatCSVRenderer(PaginatedCSVRenderer):
    """One row per result, the serializer's fields as columns, ready for a spreadsheet.

    Nested objects become ``parent.child`` columns (empty when there is none); lists of plain
    values become one cell joined with "; " (``parties`` = "RU; TR"). An empty page still has
    its header row. Lists of objects (an item's ``sources``) are left out.
    """

    list_separator = "; "

    def render(self, data, media_type=None, renderer_context=None):
        renderer_context = dict(renderer_context or {})
        view = renderer_context.get("view")
        if view is not None and "header" not in renderer_context:
            renderer_context["header"] = csv_columns(view.get_serializer())
        return super().render(data, media_type, renderer_context)

    def flatten_list(self, items):
        if all(not isinstance(item, dict | list) for item in items):
            return {"": self.list_separator.join("" if item is None else str(item) for item in items)}
        return super().flatten_list(items)
