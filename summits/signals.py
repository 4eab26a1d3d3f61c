"""Keep the full-text search vectors fresh: recompute them after the write commits.

Only the search index is maintained here; no domain logic lives in signals.
"""

from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from .models import Agreement, Article, Participant, Statement, Summit
from .search import refresh_search_index


@receiver(post_save, sender=Summit, dispatch_uid="summits_search_summit")
def summit_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_index(summit_ids=[instance.pk], include_items=False)


@receiver(m2m_changed, sender=Summit.topics.through, dispatch_uid="summits_search_summit_topics")
def summit_topics_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # topic.summits.add(...): instance is a Topic
        summit_ids = pk_set or []
        if action == "post_clear":
            return
    else:
        summit_ids = [instance.pk]
    refresh_search_index(summit_ids=summit_ids, include_items=False)


@receiver(post_save, sender=Statement, dispatch_uid="summits_search_statement")
def statement_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_index(statement_ids=[instance.pk])


@receiver(post_save, sender=Agreement, dispatch_uid="summits_search_agreement")
def agreement_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_index(agreement_ids=[instance.pk])


@receiver(post_save, sender=Participant, dispatch_uid="summits_search_participant")
def participant_saved(sender, instance, created=False, raw=False, **kwargs):
    # A speaker's name is part of their statements' vectors; a new person has said nothing yet.
    if not raw and not created:
        refresh_search_index(speaker_ids=[instance.pk])


@receiver(post_save, sender=Article, dispatch_uid="summits_search_article")
def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_search_index(article_ids=[instance.pk])


@receiver(pre_save, dispatch_uid="summits_fixture_rows_keep_their_history")
def mark_fixture_row(sender, instance, raw=False, **kwargs):
    """A row that ``loaddata`` writes brings its own history with it: simple_history must not add
    entries when the loader then sets the row's many-to-many fields (it skips raw saves, not the
    m2m_changed that follows them), or the history would hold changes that never happened."""
    if raw:
        instance.skip_history_when_saving = True
