"""Photographs are scaled while they are decoded; PNGs too big to decode cheaply are refused."""

import io
import subprocess
import sys

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from puente.lib.uploads import clean_image, image_size


def encoded(size: tuple[int, int], kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, kind)
    return buffer.getvalue()


def test_a_36_megapixel_png_of_a_few_kilobytes_is_refused_for_a_photograph():
    png = encoded((6000, 6000), "PNG")
    assert len(png) < 300_000
    with pytest.raises(ValidationError, match="JPEG"):
        clean_image(SimpleUploadedFile("plano.png", png), max_side=1600)


def test_a_large_jpeg_photograph_comes_out_at_the_size_it_is_shown():
    jpeg = encoded((6000, 4000), "JPEG")
    clean = clean_image(
        SimpleUploadedFile("foto.jpg", jpeg), max_bytes=15 * 1024 * 1024, max_side=1600
    )
    assert image_size(clean) == (1600, 1067)


MEASURE = """
import os, resource, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puente.test_settings")
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from puente.lib.uploads import clean_image
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
clean_image(SimpleUploadedFile("f.jpg", data), max_bytes=15 * 2**20, max_side=1600)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def test_a_40_megapixel_photograph_is_processed_in_a_fraction_of_its_decoded_size(tmp_path):
    """Decoded whole, 40 million RGB pixels are 120 MB before any copy; drafted, a sixteenth."""
    path = tmp_path / "foto.jpg"
    path.write_bytes(encoded((8000, 5000), "JPEG"))
    measured = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=True
    )
    grown_kb = int(measured.stdout.split()[-1])  # the peak's growth while the photo is cleaned
    assert grown_kb < 60_000  # well under the 120 MB of one whole decoded copy
