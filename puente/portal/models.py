"""The Secretariat's public content: functions, guidelines, office data, announcements."""

from datetime import datetime
from pathlib import Path

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from simple_history.models import HistoricalRecords

from puente.lib.names import fold
from puente.lib.uploads import random_name


def _pick(es: str, en: str) -> str:
    return en if (get_language() or "es").startswith("en") and en else es


class Theme(models.TextChoices):
    """How a citizen looks for help: the functions grouped by what they do for people."""

    COOPERATION = "cooperation", _("International cooperation and resources")
    BORDER = "border", _("Border life and integration with Venezuela")
    PEOPLE = "people", _("Support for vulnerable people and migrants")
    COORDINATION = "coordination", _("Coordination between institutions")
    TOURISM = "tourism", _("Tourists and the promotion of the department")


class NumberedText(models.Model):
    """A numbered statement shown on the Secretariat's page, in Spanish and English."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    text_es = models.TextField(_("text (Spanish)"))
    text_en = models.TextField(_("text (English)"), blank=True)

    class Meta:
        abstract = True
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    @property
    def text(self) -> str:
        return _pick(self.text_es, self.text_en)


class Function(NumberedText):
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)

    class Meta(NumberedText.Meta):
        verbose_name = _("function")
        verbose_name_plural = _("functions")


class Guideline(NumberedText):
    class Meta(NumberedText.Meta):
        verbose_name = _("policy guideline")
        verbose_name_plural = _("policy guidelines")


def _office_file_path(instance: models.Model, filename: str) -> str:
    return random_name("office", filename)


class Office(models.Model):
    """Contact data and the Secretary's profile; one row, edited by staff."""

    name = models.CharField(_("office name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    city = models.CharField(_("city"), max_length=100, default="San José de Cúcuta")
    phones = models.CharField(_("phones"), max_length=200)
    extension = models.CharField(_("extension"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    mission_es = models.TextField(_("mission (Spanish)"))
    mission_en = models.TextField(_("mission (English)"), blank=True)
    secretary_name = models.CharField(_("Secretary's name"), max_length=200)
    secretary_profile_es = models.TextField(_("Secretary's profile (Spanish)"), blank=True)
    secretary_profile_en = models.TextField(_("Secretary's profile (English)"), blank=True)
    secretary_photo = models.ImageField(
        _("Secretary's photograph"), upload_to=_office_file_path, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("office")

    def __str__(self) -> str:
        return self.name

    @property
    def mission(self) -> str:
        return _pick(self.mission_es, self.mission_en)

    @property
    def secretary_profile(self) -> str:
        return _pick(self.secretary_profile_es, self.secretary_profile_en)


class TeamMember(models.Model):
    """Someone of the Secretariat the public may need to reach, in the order staff choose."""

    name = models.CharField(_("name"), max_length=200)
    position_es = models.CharField(_("position (Spanish)"), max_length=200)
    position_en = models.CharField(_("position (English)"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    extension = models.CharField(_("extension"), max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_published = models.BooleanField(_("shown on the public page"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def position(self) -> str:
        return _pick(self.position_es, self.position_en)


class ContactMessage(models.Model):
    """A message sent through the contact form; staff mark it handled once answered."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(max_length=5, default="es", editable=False)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.name}: {self.subject}"


# What staff can format in an announcement; the same list drives the editor's buttons and the
# server-side sanitiser, so nothing the editor cannot make survives a save.
RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "History": True,
}


def _announcement_file_path(instance: models.Model, filename: str) -> str:
    # A random name: the uploaded name is never trusted as a path.
    return random_name("announcements", filename)


class AnnouncementKind(models.TextChoices):
    NEWS = "news", _("News story")
    NOTICE = "notice", _("Public notice")


class AnnouncementStatus(models.TextChoices):
    """Where an announcement stands, derived from `is_published` and `publish_at`."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")


class AnnouncementQuerySet(models.QuerySet["Announcement"]):
    def published(self, at: datetime | None = None) -> "AnnouncementQuerySet":
        """What the public may see: published, and its publication time has come."""
        return self.filter(is_published=True, publish_at__lte=at or timezone.now())

    def with_status(self, status: str) -> "AnnouncementQuerySet":
        if status == AnnouncementStatus.DRAFT:
            return self.filter(is_published=False)
        if status == AnnouncementStatus.SCHEDULED:
            return self.filter(is_published=True, publish_at__gt=timezone.now())
        if status == AnnouncementStatus.PUBLISHED:
            return self.published()
        return self


class Announcement(models.Model):
    kind = models.CharField(
        _("kind"), max_length=10, choices=AnnouncementKind.choices, default=AnnouncementKind.NEWS
    )
    title_es = models.CharField(_("title (Spanish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_es = models.CharField(_("summary (Spanish)"), max_length=300)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    body_es = ProseEditorField(
        _("text (Spanish)"), extensions=RICH_TEXT_EXTENSIONS, sanitize=True, blank=True
    )
    body_en = ProseEditorField(
        _("text (English)"), extensions=RICH_TEXT_EXTENSIONS, sanitize=True, blank=True
    )
    image = models.ImageField(_("image"), upload_to=_announcement_file_path, blank=True)
    image_alt_es = models.CharField(_("image description (Spanish)"), max_length=250, blank=True)
    image_alt_en = models.CharField(_("image description (English)"), max_length=250, blank=True)
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Drafts are never shown to the public."),
    )
    publish_at = models.DateTimeField(
        _("publish from"),
        default=timezone.now,
        help_text=_("A later date schedules the announcement: it appears on its own then."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    search_text = models.TextField(default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "search_text"])

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["is_published", "publish_at"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        # Rows written outside a form (demo data, the shell) are sanitised too.
        for name in ("body_es", "body_en"):
            field: ProseEditorField = self._meta.get_field(name)  # type: ignore[assignment]
            setattr(self, name, field.sanitize(getattr(self, name) or ""))
        texts = (self.title_es, self.title_en, self.summary_es, self.summary_en)
        self.search_text = fold(
            " ".join((*texts, strip_tags(self.body_es), strip_tags(self.body_en)))
        )
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        return _pick(self.title_es, self.title_en)

    @property
    def summary(self) -> str:
        return _pick(self.summary_es, self.summary_en)

    @property
    def body(self) -> str:
        # English readers get the English text only when there is one, never half of each.
        return _pick(self.body_es, self.body_en) if self.title_en else self.body_es

    @property
    def image_alt(self) -> str:
        return _pick(self.image_alt_es, self.image_alt_en)

    @property
    def slug(self) -> str:
        return slugify(self.title_es)[:80] or "anuncio"

    @property
    def is_public(self) -> bool:
        return self.is_published and self.publish_at <= timezone.now()

    @property
    def status(self) -> AnnouncementStatus:
        if not self.is_published:
            return AnnouncementStatus.DRAFT
        return AnnouncementStatus.PUBLISHED if self.is_public else AnnouncementStatus.SCHEDULED

    def get_absolute_url(self) -> str:
        return reverse("portal:announcement", kwargs={"pk": self.pk, "slug": self.slug})


class AnnouncementDocument(models.Model):
    """A file that goes with an announcement (terms of a call, a resolution, a report)."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=_announcement_file_path)
    content_type = models.CharField(max_length=120, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attached document")
        verbose_name_plural = _("attached documents")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def extension(self) -> str:
        return Path(self.file.name or "").suffix.lstrip(".").upper()


def _gallery_file_path(instance: models.Model, filename: str) -> str:
    return random_name("gallery", filename)


class AlbumQuerySet(models.QuerySet["Album"]):
    def published(self) -> "AlbumQuerySet":
        return self.filter(is_published=True)


class Album(models.Model):
    """A set of photographs of one occasion (a binational meeting, a visit, a workshop)."""

    title_es = models.CharField(_("title (Spanish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    taken_on = models.DateField(_("date of the photographs"), default=timezone.localdate)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are never shown to the public.")
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    search_text = models.TextField(default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "search_text"])

    objects = AlbumQuerySet.as_manager()

    class Meta:
        verbose_name = _("album")
        verbose_name_plural = _("albums")
        ordering = ["-taken_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        texts = (self.title_es, self.title_en, self.description_es, self.description_en)
        self.search_text = fold(" ".join(texts))
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        return _pick(self.title_es, self.title_en)

    @property
    def description(self) -> str:
        # Like announcements: English readers get English only when the album has an English title.
        return (
            _pick(self.description_es, self.description_en)
            if self.title_en
            else self.description_es
        )

    @property
    def slug(self) -> str:
        return slugify(self.title_es)[:80] or "album"

    def get_absolute_url(self) -> str:
        return reverse("portal:album", kwargs={"pk": self.pk, "slug": self.slug})


class PhotoSize(models.TextChoices):
    """The renditions kept of every photograph (longest side in pixels)."""

    THUMB = "thumb", "400"
    MEDIUM = "medium", "800"
    LARGE = "large", "1600"

    @property
    def pixels(self) -> int:
        return int(self.label)


class Photo(models.Model):
    album = models.ForeignKey(Album, on_delete=models.CASCADE, related_name="photos")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    large = models.ImageField(_("photograph"), upload_to=_gallery_file_path)
    medium = models.ImageField(upload_to=_gallery_file_path, editable=False)
    thumb = models.ImageField(upload_to=_gallery_file_path, editable=False)
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    alt_es = models.CharField(
        _("description for people who cannot see it (Spanish)"),
        max_length=250,
        help_text=_("What the photograph shows, for screen readers."),
    )
    alt_en = models.CharField(
        _("description for people who cannot see it (English)"), max_length=250, blank=True
    )
    caption_es = models.CharField(_("caption (Spanish)"), max_length=300, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("photograph")
        verbose_name_plural = _("photographs")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.alt

    @property
    def alt(self) -> str:
        return _pick(self.alt_es, self.alt_en)

    @property
    def caption(self) -> str:
        return _pick(self.caption_es, self.caption_en)

    def file(self, size: str) -> models.fields.files.FieldFile:
        return getattr(self, PhotoSize(size).value)

    def url(self, size: str) -> str:
        return reverse("portal:photo-image", kwargs={"pk": self.pk, "size": size})

    @property
    def srcset(self) -> str:
        return ", ".join(f"{self.url(s)} {self._width(s)}w" for s in PhotoSize)

    def _width(self, size: str) -> int:
        # The rendition's real width: the longest side (width or height) is scaled to `side`.
        side = PhotoSize(size).pixels
        longest = max(self.width, self.height) or 1
        return self.width if longest <= side else round(self.width * side / longest)
