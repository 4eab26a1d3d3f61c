"""Fixtures shared by every layer's tests."""

import pytest

from tests import factories


@pytest.fixture
def editor(db):
    return factories.EditorFactory()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def summit(db):
    return factories.SummitFactory()
