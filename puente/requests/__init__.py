"""PQRSD: citizens' petitions, complaints, claims, suggestions and reports, with legal deadlines."""
