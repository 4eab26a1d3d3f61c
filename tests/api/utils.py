"""Helpers for reading API responses in tests."""


def results(response, key=None):
    """The rows of a list response, or one key of each row."""
    assert response.status_code == 200, response.content
    rows = response.json()["results"]
    return rows if key is None else [row[key] for row in rows]
