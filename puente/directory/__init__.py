"""Organisations (partners, State entities, NGOs, ...) and their people."""
