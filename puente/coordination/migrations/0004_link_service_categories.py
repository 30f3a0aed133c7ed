"""Links the existing services to their DAC categories (the codes they were saved with)."""

from django.db import migrations


def link(apps, schema_editor):
    service_model = apps.get_model("coordination", "Service")
    link_model = apps.get_model("coordination", "ServiceCategory")
    for service in service_model.objects.all():
        codes = {c.strip() for c in service.dac_categories.split(",") if c.strip()}
        link_model.objects.bulk_create(
            [link_model(service=service, category_id=code) for code in codes],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [("coordination", "0003_five_w_reports")]
    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
