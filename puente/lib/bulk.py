"""Writes made in bulk send no post_save: they announce themselves once per model through
`bulk_written`, heard by the caches that forget on a save (kept public pages, filter lists)."""

from django.dispatch import Signal

bulk_written = Signal()  # sender: the model whose rows were written
