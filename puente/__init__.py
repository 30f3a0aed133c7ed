"""Puente: the information system of a border department's cooperation secretariat."""
