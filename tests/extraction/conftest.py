import pytest

from summits.extraction.nlp import get_nlp


@pytest.fixture(scope="session")
def nlp():
    """The model, loaded once for the whole test session (get_nlp is cached too)."""
    return get_nlp()
