"""``import_article`` over a folder holding one file of every kind that real articles arrive as
(HTML, UTF-16, cp1252, mojibake, entities, newswire and Reuters SGML, front matter, headers,
@highlight bullets, Usenet quoting, hard wraps, CRLF), one that used to crash the extraction and
one binary file: one line for the binary file, every other one imported, a non-zero exit."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from summits.models import Article

FILES = Path(__file__).parent / "files"

pytestmark = pytest.mark.django_db


def test_a_folder_of_real_world_files_imports_all_but_the_binary_one():
    stdout, stderr = StringIO(), StringIO()

    with pytest.raises(CommandError, match=r"1 of 18 not imported: .*binary_picture\.txt$"):
        call_command("import_article", str(FILES), stdout=stdout, stderr=stderr)

    assert stderr.getvalue() == f"{FILES / 'binary_picture.txt'}: binary file, not text\n"
    assert "Articles: 17 created, 0 updated, 0 unchanged, 0 refused, 1 failed." in stdout.getvalue()
    articles = {a.source_format: a for a in Article.objects.all()}
    assert set(articles) == {"text", "html", "newswire-sgml", "reuters-sgml", "front-matter", "email"}
    page = articles["html"]
    assert "<p>" not in page.text and page.original.lstrip().startswith("<")
    assert all("\r" not in a.text for a in Article.objects.all())
    once_crashed = Article.objects.get(text__contains="while the minister had been careless")
    assert once_crashed.incomplete == []
