"""Checks an uploaded file by its content (not its name or claimed type) and its size."""

import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# An office file is a zip archive: one that unpacks to far more than any real document is a
# "zip bomb" that would fill memory or disk when opened.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# For images shown at a bounded size (photographs, portraits): PNGs cannot be decoded smaller.
MAX_PNG_PIXELS = 16_000_000
IMAGE_SIGNATURES = (b"\x89PNG", b"\xff\xd8\xff")  # PNG, JPEG

# Office Open XML and OpenDocument files are zip archives; these members tell them apart.
ZIP_KINDS = {
    "word/document.xml": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xl/workbook.xml": (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "ppt/presentation.xml": (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}


# The only endings a stored file may carry (what the checks above can tell a file is).
SAFE_SUFFIXES = {".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".txt", ".csv", ".xml",
                 ".png", ".jpg", ".jpeg"}  # fmt: skip


def random_name(folder: str, filename: str) -> str:
    """Where an upload is stored: a random name in `folder`; the uploaded name is never used as
    a path, and its ending is kept only when it is one of ours."""
    suffix = Path(filename).suffix.lower()
    return f"{folder}/{uuid.uuid4().hex}{suffix if suffix in SAFE_SUFFIXES else ''}"


@dataclass(frozen=True)
class Detected:
    extension: str
    content_type: str


def detect_document(upload: UploadedFile, max_bytes: int = MAX_DOCUMENT_BYTES) -> Detected:
    """Returns what the file really is, or raises ValidationError saying why it is refused."""
    if upload.size is None or upload.size > max_bytes:
        raise ValidationError(
            _("The file is larger than the %(limit)s allowed.")
            % {"limit": filesizeformat(max_bytes)}
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return Detected("pdf", "application/pdf")
        if head.startswith(b"PK\x03\x04"):
            return _detect_zip(upload)
        if head.startswith(IMAGE_SIGNATURES):
            return _detect_image(upload)
        return _detect_text(upload)
    finally:
        upload.seek(0)


def has_macros(archive: zipfile.ZipFile) -> bool:
    return any(name.lower().endswith("vbaproject.bin") for name in archive.namelist())


def unpacked_bytes(archive: zipfile.ZipFile) -> int:
    """What the archive says its members unpack to (read from its directory, nothing unpacked)."""
    return sum(info.file_size for info in archive.infolist())


def _detect_zip(upload: UploadedFile) -> Detected:
    try:
        with zipfile.ZipFile(upload) as archive:
            if unpacked_bytes(archive) > MAX_UNPACKED_BYTES:
                raise ValidationError(
                    _("The file unpacks to more than %(limit)s; it is refused.")
                    % {"limit": filesizeformat(MAX_UNPACKED_BYTES)}
                )
            names = set(archive.namelist())
            for member, (extension, content_type) in ZIP_KINDS.items():
                if member in names:
                    if has_macros(archive):
                        raise ValidationError(_("Files with macros are not accepted."))
                    return Detected(extension, content_type)
            if "mimetype" in names:
                kind = archive.read("mimetype").strip()
                if kind in OPENDOCUMENT:
                    return Detected(OPENDOCUMENT[kind], kind.decode())
    except zipfile.BadZipFile:
        pass
    raise ValidationError(_("The file is an archive, not an accepted document."))


def _detect_image(upload: UploadedFile) -> Detected:
    try:
        with Image.open(upload) as image:
            # The header tells the size before any pixel is decoded: a small file can unpack
            # to gigabytes (a "decompression bomb"), so refuse big ones up front.
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise Image.DecompressionBombError(f"{image.width}x{image.height}")
            image.verify()
            kind = (image.format or "").lower()
    except Image.DecompressionBombError as error:
        raise ValidationError(_("The image has too many pixels to be processed.")) from error
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(_("The image is damaged or not an image.")) from error
    if kind == "png":
        return Detected("png", "image/png")
    if kind == "jpeg":
        return Detected("jpg", "image/jpeg")
    raise ValidationError(_("Only PNG and JPEG images are accepted."))


def _detect_text(upload: UploadedFile) -> Detected:
    data = upload.read(MAX_DOCUMENT_BYTES + 1)
    if b"\x00" in data:
        raise ValidationError(
            _(
                "This kind of file is not accepted: use PDF, Word, Excel, OpenDocument, PNG, JPEG or text."
            )
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The text file is not in UTF-8.")) from error
    if (upload.name or "").lower().endswith(".csv"):
        return Detected("csv", "text/csv; charset=utf-8")
    return Detected("txt", "text/plain; charset=utf-8")


def clean_image(
    upload: UploadedFile, max_bytes: int = 5 * 1024 * 1024, max_side: int | None = None
) -> ContentFile:
    """Checks a PNG or JPEG by content and re-encodes it, which drops its metadata (GPS, camera).

    With `max_side`, a larger image is scaled down so that neither side exceeds it.
    """
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(IMAGE_SIGNATURES):  # say "image", not "document", for a GIF or a TIFF
        raise ValidationError(_("Only PNG and JPEG images are accepted."))
    detected = detect_document(upload, max_bytes)
    with Image.open(upload) as opened:
        if (
            max_side
            and detected.extension == "png"
            and opened.width * opened.height > MAX_PNG_PIXELS
        ):
            # A PNG is decoded whole before it can be scaled (4 bytes a pixel, several copies):
            # a 36-megapixel one of 105 KB cost ~300 MB. Photographs come as JPEG.
            raise ValidationError(
                _("The PNG image has more than %(n)s million pixels; save it as JPEG or smaller.")
                % {"n": MAX_PNG_PIXELS // 1_000_000}
            )
        if max_side:
            # A JPEG decodes straight at a fraction of its size (1/2, 1/4, 1/8), no smaller than
            # asked: a 40-megapixel photograph never sits in memory whole.
            opened.draft("RGB", (max_side, max_side))
        opened.load()
        pixels: Image.Image = opened
        if max_side:
            pixels.thumbnail((max_side, max_side))  # scaled before any copy is made
        if pixels.mode not in ("RGB", "RGBA", "L"):
            pixels = pixels.convert("RGBA" if detected.extension == "png" else "RGB")
        # A new image from the pixels alone: no EXIF (GPS, camera), no text chunks, no profile.
        clean = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    buffer = io.BytesIO()
    clean.save(buffer, "PNG" if detected.extension == "png" else "JPEG", quality=90)
    return ContentFile(buffer.getvalue(), name=f"image.{detected.extension}")


def scaled_copy(image: ContentFile, max_side: int) -> ContentFile:
    """A smaller rendition of an image `clean_image` returned (responsive sizes, thumbnails)."""
    image.seek(0)
    with Image.open(image) as opened:
        kind = opened.format or "JPEG"
        copy = opened.copy()
    copy.thumbnail((max_side, max_side))
    buffer = io.BytesIO()
    copy.save(buffer, kind, quality=85)
    image.seek(0)
    return ContentFile(buffer.getvalue(), name=image.name)


def image_size(image: ContentFile) -> tuple[int, int]:
    image.seek(0)
    with Image.open(image) as opened:
        size = opened.size
    image.seek(0)
    return size


def image_response(image: FieldFile, max_age: int) -> FileResponse:
    """Serves a stored (already checked) PNG or JPEG with headers that forbid sniffing."""
    if not image:
        raise Http404
    kind = "image/png" if (image.name or "").endswith(".png") else "image/jpeg"
    response = FileResponse(image.open("rb"), content_type=kind)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


# The ending each detected kind of file is named with, on disk and when downloaded.
EXTENSION_OF = {
    "application/pdf": "pdf",
    **{content_type: extension for extension, content_type in ZIP_KINDS.values()},
    **{kind.decode(): extension for kind, extension in OPENDOCUMENT.items()},
    "image/png": "png",
    "image/jpeg": "jpg",
    "text/csv": "csv",
    "text/plain": "txt",
    "application/xml": "xml",
}


def download_name(filename: str, content_type: str) -> str:
    """The name a download is offered under: the person's name for it, with the ending of what
    its content was found to be ("evil.html" holding text downloads as "evil.txt")."""
    extension = EXTENSION_OF.get(content_type.split(";")[0].strip().lower())
    stem = Path(filename).stem if Path(filename).suffix else filename
    stem = stem or "document"
    return f"{stem}.{extension}" if extension else stem


def stored_name(detected: Detected) -> str:
    """What an upload is saved as (random_name then picks a random stem): its proven ending."""
    return f"document.{detected.extension}"


def download_response(file: FieldFile, filename: str, content_type: str) -> FileResponse:
    """A stored upload as a download: never rendered by the browser, whatever the file holds."""
    response = FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=download_name(filename, content_type),
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
