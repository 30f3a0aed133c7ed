"""Puts the shipped boundaries on the departments and municipalities an install already has."""

from django.db import migrations

from puente.territory.shapes import features


def load(apps, schema_editor):  # noqa: ANN001, ARG001
    for model_name, file_name in (
        ("Department", "departments.geojson"),
        ("Municipality", "norte-de-santander-municipalities.geojson"),
    ):
        model = apps.get_model("territory", model_name)
        shapes = {f["properties"]["code"]: f["geometry"] for f in features(file_name)}
        for row in model.objects.filter(code__in=shapes):
            row.boundary = shapes[row.code]
            row.save(update_fields=["boundary"])


class Migration(migrations.Migration):
    dependencies = [("territory", "0003_boundaries")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
