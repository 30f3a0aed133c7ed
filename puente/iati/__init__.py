"""IATI: read what donors publish (reader, loader), publish the department's own (writer)."""
