from rest_framework_csv.renderers import PaginatedCSVRenderer


class FlatCSVRenderer(PaginatedCSVRenderer):
    """One row per result, columns in the serializer's order, ready for a spreadsheet.

    Nested objects become ``parent.child`` columns; lists of plain values become one cell
    joined with "; " (``parties`` = "RU; TR") instead of one column per position.
    """

    list_separator = "; "

    def render(self, data, *args, **kwargs):
        if isinstance(data, dict) and self.results_field not in data:
            data = [data]  # an error or a single object: one row rather than nothing
        return super().render(data, *args, **kwargs)

    def flatten_list(self, items):
        if all(not isinstance(item, dict | list) for item in items):
            return {"": self.list_separator.join("" if item is None else str(item) for item in items)}
        return super().flatten_list(items)

    def tablize(self, data, header=None, labels=None):
        if not header and data:
            data = list(self.flatten_data(data))
            header = list(dict.fromkeys(key for row in data for key in row))
            # The base class would flatten again; rows are already flat dicts.
            yield [labels.get(x, x) for x in header] if labels else header
            for row in data:
                yield [row.get(key) for key in header]
            return
        yield from super().tablize(data, header=header, labels=labels)
