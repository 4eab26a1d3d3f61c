"""factory_boy factories for the archive's models."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from summits import models


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery")


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"editor{n}")
    is_staff = True
    is_superuser = True


def country(code: str) -> models.Country:
    """A country from the seeded ISO table."""
    return models.Country.objects.get(code=code)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Article

    text = factory.Sequence(
        lambda n: (
            f"Article {n}. Russian President Vladimir Putin met his Turkish counterpart in Sochi. "
            f'"We agreed to work together," Putin said.'
        )
    )
    title = factory.Sequence(lambda n: f"Leaders meet, report {n}")
    url = factory.Sequence(lambda n: f"https://news.example.org/{n}")
    outlet = "Example News"
    published = dt.date(2017, 5, 3)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"topic {n}")


class SummitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Summit

    title = factory.Sequence(lambda n: f"Putin–Erdogan talks {n}")
    slug = factory.Sequence(lambda n: f"putin-erdogan-talks-{n}")
    start_date = dt.date(2017, 5, 3)
    end_date = factory.SelfAttribute("start_date")
    date_text = "Wednesday"
    city = "Sochi"
    country = factory.LazyFunction(lambda: country("RU"))
    status = models.Summit.Status.PUBLISHED


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Participant

    name = factory.Sequence(lambda n: f"Person Number{n}")
    slug = factory.Sequence(lambda n: f"person-number{n}")
    title = "President"
    country = factory.LazyFunction(lambda: country("RU"))


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ParticipantAlias

    participant = factory.SubFactory(ParticipantFactory)
    name = factory.Sequence(lambda n: f"Alias{n}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Attendance

    summit = factory.SubFactory(SummitFactory)
    participant = factory.SubFactory(ParticipantFactory)
    role = "President"
    country = factory.SelfAttribute("participant.country")


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statement

    summit = factory.SubFactory(SummitFactory)
    article = factory.SubFactory(ArticleFactory)
    speaker = factory.SubFactory(ParticipantFactory)
    text = "We agreed to work together,"
    kind = models.Statement.Kind.DIRECT
    # As an editor left it: tests of the review itself ask for pending items explicitly.
    review_status = models.ReviewStatus.APPROVED
    start = factory.LazyAttribute(lambda s: s.article.text.find(s.text) if s.article else None)
    end = factory.LazyAttribute(lambda s: s.start + len(s.text) if s.start is not None else None)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Agreement
        skip_postgeneration_save = True

    summit = factory.SubFactory(SummitFactory)
    article = factory.SubFactory(ArticleFactory)
    text = "We agreed to work together"
    topic = "cooperation"
    review_status = models.ReviewStatus.APPROVED
    start = factory.LazyAttribute(lambda a: a.article.text.find(a.text) if a.article else None)
    end = factory.LazyAttribute(lambda a: a.start + len(a.text) if a.start is not None else None)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create:
            codes = extracted if extracted is not None else ["RU", "TR"]
            self.countries.set(models.Country.objects.filter(code__in=codes))


class ImportJobFactory(factory.django.DjangoModelFactory):
    """An import job as a worker left it: done, with the article and summit it imported."""

    class Meta:
        model = models.ImportJob

    label = factory.Sequence(lambda n: f"Leaders meet, report {n}")
    text = factory.Sequence(
        lambda n: f"Article {n}. Russian President Vladimir Putin met his Turkish counterpart."
    )
    origin = "admin upload"
    how = "import in the admin"
    requested_by = factory.SubFactory(EditorFactory)
    status = models.ImportJob.Status.DONE
    attempts = 1
    outcome = "created"
    article = factory.SubFactory(ArticleFactory)
    summit = factory.SubFactory(SummitFactory)
    summit_created = True
    counts = factory.LazyFunction(lambda: {"added": 2, "refreshed": 0, "kept": 0, "skipped": 0, "removed": 0})
