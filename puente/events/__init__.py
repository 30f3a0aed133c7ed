"""Seminars, trainings and binational meetings: registrations and attendance."""
