"""Funding sources, calls for proposals and applications."""
