"""Reads of the border app: filtered obstacles and commitments, the searchable library."""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from puente.lib.textsearch import search

from .models import CLOSED_STATUSES, Commitment, CommitmentStatus, ObstacleQuerySet, Study

OPEN_COMMITMENTS = (CommitmentStatus.PENDING, CommitmentStatus.IN_PROGRESS)


def filter_obstacles(obstacles: ObstacleQuerySet, **filters: Any) -> ObstacleQuerySet:
    status = filters.get("status") or ""
    if status == "open":
        obstacles = obstacles.exclude(status__in=CLOSED_STATUSES)
    elif status:
        obstacles = obstacles.filter(status=status)
    if filters.get("category"):
        obstacles = obstacles.filter(category=filters["category"])
    if filters.get("municipality"):
        obstacles = obstacles.filter(municipalities=filters["municipality"])
    if q := (filters.get("q") or "").strip():
        obstacles = obstacles.filter(
            Q(title__icontains=q) | Q(description__icontains=q) | Q(measure__icontains=q)
        )
    return obstacles.prefetch_related("municipalities").distinct()


def filter_commitments(commitments: QuerySet[Commitment], **filters: Any) -> QuerySet[Commitment]:
    status = filters.get("status") or ""
    if status == "":
        commitments = commitments.filter(status__in=OPEN_COMMITMENTS)
    elif status == "overdue":
        commitments = commitments.filter(
            status__in=OPEN_COMMITMENTS, due_on__lt=timezone.localdate()
        )
    elif status != "all":
        commitments = commitments.filter(status=status)
    if filters.get("side"):
        commitments = commitments.filter(side=filters["side"])
    return commitments.select_related("meeting").order_by("due_on", "pk")


def search_studies(studies: QuerySet[Study], **filters: Any) -> QuerySet[Study]:
    if filters.get("kind"):
        studies = studies.filter(kind=filters["kind"])
    if q := (filters.get("q") or "").strip():
        return search(studies, q).order_by("-rank", "-year")
    return studies.order_by("-year", "title")
