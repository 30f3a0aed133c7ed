"""The Secretariat's starting checklist for viability concepts."""

from django.db import migrations

from puente.agreements.defaults import ensure_default_criteria


def create(apps, schema_editor):
    ensure_default_criteria(apps.get_model("agreements", "Criterion"))


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
