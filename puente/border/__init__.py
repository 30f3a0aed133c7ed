"""Border obstacles, binational meetings and their commitments, border studies."""
