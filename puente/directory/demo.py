"""Demo organisations: the partners the Secretariat's public page names, plus local actors."""

from .models import Organisation, OrganisationKind

K = OrganisationKind

# (acronym, name, kind, country, IATI organisation identifier or "")
SEED_PARTNERS: list[tuple[str, str, str, str, str]] = [
    ("ACNUR", "Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados", K.MULTILATERAL, "", "XM-DAC-41121"),
    ("CICR", "Comité Internacional de la Cruz Roja", K.INTERNATIONAL_NGO, "CH", ""),
    ("CISP", "Comité Internacional para el Desarrollo de los Pueblos", K.INTERNATIONAL_NGO, "IT", ""),
    ("NRC", "Consejo Noruego para Refugiados", K.INTERNATIONAL_NGO, "NO", "NO-BRC-977538319"),
    ("CRUE", "Centro Regulador de Urgencia y Emergencias", K.STATE_DEPARTMENTAL, "CO", ""),
    ("GTZ", "Agencia de Cooperación Técnica Alemana", K.BILATERAL, "DE", ""),
    ("MAPP/OEA", "Misión de Apoyo al Proceso de Paz de la Organización de los Estados Americanos", K.MULTILATERAL, "", ""),
    ("", "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos", K.MULTILATERAL, "", ""),
    ("OCHA", "Oficina de Asuntos Humanitarios de las Naciones Unidas", K.MULTILATERAL, "", "XM-OCHA-CBPF"),
    ("OEI", "Organización de Estados Iberoamericanos", K.MULTILATERAL, "", ""),
    ("OIM", "Organización Internacional para las Migraciones", K.MULTILATERAL, "", "XM-DAC-47066"),
    ("OPS", "Organización Panamericana de la Salud", K.MULTILATERAL, "", ""),
    ("PMA", "Programa Mundial de Alimentos", K.MULTILATERAL, "", "XM-DAC-41140"),
    ("UNDSS", "Oficina de Seguridad de las Naciones Unidas", K.MULTILATERAL, "", ""),
    ("UNODC", "Oficina de las Naciones Unidas contra la Droga y el Delito", K.MULTILATERAL, "", ""),
    ("UE", "Comunidad de la Unión Europea", K.MULTILATERAL, "", "XI-IATI-EC_INTPA"),
    ("USAID", "Agencia de Cooperación de los Estados Unidos", K.BILATERAL, "US", "US-GOV-1"),
    ("BID", "Banco Interamericano de Desarrollo", K.MULTILATERAL, "", "XI-IATI-IADB"),
    ("COSUDE", "Agencia Suiza para el Desarrollo y la Cooperación", K.BILATERAL, "CH", "CH-4"),
    ("UNICEF", "Fondo de las Naciones Unidas para la Infancia", K.MULTILATERAL, "", "XM-DAC-41122"),
    ("", "Cancillería – Plan Fronteras", K.STATE_NATIONAL, "CO", ""),
]  # fmt: skip

LOCAL_ACTORS: list[tuple[str, str, str, str, str]] = [
    ("GNS", "Gobernación de Norte de Santander", K.STATE_DEPARTMENTAL, "CO", ""),
    ("", "Alcaldía de San José de Cúcuta", K.STATE_MUNICIPAL, "CO", ""),
    ("", "Alcaldía de Villa del Rosario", K.STATE_MUNICIPAL, "CO", ""),
    ("UFPS", "Universidad Francisco de Paula Santander", K.ACADEMIA, "CO", ""),
    ("", "Universidad de Pamplona", K.ACADEMIA, "CO", ""),
    ("CCC", "Cámara de Comercio de Cúcuta", K.CHAMBER_OF_COMMERCE, "CO", ""),
    ("", "Diócesis de Cúcuta – Pastoral Social", K.CHURCH, "CO", ""),
    ("", "Alcaldía del Municipio Bolívar (Táchira)", K.VENEZUELAN_AUTHORITY, "VE", ""),
]  # fmt: skip


def create_demo_organisations() -> list[Organisation]:
    created = []
    for acronym, name, kind, country, iati in SEED_PARTNERS + LOCAL_ACTORS:
        org, _ = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "country_id": country or None,
                "iati_identifier": iati or None,
                "is_demo": True,
            },
        )
        created.append(org)
    return created
