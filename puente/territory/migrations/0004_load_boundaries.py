"""Puts the shipped boundaries on the departments and municipalities an install already has."""

from django.db import migrations

from puente.territory.services import load_boundaries


def load(apps, schema_editor):  # noqa: ANN001, ARG001
    load_boundaries(apps.get_model("territory", "Department"), apps.get_model("territory", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("territory", "0003_boundaries")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
