"""Running Puente: health check, error pages, request limits, backup and restore."""
