"""The services the seed page names (health, education, recreation, employment) and a few more."""

from django.db import migrations

SERVICES = [
    ("Salud", "Health", "121, 122, 123"),
    ("Educación", "Education", "111, 112, 113, 114"),
    ("Recreación y deporte", "Recreation and sport", "160"),
    ("Empleo", "Employment", "160, 250"),
    ("Agua y saneamiento", "Water and sanitation", "140"),
    ("Alimentación", "Food", "311, 520"),
    ("Protección", "Protection", "151, 152"),
    ("Documentación y regularización", "Documents and legal status", "151"),
]


def create(apps, schema_editor):
    Service = apps.get_model("coordination", "Service")
    for order, (es, en, codes) in enumerate(SERVICES, start=1):
        Service.objects.get_or_create(
            name_es=es, defaults={"name_en": en, "dac_categories": codes, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("coordination", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
