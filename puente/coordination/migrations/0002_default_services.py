"""The services a need can be about, to start with."""

from django.db import migrations

from puente.coordination.defaults import ensure_default_services


def create(apps, schema_editor):
    ensure_default_services(apps.get_model("coordination", "Service"))


class Migration(migrations.Migration):
    dependencies = [("coordination", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
