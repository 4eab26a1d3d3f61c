"""Summit.date_precision: a summit dated by a month or a year ("in March 1980") is filed under its
first day and shown without a day; the dates already stored are days."""

from django.db import migrations, models


def days_already_stored(apps, schema_editor):
    """Every date the archive held so far was a day (the import stored no month or year)."""
    Summit = apps.get_model("summits", "Summit")
    Summit.objects.filter(start_date__isnull=False).update(date_precision="day")


class Migration(migrations.Migration):
    dependencies = [
        ("summits", "0005_article_source_and_redirects"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalsummit",
            name="date_precision",
            field=models.CharField(
                blank=True,
                choices=[("day", "Day"), ("month", "Month"), ("year", "Year")],
                help_text='How much of the date is known. For a month or a year the start date is its first day (1 March 1980, 1 January 1980) and pages show only "March 1980" or "1980". Blank: unknown (a start date then counts as a day).',
                max_length=5,
            ),
        ),
        migrations.AddField(
            model_name="summit",
            name="date_precision",
            field=models.CharField(
                blank=True,
                choices=[("day", "Day"), ("month", "Month"), ("year", "Year")],
                help_text='How much of the date is known. For a month or a year the start date is its first day (1 March 1980, 1 January 1980) and pages show only "March 1980" or "1980". Blank: unknown (a start date then counts as a day).',
                max_length=5,
            ),
        ),
        migrations.RunPython(days_already_stored, migrations.RunPython.noop),
    ]
