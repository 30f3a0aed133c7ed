"""The Secretariat's starting checklist for viability concepts (staff edit it afterwards)."""

from django.db import migrations

CRITERIA = [
    ("Alineación con el plan departamental de desarrollo y los ODS", "Alignment with the departmental development plan and the SDGs"),
    ("Coherencia técnica (objetivo, actividades, resultados)", "Technical coherence (objective, activities, results)"),
    ("Coherencia del presupuesto", "Budget coherence"),
    ("Cofinanciación", "Co-financing"),
    ("Sostenibilidad", "Sustainability"),
    ("Riesgos y su manejo", "Risks and how they are handled"),
    ("Pertinencia para la frontera", "Border relevance"),
]


def create(apps, schema_editor):
    Criterion = apps.get_model("agreements", "Criterion")
    if Criterion.objects.exists():
        return
    for order, (es, en) in enumerate(CRITERIA, start=1):
        Criterion.objects.create(order=order, name_es=es, name_en=en)


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
