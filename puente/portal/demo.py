"""The Secretariat's public content, from the facts of its current page, in Puente's own words."""

import io
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from .models import Album, Announcement, Function, Guideline, Office, Photo, TeamMember, Theme

T = Theme
# (number on the current page, theme, Spanish, English)
FUNCTIONS: list[tuple[int, str, str, str]] = [
    (1, T.COOPERATION, "Acompaña la tramitación de tratados y acuerdos internacionales ante el Gobierno nacional y el Congreso, cuando traen recursos para el departamento.", "Follows treaties and international agreements through the national Government and Congress when they bring resources to the department."),
    (2, T.BORDER, "Hace estudios y propone iniciativas para integrar la frontera con Venezuela y estrechar relaciones con otros países.", "Studies and proposes initiatives to integrate the border with Venezuela and strengthen ties with other countries."),
    (3, T.COORDINATION, "Identifica y une los esfuerzos de las entidades del Estado presentes en el departamento para que rindan más.", "Finds and joins up the efforts of the State entities in the department so that they go further."),
    (4, T.BORDER, "Asesora al Gobernador para quitar obstáculos y barreras que entorpecen la vida natural de la frontera.", "Advises the Governor on removing the obstacles and barriers that hinder ordinary life across the border."),
    (5, T.BORDER, "Propone normas de transporte, tributarias y aduaneras que favorezcan el desarrollo económico de la zona de frontera.", "Proposes transport, tax and customs rules that help the border area's economy."),
    (6, T.BORDER, "Analiza qué servicios hacen falta para facilitar la integración fronteriza.", "Analyses which services are missing to make border integration easier."),
    (7, T.COOPERATION, "Organiza las acciones necesarias para que el departamento haga parte del sistema nacional de cooperación internacional.", "Organises what the department needs to take part in the national system of international cooperation."),
    (8, T.COOPERATION, "Promueve la cooperación con Venezuela y otros países junto con entidades públicas, fundaciones, gremios, la Iglesia, la academia y las ONG.", "Promotes cooperation with Venezuela and other countries together with public bodies, foundations, guilds, the Church, academia and NGOs."),
    (9, T.PEOPLE, "Asesora, capacita y da asistencia técnica a los grupos más vulnerables: población desplazada y en reintegración, pueblos indígenas y afrodescendientes, niñez, juventud, familias, mujeres cabeza de hogar, personas con discapacidad y personas mayores.", "Advises, trains and gives technical assistance to the most vulnerable groups: displaced people and people in reintegration, indigenous and Afro-descendant peoples, children, youth, families, women heads of household, people with disabilities and older people."),
    (10, T.PEOPLE, "Impulsa programas para prevenir la migración irregular y la trata de personas en la frontera colombo-venezolana.", "Drives programmes that prevent irregular migration and human trafficking on the Colombian-Venezuelan border."),
    (11, T.COOPERATION, "Coordina y supervisa los planes y proyectos que fortalecen el acceso de las instituciones a la cooperación internacional.", "Coordinates and oversees the plans and projects that help institutions reach international cooperation."),
    (12, T.COOPERATION, "Formula proyectos de cooperación y emite conceptos técnicos sobre la viabilidad de los que presentan la gobernación y sus entidades descentralizadas.", "Prepares cooperation projects and issues technical opinions on the viability of those put forward by the governorate and its decentralised bodies."),
    (13, T.COOPERATION, "Coordina los convenios de cooperación internacional que firman la gobernación y sus entidades descentralizadas.", "Coordinates the international cooperation agreements signed by the governorate and its decentralised bodies."),
    (14, T.COOPERATION, "Gestiona recursos de fuentes bilaterales y multilaterales para el desarrollo social, económico, cultural y ambiental.", "Raises resources from bilateral and multilateral sources for social, economic, cultural and environmental development."),
    (15, T.COOPERATION, "Administra los planes, programas y proyectos de cooperación de la gobernación y les hace seguimiento.", "Manages the governorate's cooperation plans, programmes and projects and follows them up."),
    (16, T.COORDINATION, "Propone seminarios departamentales y nacionales con los actores del sistema nacional de cooperación internacional.", "Proposes departmental and national seminars with the actors of the national cooperation system."),
    (17, T.BORDER, "Coordina con autoridades nacionales, departamentales, municipales y venezolanas acciones conjuntas en la frontera.", "Coordinates joint border actions with national, departmental and municipal authorities and their Venezuelan counterparts."),
    (18, T.PEOPLE, "Busca recursos para las comunidades de frontera que no reciben salud, educación, recreación o empleo del Estado por razón de su nacionalidad.", "Seeks resources for border communities that receive no State health, education, recreation or employment because of their nationality."),
    (19, T.TOURISM, "Orienta y atiende a los turistas en tránsito.", "Guides and assists tourists in transit."),
    (20, T.TOURISM, "Trabaja con el Ministerio de Comercio, Industria y Turismo para promover el departamento como destino y como parte de un corredor turístico binacional.", "Works with the Ministry of Trade, Industry and Tourism to promote the department as a destination and as part of a binational tourist corridor."),
]  # fmt: skip

GUIDELINES: list[tuple[int, str, str]] = [
    (1, "Dar prioridad a la integración con los estados venezolanos vecinos, con respeto al derecho internacional, la paz, la democracia y los derechos humanos.", "Put integration with the neighbouring Venezuelan states first, respecting international law, peace, democracy and human rights."),
    (2, "Apoyar el multilateralismo con una presencia activa y realista en los organismos internacionales.", "Support multilateralism with an active and realistic presence in international organisations."),
    (3, "Abrir el departamento al mundo con realismo, profundizando la integración regional.", "Open the department to the world realistically, deepening regional integration."),
    (4, "Fortalecer la alianza estratégica con los estados venezolanos fronterizos en todos sus aspectos.", "Strengthen the strategic alliance with the bordering Venezuelan states in every respect."),
    (5, "Participar por la paz y por el desarrollo socioeconómico y la lucha contra la pobreza.", "Work for peace, socio-economic development and the fight against poverty."),
    (6, "Promover la cultura, el turismo y el deporte del departamento, con apoyo a los artistas jóvenes.", "Promote the department's culture, tourism and sport, supporting young artists."),
    (7, "Coordinar con la Cancillería y las entidades del departamento la relación con organismos internacionales, sector privado y sociedad civil.", "Coordinate with the Foreign Ministry and the department's bodies the relation with international organisations, the private sector and civil society."),
    (8, "Impulsar la asistencia humanitaria y el voluntariado en la región y la frontera.", "Encourage humanitarian assistance and volunteering in the region and on the border."),
]  # fmt: skip


def create_demo_content() -> None:
    for number, theme, es, en in FUNCTIONS:
        Function.objects.update_or_create(
            number=number, defaults={"theme": theme, "text_es": es, "text_en": en}
        )
    for number, es, en in GUIDELINES:
        Guideline.objects.update_or_create(number=number, defaults={"text_es": es, "text_en": en})
    if not Office.objects.exists():
        Office.objects.create(
            name="Secretaría de Fronteras y Cooperación Internacional",
            address="Avenida 5 entre calles 13 y 14, esquina, primer piso",
            phones="(57 + 7) 5710290 · (57 + 7) 5710590",
            extension="1125",
            mission_es="Contribuir al desarrollo y al bienestar de la región fronteriza cuidando sus relaciones políticas, económicas, culturales y de cooperación, y gestionar programas de interés departamental y fronterizo que den fuerza a la identidad de Norte de Santander en Colombia y en el exterior.",
            mission_en="To contribute to the development and well-being of the border region by tending its political, economic, cultural and cooperation ties, and to run programmes of departmental and border interest that strengthen Norte de Santander's identity in Colombia and abroad.",
            secretary_name="Juan Carlos Cortés Arias",
            secretary_profile_es="Ingeniero ambiental, especialista en gerencia de seguridad y salud en el trabajo. Más de quince años de experiencia en gestión ambiental, formulación de proyectos, docencia, investigación y trabajo social con asociaciones comunitarias del departamento.",
            secretary_profile_en="Environmental engineer specialised in occupational health and safety management, with over fifteen years of experience in environmental management, project design, teaching, research and social work with the department's community associations.",
        )


# (days ago, kind, Spanish title, summary, body; English title, summary, body); negative = scheduled
ANNOUNCEMENTS: list[tuple[int, str, str, str, str, str, str, str]] = [
    (6, "news", "Mesa departamental de cooperación: balance del segundo semestre",
     "Agencias, ONG y secretarías revisaron juntas qué se hace en cada municipio y dónde faltan servicios.",
     "<p>La mesa reunió a las agencias de Naciones Unidas, las ONG y las secretarías del departamento para revisar el mapa de cooperación.</p><h2>Acuerdos</h2><ul><li><p>Reportar cada mes las acciones por municipio.</p></li><li><p>Priorizar los municipios de frontera sin cobertura en salud.</p></li></ul>",
     "Departmental cooperation round table: second-half review",
     "Agencies, NGOs and departmental offices reviewed together what is done in each municipality and where services are missing.",
     "<p>The round table brought together United Nations agencies, NGOs and the department's offices to review the cooperation map.</p><h2>Agreements</h2><ul><li><p>Report actions by municipality every month.</p></li><li><p>Give priority to border municipalities without health coverage.</p></li></ul>"),
    (20, "notice", "Aviso: atención al público en la temporada de fin de año",
     "La oficina atiende en su horario habitual, salvo los festivos nacionales.",
     "<p>La Secretaría atiende de lunes a viernes de 7:30 a 12:00 y de 14:00 a 18:00. Los festivos nacionales la oficina permanece cerrada.</p>",
     "Notice: office hours over the year-end season",
     "The office keeps its usual hours, except on national holidays.",
     "<p>The Secretariat is open Monday to Friday from 7:30 to 12:00 and from 14:00 to 18:00. It is closed on national holidays.</p>"),
    (75, "news", "Jornada binacional de orientación a personas migrantes en Villa del Rosario",
     "Entidades de ambos lados de la frontera atendieron consultas sobre documentos, salud y educación.",
     "<p>Durante la jornada se orientó a familias sobre regularización, afiliación en salud y matrícula escolar, con apoyo de organizaciones socias.</p>",
     "", "", ""),
    (400, "notice", "Convocatoria a organizaciones sociales de municipios de frontera",
     "Se reciben propuestas de proyectos comunitarios para presentar a fuentes de cooperación.",
     "<p>Las organizaciones pueden presentar ideas de proyecto. La Secretaría acompaña su formulación y emite concepto técnico de viabilidad.</p>",
     "Call to community organisations in border municipalities",
     "Community project proposals are welcome, to be put to cooperation sources.",
     "<p>Organisations may put forward project ideas. The Secretariat helps prepare them and issues a technical viability opinion.</p>"),
    (-10, "news", "Seminario departamental de cooperación internacional (programado)",
     "Anuncio programado: aparecerá en la fecha de publicación.",
     "<p>Programa y inscripciones próximamente.</p>", "", "", ""),
]  # fmt: skip


def create_demo_announcements() -> None:
    if Announcement.objects.filter(is_demo=True).exists():
        return
    now = timezone.now()
    for days, kind, t_es, s_es, b_es, t_en, s_en, b_en in ANNOUNCEMENTS:
        announcement = Announcement(
            kind=kind,
            title_es=t_es,
            summary_es=s_es,
            body_es=b_es,
            title_en=t_en,
            summary_en=s_en,
            body_en=b_en,
            is_published=True,
            publish_at=now - timedelta(days=days),
        )
        announcement.is_demo = True
        announcement.save()


# Team entries: the office's real extension, desks rather than invented people (marked demo).
TEAM: list[tuple[str, str, str, str]] = [
    ("Despacho del Secretario (demo)", "Secretario de Despacho", "Secretary", "1125"),
    ("Equipo de cooperación internacional (demo)", "Profesionales de cooperación y proyectos", "Cooperation and projects staff", "1125"),
    ("Atención al ciudadano y al turista (demo)", "PQRSD y orientación a turistas en tránsito", "PQRSD and help for tourists in transit", "1125"),
]  # fmt: skip

# (days ago, Spanish title, English title, [(Spanish alt, English alt, caption es, caption en)])
ALBUMS: list[tuple[int, str, str, list[tuple[str, str, str, str]]]] = [
    (12, "Mesa departamental de cooperación (imágenes de demostración)", "Departmental cooperation round table (demo pictures)", [
        ("Ilustración de demostración: sala de reuniones con mesa larga", "Demo illustration: meeting room with a long table", "Apertura de la mesa", "Opening of the round table"),
        ("Ilustración de demostración: mapa del departamento en una pantalla", "Demo illustration: map of the department on a screen", "Revisión del mapa de cooperación", "Reviewing the cooperation map"),
        ("Ilustración de demostración: grupo de trabajo alrededor de una mesa", "Demo illustration: working group around a table", "", ""),
    ]),
    (80, "Jornada binacional en Villa del Rosario (imágenes de demostración)", "Binational day in Villa del Rosario (demo pictures)", [
        ("Ilustración de demostración: puente sobre un río al atardecer", "Demo illustration: a bridge over a river at sunset", "El puente internacional", "The international bridge"),
        ("Ilustración de demostración: carpas de atención al aire libre", "Demo illustration: open-air help tents", "Puntos de orientación", "Help points"),
    ]),
]  # fmt: skip

PALETTES = [
    ((33, 90, 140), (240, 170, 60)),
    ((20, 110, 90), (250, 220, 120)),
    ((120, 50, 90), (240, 140, 100)),
]


def _demo_picture(seed: int) -> ContentFile:
    """A generated landscape marked DEMO: the demo gallery needs no photographs of real people."""
    from PIL import Image, ImageDraw

    sky, sun = PALETTES[seed % len(PALETTES)]
    width, height = 1200, 800
    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):  # a soft gradient towards the horizon
        shade = tuple(min(255, c + y // 4) for c in sky)
        draw.line([(0, y), (width, y)], fill=shade)
    draw.ellipse((800 - seed * 40, 120, 960 - seed * 40, 280), fill=sun)
    draw.polygon([(0, 560), (300 + seed * 30, 330), (620, 560)], fill=(40, 70, 50))
    draw.polygon([(380, 600), (820, 300 + seed * 20), (1200, 600)], fill=(55, 95, 60))
    draw.rectangle((0, 560, width, height), fill=(70, 120, 70))
    draw.text((120, 40), "DEMO", fill=(255, 255, 255), font_size=64)  # clear of the 4:3 crop
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="demo.jpg")


def _demo_people(count: int, width: int, height: int) -> ContentFile:
    """Generated silhouettes marked DEMO, standing in for the photographs of real people that
    only the office can put up (the Secretary's portrait, the team's group picture)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (214, 226, 236))
    draw = ImageDraw.Draw(image)
    step = width / count
    for n in range(count):
        centre, head = step * (n + 0.5), min(step, height) * 0.16
        top = height * (0.30 if n % 2 else 0.24)  # a second row stands a little lower
        draw.ellipse((centre - head, top, centre + head, top + 2 * head), fill=(64, 84, 104))
        draw.rounded_rectangle(
            (centre - 2.2 * head, top + 2.3 * head, centre + 2.2 * head, height + head),
            radius=int(head), fill=(64, 84, 104),
        )  # fmt: skip
    draw.text((24, 16), "DEMO", fill=(160, 30, 30), font_size=max(32, width // 14))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="demo.jpg")


TEAM_ALBUM = (
    "El equipo de la Secretaría (imagen de demostración)",
    "The Secretariat's team (demo picture)",
    "Ilustración de demostración: siluetas de cinco personas del equipo",
    "Demo illustration: silhouettes of five people of the team",
)


def create_demo_gallery() -> None:
    from .services import set_renditions

    if not TeamMember.objects.exists():
        for order, (name, position_es, position_en, extension) in enumerate(TEAM):
            TeamMember.objects.create(
                name=name, position_es=position_es, position_en=position_en,
                extension=extension, order=order,
            )  # fmt: skip
    office = Office.objects.first()
    if office is not None and not office.secretary_photo:
        office.secretary_photo.save("demo.jpg", _demo_people(1, 600, 600))  # shown square
    if Album.objects.filter(is_demo=True).exists():
        return
    today = timezone.localdate()
    for days, title_es, title_en, photos in ALBUMS:
        album = Album(
            title_es=title_es, title_en=title_en, taken_on=today - timedelta(days=days),
            is_published=True,
        )  # fmt: skip
        album.is_demo = True
        album.save()
        for position, (alt_es, alt_en, caption_es, caption_en) in enumerate(photos):
            picture = _demo_picture(days + position)
            photo = Photo(
                album=album, position=position, alt_es=alt_es, alt_en=alt_en,
                caption_es=caption_es, caption_en=caption_en, large=picture,
            )  # fmt: skip
            set_renditions(photo, picture)
            photo.save()
    title_es, title_en, alt_es, alt_en = TEAM_ALBUM
    album = Album(title_es=title_es, title_en=title_en, taken_on=today, is_published=True)
    album.is_demo = True
    album.save()
    picture = _demo_people(5, 1200, 800)
    photo = Photo(album=album, position=0, alt_es=alt_es, alt_en=alt_en, large=picture)
    set_renditions(photo, picture)
    photo.save()
