"""Every ISO 3166-1 country, from pycountry."""

from django.db import migrations


def seed_countries(apps, schema_editor):
    import pycountry

    Country = apps.get_model("summits", "Country")
    Country.objects.using(schema_editor.connection.alias).bulk_create(
        [
            Country(
                code=c.alpha_2,
                alpha3=c.alpha_3,
                name=getattr(c, "common_name", None) or c.name,
                official_name=getattr(c, "official_name", ""),
            )
            for c in pycountry.countries
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("summits", "0001_initial")]

    operations = [migrations.RunPython(seed_countries, migrations.RunPython.noop)]
