"""What the API keeps: answers to writes sent with a client key, so a retry is not a new write."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class ClientWrite(models.Model):
    """A write the API carried out, by the person's `Idempotency-Key`: the same key and request
    again get the same answer; the same key with another request is refused."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100)
    fingerprint = models.CharField(max_length=64)  # SHA-256 of method, path and body
    status = models.PositiveSmallIntegerField()
    answer = models.JSONField(encoder=DjangoJSONEncoder)  # dates as ISO text, as sent
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="client_write_once")]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.key}"
