"""The Secretariat's starting checklist for viability concepts (staff edit it afterwards)."""

from typing import Any

CRITERIA = [
    ("Alineación con el plan departamental de desarrollo y los ODS",
     "Alignment with the departmental development plan and the SDGs"),
    ("Coherencia técnica (objetivo, actividades, resultados)",
     "Technical coherence (objective, activities, results)"),
    ("Coherencia del presupuesto", "Budget coherence"),
    ("Cofinanciación", "Co-financing"),
    ("Sostenibilidad", "Sustainability"),
    ("Riesgos y su manejo", "Risks and how they are handled"),
    ("Pertinencia para la frontera", "Border relevance"),
]  # fmt: skip


def ensure_default_criteria(criterion_model: Any = None) -> None:
    """Creates the checklist when there is none (a migration passes its historical model)."""
    if criterion_model is None:
        from .models import Criterion as criterion_model
    if criterion_model.objects.exists():
        return
    for order, (es, en) in enumerate(CRITERIA, start=1):
        criterion_model.objects.create(order=order, name_es=es, name_en=en)
